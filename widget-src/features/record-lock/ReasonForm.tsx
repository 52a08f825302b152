import { useEffect, useRef, useState } from "preact/hooks";
import { MAX_REASON_LENGTH } from "../../api/locking-info";
import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { TextArea } from "../../ui/Field";
import { useReturnFocus } from "../../ui/focus";
import { Cluster, Stack } from "../../ui/Layout";
import { checkReason, reasonProblemText } from "./reason";

/**
 * A lock reason: mandatory, at most MAX_REASON_LENGTH characters. Checked as
 * you type and before sending. Focus starts in the reason, goes back to it
 * when a send is refused, and back to the opening button when the form closes
 * (Escape cancels).
 */
export function ReasonForm({
  id,
  initial = "",
  label,
  submitLabel,
  busy,
  onSubmit,
  onCancel,
}: {
  id: string;
  initial?: string;
  /** The field's label ("Reason"; "New reason" where many are replaced at once). */
  label: string;
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
      <Stack gap={3}>
        <TextArea
          id={`${id}-reason`}
          inputRef={field}
          label={label}
          required
          rows={3}
          value={reason}
          help={t("reason.count", { length: reason.length, max: MAX_REASON_LENGTH })}
          error={showProblem ? reasonProblemText(problem) : undefined}
          onInput={(event) => {
            setReason(event.currentTarget.value);
            setTouched(true);
          }}
        />
        <Cluster end>
          <Button onClick={onCancel} disabled={busy}>
            {t("app.cancel")}
          </Button>
          <Button type="submit" variant="primary" busy={busy}>
            {submitLabel}
          </Button>
        </Cluster>
      </Stack>
    </form>
  );
}
