import type { ComponentChildren } from "preact";
import { t } from "../i18n/messages";
// Its styles are in ui/on-demand.css: only parts loaded on demand use it.

export interface RadioOption<T extends string> {
  value: T;
  label: ComponentChildren;
  /** One sentence that says what choosing it means. */
  description?: ComponentChildren;
}

/** A choice between a few options, each a card with a sentence (lock type, locked for, share permission). */
export function RadioCards<T extends string>({
  legend,
  name,
  value,
  options,
  disabled = false,
  required = false,
  compact = false,
  hideLegend = false,
  onChange,
}: {
  legend: ComponentChildren;
  /** The legend is for screen readers only (the card around it already says the same). */
  hideLegend?: boolean;
  name: string;
  value: T | undefined;
  options: RadioOption<T>[];
  disabled?: boolean;
  required?: boolean;
  /** One option per line, without card borders (for short lists inside a card). */
  compact?: boolean;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset class="radio-cards">
      <legend class={hideLegend ? "visually-hidden" : "field__label"}>
        {legend}
        {required && <span class="field__required"> {t("app.required")}</span>}
      </legend>
      <div class={compact ? "radio-cards__list" : "radio-cards__grid"}>
        {options.map((option) => (
          <label key={option.value} class={compact ? "choice" : "radio-card"}>
            <input
              type="radio"
              class="choice__radio"
              name={name}
              checked={value === option.value}
              disabled={disabled}
              onChange={() => onChange(option.value)}
            />
            <ChoiceLines label={option.label} description={option.description} />
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function ChoiceLines({ label, description }: { label: ComponentChildren; description?: ComponentChildren }) {
  return (
    <span class="choice__text">
      <span class="choice__label">{label}</span>
      {description && <span class="choice__hint">{description}</span>}
    </span>
  );
}
