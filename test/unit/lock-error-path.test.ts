import { describe, expect, it } from "vitest";
import type { CrmError } from "../../widget-src/crm/result";
import { errorPath } from "../../widget-src/features/lock-settings/error-path";

const ROOT = "$.record_locking_configurations[0]";
const error = (code: string, details: Record<string, unknown> = {}): CrmError => ({ code, message: "synthetic", details, status: 400 });

describe("errorPath", () => {
  it("puts a missing locking_rules beside the rules, not beside the lock type it depends on", () => {
    const missing = error("DEPENDENT_FIELD_MISSING", {
      api_name: "locking_rules",
      json_path: `${ROOT}.locking_rules`,
      dependee: { api_name: "lock_type", json_path: `${ROOT}.lock_type` },
    });
    expect(errorPath(missing)).toBe("rules");
  });

  it("reads api_name alone when there is no json_path", () => {
    expect(errorPath(error("DEPENDENT_FIELD_MISSING", { api_name: "locking_rules" }))).toBe("rules");
    expect(errorPath(error("DEPENDENT_FIELD_MISSING", { api_name: "lock_excluded_profiles" }))).toBe("excludedProfiles");
  });

  it("puts missing excluded profiles beside the profiles, not beside locked_for", () => {
    const missing = error("DEPENDENT_FIELD_MISSING", {
      api_name: "lock_excluded_profiles",
      json_path: `${ROOT}.lock_excluded_profiles`,
      dependee: { api_name: "locked_for", json_path: `${ROOT}.locked_for` },
    });
    expect(errorPath(missing)).toBe("excludedProfiles");
  });

  it("falls back to api_name when json_path names only the configuration", () => {
    expect(errorPath(error("DEPENDENT_FIELD_MISSING", { api_name: "locking_rules", json_path: ROOT }))).toBe("rules");
  });

  it("puts an invalid criteria field beside the rules", () => {
    const invalid = error("INVALID_DATA", { api_name: "field", json_path: `${ROOT}.locking_rules[1].criteria.field` });
    expect(errorPath(invalid)).toBe("rules");
  });

  it("puts a value deep in a nested group beside the rules", () => {
    const invalid = error("NOT_SUPPORTED", { api_name: "Stage", json_path: `${ROOT}.locking_rules[0].criteria.group[1].group[0].value` });
    expect(errorPath(invalid)).toBe("rules");
  });

  it("puts too many excluded fields beside the fields", () => {
    const limit = error("LIMIT_EXCEEDED", { api_name: "excluded_fields", json_path: `${ROOT}.excluded_fields`, limit: 15, available_limit: 0 });
    expect(errorPath(limit)).toBe("excludedFields");
  });

  it.each([
    ["lock_type", "lockType"],
    ["locked_for", "lockedFor"],
    ["restricted_actions[2]", "restrictedActions"],
    ["restricted_communications[0]", "restrictedCommunications"],
    ["restricted_custom_buttons[0].id", "restrictedCustomButtons"],
    ["lock_for_portal_users", "lockForPortalUsers"],
  ])("maps %s to the %s section", (key, section) => {
    expect(errorPath(error("INVALID_DATA", { json_path: `${ROOT}.${key}` }))).toBe(section);
  });

  it("puts an ambiguous criteria field (id and api_name disagree) beside the rules", () => {
    const ambiguous = error("AMBIGUITY_DURING_PROCESSING", {
      ambiguity_due_to: [
        { api_name: "api_name", json_path: `${ROOT}.locking_rules[0].criteria.group[0].field.api_name` },
        { api_name: "id", json_path: `${ROOT}.locking_rules[0].criteria.group[0].field.id` },
      ],
    });
    expect(errorPath(ambiguous)).toBe("rules");
  });

  it("puts a condition without a field beside the rules", () => {
    const missing = error("EXPECTED_FIELD_MISSING", {
      expected_fields: [{ api_name: "api_name", json_path: `${ROOT}.locking_rules[0].criteria.field.api_name` }],
    });
    expect(errorPath(missing)).toBe("rules");
  });

  it("has no place for an error without details, or with details naming nothing in the editor", () => {
    expect(errorPath(error("INTERNAL_ERROR"))).toBeUndefined();
    expect(errorPath(error("REQUIRED_PARAM_MISSING", { api_name: "module", param: "module" }))).toBeUndefined();
    expect(errorPath(error("INVALID_DATA", { resource_path_index: 2 }))).toBeUndefined();
    expect(errorPath(error("AMBIGUITY_DURING_PROCESSING", { ambiguity_due_to: ["garbage", null, { json_path: 3 }] }))).toBeUndefined();
  });
});
