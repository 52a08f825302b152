/**
 * Locking-rule criteria (docs/crm-api.md#rules-and-criteria) written in the
 * search grammar of Search Records and Record Count
 * (docs/crm-api.md#search-criteria). Where the grammar cannot say exactly
 * what the rule says, the answer is a reason instead: a preview must say
 * "cannot preview this rule" rather than show a number for something else.
 */
import { isRecord } from "../crm/result";

/** Why a rule's criteria cannot be written as a search (a machine reason for the UI). */
export type SearchCriteriaProblem =
  /** Not a condition or group as the rules API writes them (unknown keys, wrong shapes, a raw node). */
  | "not_criteria"
  | "empty_group"
  /** The condition names its field by id only, or by a name the grammar cannot carry. */
  | "no_field_name"
  /** The field is not among the module's fields. */
  | "unknown_field"
  /** The search cannot filter on fields of this type. */
  | "field_not_searchable"
  /** The comparator has no search operator (contains, ends_with, not_between, …). */
  | "comparator_not_searchable"
  /** The search does not take that operator for this field type. */
  | "operator_not_allowed"
  /** Search `equals` on text matches any value containing it, so the count would not be the rule's. */
  | "inexact_match"
  /** A value the grammar cannot carry or the field type cannot read (empty, padded, a control character, a list where one value belongs, …). */
  | "value_not_expressible"
  | "too_many_values"
  | "too_many_conditions";

export type SearchCriteriaResult = { ok: true; criteria: string } | { ok: false; reason: SearchCriteriaProblem };

/** The documented limits of one criteria string. */
export const MAX_SEARCH_CONDITIONS = 10;
export const MAX_IN_VALUES = 100;

const NUMBER_OPS = ["equals", "not_equal", "greater_equal", "greater_than", "less_equal", "less_than", "between", "in"];
const TEXT_OPS = ["equals", "not_equal", "starts_with", "in"];
const LIST_OPS = ["equals", "not_equal", "in"];

/** The operators the search takes per field type. */
export const SEARCH_OPERATORS_BY_TYPE: Readonly<Record<string, readonly string[]>> = {
  date: NUMBER_OPS,
  datetime: NUMBER_OPS,
  integer: NUMBER_OPS,
  currency: NUMBER_OPS,
  decimal: NUMBER_OPS,
  double: NUMBER_OPS,
  bigint: NUMBER_OPS,
  percent: NUMBER_OPS,
  boolean: ["equals", "not_equal"],
  textarea: ["equals", "not_equal", "starts_with"],
  ownerlookup: LIST_OPS,
  userlookup: LIST_OPS,
  lookup: LIST_OPS,
  picklist: LIST_OPS,
  autonumber: LIST_OPS,
  text: TEXT_OPS,
  email: TEXT_OPS,
  phone: TEXT_OPS,
  website: TEXT_OPS,
  multiselectpicklist: ["equals", "not_equal", "in", "starts_with"],
};

/** Where search `equals` (and so `in` and `not_equal`) is documented to match parts of values. */
const INEXACT_TYPES = new Set(["text", "textarea", "email", "phone", "website"]);
const NUMERIC_TYPES = new Set(["integer", "currency", "decimal", "double", "bigint", "percent"]);
const LOOKUP_TYPES = new Set(["ownerlookup", "userlookup", "lookup"]);

