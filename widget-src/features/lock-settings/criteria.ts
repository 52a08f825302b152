/**
 * Locking-rule criteria (docs/crm-api.md#rules-and-criteria) as an editable tree, and back.
 *
 * The round trip JSON → tree → JSON is lossless for any JSON value: a rule
 * saved by Zoho's own UI or another client may carry keys, nesting or values
 * this editor does not know, and saving an unrelated change must not rewrite
 * them. What the tree cannot represent stays a `raw` node.
 */
import { isRecord } from "../../crm/result";
import type { CriteriaNode, GroupOperator } from "./types";

export type Condition = Extract<CriteriaNode, { kind: "condition" }>;
export type Group = Extract<CriteriaNode, { kind: "group" }>;

/**
 * Reserved keys of `extra`. They cannot clash with unknown keys because the
 * same names are known keys of the object and so never land in `extra`:
 * - on a condition, `extra.field` holds the field object's own unknown keys;
 * - on a group, `extra.group_operator` holds the operator as Zoho spelled it
 *   when that was not upper case ("and"), so it is sent back as it came.
 */
export const FIELD_EXTRA_KEY = "field";
export const OPERATOR_SPELLING_KEY = "group_operator";

const CONDITION_KEYS = ["comparator", "field", "value"];
const GROUP_KEYS = ["group_operator", "group"];
const FIELD_KEYS = ["api_name", "id"];

export function criteriaFromJson(json: unknown): CriteriaNode {
  if (!isRecord(json)) return { kind: "raw", json };
  // The server treats any object naming a group key as a group; one that is not
  // a well-formed group is left for the server to judge, untouched.
  if ("group" in json || "group_operator" in json) return groupFromJson(json) ?? { kind: "raw", json };
  return conditionFromJson(json) ?? { kind: "raw", json };
}

function groupFromJson(json: Record<string, unknown>): Group | undefined {
  const spelled = json.group_operator;
  const children = json.group;
  if (typeof spelled !== "string" || !/^(and|or)$/i.test(spelled) || !Array.isArray(children)) return undefined;
  const operator = spelled.toUpperCase() as GroupOperator;
  const extra = without(json, GROUP_KEYS);
  return {
    kind: "group",
    operator,
    children: children.map(criteriaFromJson),
    extra: spelled === operator ? extra : { ...extra, ...entry(OPERATOR_SPELLING_KEY, spelled) },
  };
}

function conditionFromJson(json: Record<string, unknown>): Condition | undefined {
  const { comparator, field } = json;
  if (typeof comparator !== "string" || !isRecord(field) || !("value" in json)) return undefined;
  const { api_name: apiName, id } = field;
  // Ids are strings end to end; a numeric id may already have lost digits, so it is not ours to edit.
  if ((apiName !== undefined && typeof apiName !== "string") || (id !== undefined && typeof id !== "string")) return undefined;
  const fieldExtra = without(field, FIELD_KEYS);
  const extra = without(json, CONDITION_KEYS);
  return {
    kind: "condition",
    field: { ...(apiName !== undefined ? { apiName } : {}), ...(id !== undefined ? { id } : {}) },
    comparator,
    value: json.value,
    extra: Object.keys(fieldExtra).length > 0 ? { ...extra, ...entry(FIELD_EXTRA_KEY, fieldExtra) } : extra,
  };
}

export function criteriaToJson(node: CriteriaNode): unknown {
  if (node.kind === "raw") return node.json;
  if (node.kind === "group") {
    const spelled = node.extra[OPERATOR_SPELLING_KEY];
    // A spelling left over from before an operator change must not win over the change.
    const operator = typeof spelled === "string" && spelled.toUpperCase() === node.operator ? spelled : node.operator;
    return { group_operator: operator, group: node.children.map(criteriaToJson), ...without(node.extra, GROUP_KEYS) };
  }
  const fieldExtra = node.extra[FIELD_EXTRA_KEY];
  const field = {
    ...(isRecord(fieldExtra) ? without(fieldExtra, FIELD_KEYS) : {}),
    ...(node.field.apiName !== undefined ? { api_name: node.field.apiName } : {}),
    ...(node.field.id !== undefined ? { id: node.field.id } : {}),
  };
  return { comparator: node.comparator, field, value: node.value, ...without(node.extra, CONDITION_KEYS) };
}

/**
 * Copies own keys except `keys`. Built with Object.fromEntries (define, not
 * assign) so that a key such as "__proto__" in JSON stays an ordinary key.
 */
function without(object: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}

function entry(key: string, value: unknown): Record<string, unknown> {
  return Object.fromEntries([[key, value]]);
}

// ---------------------------------------------------------------- editing

export function emptyCondition(): Condition {
  return { kind: "condition", field: {}, comparator: "", value: "", extra: {} };
}

/** Every condition of the tree, depth first, with the child indexes leading to it (root: []). */
export function conditionsOf(node: CriteriaNode): { path: number[]; condition: Condition }[] {
  const found: { path: number[]; condition: Condition }[] = [];
  const walk = (current: CriteriaNode, path: number[]) => {
    if (current.kind === "condition") found.push({ path, condition: current });
    else if (current.kind === "group") current.children.forEach((child, index) => walk(child, [...path, index]));
  };
  walk(node, []);
  return found;
}

