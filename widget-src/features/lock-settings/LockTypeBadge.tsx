import type { LockType } from "../../api/locking-configurations";
import { t } from "../../i18n/messages";
import { Badge } from "../../ui/Badge";
import { LOCK } from "../../ui/icons";

/** A module's lock type in words ("Manual and automatic"), or "Not configured" (neutral) without a configuration. */
export function LockTypeBadge({ type }: { type: LockType | undefined }) {
  if (!type) return <Badge tone="neutral">{t("settings.state.none")}</Badge>;
  return (
    <Badge tone="info" icon={LOCK}>
      {t(`settings.lockType.${type}`)}
    </Badge>
  );
}
