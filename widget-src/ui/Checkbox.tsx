import type { ComponentChildren, InputHTMLAttributes } from "preact";
// Its styles are in ui/on-demand.css: only parts loaded on demand use it.

export interface ChoiceProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "class" | "className" | "type" | "label"> {
  label: ComponentChildren;
  /** A sentence under the label. */
  hint?: ComponentChildren;
}

/** A checkbox with its label beside it; the whole row can be clicked. */
export function Checkbox({ label, hint, ...input }: ChoiceProps) {
  return (
    <label class="choice">
      <input {...input} type="checkbox" class="choice__box" />
      <ChoiceText label={label} hint={hint} />
    </label>
  );
}

export function ChoiceText({ label, hint }: { label: ComponentChildren; hint?: ComponentChildren }) {
  return (
    <span class="choice__text">
      {label}
      {hint && <span class="choice__hint">{hint}</span>}
    </span>
  );
}
