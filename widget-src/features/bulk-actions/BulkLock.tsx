import { useState } from "preact/hooks";
import { MAX_REASON_LENGTH } from "../../api/locking-info";
import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { TextArea } from "../../ui/Field";
import { useReturnFocus } from "../../ui/focus";
import { LOCK } from "../../ui/icons";
import { Inset } from "../../ui/Inset";
import { Cluster } from "../../ui/Layout";
import { reasonProblemText } from "../record-lock/reason";
import type { Bulk } from "./model";

/** Lock every selected record that is not locked yet, with one reason. */
export function BulkLock({ model, onClose }: { model: Bulk; onClose: () => void }) {
  const [reason, setReason] = useState("");
  const problem = model.reasonProblem.value;
  const busy = model.busy.value;
  // When the form goes, focus goes back to the toolbar button that opened it.
  useReturnFocus();
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        // Closes once the run has finished; a reason the checks refused keeps the form open, with the problem.
        void model.lockAll(reason).then(() => model.reasonProblem.peek() === null && onClose());
      }}
    >
      <Inset>
        <h2>{t("bulk.lockHeading")}</h2>
        <TextArea
          id="bulk-reason"
          label={t("lock.reasonLabel")}
          required
          rows={2}
          value={reason}
          disabled={busy}
          help={t("reason.count", { length: reason.length, max: MAX_REASON_LENGTH })}
          error={problem && reasonProblemText(problem)}
          onInput={(event) => setReason(event.currentTarget.value)}
        />
        <Cluster end>
          <Button disabled={busy} onClick={onClose}>
            {t("app.cancel")}
          </Button>
          <Button type="submit" variant="primary" icon={LOCK} busy={busy}>
            {t("bulk.lockAll")}
          </Button>
        </Cluster>
      </Inset>
    </form>
  );
}
