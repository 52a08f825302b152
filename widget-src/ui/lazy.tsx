import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { OnDemandPending } from "./on-demand";
import { loadOnDemandStyles } from "./stylesheet";

export type LazyComponent<P> = ComponentType<P> & {
  /** Starts loading now (when the user is about to open it), so it shows at once. */
  preload: () => void;
};

/**
 * A component whose code loads only when it is first shown, so a page's
 * first paint carries only what it needs; the on-demand stylesheet comes
 * with it. The chunk comes from the widget's own origin; if it cannot load,
 * the page says so and offers to try again.
 *
 * Why not preact-iso's `lazy`: it suspends (throws the pending import) and
 * leaves the loading and the failed state to a Suspense or ErrorBoundary
 * around it, it has no way to wait for a stylesheet, and it cannot start
 * loading on intent. This one shows the same placeholder and Try again as
 * the sections that load on demand (OnDemandPending), loads the on-demand
 * stylesheet with the code, and offers `preload` for buttons to call when
 * the pointer or the focus reaches them.
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const start = () => (pending ??= Promise.all([load(), loadOnDemandStyles()]).then(([found]) => (loaded = found)));
  const preload = () => void start().catch(() => (pending = undefined));
  function Lazy(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | undefined>(() => loaded);
    const [failed, setFailed] = useState(false);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (component) return;
      let live = true;
      start().then(
        (found) => live && setComponent(() => found),
        () => {
          pending = undefined; // let the next attempt load it afresh
          if (live) setFailed(true);
        },
      );
      return () => {
        live = false;
      };
    }, [component, attempt]);
    if (component) {
      const Loaded = component;
      return <Loaded {...props} />;
    }
    const retry = () => {
      setFailed(false);
      setAttempt(attempt + 1);
    };
    return <OnDemandPending state={failed ? { status: "failed" } : { status: "loading" }} onRetry={retry} />;
  }
  return Object.assign(Lazy, { preload });
}
