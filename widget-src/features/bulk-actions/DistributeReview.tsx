import { useState } from "preact/hooks";
import { RELATED_ACTIVITY_MODULES, type RelatedActivityModule } from "../../api/change-owner";
import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { Checkbox } from "../../ui/Checkbox";
import { ChoiceGroup } from "../../ui/ChoiceGroup";
import { Cluster, Live, Stack } from "../../ui/Layout";
import { Notice } from "../../ui/Notice";
import { Spinner } from "../../ui/Spinner";
import { Switch } from "../../ui/Switch";
import { MIN_OWNERS } from "./distribute";
import type { Distribute } from "./distribute-model";
import { NotAssignedTable } from "./NotAssignedTable";
import { SharesTable } from "./SharesTable";

/** The plan once everyone's capacity is known: who gets what, what gets no new owner, the options, and the send. */
export function DistributeReview({ model, onClose }: { model: Distribute; onClose: () => void }) {
  const [notify, setNotify] = useState(true);
  const [related, setRelated] = useState<RelatedActivityModule[]>([]);
  const plan = model.plan.value;
  if (model.chosen.value.length < MIN_OWNERS) return null;
  const total = model.input.value.records.length;
  const toggleRelated = (module: RelatedActivityModule, on: boolean) =>
    setRelated(on ? [...related.filter((m) => m !== module), module] : related.filter((m) => m !== module));
  return (
    <Stack gap={3} data-testid={plan ? "distribute-plan" : undefined} data-checks-settled={model.checksSettled.value}>
      {/* The plan is announced when it is ready; it changes as per-record checks come in. */}
      <Live>
        {!plan && <Spinner label={t("distribute.planning")} />}
        {plan && (
          <p>
            <strong>{t("distribute.summary", { assigned: plan.assignee.size, total, left: plan.notAssigned.size })}</strong>
          </p>
        )}
      </Live>
      {model.excludesUnknown.value && <Notice tone="info">{t("distribute.excludesUnknown")}</Notice>}
      {plan && (
        <>
          <SharesTable model={model} plan={plan} />
          {plan.notAssigned.size > 0 && <NotAssignedTable model={model} plan={plan} />}
          <p class="small muted">{t("distribute.recheckNote")}</p>
          <Switch label={t("owner.notify")} checked={notify} onChange={(event) => setNotify(event.currentTarget.checked)} />
          <ChoiceGroup legend={t("owner.relatedLegend")}>
            {RELATED_ACTIVITY_MODULES.map((module) => (
              <Checkbox
                key={module}
                label={t(`owner.related.${module}`)}
                checked={related.includes(module)}
                onChange={(event) => toggleRelated(module, event.currentTarget.checked)}
              />
            ))}
          </ChoiceGroup>
          <Cluster end>
            <Button
              onClick={() => {
                model.reset();
                onClose();
              }}
            >
              {t("app.cancel")}
            </Button>
            <Button variant="primary" disabled={model.sendCount.value === 0} onClick={() => void model.send({ notify, relatedModules: related })}>
              {t("bulk.reassignSend", { count: model.sendCount.value })}
            </Button>
          </Cluster>
        </>
      )}
    </Stack>
  );
}
