import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { ErrorNotice, Notice } from "../../ui/Notice";
import type { RecordShare } from "./model";

/** What came of the last send. */
export function ShareOutcomeView({ model }: { model: RecordShare }) {
  const outcome = model.outcome.value;
  if (!outcome) return null;
  switch (outcome.kind) {
    case "done":
      return <Notice tone="success">{outcome.what === "shared" ? t("share.done") : t("share.doneRevoked")}</Notice>;
    case "conflict":
      return <Notice tone="warning">{t("share.conflict")}</Notice>;
    case "stillRunning":
      return <Notice tone="info">{t("share.stillRunning")}</Notice>;
    case "failed":
      return (
        <>
          <ErrorNotice error={outcome.error} action="share" />
          {outcome.canRetryWithoutNotify && (
            <Button onClick={() => void model.sendEdits({ withoutNotify: true })}>{t("share.withoutNotify")}</Button>
          )}
        </>
      );
  }
}
