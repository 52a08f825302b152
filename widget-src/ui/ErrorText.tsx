import type { ComponentChildren } from "preact";
// Its styles are in ui/on-demand.css: only parts loaded on demand use it.

/**
 * A problem in words, in the error colour, where no single field carries it:
 * under a group of choices, a rule, a group of conditions, or a form's
 * summary (`alert`: announced at once).
 */
export function ErrorText({ id, alert = false, children }: { id?: string; alert?: boolean; children: ComponentChildren }) {
  return (
    <p id={id} class="field__error" role={alert ? "alert" : undefined}>
      {children}
    </p>
  );
}
