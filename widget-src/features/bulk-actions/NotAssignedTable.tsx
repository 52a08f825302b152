import { t } from "../../i18n/messages";
import { Table, Td, Th } from "../../ui/Table";
import type { Distribution, NotAssigned } from "./distribute";
import type { Distribute } from "./distribute-model";
import { MoveSelect } from "./MoveSelect";

const REASON_KEYS = {
  locked: "result.skip.locked",
  noPermission: "result.skip.noPermission",
  noCapacity: "result.skip.everyoneFull",
  capacityUnknown: "result.skip.capacityUnknown",
} as const;

/** Why a record gets no new owner, with the lock's reason where a lock blocks it. */
export function notAssignedText(why: NotAssigned): string {
  const reason = t(REASON_KEYS[why.reason]);
  return why.detail ? t("result.skipWith", { reason, detail: why.detail }) : reason;
}

/** The records that get no new owner and why; one someone has room for (after a move) can be given to them. */
export function NotAssignedTable({ model, plan }: { model: Distribute; plan: Distribution }) {
  const names = model.names.value;
  return (
    <Table caption={t("distribute.notAssignedCaption")} scroll stack data-testid="distribute-not-assigned">
      <thead>
        <tr>
          <Th>{t("distribute.notAssigned", { count: plan.notAssigned.size })}</Th>
          <Th>{t("distribute.column.reason")}</Th>
          <Th>{t("distribute.column.moveTo")}</Th>
        </tr>
      </thead>
      <tbody>
        {[...plan.notAssigned].map(([recordId, why]) => (
          <tr key={recordId} data-record-id={recordId}>
            <Td>
              <strong class="name">{names.get(recordId) ?? recordId}</strong>
            </Td>
            <Td label={t("distribute.column.reason")}>{notAssignedText(why)}</Td>
            <Td label={t("distribute.column.moveTo")}>
              <MoveSelect model={model} plan={plan} recordId={recordId} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
