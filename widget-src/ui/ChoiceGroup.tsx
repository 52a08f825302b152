import type { ComponentChildren } from "preact";
import { t } from "../i18n/messages";
// Its styles are in ui/on-demand.css: only parts loaded on demand use it.

/**
 * A labelled group of checkboxes or switches (blocked actions, exempt
 * profiles, permissions): a fieldset whose legend reads like a field label,
 * the choices in columns, and help or errors under them.
 */
export function ChoiceGroup({
  legend,
  hideLegend = false,
  required = false,
  columns = true,
  scroll = false,
  help,
  children,
  ...data
}: {
  legend: ComponentChildren;
  hideLegend?: boolean;
  required?: boolean;
  /** Side by side in columns (short labels); false: one per line. */
  columns?: boolean;
  /** A long list scrolls inside a fixed height. */
  scroll?: boolean;
  /** Under the choices: a hint, problems, a server error. */
  help?: ComponentChildren;
  children: ComponentChildren;
} & Record<`data-${string}`, string>) {
  return (
    <fieldset {...data} class="choice-group">
      <legend class={hideLegend ? "visually-hidden" : "field__label"}>
        {legend}
        {required && <span class="field__required"> {t("app.required")}</span>}
      </legend>
      <div class={`choice-group__items${columns ? " choice-group__items--columns" : ""}${scroll ? " choice-group__items--scroll" : ""}`}>{children}</div>
      {help}
    </fieldset>
  );
}
