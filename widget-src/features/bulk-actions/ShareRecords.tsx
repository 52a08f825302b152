import type { CrmUser } from "../../api/users";
import { t } from "../../i18n/messages";
import { Table, Td, Th } from "../../ui/Table";
import type { Distribution } from "./distribute";
import type { Distribute } from "./distribute-model";
import { MoveSelect } from "./MoveSelect";

/** One person's records in the plan, each of which can be moved to someone whose threshold allows it. */
export function ShareRecords({ model, plan, user }: { model: Distribute; plan: Distribution; user: CrmUser }) {
  const names = model.names.value;
  const owners = new Map(model.input.value.records.map((record) => [record.id, record.ownerId]));
  return (
    <Table caption={t("distribute.recordsOf", { name: user.name })} scroll stack data-testid="distribute-records" data-user-id={user.id}>
      <thead>
        <tr>
          <Th>{t("bulk.column.record")}</Th>
          <Th>{t("distribute.column.moveTo")}</Th>
        </tr>
      </thead>
      <tbody>
        {(plan.shares.get(user.id) ?? []).map((recordId) => (
          <tr key={recordId} data-record-id={recordId}>
            <Td>
              <strong class="name">{names.get(recordId) ?? recordId}</strong>
              {owners.get(recordId) === user.id && <span class="small muted"> {t("distribute.kept")}</span>}
            </Td>
            <Td label={t("distribute.column.moveTo")}>
              <MoveSelect model={model} plan={plan} recordId={recordId} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
