/**
 * Validation and merge of one record locking configuration from a POST/PUT
 * body item. Every problem is thrown as an ItemError (reported inside the
 * `record_locking_configurations` wrapper).
 */
import type { Ctx } from "./context";
import { configDefaults, type Criteria, type FieldDef, type LockConfig, type LockType, type LockedFor, type LockingRule, type ModuleDef, type Ref } from "./model";
import { iso } from "./context";
import { ItemError, invalidField, mandatoryNotFound } from "./errors";
import { clone, deepEqual, isNonEmptyString, isObject } from "./json";
import { SUPPORTED_COMPARATORS } from "./criteria";
import { MODULES } from "../seed/ids";

export const MAX_RULES = 5;
export const MAX_EXCLUDED_PROFILES = 15;
export const MAX_EXCLUDED_FIELDS = 15;
export const MAX_CUSTOM_BUTTONS = 30;

const LOCK_TYPES: LockType[] = ["manual", "automatic", "both"];
const LOCKED_FOR: LockedFor[] = ["all_profiles", "all_profiles_except_excluded_profiles"];
const ACTIONS = ["update", "delete", "tags", "change_owner", "convert"];
const COMMUNICATIONS = ["send_mail", "send_survery", "send_portal_invitation"];
const NUMERIC_TYPES = new Set(["currency", "double", "integer", "bigint", "decimal", "percent"]);
const CRITERIA_TYPES = new Set([
  "text", "email", "phone", "website", "picklist", "currency", "double", "integer", "bigint", "decimal",
  "percent", "date", "datetime", "boolean",
]);

function limitExceeded(apiName: string, jsonPath: string, limit: number, used: number): ItemError {
  return new ItemError("LIMIT_EXCEEDED", `the maximum limit for ${apiName} is exceeded`, {
    api_name: apiName,
    json_path: jsonPath,
    limit,
    available_limit: Math.max(0, limit - used),
  });
}

function expectArray(value: unknown, apiName: string, path: string): unknown[] {
  if (!Array.isArray(value)) throw invalidField(apiName, path, "invalid data", { expected_data_type: "jsonarray" });
  return value;
}

class ConfigValidator {
  private readonly fields: FieldDef[];

  constructor(
    private readonly ctx: Ctx,
    private readonly mod: ModuleDef,
    private readonly path: string,
  ) {
    this.fields = ctx.state.fields[mod.api_name] ?? [];
  }

  lockType(value: unknown): LockType {
    if (typeof value === "string" && (LOCK_TYPES as string[]).includes(value)) return value as LockType;
    throw invalidField("lock_type", `${this.path}.lock_type`, "invalid lock_type", { supported_values: LOCK_TYPES });
  }

  lockedFor(value: unknown): LockedFor {
    if (value === "all_profiles") return "all_profiles";
    // Accept the singular spelling some documents use; always store the plural.
    if (value === "all_profiles_except_excluded_profiles" || value === "all_profiles_except_excluded_profile") {
      return "all_profiles_except_excluded_profiles";
    }
    throw invalidField("locked_for", `${this.path}.locked_for`, "invalid locked_for", { supported_values: LOCKED_FOR });
  }

  excludedProfiles(value: unknown): Ref[] | null {
    if (value === null) return null;
    const base = `${this.path}.lock_excluded_profiles`;
    const items = expectArray(value, "lock_excluded_profiles", base);
    if (items.length > MAX_EXCLUDED_PROFILES) throw limitExceeded("lock_excluded_profiles", base, MAX_EXCLUDED_PROFILES, 0);
    const result: Ref[] = [];
    items.forEach((item, j) => {
      const p = isObject(item)
        ? this.ctx.state.profiles.find((x) => x.id === item["id"] || (item["id"] === undefined && (x.name === item["name"] || x.name === item["api_name"])))
        : undefined;
      if (!p) throw invalidField("lock_excluded_profiles", `${base}[${j}]`, "invalid profile given in lock_excluded_profiles");
      if (!result.some((r) => r.id === p.id)) result.push({ id: p.id, name: p.name });
    });
    return result;
  }

  excludedFields(value: unknown): { api_name: string; id: string }[] | null {
    if (value === null) return null;
    const base = `${this.path}.excluded_fields`;
    const items = expectArray(value, "excluded_fields", base);
    if (items.length > MAX_EXCLUDED_FIELDS) throw limitExceeded("excluded_fields", base, MAX_EXCLUDED_FIELDS, 0);
    return items.map((item, j) => {
      const f = isObject(item) ? this.fields.find((x) => x.id === item["id"]) ?? this.fields.find((x) => x.api_name === item["api_name"]) : undefined;
      if (!f) throw invalidField("excluded_fields", `${base}[${j}]`, "invalid field given in excluded_fields");
      return { api_name: f.api_name, id: f.id };
    });
  }

