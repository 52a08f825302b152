import type { LockState } from "../../api/locking-info";
import type { CurrentUser } from "../../api/users";
import { formatDateTime, toBcp47 } from "../../i18n/format";
import { t } from "../../i18n/messages";
import { ErrorNotice } from "../../ui/Notice";
import { Spinner } from "../../ui/Spinner";
import type { Load } from "../../ui/load";

/** Lock state as read from the CRM. A failed read says "unknown", never "not locked". */
export function LockStatus({ lock, user, onRetry }: { lock: Load<LockState>; user?: CurrentUser; onRetry: () => void }) {
  if (lock.status === "loading") return <Spinner />;
  if (lock.status === "error") {
    return (
      <div class="lock lock--unknown" data-lock-state="unknown">
        <p class="lock__headline">{t("lock.unknown")}</p>
        <p class="muted">{t("lock.unknownHint")}</p>
        <ErrorNotice error={lock.error} action="readLock" onRetry={onRetry} />
      </div>
    );
  }
  const state = lock.value;
  if (state.kind === "notConfigured") {
    return (
      <div class="lock lock--unconfigured" data-lock-state="not-configured">
        <p class="lock__headline">{t("lock.notConfigured")}</p>
        <p class="muted">{t("lock.notConfiguredHint")}</p>
      </div>
    );
  }
  if (state.kind === "unlocked") {
    return (
      <div class="lock lock--unlocked" data-lock-state="unlocked">
        <p class="lock__headline">{t("lock.unlocked")}</p>
      </div>
    );
  }
  const { lock: info } = state;
  return (
    <div class="lock lock--locked" data-lock-state="locked">
      <p class="lock__headline">{t("lock.locked")}</p>
      <p>{t(`lock.source.${info.source}`)}</p>
      {info.lockedBy && <p>{t("lock.by", { name: info.lockedBy.name })}</p>}
      {info.reason && <p class="lock__reason">{t("lock.reason", { reason: info.reason })}</p>}
      {info.lockedAt && (
        <p class="muted">{t("lock.at", { time: formatDateTime(info.lockedAt, toBcp47(user?.locale), user?.timeZone) })}</p>
      )}
    </div>
  );
}
