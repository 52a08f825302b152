import type { ComponentChildren } from "preact";
// Its styles are in ui/on-demand.css: only parts loaded on demand use it.

/**
 * A tinted area inside a card that sets a step apart: the changes about to
 * be sent, the chosen owner. Unlike a Notice it is not announced.
 */
export function Inset({
  tone = "neutral",
  children,
  ...rest
}: { tone?: "neutral" | "info"; role?: "group"; children: ComponentChildren } & Partial<Record<`data-${string}` | `aria-${string}`, string>>) {
  return (
    <div {...rest} class={`inset inset--${tone}`}>
      {children}
    </div>
  );
}