  restrictedActions(value: unknown): string[] {
    if (value === null) return ["update"];
    const base = `${this.path}.restricted_actions`;
    const items = expectArray(value, "restricted_actions", base);
    items.forEach((a, j) => {
      if (typeof a !== "string" || !ACTIONS.includes(a)) {
        throw invalidField("restricted_actions", `${base}[${j}]`, "invalid restricted action", { supported_values: ACTIONS });
      }
    });
    // "update" is always restricted.
    return ["update", ...ACTIONS.filter((a) => a !== "update" && items.includes(a))];
  }

  restrictedCommunications(value: unknown): string[] | null {
    if (value === null) return null;
    const base = `${this.path}.restricted_communications`;
    const items = expectArray(value, "restricted_communications", base);
    items.forEach((c, j) => {
      if (typeof c !== "string" || !COMMUNICATIONS.includes(c)) {
        throw invalidField("restricted_communications", `${base}[${j}]`, "invalid restricted communication", {
          supported_values: COMMUNICATIONS,
        });
      }
    });
    return COMMUNICATIONS.filter((c) => items.includes(c));
  }

  customButtons(value: unknown): Ref[] | null {
    if (value === null) return null;
    const base = `${this.path}.restricted_custom_buttons`;
    const items = expectArray(value, "restricted_custom_buttons", base);
    if (items.length > MAX_CUSTOM_BUTTONS) throw limitExceeded("restricted_custom_buttons", base, MAX_CUSTOM_BUTTONS, 0);
    const buttons = this.ctx.state.customButtons.filter((b) => b.module === this.mod.api_name);
    return items.map((item, j) => {
      const b = isObject(item) ? buttons.find((x) => x.id === item["id"]) ?? buttons.find((x) => item["id"] === undefined && x.name === item["name"]) : undefined;
      if (!b) throw invalidField("restricted_custom_buttons", `${base}[${j}]`, "invalid custom button");
      return { id: b.id, name: b.name };
    });
  }

  private field(raw: unknown, path: string): FieldDef {
    if (!isObject(raw)) throw mandatoryNotFound("field", path);
    const apiName = raw["api_name"];
    const id = raw["id"];
    const hasName = isNonEmptyString(apiName);
    const hasId = isNonEmptyString(id);
    if (!hasName && !hasId) {
      throw new ItemError("EXPECTED_FIELD_MISSING", "the id or api_name of the criteria field is missing", {
        expected_fields: [
          { api_name: "api_name", json_path: `${path}.api_name` },
          { api_name: "id", json_path: `${path}.id` },
        ],
      });
    }
    const byName = hasName ? this.fields.find((f) => f.api_name === apiName) : undefined;
    const byId = hasId ? this.fields.find((f) => f.id === id) : undefined;
    if (byName && byId && byName !== byId) {
      throw new ItemError("AMBIGUITY_DURING_PROCESSING", "the id and api_name of the criteria field belong to different fields", {
        ambiguity_due_to: [
          { api_name: "api_name", json_path: `${path}.api_name` },
          { api_name: "id", json_path: `${path}.id` },
        ],
      });
    }
    const field = byName ?? byId;
    if (!field) throw invalidField("api_name", path, "the api name given in the criteria is invalid");
    return field;
  }

