import type { ComponentChildren } from "preact";
import "./sticky-bar.css";

/** A bar that stays at the bottom of the page while a long form scrolls (the editor's "N changes · Review…"). */
export function StickyBar({ children }: { children: ComponentChildren }) {
  return <div class="sticky-bar">{children}</div>;
}
