import { t } from "../../i18n/messages";
import { ErrorNotice, Notice } from "../../ui/Notice";
import { capacityText } from "./CapacityBadge";
import type { OwnerChange } from "./model";

/** What came of the last reassignment. */
export function OwnerOutcomeView({ model }: { model: OwnerChange }) {
  const outcome = model.outcome.value;
  if (!outcome) return null;
  switch (outcome.kind) {
    case "done":
      return <Notice tone="success">{t("owner.done", { name: outcome.ownerName })}</Notice>;
    case "refused":
      return (
        <Notice tone="warning">
          {outcome.capacity.kind === "failed" ? t("owner.refusedFailed") : t("owner.refused", { capacity: capacityText(outcome.capacity) })}
        </Notice>
      );
    case "failed":
      return <ErrorNotice error={outcome.error} action="changeOwner" />;
  }
}
