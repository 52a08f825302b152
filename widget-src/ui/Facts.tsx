import type { ComponentChildren } from "preact";
import "./facts.css";

/** Label and value pairs, aligned in two columns (one column on narrow screens). */
export function Facts({ rows }: { rows: [label: ComponentChildren, value: ComponentChildren][] }) {
  return (
    <dl class="facts">
      {rows.map(([label, value], index) => (
        <div key={index} class="facts__row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
