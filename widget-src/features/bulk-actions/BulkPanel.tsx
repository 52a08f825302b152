import { t } from "../../i18n/messages";
import { ErrorNotice } from "../../ui/Notice";
import { Spinner } from "../../ui/Spinner";
import type { UserDirectory } from "../user-directory/model";
import { BulkLock, BulkReassign, BulkUnlock } from "./BulkActions";
import type { Bulk } from "./model";
import { SelectionTable } from "./SelectionTable";

/** The list view button: the selected records, three bulk actions, and each record's result. */
export function BulkPanel({ model, directory }: { model: Bulk; directory: UserDirectory }) {
  const rows = model.rows.value;
  const progress = model.progress.value;
  if (rows.status === "loading") return <Spinner label={t("app.loading")} />;
  if (rows.status === "error") return <ErrorNotice error={rows.error} action="record" onRetry={() => void model.load()} />;
  return (
    <div class="bulk" data-bulk-state={progress ? "running" : "idle"}>
      <p>{t("bulk.selected", { count: rows.value.length })}</p>
      <div aria-live="polite">
        {progress && (
          <p>
            {t(`bulk.progress.${progress.action}`, { done: progress.done, total: progress.total })}{" "}
            {/* The words before it say the same to a screen reader. */}
            <progress max={progress.total} value={progress.done} aria-hidden="true" />
          </p>
        )}
        {model.results.value && <ResultSummary model={model} />}
      </div>
      <SelectionTable model={model} />
      <BulkLock model={model} />
      <BulkUnlock model={model} />
      <BulkReassign model={model} directory={directory} />
    </div>
  );
}

function ResultSummary({ model }: { model: Bulk }) {
  const results = model.results.value;
  if (!results) return null;
  const counts = { done: 0, skipped: 0, failed: 0 };
  for (const result of results.byRecord.values()) counts[result.status] += 1;
  return <p class="outcome" data-testid="bulk-summary">{t("bulk.summary", counts)}</p>;
}
