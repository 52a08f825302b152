import type { LockState } from "../../api/locking-info";
import { t } from "../../i18n/messages";
import { LOADING, type Load } from "../../ui/load";
import { LockBadge } from "../../ui/LockBadge";
import { deriveLockStatus, lockBadgeState } from "../record-lock/status";
import { Table, Td, Th } from "../../ui/Table";
import type { Bulk } from "./model";
import { ResultCell } from "./ResultCell";

/** A row's lock as the badge shows it: the record popup's rule (no configuration is read here, so no rule name). */
const lockState = (lock: Load<LockState>) => lockBadgeState(deriveLockStatus(lock, LOADING));

/** The selected records with owner and lock state, and each one's result after an action; in a 400 px popup each record is a block. */
export function SelectionTable({ model }: { model: Bulk }) {
  const rows = model.rows.value;
  const results = model.results.value;
  if (rows.status !== "ready") return null;
  return (
    <Table caption={t("bulk.caption")} scroll stack data-testid="bulk-table">
      <thead>
        <tr>
          <Th>{t("bulk.column.record")}</Th>
          <Th>{t("record.owner")}</Th>
          <Th>{t("bulk.column.lock")}</Th>
          {results && <Th>{t("result.column")}</Th>}
        </tr>
      </thead>
      <tbody>
        {rows.value.map(({ record, lock }) => {
          const result = results?.byRecord.get(record.id);
          return (
            <tr key={record.id} data-record-id={record.id}>
              <Td>
                <strong class="name">{record.name}</strong>
              </Td>
              <Td label={t("record.owner")}>
                <span class="name">{record.owner?.name ?? t("record.ownerUnknown")}</span>
              </Td>
              <Td label={t("bulk.column.lock")}>
                <LockBadge state={lockState(lock)} />
              </Td>
              {results && (
                <Td label={t("result.column")} data-result={result?.status ?? "none"}>
                  <ResultCell result={result} action={results.action} />
                </Td>
              )}
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
