import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FILTER, PLUS } from "../../ui/icons";
import type { Editor } from "./editor-model";
import type { RulePreviews } from "./preview-model";
import { ProblemText } from "./ProblemText";
import { RuleCard } from "./RuleCard";
import { ServerError } from "./ServerError";
import { LIMITS, type ConfigDraft } from "./types";

/** The locking rules (at most 5), each a card of its own with how many records of the module (`label`) it matches, and the way to add one. */
export function RulesEditor({ model, preview, draft, label }: { model: Editor; preview: RulePreviews; draft: ConfigDraft; label: string }) {
  return (
    <Card title={t("settings.rulesLegend", { max: LIMITS.rules })} icon={FILTER} data={{ "data-section": "rules" }}>
      {draft.lockType === "manual" && draft.rules.length === 0 && <p class="muted">{t("settings.rulesManual")}</p>}
      {draft.rules.map((rule, index) => (
        <RuleCard key={rule.key} model={model} preview={preview} rule={rule} number={index + 1} label={label} />
      ))}
      <ProblemText problems={model.shownProblems.value.get("rules") ?? []} />
      <ServerError model={model} path="rules" />
      {!model.readOnly.value && (
        <div>
          <Button icon={PLUS} disabled={model.disabled.value || model.rulesFull.value} onClick={() => model.addRule()}>
            {t("settings.addRule")}
          </Button>
        </div>
      )}
    </Card>
  );
}
