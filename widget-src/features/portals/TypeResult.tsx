import type { UserType } from "../../api/portals";
import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { Cluster } from "../../ui/Layout";
import { ErrorNotice, Notice } from "../../ui/Notice";
import { knownCount, type Portals } from "./portals-model";

/** The one result above the user types, the latest: a save, a delete, a refusal, or why a type was not deleted. */
export function TypeResult({ model, onMove }: { model: Portals; onMove: (type: UserType) => void }) {
  const outcome = model.outcome.value;
  if (!outcome) return null;
  if (outcome.kind === "saved") {
    return (
      <Notice tone="success">
        <p>{t("portals.typeSaved", { name: outcome.name })}</p>
      </Notice>
    );
  }
  if (outcome.kind === "deleted") {
    return (
      <Notice tone="success">
        <p>{t("portals.typeDeleted", { name: outcome.name })}</p>
      </Notice>
    );
  }
  if (outcome.kind === "failed") return <ErrorNotice error={outcome.error} action="portal" />;
  const { type } = outcome;
  return (
    <Notice tone="warning">
      <p data-testid="type-has-users">
        {knownCount(type) ? t("portals.hasUsers", { name: type.name, count: type.users }) : t("portals.countUnknown", { name: type.name })}
      </p>
      <Cluster>
        <Button small onClick={() => onMove(type)}>
          {t("portals.moveUsersFirst")}
        </Button>
      </Cluster>
    </Notice>
  );
}
