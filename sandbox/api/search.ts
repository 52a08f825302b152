/**
 * Search criteria against a module's records (docs/crm-api.md#search-records):
 * which operators each field type takes, how values are read, and the
 * predicate a parsed criteria string becomes. Errors are Zoho's
 * INVALID_QUERY with `details.reason` (and the field and operator when known).
 */
import type { CrmRecord, FieldDef, State } from "./model";
import type { Json } from "./json";
import { ApiError } from "./errors";
import { countConditions, MAX_SEARCH_CONDITIONS, parseSearchCriteria, type SearchCondition, type SearchNode } from "./search-grammar";

const NUMBER_OPS = ["equals", "not_equal", "greater_equal", "greater_than", "less_equal", "less_than", "between", "in"];
const TEXT_OPS = ["equals", "not_equal", "starts_with", "in"];
const LIST_OPS = ["equals", "not_equal", "in"];

/** Operators per field data type, as the search page lists them [D7]. */
export const OPERATORS_BY_TYPE: Readonly<Record<string, readonly string[]>> = {
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
  // Plain lookups are a documented type without their own operator line; taken like user lookups [SB].
  lookup: LIST_OPS,
  picklist: LIST_OPS,
  autonumber: LIST_OPS,
  text: TEXT_OPS,
  email: TEXT_OPS,
  phone: TEXT_OPS,
  website: TEXT_OPS,
  multiselectpicklist: ["equals", "not_equal", "in", "starts_with"],
};

/** The `in` operator takes at most 100 values [D7]. */
export const MAX_IN_VALUES = 100;

/** Types whose `equals` matches a part of the value, like "contains" [D8]. */
const CONTAINS_TYPES = new Set(["text", "textarea", "email", "phone", "website"]);
const NUMERIC_TYPES = new Set(["integer", "currency", "decimal", "double", "bigint", "percent"]);
const LOOKUP_TYPES = new Set(["ownerlookup", "userlookup", "lookup"]);

export type RecordTest = (record: CrmRecord) => boolean;

export interface SearchScope {
  fields: FieldDef[];
  /** Record ids that are locked now (Locked__s). */
  lockedIds: ReadonlySet<string>;
  /** Whether the edition has record locking; without it Locked__s is not a field. */
  locking: boolean;
}

export function invalidQuery(reason: string, extra: Record<string, string> = {}): ApiError {
  return new ApiError(400, "INVALID_QUERY", "invalid query formed", { reason, ...extra });
}

/** The predicate for a criteria string, or INVALID_QUERY. */
export function compileCriteria(text: string, scope: SearchScope): RecordTest {
  const parsed = parseSearchCriteria(text);
  if (!parsed.ok) throw invalidQuery(`${parsed.reason} (at ${parsed.at})`);
  if (countConditions(parsed.tree) > MAX_SEARCH_CONDITIONS) {
    throw invalidQuery(`more than ${MAX_SEARCH_CONDITIONS} criteria`);
  }
  return compileNode(parsed.tree, scope);
}

function compileNode(node: SearchNode, scope: SearchScope): RecordTest {
  if (node.kind === "group") {
    const tests = node.children.map((child) => compileNode(child, scope));
    return node.conjunction === "and" ? (r) => tests.every((t) => t(r)) : (r) => tests.some((t) => t(r));
  }
  return compileCondition(node, scope);
}

