import { t } from "../../i18n/messages";
import { Card } from "../../ui/Card";
import { ErrorNotice } from "../../ui/Notice";
import { Skeleton } from "../../ui/Skeleton";
import { Stack } from "../../ui/Layout";
import type { ReviewRow } from "./copy-model";
import { CopyBadge } from "./CopyBadge";
import { CopyDropped } from "./CopyDropped";
import { CopyExisting } from "./CopyExisting";
import { CopyResult } from "./CopyResult";
import { ProblemText } from "./ProblemText";

/** One module: whether its configuration is created or replaced (and by what it was), what is not copied, what stops it; then its result. */
export function CopyModuleCard({ row, reviewing, onRetry }: { row: ReviewRow; reviewing: boolean; onRetry: () => void }) {
  const { module, plan, result } = row;
  const name = { module: module.label };
  // Once written, what the review announced is history: the result says what happened.
  const written = result?.status === "created" || result?.status === "replaced" || result?.status === "unchanged";
  return (
    <Card nested title={module.label} aside={<CopyBadge row={row} />} data={{ "data-copy-target": module.apiName, "data-copy-state": result?.status ?? plan.status }}>
      {plan.status === "loading" && <Skeleton lines={3} />}
      {plan.status === "error" && <ErrorNotice error={plan.error} action="config" lead={t("copy.readFailed", name)} {...(reviewing ? { onRetry } : {})} />}
      {plan.status === "ready" && (
        <Stack gap={2}>
          {result && <CopyResult result={result} module={module.label} />}
          {!written &&
            (plan.value.existing ? (
              <>
                <p>{t("copy.replaceHint", name)}</p>
                <CopyExisting config={plan.value.existing} />
              </>
            ) : (
              <p>{t("copy.createHint", name)}</p>
            ))}
          <CopyDropped dropped={plan.value.dropped} module={module.label} />
          {plan.value.problems.length > 0 && (
            <div>
              <p>{t("copy.blockedHint", name)}</p>
              <ProblemText problems={plan.value.problems} />
            </div>
          )}
        </Stack>
      )}
    </Card>
  );
}
