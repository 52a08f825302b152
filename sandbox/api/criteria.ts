/** Evaluation of locking-rule / threshold criteria against a record. */
import type { Criteria, CrmRecord, FieldDef } from "./model";
import type { Json } from "./json";

export const SUPPORTED_COMPARATORS = [
  "equal",
  "not_equal",
  "greater_than",
  "less_than",
  "greater_equal",
  "less_equal",
] as const;

const NUMERIC_TYPES = new Set(["currency", "double", "integer", "bigint", "decimal", "percent"]);

function scalar(value: Json | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "object") {
    if (Array.isArray(value)) return null;
    const name = value["name"];
    return typeof name === "string" ? name : null;
  }
  return String(value);
}

function compare(fieldType: string, actual: string, expected: string): number {
  if (NUMERIC_TYPES.has(fieldType)) return Number(actual) - Number(expected);
  return actual < expected ? -1 : actual > expected ? 1 : 0;
}

export function matches(criteria: Criteria, record: CrmRecord, fields: FieldDef[]): boolean {
  if ("group" in criteria) {
    const results = criteria.group.map((c) => matches(c, record, fields));
    return criteria.group_operator === "AND" ? results.every(Boolean) : results.some(Boolean);
  }
  const field = fields.find((f) => f.api_name === criteria.field.api_name);
  if (!field) return false;
  const actual = scalar(record[field.api_name]);
  if (actual === null) return criteria.comparator === "not_equal";
  const c = compare(field.data_type, actual, criteria.value);
  switch (criteria.comparator) {
    case "equal":
      return c === 0;
    case "not_equal":
      return c !== 0;
    case "greater_than":
      return c > 0;
    case "less_than":
      return c < 0;
    case "greater_equal":
      return c >= 0;
    case "less_equal":
      return c <= 0;
    default:
      return false;
  }
}
