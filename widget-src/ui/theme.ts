import type { Theme } from "../crm/port";

const DARK = "(prefers-color-scheme: dark)";
let crmTheme: Theme | undefined;

function systemTheme(): Theme {
  return typeof matchMedia === "function" && matchMedia(DARK).matches ? "night" : "day";
}

/**
 * Sets data-theme, which picks the palette in ui/tokens.css. The CRM's day
 * or night preference wins once it is known; until then, and where the CRM
 * has none, the system's colour scheme decides.
 */
export function applyTheme(theme: Theme | undefined, root: HTMLElement = document.documentElement): void {
  if (theme) crmTheme = theme;
  root.dataset.theme = crmTheme ?? systemTheme();
}

/** Follows the system's scheme as it changes, for as long as the CRM has no preference. */
export function followSystemTheme(root: HTMLElement = document.documentElement): void {
  applyTheme(undefined, root);
  if (typeof matchMedia === "function") matchMedia(DARK).addEventListener("change", () => applyTheme(undefined, root));
}
