import type { LockState } from "../../api/locking-info";
import { errorMessage } from "../../i18n/error-message";
import { t } from "../../i18n/messages";
import { Badge } from "../../ui/Badge";
import { CHECK, ERROR } from "../../ui/icons";
import type { Load } from "../../ui/load";
import { LockBadge, type LockBadgeState } from "../../ui/LockBadge";
import { Table } from "../../ui/Table";
import type { Bulk } from "./model";
import type { RowResult } from "./plan";

function lockState(lock: Load<LockState>): LockBadgeState {
  if (lock.status === "loading") return "checking";
  if (lock.status === "error") return "unknown";
  if (lock.value.kind !== "locked") return lock.value.kind;
  return lock.value.lock.source === "automatic" ? "automatic" : lock.value.lock.source === "manual" ? "manual" : "locked";
}

function ResultCell({ result, action }: { result: RowResult | undefined; action: "lock" | "unlock" | "reassign" }) {
  if (!result) return <span class="muted">{t("bulk.result.untouched")}</span>;
  if (result.status === "done") {
    return (
      <Badge tone="success" icon={CHECK}>
        {t(`bulk.result.done.${action}`)}
      </Badge>
    );
  }
  if (result.status === "skipped") {
    return (
      <>
        <Badge>{t("bulk.result.skippedShort")}</Badge> <span class="small muted">{t(`bulk.skip.${result.reason}`)}</span>
      </>
    );
  }
  return (
    <>
      <Badge tone="danger" icon={ERROR}>
        {t("bulk.result.failedShort")}
      </Badge>{" "}
      <span class="small">{errorMessage(result.error, action === "reassign" ? "changeOwner" : action)}</span>
    </>
  );
}

/** The selected records with owner and lock state, and each one's result after an action. */
export function SelectionTable({ model }: { model: Bulk }) {
  const rows = model.rows.value;
  const results = model.results.value;
  if (rows.status !== "ready") return null;
  return (
    <Table caption={t("bulk.caption")} scroll data-testid="bulk-table">
      <thead>
        <tr>
          <th scope="col">{t("bulk.column.record")}</th>
          <th scope="col">{t("record.owner")}</th>
          <th scope="col">{t("bulk.column.lock")}</th>
          {results && <th scope="col">{t("bulk.column.result")}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.value.map(({ record, lock }) => {
          const result = results?.byRecord.get(record.id);
          return (
            <tr key={record.id} data-record-id={record.id}>
              <td class="name">{record.name}</td>
              <td class="name">{record.owner?.name ?? t("record.ownerUnknown")}</td>
              <td>
                <LockBadge state={lockState(lock)} />
              </td>
              {results && (
                <td data-result={result?.status ?? "none"}>
                  <ResultCell result={result} action={results.action} />
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
