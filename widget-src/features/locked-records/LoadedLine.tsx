import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { Cluster } from "../../ui/Layout";
import { downloadText } from "../../ui/download";
import { consoleCsv, csvFileName } from "./export";
import type { LockedRecords } from "./model";

/** How much is loaded ("Loaded 400 of at least 1,200"), Load more, and the CSV export of what the filters show. */
export function LoadedLine({ model }: { model: LockedRecords }) {
  const totals = model.totals.value;
  const shown = model.filtered.value.records;
  const exportCsv = () => downloadText(csvFileName(new Date()), consoleCsv(shown, model.details.value, model.ruleNames.value));
  return (
    <Cluster between data-testid="console-loaded">
      <p>
        {t(totals.exact ? "console.loaded" : "console.loadedAtLeast", { loaded: totals.loaded, total: totals.total })}
        {" · "}
        {t("console.shown", { count: shown.length })}
      </p>
      <Cluster gap={2}>
        {totals.more && (
          <Button small busy={model.loadingMore.value} disabled={model.loadingMore.value} onClick={() => void model.loadMore()}>
            {t("console.loadMore")}
          </Button>
        )}
        <Button small disabled={shown.length === 0} onClick={exportCsv}>
          {t("console.export")}
        </Button>
      </Cluster>
    </Cluster>
  );
}
