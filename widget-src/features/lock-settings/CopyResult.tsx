import { t } from "../../i18n/messages";
import { ErrorNotice, Notice } from "../../ui/Notice";
import type { TargetResult } from "./copy-model";

/** What happened to one module, in words; a refusal with the CRM's reason. */
export function CopyResult({ result, module }: { result: TargetResult; module: string }) {
  switch (result.status) {
    case "sending":
      return null;
    case "created":
    case "replaced":
    case "unchanged":
      return (
        <Notice tone="success">
          <p>{t(`copy.result.${result.status}`, { module })}</p>
        </Notice>
      );
    case "conflict":
      return (
        <Notice tone="warning">
          <p>{t("copy.result.conflict", { module })}</p>
        </Notice>
      );
    case "failed":
      return <ErrorNotice error={result.error} action="config" lead={t("copy.result.failed", { module })} />;
  }
}
