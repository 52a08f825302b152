import type { LockConfig } from "../../api/locking-configurations";
import { withEditRestricted } from "../../api/locking-configurations";
import { t } from "../../i18n/messages";

/** The configuration a replace overwrites, in short: lock type, rules by name, blocked actions. */
export function CopyExisting({ config }: { config: LockConfig }) {
  const rules = config.rules.map((rule) => rule.name).filter((name) => name !== "");
  return (
    <ul data-testid="copy-existing">
      <li>{t("copy.existing.lockType", { value: t(`settings.lockType.${config.lockType}`) })}</li>
      <li>{rules.length > 0 ? t("copy.existing.rules", { names: rules.join(", ") }) : t("copy.existing.noRules")}</li>
      <li>
        {t("copy.existing.actions", {
          names: withEditRestricted(config.restrictedActions)
            .map((action) => t(`restrictions.action.${action as "update"}`))
            .join(", "),
        })}
      </li>
    </ul>
  );
}
