import type { PortalUser } from "../../api/portals";
import { t } from "../../i18n/messages";
import { Badge } from "../../ui/Badge";
import { CHECK, MINUS, WARNING } from "../../ui/icons";
import { Cluster } from "../../ui/Layout";

/** A portal user's state in badges: active or inactive, unconfirmed when they have not confirmed, and the CRM's reason. */
export function UserStatus({ user }: { user: PortalUser }) {
  return (
    <Cluster gap={1}>
      {user.active ? (
        <Badge tone="success" icon={CHECK}>
          {t("portals.badge.active")}
        </Badge>
      ) : (
        <Badge icon={MINUS}>{t("portals.badge.inactive")}</Badge>
      )}
      {!user.confirmed && (
        <Badge tone="warning" icon={WARNING}>
          {t("portals.badge.unconfirmed")}
        </Badge>
      )}
      {user.statusReason && <span class="muted small name">{user.statusReason}</span>}
    </Cluster>
  );
}
