import { t } from "../../i18n/messages";
import { ErrorNotice } from "../../ui/Notice";
import type { LockedRecords } from "./model";

/** Each module whose search the CRM refused, in plain words; the other modules' records are listed as usual. */
export function ModuleProblems({ model }: { model: LockedRecords }) {
  const failed = model.scans.value.filter((scan) => scan.status === "error" && scan.error);
  return (
    <>
      {failed.map((scan) => (
        <div key={scan.module.apiName} data-module-problem={scan.module.apiName}>
          <ErrorNotice
            error={scan.error!}
            lead={t("console.moduleRefused", { module: scan.module.label })}
            onRetry={() => void model.retryModule(scan.module.apiName)}
          />
        </div>
      ))}
    </>
  );
}