/** The node at `path`, or undefined when the path leads nowhere. */
export function nodeAt(node: CriteriaNode, path: readonly number[]): CriteriaNode | undefined {
  let current: CriteriaNode | undefined = node;
  for (const index of path) current = current?.kind === "group" ? current.children[index] : undefined;
  return current;
}

/** `node` with the node at `path` replaced; unchanged when the path leads nowhere (a stale click). */
export function updateAt(node: CriteriaNode, path: readonly number[], replace: (n: CriteriaNode) => CriteriaNode): CriteriaNode {
  const [index, ...rest] = path;
  if (index === undefined) return replace(node);
  const child = node.kind === "group" ? node.children[index] : undefined;
  if (node.kind !== "group" || child === undefined) return node;
  const updated = updateAt(child, rest, replace);
  if (updated === child) return node;
  return { ...node, children: node.children.map((c, i) => (i === index ? updated : c)) };
}

/**
 * `node` without the node at `path`. A rule always has criteria, so removing
 * the root leaves an empty condition to fill in.
 */
export function removeAt(node: CriteriaNode, path: readonly number[]): CriteriaNode {
  const parentPath = path.slice(0, -1);
  const index = path[path.length - 1];
  if (index === undefined) return emptyCondition();
  return updateAt(node, parentPath, (parent) =>
    parent.kind === "group" && index < parent.children.length
      ? { ...parent, children: parent.children.filter((_, i) => i !== index) }
      : parent,
  );
}

/**
 * Appends an empty condition to the group at `groupPath`. When that node is
 * not a group (a rule with a single condition), it becomes an AND group of
 * itself and the new condition, which is what "add a condition" means there.
 */
export function addCondition(node: CriteriaNode, groupPath: readonly number[]): CriteriaNode {
  return updateAt(node, groupPath, (target) =>
    target.kind === "group"
      ? { ...target, children: [...target.children, emptyCondition()] }
      : { kind: "group", operator: "AND", children: [target, emptyCondition()], extra: {} },
  );
}

/**
 * Adds an empty condition right after the node at `path`, in the same group:
 * the "+" beside a condition row. At the root (a rule with a single
 * condition) it becomes an AND group of that condition and the new one, as
 * addCondition does.
 */
export function addConditionAfter(node: CriteriaNode, path: readonly number[]): CriteriaNode {
  const index = path[path.length - 1];
  if (index === undefined) return addCondition(node, []);
  return updateAt(node, path.slice(0, -1), (parent) =>
    parent.kind === "group" && index < parent.children.length
      ? { ...parent, children: [...parent.children.slice(0, index + 1), emptyCondition(), ...parent.children.slice(index + 1)] }
      : parent,
  );
}

/**
 * Appends a nested group with one empty condition to the group at
 * `groupPath`, using the other operator (A and (B or C)), which is what a
 * nested group is for. A node that is not a group is left as it is.
 */
export function addGroup(node: CriteriaNode, groupPath: readonly number[]): CriteriaNode {
  return updateAt(node, groupPath, (target) =>
    target.kind === "group"
      ? { ...target, children: [...target.children, { kind: "group", operator: target.operator === "AND" ? "OR" : "AND", children: [emptyCondition()], extra: {} }] }
      : target,
  );
}

/** Each condition's number as people count them (1, 2, … depth first), by its path joined with ".". */
export function conditionNumbers(node: CriteriaNode): Map<string, number> {
  return new Map(conditionsOf(node).map(({ path }, index) => [path.join("."), index + 1]));
}

export function wrapInGroup(node: CriteriaNode, operator: GroupOperator): Group {
  return { kind: "group", operator, children: [node], extra: {} };
}

/** Sets the operator of the group at `path`; other nodes, and a group already using it, stay as they are. */
export function setOperator(node: CriteriaNode, path: readonly number[], operator: GroupOperator): CriteriaNode {
  return updateAt(node, path, (target) => {
    if (target.kind !== "group" || target.operator === operator) return target;
    return { ...target, operator, extra: without(target.extra, [OPERATOR_SPELLING_KEY]) };
  });
}

/** The condition with another field; the old field's unknown keys (a label, say) no longer apply. */
export function withField(condition: Condition, field: { apiName?: string; id?: string }): Condition {
  return { ...condition, field: { ...field }, extra: without(condition.extra, [FIELD_EXTRA_KEY]) };
}

// ---------------------------------------------------------------- comparing

/**
 * A canonical string for duplicate detection. Like the server, it looks only
 * at what defines the criterion: operator (any spelling), field, comparator
 * and the value as text (the server keeps values as strings, so 5 and "5"
 * collide); unknown keys are ignored and key order never matters. Children
 * keep their order.
 */
export function criteriaKey(node: CriteriaNode): string {
  return JSON.stringify(keyParts(node));
}

function keyParts(node: CriteriaNode): unknown {
  if (node.kind === "raw") return ["raw", canonicalJson(node.json)];
  if (node.kind === "group") return [node.operator, node.children.map(keyParts)];
  const { value } = node;
  const text = typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : canonicalJson(value);
  // A field is named by api_name when it has one: the same field may be given with or without its id.
  const field = node.field.apiName ? ["name", node.field.apiName] : ["id", node.field.id ?? ""];
  return ["condition", field, node.comparator, text];
}

/** JSON text with object keys sorted, so that equal JSON values give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(",")}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** Deep equality of JSON values, key order aside. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
