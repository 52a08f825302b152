import { ChoiceText, type ChoiceProps } from "./Checkbox";
// Its styles are in ui/on-demand.css: only parts loaded on demand use it.

/** An on/off setting (notify, portal users, lock existing records): a checkbox that looks and reads as a switch. */
export function Switch({ label, hint, ...input }: ChoiceProps) {
  return (
    <label class="choice">
      <input {...input} type="checkbox" role="switch" class="choice__switch" />
      <ChoiceText label={label} hint={hint} />
    </label>
  );
}
