import { t } from "../../i18n/messages";
import type { Change } from "./diff";

function describe(change: Change): string {
  switch (change.kind) {
    case "ruleAdded":
      return t("settings.change.ruleAdded", { name: change.name });
    case "ruleRemoved":
      return t("settings.change.ruleRemoved", { name: change.name });
    case "ruleChanged":
      return t("settings.change.ruleChanged", { name: change.name });
    case "lockType":
      return t("settings.change.lockType", { value: t(`settings.lockType.${change.after as "manual"}`) });
    case "lockedFor":
      return t("settings.change.lockedFor", { value: t(`settings.lockedFor.${change.after as "all_profiles"}`) });
    case "lockForPortalUsers":
      return t("settings.change.lockForPortalUsers", { value: change.after ? t("settings.on") : t("settings.off") });
    default:
      return t(`settings.change.${change.kind as "excludedProfiles"}`);
  }
}

/** What saving would change (or what someone else changed), one line each. */
export function ChangeList({ changes }: { changes: Change[] }) {
  if (changes.length === 0) return <p class="muted">{t("settings.noChanges")}</p>;
  return (
    <ul data-testid="changes">
      {changes.map((change, index) => (
        <li key={index}>{describe(change)}</li>
      ))}
    </ul>
  );
}
