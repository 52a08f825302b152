import { t } from "../../i18n/messages";
import { Stack } from "../../ui/Layout";
import { conditionNumbers } from "./criteria";
import type { CriteriaScope } from "./criteria-scope";
import { CriteriaNodeView } from "./CriteriaNodeView";
import type { Editor } from "./editor-model";
import type { RuleDraft } from "./types";

/** A rule's conditions: rows of field, comparison and value, in AND/OR groups; what the editor did not create is shown and kept. */
export function CriteriaEditor({ model, rule }: { model: Editor; rule: RuleDraft }) {
  const scope: CriteriaScope = {
    root: rule.criteria,
    pathPrefix: `rules.${rule.key}.criteria`,
    fields: model.criteriaFields.value,
    numbers: conditionNumbers(rule.criteria),
    problems: model.shownProblems.value,
    disabled: model.disabled.value,
    readOnly: model.readOnly.value,
    onChange: (criteria) => model.setRule(rule.key, { criteria }),
  };
  return (
    <Stack gap={2}>
      <h4>{t("settings.criteria.conditions")}</h4>
      <CriteriaNodeView scope={scope} node={rule.criteria} path={[]} />
    </Stack>
  );
}
