/**
 * Focus in the criteria builder and the rules as rows come and go.
 */
import { focusHeading, focusLost } from "../../ui/focus";

const CONTROL = "select:not(:disabled), input:not(:disabled)";

/**
 * After something is removed (a condition, a group, a rule), the button
 * pressed went with it, and focus must not fall back to <body>. Once the
 * page has rendered, if focus was lost, it moves to the first of `targets`
 * still in the page: its first usable control, or, for a card, its heading
 * (never a button that would remove the next thing).
 */
export function refocusAfterRemoval(form: Element | null | undefined, targets: { selector: string; heading?: boolean }[]): void {
  setTimeout(() => {
    if (!form?.isConnected || !focusLost()) return;
    for (const { selector, heading } of targets) {
      const found = form.querySelector(selector);
      if (!found) continue;
      if (heading) return focusHeading(found.querySelector<HTMLElement>("h2, h3"));
      const control = found.querySelector<HTMLElement>(CONTROL);
      if (control) return control.focus();
    }
  }, 0);
}

/** After a row is added: focus goes to its first control, to fill it in (the button pressed may have been drawn anew). */
export function focusAdded(form: Element | null | undefined, selector: string): void {
  setTimeout(() => form?.querySelector(selector)?.querySelector<HTMLElement>(CONTROL)?.focus(), 0);
}

/** An attribute selector for a path or key (they hold letters, digits, dots and dashes). */
export const byData = (name: string, value: string) => `[data-${name}="${value.replace(/["\\]/g, "\\$&")}"]`;
