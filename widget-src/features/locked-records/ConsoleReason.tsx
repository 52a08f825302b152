import { useState } from "preact/hooks";
import { MAX_REASON_LENGTH } from "../../api/locking-info";
import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { TextArea } from "../../ui/Field";
import { useReturnFocus } from "../../ui/focus";
import { EDIT } from "../../ui/icons";
import { Inset } from "../../ui/Inset";
import { Cluster } from "../../ui/Layout";
import { reasonProblemText } from "../record-lock/reason";
import type { LockedRecords } from "./model";

/** One new reason for every selected manual lock. */
export function ConsoleReason({ model, onClose }: { model: LockedRecords; onClose: () => void }) {
  const [reason, setReason] = useState("");
  const problem = model.reasonProblem.value;
  useReturnFocus();
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        // A reason the checks refused keeps the form open, with the problem.
        void model.replaceReason(reason).then(() => model.reasonProblem.peek() === null && onClose());
      }}
    >
      <Inset>
        <h2>{t("console.reasonHeading", { count: model.selected.value.size })}</h2>
        <TextArea
          id="console-reason"
          label={t("console.newReason")}
          required
          rows={2}
          value={reason}
          help={t("reason.count", { length: reason.length, max: MAX_REASON_LENGTH })}
          error={problem && reasonProblemText(problem)}
          onInput={(event) => setReason(event.currentTarget.value)}
        />
        <Cluster end>
          <Button onClick={onClose}>{t("app.cancel")}</Button>
          <Button type="submit" variant="primary" icon={EDIT}>
            {t("console.reasonConfirm")}
          </Button>
        </Cluster>
      </Inset>
    </form>
  );
}
