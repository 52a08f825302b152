/** ui/on-demand.css as the build writes it, beside the pages. */
export const ON_DEMAND_STYLESHEET = "on-demand.css";
/** A stylesheet that neither loads nor fails in this time does not hold up the part that needs it. */
const WAIT_MS = 5_000;

let loading: Promise<void> | undefined;

/**
 * Adds the on-demand stylesheet to the page, once. Resolves when it has
 * loaded, so a part does not show unstyled; also when it failed or is slow,
 * because a part that works unstyled is better than one that never shows.
 */
export function loadOnDemandStyles(): Promise<void> {
  if (typeof document === "undefined") return Promise.resolve();
  loading ??= new Promise<void>((resolve) => {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = ON_DEMAND_STYLESHEET;
    link.onload = link.onerror = () => resolve();
    setTimeout(resolve, WAIT_MS);
    document.head.append(link);
  });
  return loading;
}
