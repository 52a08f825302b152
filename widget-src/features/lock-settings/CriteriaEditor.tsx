import type { FieldInfo } from "../../api/fields";
import { t } from "../../i18n/messages";
import { addCondition, emptyCondition, removeAt, setOperator, updateAt, withField } from "./criteria";
import type { CriteriaNode, GroupOperator, Problem } from "./types";

/** Comparators the editor offers; a rule saved elsewhere with another one is shown and kept as is. */
export const COMPARATORS = ["equal", "not_equal", "greater_than", "less_than", "greater_equal", "less_equal"] as const;

interface Props {
  node: CriteriaNode;
  fields: FieldInfo[];
  /** Problem path prefix of this rule's criteria, e.g. "rules.<key>.criteria". */
  pathPrefix: string;
  problems: Problem[];
  disabled: boolean;
  onChange: (node: CriteriaNode) => void;
}

/** Conditions and AND/OR groups as rows; nested groups the editor did not create are shown and kept. */
export function CriteriaEditor({ node, fields, pathPrefix, problems, disabled, onChange }: Props) {
  if (node.kind === "condition") {
    return (
      <div class="criteria">
        <ConditionRow node={node} path={[]} {...{ fields, pathPrefix, problems, disabled }} root={node} onChange={onChange} />
        <button type="button" class="link" disabled={disabled} onClick={() => onChange(addCondition(node, []))}>
          {t("settings.criteria.addCondition")}
        </button>
      </div>
    );
  }
  return (
    <div class="criteria">
      <NodeView node={node} path={[]} root={node} {...{ fields, pathPrefix, problems, disabled, onChange }} />
    </div>
  );
}

function problemAt(problems: Problem[], path: string): Problem | undefined {
  return problems.find((problem) => problem.path === path);
}

interface NodeProps extends Omit<Props, "node"> {
  node: CriteriaNode;
  path: number[];
  root: CriteriaNode;
}

function NodeView(props: NodeProps) {
  const { node, path, root, disabled, onChange, pathPrefix, problems } = props;
  if (node.kind === "raw") {
    return (
      <div class="criteria__raw">
        <p class="muted">{t("settings.criteria.raw")}</p>
        <pre>{JSON.stringify(node.json)}</pre>
      </div>
    );
  }
  if (node.kind === "condition") return <ConditionRow {...props} node={node} />;
  const here = [pathPrefix, ...path].join(".");
  const empty = problemAt(problems, here);
  return (
    <fieldset class="criteria__group">
      <legend>
        <label>
          {t("settings.criteria.match")}{" "}
          <select
            value={node.operator}
            disabled={disabled}
            onChange={(event) => onChange(setOperator(root, path, event.currentTarget.value as GroupOperator))}
          >
            <option value="AND">{t("settings.criteria.and")}</option>
            <option value="OR">{t("settings.criteria.or")}</option>
          </select>
        </label>
      </legend>
      {node.children.map((child, index) => (
        <NodeView key={index} {...props} node={child} path={[...path, index]} />
      ))}
      {empty && <p class="field-error">{t(`settings.problem.${empty.code}`, empty.params)}</p>}
      <button type="button" class="link" disabled={disabled} onClick={() => onChange(addCondition(root, path))}>
        {t("settings.criteria.addCondition")}
      </button>
      {/* One level of nesting, e.g. A and (B or C); deeper groups are kept but not offered. */}
      {path.length === 0 && (
        <button
          type="button"
          class="link"
          disabled={disabled}
          onClick={() =>
            onChange(
              updateAt(root, path, (group) =>
                group.kind === "group"
                  ? { ...group, children: [...group.children, { kind: "group", operator: group.operator === "AND" ? "OR" : "AND", children: [emptyCondition()], extra: {} }] }
                  : group,
              ),
            )
          }
        >
          {t("settings.criteria.addGroup")}
        </button>
      )}
      {path.length > 0 && (
        <button type="button" class="link" disabled={disabled} onClick={() => onChange(removeAt(root, path))}>
          {t("settings.criteria.removeGroup")}
        </button>
      )}
    </fieldset>
  );
}

function ConditionRow({ node, path, root, fields, pathPrefix, problems, disabled, onChange }: NodeProps & { node: Extract<CriteriaNode, { kind: "condition" }> }) {
  const here = [pathPrefix, ...path].join(".");
  const problem = problemAt(problems, here);
  const field = fields.find((candidate) => candidate.apiName === node.field.apiName || (node.field.id && candidate.id === node.field.id));
  const replace = (next: Extract<CriteriaNode, { kind: "condition" }>) =>
    onChange(path.length === 0 ? next : updateAt(root, path, () => next));
  const value = typeof node.value === "string" || typeof node.value === "number" || typeof node.value === "boolean" ? String(node.value) : "";
  const known = (COMPARATORS as readonly string[]).includes(node.comparator);
  return (
    <div class="criteria__condition" data-criteria-path={here}>
      <label>
        <span class="visually-hidden">{t("settings.criteria.field")}</span>
        <select
          value={field?.apiName ?? node.field.apiName ?? ""}
          disabled={disabled}
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
        </select>
      </label>
      <label>
        <span class="visually-hidden">{t("settings.criteria.comparator")}</span>
        <select value={node.comparator} disabled={disabled} onChange={(event) => replace({ ...node, comparator: event.currentTarget.value })}>
          {!known && <option value={node.comparator}>{node.comparator || t("settings.criteria.chooseComparator")}</option>}
          {COMPARATORS.map((comparator) => (
            <option key={comparator} value={comparator}>
              {t(`settings.comparator.${comparator}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span class="visually-hidden">{t("settings.criteria.value")}</span>
        {field?.picklist ? (
          <select value={value} disabled={disabled} onChange={(event) => replace({ ...node, value: event.currentTarget.value })}>
            <option value="">{t("settings.criteria.chooseValue")}</option>
            {/* A saved value no longer in the picklist is still shown, as it is kept. */}
            {value !== "" && !field.picklist.some((option) => option.value === value) && <option value={value}>{value}</option>}
            {field.picklist.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        ) : (
          <input type="text" value={value} disabled={disabled} onInput={(event) => replace({ ...node, value: event.currentTarget.value })} />
        )}
      </label>
      {path.length > 0 && (
        <button
          type="button"
          class="link"
          disabled={disabled}
          onClick={() => onChange(removeAt(root, path))}
        >
          {t("settings.criteria.remove")}
        </button>
      )}
      {problem && <p class="field-error">{t(`settings.problem.${problem.code}`, problem.params)}</p>}
    </div>
  );
}
