import { t } from "../../i18n/messages";
import { Notice } from "../../ui/Notice";
import type { Bulk } from "./model";

/** How the last action ended, in numbers; each record's result is in the table. */
export function ResultSummary({ model }: { model: Bulk }) {
  const counts = model.resultCounts.value;
  if (!counts) return null;
  return (
    <Notice tone={counts.failed > 0 ? "warning" : "success"} data-testid="bulk-summary">
      {t("result.summary", counts)}
    </Notice>
  );
}
