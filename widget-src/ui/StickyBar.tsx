import type { ComponentChildren } from "preact";
// Its styles are in ui/on-demand.css: only parts loaded on demand use it.

/** A bar that stays at the bottom of the page while a long form scrolls (the editor's "N changes · Review…"). */
export function StickyBar({
  end = false,
  children,
  ...rest
}: {
  /** Its content on the right (a form's Cancel and Save). */
  end?: boolean;
  children: ComponentChildren;
} & Record<`data-${string}` | `aria-${string}`, string | undefined>) {
  return (
    <div {...rest} class={end ? "sticky-bar sticky-bar--end" : "sticky-bar"}>
      {children}
    </div>
  );
}
