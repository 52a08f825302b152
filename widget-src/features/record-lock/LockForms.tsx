// Loads on demand (when a lock action is chosen); its strings are in the record popup's first paint (see PAGES in scripts/build.mjs).
import { t } from "../../i18n/messages";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import type { RecordLock } from "./model";
import { ReasonForm } from "./ReasonForm";

export type LockForm = { kind: "lock" } | { kind: "edit"; reason: string } | { kind: "unlock" };

export interface LockFormsProps {
  model: RecordLock;
  form: LockForm;
  onClose: () => void;
}

/** The form behind a lock action: the reason for a new lock or an edited one, or the unlock confirmation. */
export default function LockForms({ model, form, onClose }: LockFormsProps) {
  const busy = model.pending.value !== null;
  switch (form.kind) {
    case "lock":
      return (
        <ReasonForm
          id="lock"
          label={t("lock.reasonLabel")}
          submitLabel={t("lock.lock")}
          busy={busy}
          onSubmit={(reason) => void model.lockRecord(reason).then((saved) => saved && onClose())}
          onCancel={onClose}
        />
      );
    case "edit":
      return (
        <ReasonForm
          id="edit"
          label={t("lock.reasonLabel")}
          initial={form.reason}
          submitLabel={t("lock.saveReason")}
          busy={busy}
          onSubmit={(reason) => void model.editReason(reason).then((saved) => saved && onClose())}
          onCancel={onClose}
        />
      );
    case "unlock":
      return (
        <ConfirmDialog
          title={t("lock.unlockConfirmTitle")}
          confirmLabel={t("lock.unlock")}
          cancelLabel={t("app.cancel")}
          onConfirm={() => void model.unlock().then(onClose)}
          onCancel={onClose}
        >
          <p>{t("lock.unlockConfirmBody")}</p>
        </ConfirmDialog>
      );
  }
}
