import { useId } from "preact/hooks";
import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { TextField } from "../../ui/Field";
import { CLOSE } from "../../ui/icons";
import { Switch } from "../../ui/Switch";
import { CriteriaEditor } from "./CriteriaEditor";
import type { Editor } from "./editor-model";
import type { RulePreviews } from "./preview-model";
import { ProblemText } from "./ProblemText";
import { byData, refocusAfterRemoval } from "./refocus";
import { RuleCount } from "./RuleCount";
import type { RuleDraft } from "./types";

/** Codes about one condition, shown at its controls rather than under the rule. */
const CONDITION_CODES = new Set(["fieldRequired", "comparatorRequired", "valueRequired", "emptyGroup"]);

/**
 * One locking rule: its name (required), whether records that already match
 * lock on saving, its conditions, and how many records of the module (`label`)
 * match them now.
 */
export function RuleCard({ model, preview, rule, number, label }: { model: Editor; preview: RulePreviews; rule: RuleDraft; number: number; label: string }) {
  const id = useId();
  const disabled = model.disabled.value;
  const problems = model.shownProblems.value;
  const nameProblem = problems.get(`rules.${rule.key}.name`)?.[0];
  const ruleProblems = (problems.get(`rules.${rule.key}.criteria`) ?? []).filter((problem) => !CONDITION_CODES.has(problem.code));
  return (
    <Card
      nested
      title={t("settings.ruleHeading", { number })}
      data={{ "data-rule": rule.key }}
      aside={
        !model.readOnly.value && (
          <Button
            small
            variant="quiet"
            icon={CLOSE}
            disabled={disabled}
            aria-label={t("settings.removeRuleNamed", { name: rule.name || String(number) })}
            onClick={(event) => {
              const form = event.currentTarget.closest("form");
              model.removeRule(rule.key);
              refocusAfterRemoval(form, [{ selector: byData("section", "rules"), heading: true }]);
            }}
          >
            {t("settings.removeRule")}
          </Button>
        )
      }
    >
      <TextField
        id={`${id}-name`}
        label={t("settings.ruleName")}
        required
        value={rule.name}
        disabled={disabled}
        error={nameProblem && t(`settings.problem.${nameProblem.code}`, nameProblem.params)}
        onInput={(event) => model.setRule(rule.key, { name: event.currentTarget.value })}
      />
      <Switch
        label={t("settings.lockExisting")}
        checked={rule.lockExistingRecords}
        disabled={disabled}
        onChange={(event) => model.setRule(rule.key, { lockExistingRecords: event.currentTarget.checked })}
      />
      <CriteriaEditor model={model} rule={rule} />
      <RuleCount preview={preview} ruleKey={rule.key} module={label} />
      <ProblemText problems={ruleProblems} />
    </Card>
  );
}
