import { t } from "../../i18n/messages";
import { Stack } from "../../ui/Layout";
import { ErrorNotice, Notice } from "../../ui/Notice";
import { Spinner } from "../../ui/Spinner";
import type { RulePreviews } from "./preview-model";

/**
 * How many records of the module the rule matches now, with the counts' lag
 * (docs/crm-api.md#record-count); or why that cannot be said. Never a number
 * that is not the rule's.
 */
export function RuleCount({ preview, ruleKey, module }: { preview: RulePreviews; ruleKey: string; module: string }) {
  const state = preview.previews.value.get(ruleKey);
  if (!state) return null;
  switch (state.status) {
    case "incomplete":
      return <p class="small muted">{t("settings.preview.incomplete")}</p>;
    case "counting":
      return <Spinner label={t("settings.preview.counting", { module })} />;
    case "counted":
      return (
        <Stack gap={1} data-rule-count={String(state.count)}>
          <p>{t("settings.preview.counted", { count: state.count, module })}</p>
          <p class="small muted">{t("settings.preview.lag")}</p>
        </Stack>
      );
    case "cannot":
      return (
        <Notice tone="warning" data-rule-count="cannot">
          <p>{t("settings.preview.cannot")}</p>
          <p>{t(`settings.preview.reason.${state.reason}`)}</p>
        </Notice>
      );
    case "refused":
      // The CRM's own words are behind the notice's Details.
      return (
        <div data-rule-count="cannot">
          <ErrorNotice error={state.error} lead={t("settings.preview.refused")} />
        </div>
      );
    case "failed":
      return (
        <div data-rule-count="failed">
          <ErrorNotice error={state.error} lead={t("settings.preview.failed")} onRetry={() => preview.retry(ruleKey)} />
        </div>
      );
  }
}
