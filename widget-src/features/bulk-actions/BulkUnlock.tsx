import { t } from "../../i18n/messages";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import type { Bulk } from "./model";

/** Unlock the manual locks among the selection, once confirmed. */
export function BulkUnlock({ model, onClose }: { model: Bulk; onClose: () => void }) {
  const count = model.manualLocks.value;
  return (
    <ConfirmDialog
      title={t("bulk.unlockTitle", { count })}
      confirmLabel={t("bulk.unlockConfirm")}
      cancelLabel={t("app.cancel")}
      level={2}
      onConfirm={() => {
        onClose();
        void model.unlockManual();
      }}
      onCancel={onClose}
    >
      <p>{t("bulk.unlockBody")}</p>
    </ConfirmDialog>
  );
}