function compileCondition(condition: SearchCondition, scope: SearchScope): RecordTest {
  const { field: apiName, operator, values } = condition;
  const field = scope.fields.find((f) => f.api_name === apiName);
  if (!field || (apiName === "Locked__s" && !scope.locking)) {
    throw invalidQuery("the field is not available for search in this module", { api_name: apiName });
  }
  const type = field.data_type;
  const allowed = OPERATORS_BY_TYPE[type];
  if (!allowed) throw invalidQuery(`fields of type ${type} cannot be searched`, { api_name: apiName });
  if (!allowed.includes(operator)) {
    throw invalidQuery(`the operator is not supported for a ${type} field`, { api_name: apiName, operator });
  }
  const bad = (why: string) => invalidQuery(why, { api_name: apiName, operator });
  if (operator === "between" && values.length !== 2) throw bad("between takes two values");
  if (operator === "in" && values.length > MAX_IN_VALUES) throw bad(`in takes at most ${MAX_IN_VALUES} values`);
  if (operator !== "between" && operator !== "in" && values.length !== 1) throw bad("a comma in a value must be escaped");
  const read = reader(type);
  const expected = values.map((value) => {
    const parsed = read(value);
    if (parsed === undefined) throw bad(`"${value}" is not a ${type} value`);
    return parsed;
  });
  const actualOf = (record: CrmRecord): Comparable | undefined =>
    apiName === "Locked__s" ? String(scope.lockedIds.has(record.id)) : actualValue(record[apiName], type);
  return testFor(operator, type, expected, actualOf);
}

type Comparable = string | number;

/** How a value in the criteria is read for a type; undefined: not a value of that type. */
function reader(type: string): (value: string) => Comparable | undefined {
  if (NUMERIC_TYPES.has(type)) {
    return (value) => (/^-?\d+(\.\d+)?$/.test(value) ? Number(value) : undefined);
  }
  if (type === "date") return (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined);
  if (type === "datetime") {
    return (value) => {
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)$/.test(value)) return undefined;
      const ms = Date.parse(value);
      return Number.isNaN(ms) ? undefined : ms;
    };
  }
  if (type === "boolean") return (value) => (value === "true" || value === "false" ? value : undefined);
  if (LOOKUP_TYPES.has(type)) return (value) => (/^\d{1,19}$/.test(value) ? value : undefined);
  return (value) => value;
}

/** A record's value as the criteria compare it; undefined when empty. */
function actualValue(value: Json | undefined, type: string): Comparable | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (LOOKUP_TYPES.has(type)) {
    // Lookups are compared by the id of the record or user they point to [SB].
    const id = typeof value === "object" && !Array.isArray(value) ? value["id"] : undefined;
    return typeof id === "string" ? id : undefined;
  }
  if (typeof value === "object") return undefined;
  if (NUMERIC_TYPES.has(type)) return typeof value === "number" ? value : Number(value);
  if (type === "datetime") {
    const ms = Date.parse(String(value));
    return Number.isNaN(ms) ? undefined : ms;
  }
  return String(value);
}

function testFor(operator: string, type: string, expected: Comparable[], actualOf: (r: CrmRecord) => Comparable | undefined): RecordTest {
  const contains = CONTAINS_TYPES.has(type);
  const fold = (v: Comparable) => (contains && typeof v === "string" ? v.toLowerCase() : v);
  const first = fold(expected[0] as Comparable);
  const equal = (actual: Comparable): boolean =>
    contains && typeof actual === "string" && typeof first === "string" ? fold(actual).toString().includes(first) : actual === first;
  const known = (test: (actual: Comparable) => boolean): RecordTest => (record) => {
    const actual = actualOf(record);
    return actual !== undefined && test(fold(actual));
  };
  switch (operator) {
    case "equals":
      return known(equal);
    case "not_equal":
      // An empty value is "not equal" to anything [SB].
      return (record) => {
        const actual = actualOf(record);
        return actual === undefined || !equal(fold(actual));
      };
    case "starts_with":
      return known((a) => typeof a === "string" && typeof first === "string" && a.startsWith(first));
    case "in": {
      const set = new Set(expected.map(fold));
      return known((a) => set.has(a));
    }
    case "greater_than":
      return known((a) => a > first);
    case "greater_equal":
      return known((a) => a >= first);
    case "less_than":
      return known((a) => a < first);
    case "less_equal":
      return known((a) => a <= first);
    case "between": {
      const [low, high] = expected.map(fold) as [Comparable, Comparable];
      return known((a) => a >= low && a <= high);
    }
    default:
      throw invalidQuery(`unknown operator ${operator}`);
  }
}

/** Ids of the records that have a lock now: what Locked__s says. */
export function lockedRecordIds(state: State): Set<string> {
  return new Set(state.locks.map((l) => l.recordId));
}
