import { RELATED_ACTIVITY_MODULES } from "../../api/change-owner";
import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { Checkbox } from "../../ui/Checkbox";
import { ChoiceGroup } from "../../ui/ChoiceGroup";
import { Cluster, Stack } from "../../ui/Layout";
import { ErrorNotice, Notice } from "../../ui/Notice";
import { Spinner } from "../../ui/Spinner";
import { Switch } from "../../ui/Switch";
import { CapacityBadge, capacityText } from "./CapacityBadge";
import { mayReceive } from "./capacity";
import type { OwnerChange } from "./model";

/** The chosen owner, their capacity in words, the options, and Reassign (only when they may take the record). */
export function ChosenOwner({ model }: { model: OwnerChange }) {
  const user = model.chosen.value;
  const capacity = model.chosenCapacity.value;
  const busy = model.busy.value;
  if (!user || !capacity) return null;
  return (
    <Stack gap={3} data-testid="chosen-owner">
      <Cluster between>
        <h3>{t("owner.chosen", { name: user.name })}</h3>
        <CapacityBadge capacity={capacity} />
      </Cluster>
      {capacity.kind === "failed" ? (
        <ErrorNotice error={capacity.error} action="threshold" onRetry={() => model.checkCandidates([user.id])} />
      ) : (
        capacity.kind !== "checking" && !mayReceive(capacity) && <Notice tone="error">{capacityText(capacity)}</Notice>
      )}
      <Switch label={t("owner.notify")} checked={model.notify.value} onChange={(event) => model.setNotify(event.currentTarget.checked)} />
      <ChoiceGroup legend={t("owner.relatedLegend")}>
        {RELATED_ACTIVITY_MODULES.map((module) => (
          <Checkbox
            key={module}
            label={t(`owner.related.${module}`)}
            checked={model.related.value.includes(module)}
            onChange={(event) => model.toggleRelated(module, event.currentTarget.checked)}
          />
        ))}
      </ChoiceGroup>
      {busy && <Spinner label={busy === "rechecking" ? t("owner.rechecking") : t("owner.sending")} />}
      <Cluster end>
        <Button disabled={busy !== null} onClick={() => model.choose(null)}>
          {t("owner.cancel")}
        </Button>
        <Button variant="primary" disabled={!model.canReassign.value} busy={busy !== null} onClick={() => void model.reassign()}>
          {t("owner.reassign")}
        </Button>
      </Cluster>
    </Stack>
  );
}
