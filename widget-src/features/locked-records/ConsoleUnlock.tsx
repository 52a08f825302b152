import { t } from "../../i18n/messages";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import type { LockedRecords } from "./model";

/** Asks before unlocking the selected manual locks. */
export function ConsoleUnlock({ model, onClose }: { model: LockedRecords; onClose: () => void }) {
  const count = model.selected.value.size;
  return (
    <ConfirmDialog
      title={t("console.unlockTitle", { count })}
      confirmLabel={t("console.unlockConfirm")}
      cancelLabel={t("app.cancel")}
      level={2}
      onConfirm={() => {
        onClose();
        void model.unlockSelected();
      }}
      onCancel={onClose}
    >
      <p>{t("console.unlockBody")}</p>
    </ConfirmDialog>
  );
}
