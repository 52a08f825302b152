import { useEffect, useRef, useState } from "preact/hooks";
import { MAX_REASON_LENGTH } from "../../api/locking-info";
import { t } from "../../i18n/messages";
import { useReturnFocus } from "../../ui/focus";
import { checkReason, type ReasonProblem } from "./reason";

export function reasonProblemText(problem: ReasonProblem): string {
  return problem === "blank" ? t("lock.reasonBlank") : t("lock.reasonTooLong", { max: MAX_REASON_LENGTH });
}

/**
 * A lock reason: mandatory, at most MAX_REASON_LENGTH characters. Checked as
 * you type and before sending. Focus starts in the reason, goes back to it
 * when a send is refused, and back to the opening button when the form closes
 * (Escape cancels).
 */
export function ReasonForm({
  id,
  initial = "",
  submitLabel,
  busy,
  onSubmit,
  onCancel,
}: {
  id: string;
  initial?: string;
  submitLabel: string;
  busy: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState(initial);
  const [touched, setTouched] = useState(false);
  const problem = checkReason(reason);
  const showProblem = touched && problem;
  const field = useRef<HTMLTextAreaElement>(null);
  /** Bumped by a refused send: focus goes to the reason once its problem is part of its description. */
  const [refused, setRefused] = useState(0);
  useReturnFocus();
  useEffect(() => field.current?.focus(), [refused]);
  return (
    <form
      class="reason-form"
      noValidate
      onKeyDown={(event) => {
        if (event.key === "Escape" && !busy) {
          event.preventDefault();
          onCancel();
        }
      }}
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (problem) setRefused((count) => count + 1);
        else if (!busy) onSubmit(reason);
      }}
    >
      <label for={`${id}-reason`}>{t("lock.reasonLabel")}</label>
      <textarea
        ref={field}
        id={`${id}-reason`}
        rows={3}
        value={reason}
        aria-invalid={showProblem ? "true" : "false"}
        aria-describedby={`${id}-count${showProblem ? ` ${id}-problem` : ""}`}
        onInput={(event) => {
          setReason(event.currentTarget.value);
          setTouched(true);
        }}
      />
      <p id={`${id}-count`} class="muted reason-form__count">
        {t("lock.reasonCount", { length: reason.length, max: MAX_REASON_LENGTH })}
      </p>
      {showProblem && (
        <p id={`${id}-problem`} class="field-error">
          {reasonProblemText(problem)}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy} aria-busy={busy}>
          {submitLabel}
        </button>
        <button type="button" class="button button--quiet" onClick={onCancel} disabled={busy}>
          {t("app.cancel")}
        </button>
      </div>
    </form>
  );
}
