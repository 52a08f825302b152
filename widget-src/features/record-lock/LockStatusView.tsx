import type { CurrentUser } from "../../api/users";
import { formatDateTime, toBcp47 } from "../../i18n/format";
import { t } from "../../i18n/messages";
import { Facts } from "../../ui/Facts";
import { Stack } from "../../ui/Layout";
import { ErrorNotice } from "../../ui/Notice";
import { Skeleton } from "../../ui/Skeleton";
import type { LockStatusView } from "./status";

/** Lock state as read from the CRM. A failed read says "unknown", never "not locked". */
export function LockStatus({ status, user, onRetry }: { status: LockStatusView; user?: CurrentUser; onRetry: () => void }) {
  switch (status.kind) {
    case "loading":
      return <Skeleton lines={2} />;
    case "unknown":
      return (
        <Stack gap={2} data-lock-state="unknown">
          <p>
            <strong>{t("lock.unknown")}</strong>
          </p>
          <p class="muted">{t("lock.unknownHint")}</p>
          <ErrorNotice error={status.error} action="readLock" onRetry={onRetry} />
        </Stack>
      );
    case "notConfigured":
      return (
        <Stack gap={1} data-lock-state="not-configured">
          <p>
            <strong>{t("lock.notConfigured")}</strong>
          </p>
          <p class="muted">{t("lock.notConfiguredHint")}</p>
        </Stack>
      );
    case "unlocked":
      return (
        <Stack gap={1} data-lock-state="unlocked">
          <p>{t("lock.unlockedLong")}</p>
        </Stack>
      );
  }
  const { lock } = status;
  const when = lock.lockedAt && formatDateTime(lock.lockedAt, toBcp47(user?.locale), user?.timeZone);
  const how =
    status.kind === "manual"
      ? t("lock.source.manual")
      : status.kind === "lockedUnknownSource"
        ? t("lock.source.unknown")
        : status.rule
          ? t("lock.source.rule", { rule: status.rule.name })
          : status.ruleGone
            ? t("lock.source.ruleGone")
            : t("lock.source.automatic");
  const facts: [string, string][] = [];
  if (lock.lockedBy) facts.push([t("lock.fact.by"), lock.lockedBy.name]);
  if (when) facts.push([t("lock.fact.since"), when]);
  if (lock.reason) facts.push([t("lock.fact.reason"), lock.reason]);
  return (
    <Stack gap={2} data-lock-state="locked" data-lock-source={lock.source}>
      <p>
        <strong>{how}</strong>
      </p>
      {facts.length > 0 && <Facts rows={facts} />}
    </Stack>
  );
}
