import { t } from "../../i18n/messages";
import { Inset } from "../../ui/Inset";
import { ReasonForm } from "../record-lock/ReasonForm";
import type { LockedRecords } from "./model";

/** One new reason for every selected manual lock, checked as the record popup checks a reason. */
export function ConsoleReason({ model, onClose }: { model: LockedRecords; onClose: () => void }) {
  return (
    <Inset>
      <h2>{t("console.reasonHeading", { count: model.selected.value.size })}</h2>
      <ReasonForm
        id="console"
        label={t("console.newReason")}
        submitLabel={t("console.reasonConfirm")}
        busy={model.running.value !== null}
        onSubmit={(reason) => void model.replaceReason(reason).then(() => model.reasonProblem.peek() === null && onClose())}
        onCancel={onClose}
      />
    </Inset>
  );
}
