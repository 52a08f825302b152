import { useState } from "preact/hooks";
import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { Cluster } from "../../ui/Layout";
import type { RecordShare } from "./model";

/** Ends every direct share at once, after confirming. */
export function RevokeAll({ model, busy }: { model: RecordShare; busy: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const count = model.base.value.length + (model.publicShare.value ? 1 : 0);
  if (!confirming) {
    return (
      <Cluster end>
        <Button small variant="quiet" disabled={busy} onClick={() => setConfirming(true)}>
          {t("share.revokeAll")}
        </Button>
      </Cluster>
    );
  }
  return (
    <ConfirmDialog
      title={t("share.revokeTitle")}
      confirmLabel={t("share.revokeConfirm")}
      cancelLabel={t("app.cancel")}
      onConfirm={() => {
        setConfirming(false);
        void model.revokeAll();
      }}
      onCancel={() => setConfirming(false)}
    >
      <p>{t("share.revokeBody", { count })}</p>
    </ConfirmDialog>
  );
}
