import type { ComponentChildren } from "preact";
// Its styles are in ui/on-demand.css: only parts loaded on demand use it.

/**
 * Fields side by side in columns of at least `min` px (a form's short
 * fields: a layout, a view, a filter), one under another when the page is
 * narrower. Each column takes an equal share of the width.
 */
export function Columns({ min = 220, children }: { min?: 160 | 220 | 280; children: ComponentChildren }) {
  return <div class={`columns columns--${min}`}>{children}</div>;
}
