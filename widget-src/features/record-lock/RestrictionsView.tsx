import { t, lookup } from "../../i18n/messages";
import { ErrorNotice } from "../../ui/Notice";
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
      <section class="restrictions" aria-label={t("restrictions.heading")}>
        <p>{t("restrictions.unreadable")}</p>
        <ErrorNotice error={config.error} action="config" />
      </section>
    );
  }
  if (!restrictions) return null;
  const list = (items: string[]) => items.join(", ");
  return (
    <section class="restrictions" aria-labelledby="restrictions-heading">
      <h3 id="restrictions-heading">{locked ? t("restrictions.heading") : t("restrictions.headingIfLocked")}</h3>
      <dl class="facts">
        <dt>{t("restrictions.blocked")}</dt>
        <dd>{list(restrictions.blockedActions.map((action) => lookup(`restrictions.action.${action}`) ?? action))}</dd>
        <dt>{t("restrictions.editableFields")}</dt>
        <dd>{restrictions.editableFields.length ? list(restrictions.editableFields) : t("restrictions.none")}</dd>
        <dt>{t("restrictions.communications")}</dt>
        <dd>
          {restrictions.restrictedCommunications.length
            ? list(restrictions.restrictedCommunications.map((c) => lookup(`restrictions.communication.${c}`) ?? c))
            : t("restrictions.none")}
        </dd>
        <dt>{t("restrictions.buttons")}</dt>
        <dd>{restrictions.restrictedButtons.length ? list(restrictions.restrictedButtons) : t("restrictions.none")}</dd>
        <dt>{t("restrictions.portal")}</dt>
        <dd>{restrictions.portalUsersRestricted ? t("restrictions.portalBlocked") : t("restrictions.portalAllowed")}</dd>
        <dt>{t("restrictions.exempt")}</dt>
        <dd>{restrictions.exemptProfiles.length ? list(restrictions.exemptProfiles) : t("restrictions.noExempt")}</dd>
      </dl>
      {restrictions.currentUserExempt === true && <p class="restrictions__you">{t("restrictions.youExempt")}</p>}
      {restrictions.currentUserExempt === false && <p class="restrictions__you">{t("restrictions.youNotExempt")}</p>}
    </section>
  );
}
