import type { ComponentChildren, HTMLAttributes } from "preact";
import "./layout.css";

type Gap = 1 | 2 | 3 | 4 | 5;

interface LayoutProps extends Omit<HTMLAttributes<HTMLDivElement>, "class" | "className"> {
  gap?: Gap;
  children?: ComponentChildren;
}

/** Children one under the other, `gap` steps of the spacing scale apart. */
export function Stack({ gap = 3, children, ...rest }: LayoutProps) {
  return (
    <div {...rest} class={`stack gap-${gap}`}>
      {children}
    </div>
  );
}

/** Children side by side, wrapping on narrow screens; `end` pushes them to the right (form actions). */
export function Cluster({ gap = 2, end = false, between = false, children, ...rest }: LayoutProps & { end?: boolean; between?: boolean }) {
  return (
    <div {...rest} class={`cluster gap-${gap}${end ? " cluster--end" : ""}${between ? " cluster--between" : ""}`}>
      {children}
    </div>
  );
}

/**
 * A polite live region: results put in it are announced. It is always in the
 * page (a region added together with its text is often not announced), and
 * takes no room while empty.
 */
export function Live({ children }: { children?: ComponentChildren }) {
  return (
    <div class="live" aria-live="polite">
      {children}
    </div>
  );
}
