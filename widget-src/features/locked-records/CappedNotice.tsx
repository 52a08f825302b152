import { t } from "../../i18n/messages";
import { Notice } from "../../ui/Notice";
import type { LockedRecords } from "./model";

/** Modules with more locked records than Zoho's search can return: the list shows their first 2,000, and says so. */
export function CappedNotice({ model }: { model: LockedRecords }) {
  const capped = model.scans.value.filter((scan) => scan.capped);
  if (capped.length === 0) return null;
  return (
    <Notice tone="warning" data-testid="console-capped">
      {capped.map((scan) => (
        <p key={scan.module.apiName}>
          {scan.total.status === "ready"
            ? t("console.capped", { module: scan.module.label, total: scan.total.value, shown: scan.records.length })
            : t("console.cappedNoCount", { module: scan.module.label, shown: scan.records.length })}
        </p>
      ))}
    </Notice>
  );
}
