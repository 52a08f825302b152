/**
 * Which part of the editor a server error concerns, from its
 * `details.api_name` or `details.json_path` (docs/crm-api.md#configuration-errors), so the
 * message shows next to it.
 */
import type { CrmError } from "../../crm/result";
import { FIELD_OF_KEY } from "./types";

const SECTION_OF_KEY: Record<string, string> = { ...FIELD_OF_KEY, locking_rules: "rules" };

/** Keys inside a rule or its criteria: the rules section. */
const RULE_KEYS = new Set(["name", "criteria", "field", "comparator", "value", "group", "group_operator", "lock_existing_records"]);

export function errorPath(error: CrmError): string | undefined {
  const details = error.details;
  const paths: string[] = [];
  for (const key of ["json_path", "api_name"]) {
    const value = details[key];
    if (typeof value === "string") paths.push(value);
  }
  // DEPENDENT_FIELD_MISSING names the missing key in api_name; AMBIGUITY/EXPECTED list several.
  for (const key of ["ambiguity_due_to", "expected_fields"]) {
    const list = details[key];
    if (Array.isArray(list)) {
      for (const entry of list) {
        const path = typeof entry === "object" && entry !== null ? (entry as Record<string, unknown>).json_path : undefined;
        if (typeof path === "string") paths.push(path);
      }
    }
  }
  for (const path of paths) {
    const keys = path.match(/[a-z_]+/g) ?? [];
    for (const key of keys) {
      const section = SECTION_OF_KEY[key];
      if (section) return section;
    }
    if (keys.some((key) => RULE_KEYS.has(key))) return "rules";
  }
  return undefined;
}
