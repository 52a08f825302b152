import type { ComponentChildren } from "preact";
// Its styles are in ui/on-demand.css: only parts loaded on demand use it.

/**
 * Fields side by side in one row (a condition: field, comparison, value),
 * sharing the width, with small actions at the row's end (add, remove)
 * beside the controls; on a narrow screen the fields go one under another
 * and the actions stay beside them.
 */
export function FieldRow({ actions, children, ...data }: { actions?: ComponentChildren; children: ComponentChildren } & Record<`data-${string}`, string>) {
  return (
    <div {...data} class="field-row">
      <div class="field-row__fields">{children}</div>
      {actions && <div class="field-row__actions">{actions}</div>}
    </div>
  );
}
