import { useState } from "preact/hooks";
import type { CrmUser } from "../../api/users";
import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { Cluster, Live, Stack } from "../../ui/Layout";
import { Spinner } from "../../ui/Spinner";
import { Switch } from "../../ui/Switch";
import { capacityText } from "../owner-change/CapacityBadge";
import type { Bulk } from "./model";
import type { SkipReason } from "./plan";

function skipCounts(skipped: ReadonlyMap<string, SkipReason>): [SkipReason, number][] {
  const counts = new Map<SkipReason, number>();
  for (const reason of skipped.values()) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts];
}

/** How the selection fits the chosen owner's capacity, and the send. */
export function ReassignPlanView({ model, owner, onClose }: { model: Bulk; owner: CrmUser; onClose: () => void }) {
  const [notify, setNotify] = useState(true);
  const plan = model.reassignPlan.value;
  const busy = model.busy.value;
  return (
    <Stack gap={3} data-testid={plan?.status === "ready" ? "reassign-plan" : undefined}>
      {/* The plan is announced when it is ready (the region is there while it is checked); its controls follow. */}
      <Live>
        {plan?.status === "loading" && <Spinner label={t("bulk.planChecking", { name: owner.name })} />}
        {plan?.status === "ready" && (
          <Stack gap={1}>
            <p>{t("bulk.planCapacity", { name: owner.name, capacity: capacityText(plan.value.capacity) })}</p>
            <p>
              <strong>{t("bulk.planSummary", { send: plan.value.send.length, skipped: plan.value.skipped.size })}</strong>
            </p>
            {plan.value.skipped.size > 0 && (
              <ul>
                {skipCounts(plan.value.skipped).map(([reason, count]) => (
                  <li key={reason}>{t("bulk.planSkipped", { count, reason: t(`result.skip.${reason}`) })}</li>
                ))}
              </ul>
            )}
          </Stack>
        )}
      </Live>
      {plan?.status === "ready" && (
        <>
          <Switch label={t("owner.notify")} checked={notify} onChange={(event) => setNotify(event.currentTarget.checked)} />
          <Cluster end>
            <Button
              disabled={busy}
              onClick={() => {
                void model.prepareReassign(null);
                onClose();
              }}
            >
              {t("app.cancel")}
            </Button>
            <Button variant="primary" disabled={plan.value.send.length === 0} busy={busy} onClick={() => void model.reassign(notify)}>
              {t("bulk.reassignSend", { count: plan.value.send.length })}
            </Button>
          </Cluster>
        </>
      )}
    </Stack>
  );
}
