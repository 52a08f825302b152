import type { ComponentChildren } from "preact";
import "./sticky-bar.css";

/**
 * A bar that stays at the bottom of the page while a long form scrolls (the
 * editor's "N changes · Review…"): the actions at its end, and at its start
 * what goes before them (a status, problems, a destructive action kept apart).
 */
export function StickyBar({ start, children }: { start?: ComponentChildren; children: ComponentChildren }) {
  return (
    <div class="sticky-bar">
      {start && <div class="sticky-bar__start">{start}</div>}
      <div class="sticky-bar__end">{children}</div>
    </div>
  );
}
