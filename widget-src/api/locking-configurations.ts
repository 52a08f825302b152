/**
 * record_locking_configurations (docs/crm-api.md#locking-configurations): one configuration per
 * module. Read here; edited by the settings tab.
 */
import type { RawAnswer } from "../crm/decode";
import { LOCAL_CODES, fail, ok, type CrmResult } from "../crm/result";
import type { ApiRequest } from "../crm/transport";
import { firstItem, id, isRecord, listUnder, named, str } from "./read";

export type LockType = "manual" | "automatic" | "both";
export type LockedFor = "all_profiles" | "all_profiles_except_excluded_profiles";

/** The restricted actions Zoho knows; `update` (edit) is always restricted. */
export const RESTRICTABLE_ACTIONS = ["update", "delete", "tags", "change_owner", "convert"] as const;

/** Edit ("update") is restricted on every locked record and cannot be switched off (docs/crm-api.md#configuration-keys). */
export const ALWAYS_RESTRICTED = "update";

/** The restricted actions as they apply: edit first, always, and each action once. */
export function withEditRestricted(actions: readonly string[]): string[] {
  return [ALWAYS_RESTRICTED, ...new Set(actions.filter((action) => action !== ALWAYS_RESTRICTED))];
}

export interface LockingRule {
  id: string;
  name: string;
  lockExistingRecords: boolean;
  /** Kept as sent; the settings editor reads it (criteria rows). */
  criteria: unknown;
}

export interface FieldRef {
  id?: string;
  apiName: string;
}

export interface LockConfig {
  id: string;
  lockType: LockType;
  lockedFor: LockedFor;
  excludedProfiles: { id: string; name: string }[];
  excludedFields: FieldRef[];
  restrictedActions: string[];
  restrictedCommunications: string[];
  restrictedCustomButtons: { id: string; name: string }[];
  lockForPortalUsers: boolean;
  rules: LockingRule[];
  systemDefined: boolean;
  modifiedTime?: string;
}

export const CONFIG_WRAPPER = "record_locking_configurations";

export function getLockConfigRequest(module: string): ApiRequest {
  return { method: "GET", path: "/settings/record_locking_configurations", query: { module } };
}

/** `undefined` value: the module has no configuration (204). */
export function decodeLockConfig(result: CrmResult<RawAnswer>): CrmResult<LockConfig | undefined> {
  if (!result.ok) return result;
  if (result.value.body === undefined) return ok(undefined);
  const item = firstItem(result.value.body, CONFIG_WRAPPER);
  const config = item ? decodeConfig(item) : undefined;
  return config ? ok(config) : fail(LOCAL_CODES.unreadable, "The record-locking configuration could not be read");
}

const LOCK_TYPES: readonly string[] = ["manual", "automatic", "both"];

function decodeConfig(item: Record<string, unknown>): LockConfig | undefined {
  const configId = id(item.id);
  const lockType = str(item.lock_type);
  if (!configId || !lockType || !LOCK_TYPES.includes(lockType)) return undefined;
  const actions = strings(item.restricted_actions);
  const config: LockConfig = {
    id: configId,
    lockType: lockType as LockType,
    // Zoho's docs spell it with and without the final "s"; both mean the same.
    lockedFor: str(item.locked_for)?.startsWith("all_profiles_except") ? "all_profiles_except_excluded_profiles" : "all_profiles",
    excludedProfiles: list(item.lock_excluded_profiles).flatMap((entry) => named(entry) ?? []),
    excludedFields: list(item.excluded_fields).flatMap((entry) => fieldRef(entry) ?? []),
    restrictedActions: withEditRestricted(actions),
    restrictedCommunications: strings(item.restricted_communications),
    restrictedCustomButtons: list(item.restricted_custom_buttons).flatMap((entry) => named(entry) ?? []),
    lockForPortalUsers: item.lock_for_portal_users !== false,
    rules: list(item.locking_rules).flatMap((entry) => rule(entry) ?? []),
    systemDefined: item.system_defined === true,
  };
  const modified = str(item.modified_time);
  if (modified) config.modifiedTime = modified;
  return config;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function strings(value: unknown): string[] {
  return list(value).filter((entry): entry is string => typeof entry === "string");
}

function fieldRef(value: unknown): FieldRef | undefined {
  if (!isRecord(value)) return undefined;
  const apiName = str(value.api_name);
  if (!apiName) return undefined;
  const fieldId = id(value.id);
  return fieldId ? { id: fieldId, apiName } : { apiName };
}

function rule(value: unknown): LockingRule | undefined {
  if (!isRecord(value)) return undefined;
  const ruleId = id(value.id);
  if (!ruleId) return undefined;
  return {
    id: ruleId,
    name: str(value.name) ?? "",
    lockExistingRecords: value.lock_existing_records === true,
    criteria: value.criteria,
  };
}

const CONFIG_PATH = "/settings/record_locking_configurations";

/** A new configuration: the full object (see features/lock-settings/diff.ts). */
export function createConfigRequest(module: string, config: Record<string, unknown>): ApiRequest {
  return { method: "POST", path: CONFIG_PATH, query: { module }, body: { [CONFIG_WRAPPER]: [config] } };
}

/** An update: only what changed, with the configuration's id. */
export function updateConfigRequest(module: string, configId: string, changes: Record<string, unknown>): ApiRequest {
  return { method: "PUT", path: `${CONFIG_PATH}/${configId}`, query: { module }, body: { [CONFIG_WRAPPER]: [changes] } };
}

/** Deleting a configuration unlocks every locked record of the module. */
export function deleteConfigRequest(module: string, configId: string): ApiRequest {
  return { method: "DELETE", path: `${CONFIG_PATH}/${configId}`, query: { module } };
}

/** Restricted custom buttons: an undocumented list (docs/crm-api.md#custom-buttons), so best effort only. */
export function listCustomButtonsRequest(module: string): ApiRequest {
  return { method: "GET", path: "/settings/custom_buttons", query: { module } };
}

export function decodeCustomButtons(result: CrmResult<RawAnswer>): CrmResult<{ id: string; name: string }[]> {
  const list = listUnder(result, "custom_buttons", "custom buttons");
  if (!list.ok) return list;
  return ok(
    list.value.flatMap((item) => {
      const button = named(item);
      const label = isRecord(item) ? str(item.display_label) : undefined;
      return button ? [{ id: button.id, name: label ?? (button.name || button.id) }] : [];
    }),
  );
}
