import type { Theme } from "../crm/port";

/** The CRM's theme wins; without it the stylesheet follows prefers-color-scheme. */
export function applyTheme(theme: Theme | undefined, root: HTMLElement = document.documentElement): void {
  if (theme) root.dataset.theme = theme;
}
