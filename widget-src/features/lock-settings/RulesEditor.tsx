import type { FieldInfo } from "../../api/fields";
import { t } from "../../i18n/messages";
import { CriteriaEditor } from "./CriteriaEditor";
import { emptyCondition } from "./criteria";
import type { Editor } from "./editor-model";
import { LIMITS, type ConfigDraft, type RuleDraft } from "./types";

let newRules = 0;

/** The locking rules (at most 5): name, whether existing records lock too, and criteria. */
export function RulesEditor({ model, draft, disabled, fields }: { model: Editor; draft: ConfigDraft; disabled: boolean; fields: FieldInfo[] }) {
  const problems = model.showProblems.value ? model.problems.value : [];
  const setRule = (key: string, patch: Partial<RuleDraft>) =>
    model.edit((current) => ({ ...current, rules: current.rules.map((rule) => (rule.key === key ? { ...rule, ...patch } : rule)) }));
  const addRule = () => {
    newRules += 1;
    const rule: RuleDraft = { key: `new-${newRules}`, name: "", lockExistingRecords: false, criteria: emptyCondition() };
    model.edit((current) => ({ ...current, rules: [...current.rules, rule] }));
  };
  const removeRule = (key: string) => model.edit((current) => ({ ...current, rules: current.rules.filter((rule) => rule.key !== key) }));
  return (
    <fieldset data-section="rules">
      <legend>{t("settings.rulesLegend", { max: LIMITS.rules })}</legend>
      {draft.lockType === "manual" && draft.rules.length === 0 && <p class="muted">{t("settings.rulesManual")}</p>}
      {draft.rules.map((rule, index) => {
        const nameProblem = problems.find((problem) => problem.path === `rules.${rule.key}.name`);
        const criteriaProblem = problems.find((problem) => problem.path === `rules.${rule.key}.criteria` && problem.code !== "fieldRequired" && problem.code !== "valueRequired" && problem.code !== "comparatorRequired");
        return (
          <div key={rule.key} class="rule" data-rule={rule.key}>
            <h3>{t("settings.ruleHeading", { number: index + 1 })}</h3>
            <label>
              {t("settings.ruleName")}{" "}
              <input type="text" value={rule.name} disabled={disabled} onInput={(event) => setRule(rule.key, { name: event.currentTarget.value })} />
            </label>
            {nameProblem && <p class="field-error">{t(`settings.problem.${nameProblem.code}`, nameProblem.params)}</p>}
            <label>
              <input
                type="checkbox"
                checked={rule.lockExistingRecords}
                disabled={disabled}
                onChange={(event) => setRule(rule.key, { lockExistingRecords: event.currentTarget.checked })}
              />{" "}
              {t("settings.lockExisting")}
            </label>
            <CriteriaEditor
              node={rule.criteria}
              fields={fields}
              pathPrefix={`rules.${rule.key}.criteria`}
              problems={problems}
              disabled={disabled}
              onChange={(criteria) => setRule(rule.key, { criteria })}
            />
            {criteriaProblem && <p class="field-error">{t(`settings.problem.${criteriaProblem.code}`, criteriaProblem.params)}</p>}
            {!disabled && (
              <button type="button" class="link" onClick={() => removeRule(rule.key)} aria-label={t("settings.removeRuleNamed", { name: rule.name || String(index + 1) })}>
                {t("settings.removeRule")}
              </button>
            )}
          </div>
        );
      })}
      {!disabled && (
        <button type="button" class="button button--quiet" disabled={draft.rules.length >= LIMITS.rules} onClick={addRule}>
          {t("settings.addRule")}
        </button>
      )}
    </fieldset>
  );
}
