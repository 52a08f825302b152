import type { CurrentUser } from "../../api/users";
import { formatDateTime, toBcp47 } from "../../i18n/format";
import { t } from "../../i18n/messages";
import { ErrorNotice } from "../../ui/Notice";
import { Spinner } from "../../ui/Spinner";
import type { LockStatusView } from "./status";

/** Lock state as read from the CRM. A failed read says "unknown", never "not locked". */
export function LockStatus({ status, user, onRetry }: { status: LockStatusView; user?: CurrentUser; onRetry: () => void }) {
  switch (status.kind) {
    case "loading":
      return <Spinner />;
    case "unknown":
      return (
        <div class="lock lock--unknown" data-lock-state="unknown">
          <p class="lock__headline">{t("lock.unknown")}</p>
          <p class="muted">{t("lock.unknownHint")}</p>
          <ErrorNotice error={status.error} action="readLock" onRetry={onRetry} />
        </div>
      );
    case "notConfigured":
      return (
        <div class="lock lock--unconfigured" data-lock-state="not-configured">
          <p class="lock__headline">{t("lock.notConfigured")}</p>
          <p class="muted">{t("lock.notConfiguredHint")}</p>
        </div>
      );
    case "unlocked":
      return (
        <div class="lock lock--unlocked" data-lock-state="unlocked">
          <p class="lock__headline">{t("lock.unlocked")}</p>
        </div>
      );
  }
  const { lock } = status;
  const when = lock.lockedAt && formatDateTime(lock.lockedAt, toBcp47(user?.locale), user?.timeZone);
  return (
    <div class="lock lock--locked" data-lock-state="locked" data-lock-source={lock.source}>
      <p class="lock__headline">{t("lock.locked")}</p>
      {status.kind === "manual" && <p>{t("lock.source.manual")}</p>}
      {status.kind === "lockedUnknownSource" && <p>{t("lock.source.unknown")}</p>}
      {status.kind === "automatic" && (
        <p>
          {status.rule
            ? t("lock.source.rule", { rule: status.rule.name })
            : status.ruleGone
              ? t("lock.source.ruleGone")
              : t("lock.source.automatic")}
        </p>
      )}
      {lock.lockedBy && <p>{t("lock.by", { name: lock.lockedBy.name })}</p>}
      {lock.reason && <p class="lock__reason">{t("lock.reason", { reason: lock.reason })}</p>}
      {when && <p class="muted">{t("lock.at", { time: when })}</p>}
    </div>
  );
}
