import { useState } from "preact/hooks";
import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { EDIT, LOCK, UNLOCK } from "../../ui/icons";
import { lazy } from "../../ui/lazy";
import { Cluster } from "../../ui/Layout";
import { Notice } from "../../ui/Notice";
import type { LockForm, LockFormsProps } from "./LockForms";
import type { RecordLock } from "./model";

// The forms load when an action is chosen (and start loading when the pointer or focus reaches its button).
const LockForms = lazy<LockFormsProps>(() => import("./LockForms").then((chunk) => chunk.default));
const intent = { onPointerEnter: LockForms.preload, onFocus: LockForms.preload };

/** Lock, edit the reason, or unlock, each offered only where it can work, otherwise explained. */
export function LockActions({ model }: { model: RecordLock }) {
  const [form, setForm] = useState<LockForm | null>(null);
  const status = model.status.value;
  const offer = model.offer.value;
  const busy = model.pending.value !== null;
  const close = () => setForm(null);

  if (status.kind === "automatic") return <p class="muted">{t("lock.automaticHint")}</p>;
  if (form && (status.kind === "manual" || offer.kind === "offer")) return <LockForms model={model} form={form} onClose={close} />;

  if (status.kind === "manual") {
    if (!model.mayChangeManualLock.value) return <p class="muted">{t("lock.cannotUnlock")}</p>;
    return (
      <Cluster>
        <Button {...intent} icon={EDIT} disabled={busy} onClick={() => setForm({ kind: "edit", reason: status.lock.reason ?? "" })}>
          {t("lock.editReason")}
        </Button>
        <Button {...intent} icon={UNLOCK} disabled={busy} busy={model.pending.value === "unlock"} onClick={() => setForm({ kind: "unlock" })}>
          {t("lock.unlockEllipsis")}
        </Button>
      </Cluster>
    );
  }

  if (offer.kind === "blocked") return <p class="muted">{t(`lock.blocked.${offer.reason}`)}</p>;
  if (offer.kind !== "offer") return null;
  return (
    <>
      {offer.unverified && <Notice tone="info">{t("lock.unverified")}</Notice>}
      <Cluster>
        <Button {...intent} variant="primary" icon={LOCK} disabled={busy} onClick={() => setForm({ kind: "lock" })}>
          {t("lock.lockEllipsis")}
        </Button>
      </Cluster>
    </>
  );
}
