// Size floor: the framework the widget is written in (Preact, hooks, signals),
// used the way the pages use it, with nothing of ours. See scripts/bench.mjs.
import { render } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { action, computed, createModel, signal, useModel } from "@preact/signals";

const Counter = createModel(() => {
  const count = signal(0);
  const double = computed(() => count.value * 2);
  return { count, double, add: action(() => count.value++) };
});

function App() {
  const model = useModel(() => new Counter());
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), [open]);
  return (
    <button ref={ref} onClick={() => (setOpen(!open), model.add())}>
      {model.double}
    </button>
  );
}

render(<App />, document.body);
