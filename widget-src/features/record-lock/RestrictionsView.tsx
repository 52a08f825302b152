import { t, lookup } from "../../i18n/messages";
import { Badge } from "../../ui/Badge";
import { Facts } from "../../ui/Facts";
import { Cluster, Stack } from "../../ui/Layout";
import { ErrorNotice, Notice } from "../../ui/Notice";
import type { RecordLock } from "./model";

/** What the lock blocks on this record, from the module's configuration. */
export function RestrictionsView({ model }: { model: RecordLock }) {
  const config = model.config.value;
  const restrictions = model.restrictions.value;
  const locked = model.status.value.kind === "manual" || model.status.value.kind === "automatic";
  if (config.status === "error") {
    // FEATURE_NOT_SUPPORTED and NOT_SUPPORTED are explained by the lock actions.
    if (config.error.code === "FEATURE_NOT_SUPPORTED" || config.error.code === "NOT_SUPPORTED") return null;
    return (
      <Stack gap={2}>
        <p class="muted">{t("restrictions.unreadable")}</p>
        <ErrorNotice error={config.error} action="config" />
      </Stack>
    );
  }
  if (!restrictions) return null;
  const list = (items: string[]) => (items.length ? items.join(", ") : t("restrictions.none"));
  return (
    <Stack gap={2}>
      <hr />
      <h3>{locked ? t("restrictions.heading") : t("restrictions.headingIfLocked")}</h3>
      <Facts
        rows={[
          [
            t("restrictions.blocked"),
            <Cluster gap={1} key="blocked">
              {restrictions.blockedActions.map((action) => (
                <Badge key={action}>{lookup(`restrictions.action.${action}`) ?? action}</Badge>
              ))}
            </Cluster>,
          ],
          [t("restrictions.editableFields"), list(restrictions.editableFields)],
          [t("restrictions.communications"), list(restrictions.restrictedCommunications.map((c) => lookup(`restrictions.communication.${c}`) ?? c))],
          [t("restrictions.buttons"), list(restrictions.restrictedButtons)],
          [t("restrictions.portal"), restrictions.portalUsersRestricted ? t("restrictions.portalBlocked") : t("restrictions.portalAllowed")],
          [t("restrictions.exempt"), restrictions.exemptProfiles.length ? list(restrictions.exemptProfiles) : t("restrictions.noExempt")],
        ]}
      />
      {restrictions.currentUserExempt === true && <Notice tone="success">{t("restrictions.youExempt")}</Notice>}
      {restrictions.currentUserExempt === false && <p class="muted">{t("restrictions.youNotExempt")}</p>}
    </Stack>
  );
}
