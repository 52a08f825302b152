import { useState } from "preact/hooks";
import { t } from "../../i18n/messages";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { Notice } from "../../ui/Notice";
import type { RecordLock } from "./model";
import { ReasonForm } from "./ReasonForm";

type Open = "none" | "lock" | "edit" | "unlock";

/** Lock, edit the reason, or unlock, each offered only where it can work, otherwise explained. */
export function LockActions({ model }: { model: RecordLock }) {
  const [open, setOpen] = useState<Open>("none");
  const status = model.status.value;
  const offer = model.offer.value;
  const busy = model.pending.value !== null;
  const canLock = model.canLock.value;
  const close = () => setOpen("none");

  if (status.kind === "automatic") {
    return <p class="hint">{t("lock.automaticHint")}</p>;
  }

  if (status.kind === "manual") {
    if (canLock.status === "ready" && !canLock.value) return <p class="hint">{t("lock.cannotUnlock")}</p>;
    return (
      <div class="lock-actions">
        {open === "edit" ? (
          <ReasonForm
            id="edit"
            initial={status.lock.reason ?? ""}
            submitLabel={t("lock.saveReason")}
            busy={busy}
            onSubmit={(reason) => void model.editReason(reason).then((saved) => saved && close())}
            onCancel={close}
          />
        ) : open === "unlock" ? (
          <ConfirmDialog
            title={t("lock.unlockConfirmTitle")}
            confirmLabel={t("lock.unlock")}
            cancelLabel={t("app.cancel")}
            onConfirm={() => void model.unlock().then(close)}
            onCancel={close}
          >
            <p>{t("lock.unlockConfirmBody")}</p>
          </ConfirmDialog>
        ) : (
          <div class="form-actions">
            <button type="button" class="button" disabled={busy} onClick={() => setOpen("edit")}>
              {t("lock.editReason")}
            </button>
            <button type="button" class="button button--quiet" disabled={busy} onClick={() => setOpen("unlock")}>
              {t("lock.unlock")}…
            </button>
          </div>
        )}
      </div>
    );
  }

  if (offer.kind === "blocked") return <p class="hint">{t(`lock.blocked.${offer.reason}`)}</p>;
  if (offer.kind !== "offer") return null;
  return (
    <div class="lock-actions">
      {offer.unverified && (
        <Notice tone="info">
          <p>{t("lock.unverified")}</p>
        </Notice>
      )}
      {open === "lock" ? (
        <ReasonForm
          id="lock"
          submitLabel={t("lock.lock")}
          busy={busy}
          onSubmit={(reason) => void model.lockRecord(reason).then((saved) => saved && close())}
          onCancel={close}
        />
      ) : (
        <button type="button" class="button" disabled={busy} onClick={() => setOpen("lock")}>
          {t("lock.lockEllipsis")}
        </button>
      )}
    </div>
  );
}