  criteria(raw: unknown, path: string, depth = 0): Criteria {
    if (!isObject(raw)) throw mandatoryNotFound("criteria", path);
    if ("group" in raw || "group_operator" in raw) {
      if (this.mod.api_name === MODULES.tasks) {
        throw new ItemError("NOT_SUPPORTED", "only Status equal Closed is supported for Tasks", { api_name: "group", json_path: `${path}.group` });
      }
      const op = raw["group_operator"];
      if (op !== "AND" && op !== "OR") {
        throw invalidField("group_operator", `${path}.group_operator`, "invalid group operator", { supported_values: ["AND", "OR"] });
      }
      const group = raw["group"];
      if (!Array.isArray(group) || group.length === 0) throw mandatoryNotFound("group", `${path}.group`);
      if (depth >= 2) throw new ItemError("NOT_SUPPORTED", "criteria nesting is too deep", { api_name: "group", json_path: `${path}.group` });
      return { group_operator: op, group: group.map((g, k) => this.criteria(g, `${path}.group[${k}]`, depth + 1)) };
    }
    const comparator = raw["comparator"];
    if (!isNonEmptyString(comparator)) throw mandatoryNotFound("comparator", `${path}.comparator`);
    if (!(SUPPORTED_COMPARATORS as readonly string[]).includes(comparator)) {
      throw new ItemError("NOT_SUPPORTED", "the comparator is not supported", { api_name: "comparator", json_path: `${path}.comparator` });
    }
    const field = this.field(raw["field"], `${path}.field`);
    if (!CRITERIA_TYPES.has(field.data_type) || field.api_name === "Locked__s") {
      throw new ItemError("NOT_SUPPORTED", "the field given in the criteria is not supported", { api_name: field.api_name, json_path: `${path}.field` });
    }
    const rawValue = raw["value"];
    if (rawValue === undefined || rawValue === null || rawValue === "") throw mandatoryNotFound("value", `${path}.value`);
    if (typeof rawValue !== "string" && typeof rawValue !== "number" && typeof rawValue !== "boolean") {
      throw invalidField("value", `${path}.value`, "invalid criteria value", { expected_data_type: "string" });
    }
    const value = String(rawValue);
    if (field.pick_list_values) {
      const ordered = comparator === "equal" || comparator === "not_equal";
      if (!ordered || !field.pick_list_values.some((v) => v.actual_value === value)) {
        throw new ItemError("NOT_SUPPORTED", "the value given in the criteria is not supported", { api_name: "value", json_path: `${path}.value` });
      }
    }
    if (NUMERIC_TYPES.has(field.data_type) && !Number.isFinite(Number(value))) {
      throw invalidField("value", `${path}.value`, "invalid criteria value", { expected_data_type: field.data_type });
    }
    if (this.mod.api_name === MODULES.tasks && !(field.api_name === "Status" && comparator === "equal" && value === "Closed")) {
      throw new ItemError("NOT_SUPPORTED", "only Status equal Closed is supported for Tasks", { api_name: field.api_name, json_path: path });
    }
    return { comparator, field: { api_name: field.api_name, id: field.id }, value };
  }

  rules(value: unknown, existing: LockingRule[], isNew: boolean): LockingRule[] {
    const base = `${this.path}.locking_rules`;
    if (value === null) return isNew ? [] : existing;
    const items = expectArray(value, "locking_rules", base);
    const rules = clone(existing);
    /** Where each resulting rule came from in the request (for json_path). */
    const origin = new Map<LockingRule, string>();
    items.forEach((item, j) => {
      const path = `${base}[${j}]`;
      if (!isObject(item)) throw invalidField("locking_rules", path, "invalid locking rule", { expected_data_type: "jsonobject" });
      const id = item["id"];
      if (id !== undefined && id !== null) {
        const index = rules.findIndex((r) => r.id === id);
        const rule = rules[index];
        if (isNew || !rule) throw invalidField("id", `${path}.id`, "the locking rule id given seems to be invalid");
        if (item["_delete"] === true) {
          rules.splice(index, 1);
          return;
        }
        if ("name" in item) rule.name = this.ruleName(item["name"], path);
        if ("criteria" in item) rule.criteria = this.criteria(item["criteria"], `${path}.criteria`);
        if ("lock_existing_records" in item) rule.lock_existing_records = this.bool(item["lock_existing_records"], "lock_existing_records", path);
        origin.set(rule, path);
        return;
      }
      if (item["_delete"] === true) throw mandatoryNotFound("id", `${path}.id`);
      if (!("name" in item)) throw mandatoryNotFound("name", `${path}.name`);
      const name = this.ruleName(item["name"], path);
      if (!("criteria" in item)) throw mandatoryNotFound("criteria", `${path}.criteria`);
      const rule: LockingRule = {
        id: "",
        name,
        lock_existing_records: "lock_existing_records" in item ? this.bool(item["lock_existing_records"], "lock_existing_records", path) : false,
        criteria: this.criteria(item["criteria"], `${path}.criteria`),
      };
      rules.push(rule);
      origin.set(rule, path);
    });
    if (rules.length > MAX_RULES) throw limitExceeded("locking_rules", base, MAX_RULES, existing.length);
    rules.forEach((rule, k) => {
      const path = origin.get(rule) ?? `${base}[${k}]`;
      const earlier = rules.slice(0, k);
      if (earlier.some((r) => r.name.toLowerCase() === rule.name.toLowerCase())) {
        throw new ItemError("DUPLICATE_DATA", "duplicate value found in rule name", { api_name: "name", json_path: `${path}.name` });
      }
      if (earlier.some((r) => deepEqual(r.criteria, rule.criteria))) {
        throw new ItemError("DUPLICATE_DATA", "duplicate value found in criteria", { api_name: "criteria", json_path: `${path}.criteria` });
      }
    });
    // Ids only for rules that survived validation.
    for (const rule of rules) if (rule.id === "") rule.id = this.ctx.newId();
    return rules;
  }

