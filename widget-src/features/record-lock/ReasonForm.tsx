import { useState } from "preact/hooks";
import { MAX_REASON_LENGTH } from "../../api/locking-info";
import { t } from "../../i18n/messages";
import { checkReason, type ReasonProblem } from "./reason";

export function reasonProblemText(problem: ReasonProblem): string {
  return problem === "blank" ? t("lock.reasonBlank") : t("lock.reasonTooLong", { max: MAX_REASON_LENGTH });
}

/** A lock reason: mandatory, at most MAX_REASON_LENGTH characters. Checked as you type and before sending. */
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
  return (
    <form
      class="reason-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (!problem && !busy) onSubmit(reason);
      }}
    >
      <label for={`${id}-reason`}>{t("lock.reasonLabel")}</label>
      <textarea
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
        {t("lock.reasonCount", { count: reason.length, max: MAX_REASON_LENGTH })}
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
