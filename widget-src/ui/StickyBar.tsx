import type { ComponentChildren } from "preact";
// Its styles are in ui/on-demand.css: only parts loaded on demand use it.

/** A bar that stays at the bottom of the page while a long form scrolls (the editor's "N changes · Review…"). */
export function StickyBar({
  end = false,
  start,
  children,
  ...rest
}: {
  /** Its content on the right (a form's Cancel and Save). */
  end?: boolean;
  /** What goes on the left, apart from the actions, which then sit on the right (a status, problems, a destructive action). */
  start?: ComponentChildren;
  children: ComponentChildren;
} & Record<`data-${string}` | `aria-${string}`, string | undefined>) {
  return (
    <div {...rest} class={end ? "sticky-bar sticky-bar--end" : "sticky-bar"}>
      {start === undefined ? (
        children
      ) : (
        <>
          <div class="sticky-bar__start">{start}</div>
          <div class="sticky-bar__end">{children}</div>
        </>
      )}
    </div>
  );
}
