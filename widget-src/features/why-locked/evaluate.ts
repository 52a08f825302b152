/**
 * Whether a record's current values still meet a locking rule's criteria,
 * condition by condition (docs/crm-api.md#rules-and-criteria). Pure, so every
 * case is unit-tested.
 *
 * Zoho does not publish how it compares values for locking rules (case,
 * lookups, dates against date-times, lists), nor the full list of
 * comparators. Wherever that matters the answer is "unknown" ("cannot
 * tell"), never a guessed "matches" or "does not match"; groups combine
 * those answers so that an unknown part decides only when it could change
 * the outcome.
 */
import type { FieldInfo } from "../../api/fields";
import { id, isRecord, str } from "../../api/read";
import type { RecordValues } from "../../api/records";
import { criteriaFromJson } from "../lock-settings/criteria";
import type { CriteriaNode, GroupOperator } from "../lock-settings/types";

export type Verdict = "match" | "noMatch" | "unknown";

/** The record's value for one condition's field. */
export type Actual =
  /** The record's values could not be read at all. */
  | { kind: "unread" }
  /** The record as read has no such field (hidden from this user, say). */
  | { kind: "absent" }
  | { kind: "empty" }
  | { kind: "value"; value: unknown };

export type Explained =
  | {
      kind: "condition";
      /** The field's display label where known, else its API name (or id). */
      name: string;
      field?: FieldInfo;
      comparator: string;
      expected: unknown;
      actual: Actual;
      verdict: Verdict;
    }
  | { kind: "group"; operator: GroupOperator; children: Explained[]; verdict: Verdict }
  /** Criteria JSON that is neither a condition nor a group. */
  | { kind: "raw"; verdict: "unknown" };

/** The comparisons understood here; any other comparator gives "unknown". */
export const KNOWN_COMPARATORS = ["equal", "not_equal", "greater_than", "less_than", "greater_equal", "less_equal"] as const;

/** For each ordering comparator: whether the sign of (record value − rule value) meets it. */
const ORDERING: Record<string, (sign: number) => boolean> = {
  greater_than: (sign) => sign > 0,
  less_than: (sign) => sign < 0,
  greater_equal: (sign) => sign >= 0,
  less_equal: (sign) => sign <= 0,
};

const NUMERIC_TYPES = new Set(["currency", "double", "integer", "bigint", "decimal", "percent", "long"]);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The rule's criteria (as the configuration holds them) against the record's
 * values; `values` undefined: they could not be read, so every condition is
 * "unknown". `fields`: the module's fields where known (labels, picklists).
 */
export function explainCriteria(criteria: unknown, values: RecordValues | undefined, fields: readonly FieldInfo[]): Explained {
  return explain(criteriaFromJson(criteria), values, fields);
}

function explain(node: CriteriaNode, values: RecordValues | undefined, fields: readonly FieldInfo[]): Explained {
  if (node.kind === "raw") return { kind: "raw", verdict: "unknown" };
  if (node.kind === "group") {
    const children = node.children.map((child) => explain(child, values, fields));
    return { kind: "group", operator: node.operator, children, verdict: combine(node.operator, children.map((child) => child.verdict)) };
  }
  const { apiName, id: fieldId } = node.field;
  const field = fields.find((candidate) => candidate.apiName === apiName) ?? fields.find((candidate) => fieldId !== undefined && candidate.id === fieldId);
  const actual = actualOf(values, apiName ?? field?.apiName);
  return {
    kind: "condition",
    name: field?.label ?? apiName ?? fieldId ?? "",
    ...(field ? { field } : {}),
    comparator: node.comparator,
    expected: node.value,
    actual,
    verdict: verdictOf(node.comparator, node.value, actual, field),
  };
}

/** AND: one "no" decides, else all must be "yes"; OR: one "yes" decides, else all must be "no". Anything else is unknown. */
export function combine(operator: GroupOperator, verdicts: readonly Verdict[]): Verdict {
  if (verdicts.length === 0) return "unknown";
  const decisive: Verdict = operator === "AND" ? "noMatch" : "match";
  if (verdicts.includes(decisive)) return decisive;
  if (verdicts.includes("unknown")) return "unknown";
  return operator === "AND" ? "match" : "noMatch";
}

function actualOf(values: RecordValues | undefined, apiName: string | undefined): Actual {
  if (!values) return { kind: "unread" };
  if (apiName === undefined || !Object.prototype.hasOwnProperty.call(values, apiName)) return { kind: "absent" };
  const value = values[apiName];
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return { kind: "empty" };
  return { kind: "value", value };
}

