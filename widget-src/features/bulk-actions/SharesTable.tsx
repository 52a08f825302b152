import { useState } from "preact/hooks";
import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { CHEVRON } from "../../ui/icons";
import { Table, Td, Th } from "../../ui/Table";
import { capacityText } from "../owner-change/CapacityBadge";
import type { Distribution } from "./distribute";
import type { Distribute } from "./distribute-model";
import { ShareRecords } from "./ShareRecords";

/** How many records each person gets, with their capacity; a count opens that person's records. */
export function SharesTable({ model, plan }: { model: Distribute; plan: Distribution }) {
  const [open, setOpen] = useState<string | null>(null);
  const capacity = model.capacity.value;
  const chosen = model.chosen.value;
  const opened = chosen.find(({ user }) => user.id === open)?.user;
  return (
    <>
      <Table caption={t("distribute.sharesCaption")} stack data-testid="distribute-shares">
        <thead>
          <tr>
            <Th>{t("distribute.column.person")}</Th>
            <Th>{t("distribute.column.capacity")}</Th>
            <Th num>{t("distribute.column.records")}</Th>
          </tr>
        </thead>
        <tbody>
          {chosen.map(({ user }) => (
            <tr key={user.id} data-user-id={user.id}>
              <Td>
                <strong class="name">{user.name}</strong>
              </Td>
              <Td label={t("distribute.column.capacity")}>{capacityText(capacity(user.id))}</Td>
              <Td num label={t("distribute.column.records")}>
                <Button small variant="quiet" icon={CHEVRON} aria-expanded={open === user.id} onClick={() => setOpen(open === user.id ? null : user.id)}>
                  {t("distribute.records", { count: plan.shares.get(user.id)?.length ?? 0 })}
                </Button>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {opened && <ShareRecords model={model} plan={plan} user={opened} />}
    </>
  );
}
