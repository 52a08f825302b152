import { useId } from "preact/hooks";
import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { Select, TextField } from "../../ui/Field";
import { FieldRow } from "../../ui/FieldRow";
import { CLOSE, PLUS } from "../../ui/icons";
import { addConditionAfter, removeAt, updateAt, withField, type Condition } from "./criteria";
import { pathOf, problemsOf, type CriteriaScope } from "./criteria-scope";
import { byData, focusAdded, refocusAfterRemoval } from "./refocus";
import type { ProblemCode } from "./types";

/** Comparators the editor offers; a rule saved elsewhere with another one is shown and kept as is. */
export const COMPARATORS = ["equal", "not_equal", "greater_than", "less_than", "greater_equal", "less_equal"] as const;

/**
 * One condition: field, comparison and value (labelled for screen readers),
 * each with its own problem under it, and beside the row its own add (+)
 * and remove (×) buttons.
 */
export function ConditionRow({ scope, node, path }: { scope: CriteriaScope; node: Condition; path: number[] }) {
  const id = useId();
  const { root, fields, disabled, onChange } = scope;
  const here = pathOf(scope, path);
  const number = scope.numbers.get(path.join(".")) ?? 1;
  const problems = problemsOf(scope, path);
  const problem = (code: ProblemCode) => {
    const found = problems.find((candidate) => candidate.code === code);
    return found && t(`settings.problem.${found.code}`, found.params);
  };
  const field = fields.find((candidate) => candidate.apiName === node.field.apiName || (node.field.id && candidate.id === node.field.id));
  const replace = (next: Condition) => onChange(updateAt(root, path, () => next));
  const value = typeof node.value === "string" || typeof node.value === "number" || typeof node.value === "boolean" ? String(node.value) : "";
  const known = (COMPARATORS as readonly string[]).includes(node.comparator);
  return (
    <FieldRow
      data-criteria-path={here}
      actions={
        !scope.readOnly && (
          <>
            <Button
              variant="quiet"
              icon={PLUS}
              disabled={disabled}
              aria-label={t("settings.criteria.addAfter", { number })}
              onClick={(event) => {
                const form = event.currentTarget.closest("form");
                onChange(addConditionAfter(root, path));
                // The new row comes right after this one (a single condition becomes the first of a group).
                const added = path.length === 0 ? [1] : [...path.slice(0, -1), (path[path.length - 1] ?? 0) + 1];
                focusAdded(form, byData("criteria-path", pathOf(scope, added)));
              }}
            />
            {path.length > 0 && (
              <Button
                variant="quiet"
                icon={CLOSE}
                disabled={disabled}
                aria-label={t("settings.criteria.removeNumber", { number })}
                onClick={(event) => {
                  const form = event.currentTarget.closest("form");
                  onChange(removeAt(root, path));
                  // The row that takes its place, else the one before it, else its group.
                  const parent = path.slice(0, -1);
                  const index = path[path.length - 1] ?? 0;
                  refocusAfterRemoval(form, [
                    { selector: byData("criteria-path", pathOf(scope, [...parent, index])) },
                    { selector: byData("criteria-group", pathOf(scope, [...parent, index])) },
                    { selector: byData("criteria-path", pathOf(scope, [...parent, index - 1])) },
                    { selector: byData("criteria-group", pathOf(scope, parent)) },
                  ]);
                }}
              />
            )}
          </>
        )
      }
    >
      <Select
        id={`${id}-field`}
        label={t("settings.criteria.field")}
        hideLabel
        value={field?.apiName ?? node.field.apiName ?? ""}
        disabled={disabled}
        error={problem("fieldRequired")}
        onChange={(event) => {
          const chosen = fields.find((candidate) => candidate.apiName === event.currentTarget.value);
          replace({ ...withField(node, chosen ? { apiName: chosen.apiName, id: chosen.id } : {}), value: "" });
        }}
      >
        <option value="">{t("settings.criteria.chooseField")}</option>
        {!field && node.field.apiName && <option value={node.field.apiName}>{node.field.apiName}</option>}
        {fields.map((candidate) => (
          <option key={candidate.id} value={candidate.apiName}>
            {candidate.label}
          </option>
        ))}
      </Select>
      <Select
        id={`${id}-comparator`}
        label={t("settings.criteria.comparator")}
        hideLabel
        value={node.comparator}
        disabled={disabled}
        error={problem("comparatorRequired")}
        onChange={(event) => replace({ ...node, comparator: event.currentTarget.value })}
      >
        {!known && <option value={node.comparator}>{node.comparator || t("settings.criteria.chooseComparator")}</option>}
        {COMPARATORS.map((comparator) => (
          <option key={comparator} value={comparator}>
            {t(`settings.comparator.${comparator}`)}
          </option>
        ))}
      </Select>
      {field?.picklist ? (
        <Select
          id={`${id}-value`}
          label={t("settings.criteria.value")}
          hideLabel
          value={value}
          disabled={disabled}
          error={problem("valueRequired")}
          onChange={(event) => replace({ ...node, value: event.currentTarget.value })}
        >
          <option value="">{t("settings.criteria.chooseValue")}</option>
          {/* A saved value no longer in the picklist is still shown, as it is kept. */}
          {value !== "" && !field.picklist.some((option) => option.value === value) && <option value={value}>{value}</option>}
          {field.picklist.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      ) : (
        <TextField
          id={`${id}-value`}
          label={t("settings.criteria.value")}
          hideLabel
          value={value}
          disabled={disabled}
          error={problem("valueRequired")}
          onInput={(event) => replace({ ...node, value: event.currentTarget.value })}
        />
      )}
    </FieldRow>
  );
}