  private ruleName(value: unknown, path: string): string {
    if (!isNonEmptyString(value)) throw mandatoryNotFound("name", `${path}.name`);
    if (value.length > 50) throw invalidField("name", `${path}.name`, "the rule name is too long", { maximum_length: 50 });
    return value.trim();
  }

  bool(value: unknown, apiName: string, parent: string): boolean {
    if (typeof value !== "boolean") throw invalidField(apiName, `${parent}.${apiName}`, "invalid data", { expected_data_type: "boolean" });
    return value;
  }
}

/**
 * Build the configuration resulting from `input` (a POST item when `existing`
 * is undefined, else a PUT item merged onto `existing`).
 */
export function buildConfig(
  ctx: Ctx,
  mod: ModuleDef,
  input: Record<string, unknown>,
  existing: LockConfig | undefined,
  index: number,
): LockConfig {
  const path = `$.record_locking_configurations[${index}]`;
  const v = new ConfigValidator(ctx, mod, path);
  const has = (key: string) => key in input && input[key] !== undefined;
  const now = iso(ctx.now);

  if (has("feature_type") && input["feature_type"] !== null && input["feature_type"] !== "record_locking") {
    throw invalidField("feature_type", `${path}.feature_type`, "invalid feature_type", { supported_values: ["record_locking"] });
  }
  if (!existing && (!has("lock_type") || input["lock_type"] === null)) throw mandatoryNotFound("lock_type", `${path}.lock_type`);

  const config: LockConfig = existing
    ? clone(existing)
    : {
        id: "",
        module: mod.api_name,
        lock_type: "manual",
        ...configDefaults(),
        locking_rules: [],
        created_time: now,
        modified_time: now,
        created_by: ctx.user.id,
        modified_by: ctx.user.id,
      };

  if (has("lock_type")) config.lock_type = v.lockType(input["lock_type"]);
  if (has("locked_for")) config.locked_for = input["locked_for"] === null ? "all_profiles" : v.lockedFor(input["locked_for"]);
  if (has("lock_excluded_profiles")) config.lock_excluded_profiles = v.excludedProfiles(input["lock_excluded_profiles"]);
  if (has("excluded_fields")) config.excluded_fields = v.excludedFields(input["excluded_fields"]);
  if (has("restricted_actions")) config.restricted_actions = v.restrictedActions(input["restricted_actions"]);
  if (has("restricted_communications")) config.restricted_communications = v.restrictedCommunications(input["restricted_communications"]);
  if (has("restricted_custom_buttons")) config.restricted_custom_buttons = v.customButtons(input["restricted_custom_buttons"]);
  if (has("lock_for_portal_users")) config.lock_for_portal_users = v.bool(input["lock_for_portal_users"], "lock_for_portal_users", path);
  if (has("locking_rules")) config.locking_rules = v.rules(input["locking_rules"], config.locking_rules, !existing);

  if (config.lock_type !== "manual" && config.locking_rules.length === 0) {
    throw new ItemError("DEPENDENT_FIELD_MISSING", "locking_rules is required when lock_type is automatic or both", {
      api_name: "locking_rules",
      json_path: `${path}.locking_rules`,
      dependee: { api_name: "lock_type", json_path: `${path}.lock_type` },
    });
  }
  if (config.locked_for === "all_profiles_except_excluded_profiles") {
    if (!config.lock_excluded_profiles || config.lock_excluded_profiles.length === 0) {
      throw new ItemError("DEPENDENT_FIELD_MISSING", "lock_excluded_profiles is required for all_profiles_except_excluded_profiles", {
        api_name: "lock_excluded_profiles",
        json_path: `${path}.lock_excluded_profiles`,
        dependee: { api_name: "locked_for", json_path: `${path}.locked_for` },
      });
    }
  } else {
    config.lock_excluded_profiles = null;
  }

  if (!existing) config.id = ctx.newId();
  config.modified_time = now;
  config.modified_by = ctx.user.id;
  return config;
}