function verdictOf(comparator: string, expected: unknown, actual: Actual, field: FieldInfo | undefined): Verdict {
  const ordering = Object.prototype.hasOwnProperty.call(ORDERING, comparator) ? ORDERING[comparator] : undefined;
  const equality = comparator === "equal" || comparator === "not_equal";
  if ((!equality && !ordering) || actual.kind === "unread" || actual.kind === "absent") return "unknown";
  if (equality) {
    // Whether an empty rule value means "is empty" is not documented; any other value differs from an empty one.
    const same = actual.kind === "value" ? sameValue(expected, actual.value, field) : textOf(expected) === "" ? "unknown" : "noMatch";
    return comparator === "equal" ? same : negate(same);
  }
  // How Zoho orders an empty value is not documented.
  if (actual.kind === "empty" || !ordering) return "unknown";
  const sign = order(expected, actual.value, field);
  return sign === undefined ? "unknown" : yesNo(ordering(sign));
}

function sameValue(expected: unknown, actual: unknown, field: FieldInfo | undefined): Verdict {
  if (isRecord(expected)) {
    // A lookup given as {id, name}: the ids decide.
    const wanted = id(expected.id);
    const got = isRecord(actual) ? id(actual.id) : undefined;
    return wanted && got ? yesNo(wanted === got) : "unknown";
  }
  const text = textOf(expected);
  if (text === undefined) return "unknown";
  if (typeof actual === "number") {
    const wanted = numberOf(text);
    return wanted === undefined ? "unknown" : yesNo(wanted === actual);
  }
  if (typeof actual === "boolean") return text === "true" || text === "false" ? yesNo(String(actual) === text) : "unknown";
  if (typeof actual === "string") return sameText(text, actual, field);
  if (isRecord(actual)) {
    // A lookup or user: the rule may name it by id or by name.
    const name = str(actual.name);
    if (text === id(actual.id) || text === name) return "match";
    if (/^\d+$/.test(text)) return "noMatch";
    return name !== undefined && loose(name) === loose(text) ? "unknown" : "noMatch";
  }
  // A list (multi-select): whether "equal" means "is exactly" or "contains" is not documented.
  return "unknown";
}

function sameText(expected: string, actual: string, field: FieldInfo | undefined): Verdict {
  // A picklist value may be read as its actual value or as its display value.
  const options = field?.picklist?.filter((option) => option.value === expected || option.label === expected) ?? [];
  if (actual === expected || options.some((option) => option.value === actual || option.label === actual)) return "match";
  const instants = [instantOf(expected), instantOf(actual)];
  if (instants[0] !== undefined && instants[1] !== undefined) return yesNo(instants[0] === instants[1]);
  const numbers = [numberOf(expected), numberOf(actual)];
  // Differing only in case, spacing or how a number is written, or a date against a date-time: how Zoho compares those is not documented.
  const dateAgainstTime = (DATE.test(expected) && instants[1] !== undefined) || (DATE.test(actual) && instants[0] !== undefined);
  if (loose(expected) === loose(actual) || (numbers[0] !== undefined && numbers[0] === numbers[1]) || dateAgainstTime) return "unknown";
  return "noMatch";
}

/** The sign of (record value − rule value), when both are numbers, dates or date-times; else undefined. */
function order(expected: unknown, actual: unknown, field: FieldInfo | undefined): number | undefined {
  const text = textOf(expected);
  if (text === undefined) return undefined;
  if (typeof actual === "number") {
    const wanted = numberOf(text);
    return wanted === undefined ? undefined : Math.sign(actual - wanted);
  }
  if (typeof actual !== "string") return undefined;
  if (DATE.test(actual) && DATE.test(text)) return actual < text ? -1 : actual > text ? 1 : 0;
  const [wanted, got] = [instantOf(text), instantOf(actual)];
  if (wanted !== undefined && got !== undefined) return Math.sign(got - wanted);
  // A number sent as text counts as a number only where the field says it is one.
  const [low, high] = [numberOf(text), numberOf(actual)];
  if (field && NUMERIC_TYPES.has(field.dataType) && low !== undefined && high !== undefined) return Math.sign(high - low);
  return undefined;
}

/** A rule value as text: values are strings in every sample, but a number or boolean reads the same. */
function textOf(value: unknown): string | undefined {
  return typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
}

function numberOf(text: string): number | undefined {
  if (text.trim() === "") return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** Milliseconds of a date-time with its offset; plain dates are not instants (their time zone is unknown). */
function instantOf(text: string): number | undefined {
  if (!DATE_TIME.test(text)) return undefined;
  const value = Date.parse(text);
  return Number.isNaN(value) ? undefined : value;
}

function loose(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

function yesNo(yes: boolean): Verdict {
  return yes ? "match" : "noMatch";
}

function negate(verdict: Verdict): Verdict {
  return verdict === "match" ? "noMatch" : verdict === "noMatch" ? "match" : "unknown";
}
