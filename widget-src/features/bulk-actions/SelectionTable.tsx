import type { LockState } from "../../api/locking-info";
import { errorMessage } from "../../i18n/error-message";
import { t } from "../../i18n/messages";
import type { Load } from "../../ui/load";
import type { Bulk } from "./model";
import type { RowResult } from "./plan";

function lockText(lock: Load<LockState>): string {
  if (lock.status === "loading") return t("bulk.lock.checking");
  if (lock.status === "error") return t("lock.unknown");
  if (lock.value.kind === "unlocked") return t("lock.unlocked");
  if (lock.value.kind === "notConfigured") return t("bulk.lock.notConfigured");
  return lock.value.lock.source === "automatic" ? t("bulk.lock.automatic") : t("bulk.lock.manual");
}

function resultText(result: RowResult, action: "lock" | "unlock" | "reassign"): string {
  if (result.status === "done") return t(`bulk.result.done.${action}`);
  if (result.status === "skipped") return t("bulk.result.skipped", { reason: t(`bulk.skip.${result.reason}`) });
  return t("bulk.result.failed", { message: errorMessage(result.error, action === "reassign" ? "changeOwner" : action) });
}

/** The selected records with owner and lock state, and each one's result after an action. */
export function SelectionTable({ model }: { model: Bulk }) {
  const rows = model.rows.value;
  const results = model.results.value;
  if (rows.status !== "ready") return null;
  return (
    <table class="bulk-table">
      <caption class="visually-hidden">{t("bulk.caption")}</caption>
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
              <td>{record.name}</td>
              <td>{record.owner?.name ?? t("record.ownerUnknown")}</td>
              <td>{lockText(lock)}</td>
              {results && (
                <td class={result ? `bulk-result bulk-result--${result.status}` : "bulk-result"} data-result={result?.status ?? "none"}>
                  {result ? resultText(result, results.action) : t("bulk.result.untouched")}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