const FIELD_NAME = /^[A-Za-z_$][A-Za-z0-9_$.]*$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Backslash before `(`, `)`, `,` and `\`. The docs ask it for the first three
 * and for a trailing backslash; escaping every backslash keeps one rule that
 * cannot be misread where a backslash stands before one of the others.
 */
export function escapeSearchValue(value: string): string {
  return value.replace(/[\\(),]/g, (ch) => `\\${ch}`);
}

type Field = { api_name: string; data_type: string };

/**
 * Thrown while writing, caught by toSearchCriteria. The reason is the
 * message, read back by a getter: no class field. A field (here a
 * `readonly reason` parameter) is lowered for our es2020 target with
 * esbuild's runtime helper `__publicField`, and esbuild's runtime is reached
 * by every entry point of a page, also the German and Japanese catalogues,
 * which the build's `inject` does not touch (scripts/build.mjs,
 * firstPaintInOneChunk). So it got a chunk of its own, imported by the
 * settings page's first paint: a third file, empty once the helper was
 * tree-shaken away with an unused import.
 */
class CannotSearch extends Error {
  constructor(reason: SearchCriteriaProblem) {
    super(reason);
  }

  get reason(): SearchCriteriaProblem {
    return this.message as SearchCriteriaProblem;
  }
}

/**
 * The rule's criteria as a search criteria string. With `fields` (the
 * module's, as GET /settings/fields gives them) each condition is also checked
 * against its field's type; without them only the shape and values are.
 */
export function toSearchCriteria(criteria: unknown, fields?: ReadonlyArray<Field>): SearchCriteriaResult {
  const counter = { conditions: 0 };
  try {
    return { ok: true, criteria: write(criteria, fields, counter) };
  } catch (error) {
    if (error instanceof CannotSearch) return { ok: false, reason: error.reason };
    throw error;
  }
}

function write(node: unknown, fields: ReadonlyArray<Field> | undefined, counter: { conditions: number }): string {
  if (!isRecord(node)) throw new CannotSearch("not_criteria");
  if ("group" in node || "group_operator" in node) {
    if (!onlyKeys(node, ["group_operator", "group"])) throw new CannotSearch("not_criteria");
    const { group_operator: operator, group } = node;
    if (typeof operator !== "string" || !/^(and|or)$/i.test(operator) || !Array.isArray(group)) throw new CannotSearch("not_criteria");
    if (group.length === 0) throw new CannotSearch("empty_group");
    const parts = group.map((child) => write(child, fields, counter));
    return parts.length === 1 ? (parts[0] as string) : `(${parts.join(operator.toLowerCase())})`;
  }
  if (!onlyKeys(node, ["comparator", "field", "value"]) || !("value" in node)) throw new CannotSearch("not_criteria");
  const { comparator, field, value } = node;
  if (typeof comparator !== "string" || !isRecord(field)) throw new CannotSearch("not_criteria");
  counter.conditions += 1;
  if (counter.conditions > MAX_SEARCH_CONDITIONS) throw new CannotSearch("too_many_conditions");
  const apiName = field.api_name;
  if (typeof apiName !== "string" || !FIELD_NAME.test(apiName)) throw new CannotSearch("no_field_name");
  const { operator, values } = operatorFor(comparator, value);
  const type = fields ? typeOf(apiName, fields) : undefined;
  if (type !== undefined) {
    const allowed = SEARCH_OPERATORS_BY_TYPE[type];
    if (!allowed) throw new CannotSearch("field_not_searchable");
    if (!allowed.includes(operator)) throw new CannotSearch("operator_not_allowed");
    if (INEXACT_TYPES.has(type) && (operator === "equals" || operator === "not_equal" || operator === "in")) {
      throw new CannotSearch("inexact_match");
    }
  }
  const texts = values.map((v) => valueText(v, type));
  return `(${apiName}:${operator}:${texts.map(escapeSearchValue).join(",")})`;
}

function typeOf(apiName: string, fields: ReadonlyArray<Field>): string {
  const field = fields.find((f) => f.api_name === apiName);
  if (!field) throw new CannotSearch("unknown_field");
  return field.data_type;
}

/** The search operator for a rule comparator, and the values it takes. */
function operatorFor(comparator: string, value: unknown): { operator: string; values: unknown[] } {
  const list = Array.isArray(value) ? value : undefined;
  const one = (operator: string) => {
    if (list) throw new CannotSearch("value_not_expressible");
    return { operator, values: [value] };
  };
  switch (comparator) {
    case "equal":
      // A rule's "equal" with a list of values (picklists) means any of them.
      return list ? inList(list) : { operator: "equals", values: [value] };
    case "in":
      return inList(list ?? [value]);
    case "not_equal":
    case "greater_than":
    case "greater_equal":
    case "less_than":
    case "less_equal":
    case "starts_with":
      return one(comparator);
    case "between":
      if (!list || list.length !== 2) throw new CannotSearch("value_not_expressible");
      return { operator: "between", values: list };
    default:
      throw new CannotSearch("comparator_not_searchable");
  }
}

function inList(list: unknown[]): { operator: string; values: unknown[] } {
  if (list.length === 0) throw new CannotSearch("value_not_expressible");
  if (list.length > MAX_IN_VALUES) throw new CannotSearch("too_many_values");
  return { operator: "in", values: list };
}

/** One value as text, checked against what the field type reads. */
function valueText(value: unknown, type: string | undefined): string {
  let text: string;
  if (typeof value === "string") text = value;
  else if (typeof value === "boolean") text = String(value);
  else if (typeof value === "number" && Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER) text = String(value);
  else throw new CannotSearch("value_not_expressible");
  // Padding may be trimmed by the server, and control characters have no place in a URL parameter's value.
  if (text === "" || text.trim() !== text || /[\u0000-\u001f\u007f]/.test(text)) throw new CannotSearch("value_not_expressible");
  if (typeof value === "number" && !DECIMAL.test(text)) throw new CannotSearch("value_not_expressible");
  if (type !== undefined && !readableAs(text, type, value)) throw new CannotSearch("value_not_expressible");
  return text;
}

function readableAs(text: string, type: string, value: unknown): boolean {
  if (NUMERIC_TYPES.has(type)) return DECIMAL.test(text);
  if (type === "date") return /^\d{4}-\d{2}-\d{2}$/.test(text);
  if (type === "datetime") return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)$/.test(text);
  if (type === "boolean") return text === "true" || text === "false";
  // Ids are strings; a number may already have lost digits.
  if (LOOKUP_TYPES.has(type)) return typeof value === "string" && /^\d{1,19}$/.test(text);
  return true;
}

function onlyKeys(object: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(object).every((key) => keys.includes(key));
}
