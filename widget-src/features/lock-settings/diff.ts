/**
 * From a configuration to the editor's draft and back to request bodies
 * (docs/crm-api.md#configuration-keys). A PUT sends only what changed: keys the user did not
 * touch are not sent, so they cannot overwrite what someone else saved in
 * the meantime, and rules go as add / edit-by-id / `_delete` operations.
 */
import { ALWAYS_RESTRICTED, withEditRestricted, type LockConfig, type LockingRule } from "../../api/locking-configurations";
import { criteriaFromJson, criteriaToJson, sameJson } from "./criteria";
import { FIELD_OF_KEY, type ConfigDraft, type ConfigKey, type RuleDraft } from "./types";

export type Change =
  | {
      kind:
        | "lockType"
        | "lockedFor"
        | "excludedProfiles"
        | "excludedFields"
        | "restrictedActions"
        | "restrictedCommunications"
        | "restrictedCustomButtons"
        | "lockForPortalUsers";
      before?: unknown;
      after: unknown;
    }
  | { kind: "ruleAdded" | "ruleRemoved" | "ruleChanged"; name: string };

const EXCEPT = "all_profiles_except_excluded_profiles";

export function draftFromConfig(config: LockConfig): ConfigDraft {
  return {
    lockType: config.lockType,
    lockedFor: config.lockedFor,
    excludedProfiles: config.excludedProfiles.map((profile) => ({ ...profile })),
    excludedFields: config.excludedFields.map((field) => ({ ...field })),
    restrictedActions: withEditRestricted(config.restrictedActions),
    restrictedCommunications: [...config.restrictedCommunications],
    restrictedCustomButtons: config.restrictedCustomButtons.map((button) => ({ ...button })),
    lockForPortalUsers: config.lockForPortalUsers,
    rules: config.rules.map((rule) => ({
      id: rule.id,
      key: rule.id,
      name: rule.name,
      lockExistingRecords: rule.lockExistingRecords,
      criteria: criteriaFromJson(rule.criteria),
    })),
  };
}

/** Zoho's defaults for a new configuration (docs/crm-api.md#configuration-keys). */
export function emptyDraft(): ConfigDraft {
  return {
    lockType: "manual",
    lockedFor: "all_profiles",
    excludedProfiles: [],
    excludedFields: [],
    restrictedActions: [ALWAYS_RESTRICTED],
    restrictedCommunications: [],
    restrictedCustomButtons: [],
    lockForPortalUsers: true,
    rules: [],
  };
}

// ---------------------------------------------------------------- bodies

/** One value per top-level key, as sent; `undefined` where the key is not sent. */
type KeyValues = Record<ConfigKey, unknown>;

function keyValues(draft: ConfigDraft): KeyValues {
  return {
    lock_type: draft.lockType,
    // The type only allows the plural spelling, the one the server lists (docs/crm-api.md#exempt-profiles).
    locked_for: draft.lockedFor,
    // Profiles only mean something in the "except" mode; outside it they are not sent at all.
    lock_excluded_profiles: draft.lockedFor === EXCEPT ? draft.excludedProfiles.map(({ id, name }) => ({ id, name })) : undefined,
    excluded_fields: draft.excludedFields.map((field) => ({ api_name: field.apiName, ...(field.id !== undefined ? { id: field.id } : {}) })),
    restricted_actions: withEditRestricted(draft.restrictedActions),
    restricted_communications: [...draft.restrictedCommunications],
    restricted_custom_buttons: draft.restrictedCustomButtons.map(({ id, name }) => ({ id, name })),
    lock_for_portal_users: draft.lockForPortalUsers,
  };
}

/** The full configuration object for POST, without the wrapper. */
export function postBody(draft: ConfigDraft): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(keyValues(draft))) if (value !== undefined) body[key] = value;
  if (draft.rules.length > 0) body.locking_rules = draft.rules.map(newRule);
  return body;
}

/**
 * The PUT item: `undefined` when nothing changed, else the id and only the
 * changed keys. Rule operations: deletions first (so a replaced rule's name
 * or slot is free even on a server checking as it goes), then edits and
 * additions in the draft's order.
 */
export function putBody(original: LockConfig, draft: ConfigDraft): Record<string, unknown> | undefined {
  const body: Record<string, unknown> = {};
  const changed = changedKeys(draftFromConfig(original), draft);
  const sent = keyValues(draft);
  for (const key of changed) if (sent[key] !== undefined) body[key] = sent[key];
  const rules = ruleOperations(original.rules, draft.rules);
  if (rules.length > 0) body.locking_rules = rules;
  return Object.keys(body).length > 0 ? { id: original.id, ...body } : undefined;
}

function changedKeys(before: ConfigDraft, after: ConfigDraft): ConfigKey[] {
  const keys: ConfigKey[] = [];
  if (before.lockType !== after.lockType) keys.push("lock_type");
  if (before.lockedFor !== after.lockedFor) keys.push("locked_for");
  // Entering the "except" mode always sends the profiles: the server requires them with it.
  if (after.lockedFor === EXCEPT && (before.lockedFor !== EXCEPT || !sameSet(before.excludedProfiles.map(refId), after.excludedProfiles.map(refId)))) {
    keys.push("lock_excluded_profiles");
  }
  if (!sameSet(before.excludedFields.map(fieldKey), after.excludedFields.map(fieldKey))) keys.push("excluded_fields");
  if (!sameSet(withEditRestricted(before.restrictedActions), withEditRestricted(after.restrictedActions))) keys.push("restricted_actions");
  if (!sameSet(before.restrictedCommunications, after.restrictedCommunications)) keys.push("restricted_communications");
  if (!sameSet(before.restrictedCustomButtons.map(refId), after.restrictedCustomButtons.map(refId))) keys.push("restricted_custom_buttons");
  if (before.lockForPortalUsers !== after.lockForPortalUsers) keys.push("lock_for_portal_users");
  return keys;
}

const refId = (ref: { id: string }) => ref.id;
/** api_name is always known for an excluded field; the id may be missing. */
const fieldKey = (field: { apiName: string }) => field.apiName;

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((item) => right.has(item));
}

/** The server trims rule names, so surrounding spaces are no change. */
const ruleName = (rule: RuleDraft) => rule.name.trim();

function newRule(rule: RuleDraft): Record<string, unknown> {
  return { name: ruleName(rule), lock_existing_records: rule.lockExistingRecords, criteria: criteriaToJson(rule.criteria) };
}

/** The keys of a saved rule the draft changes, with their new values. */
function ruleEdits(saved: LockingRule, rule: RuleDraft): Record<string, unknown> {
  const edits: Record<string, unknown> = {};
  if (ruleName(rule) !== saved.name.trim()) edits.name = ruleName(rule);
  if (rule.lockExistingRecords !== saved.lockExistingRecords) edits.lock_existing_records = rule.lockExistingRecords;
  const criteria = criteriaToJson(rule.criteria);
  if (!sameJson(criteria, saved.criteria)) edits.criteria = criteria;
  return edits;
}

function ruleOperations(saved: LockingRule[], rules: RuleDraft[]): Record<string, unknown>[] {
  const kept = new Set(rules.flatMap((rule) => (rule.id !== undefined ? [rule.id] : [])));
  const deletions = saved.filter((rule) => !kept.has(rule.id)).map((rule) => ({ id: rule.id, _delete: true }));
  const savedById = new Map(saved.map((rule) => [rule.id, rule]));
  const writes = rules.flatMap((rule): Record<string, unknown>[] => {
    const before = rule.id !== undefined ? savedById.get(rule.id) : undefined;
    // A rule whose id the configuration no longer has (removed elsewhere) can only be created anew.
    if (!before) return [newRule(rule)];
    const edits = ruleEdits(before, rule);
    return Object.keys(edits).length > 0 ? [{ id: before.id, ...edits }] : [];
  });
  return [...deletions, ...writes];
}

// ---------------------------------------------------------------- summary

/**
 * What `after` changes compared with `before`, one entry per changed key or
 * rule; with no `before` (a new configuration), what creating it sets (see
 * newConfigChanges). Rules are matched by id, or by key for rules not saved yet.
 */
export function summarizeChanges(before: ConfigDraft | undefined, after: ConfigDraft): Change[] {
  return before ? [...keyChanges(before, after), ...ruleChanges(before.rules, after.rules)] : newConfigChanges(after);
}

/**
 * What creating `draft` sets, as the user chose it: how records are locked and
 * for whom (always: they define the configuration, and the form asks for
 * both), then only what differs from the defaults the new draft started
 * from (emptyDraft), and each rule added. A default the user never touched
 * (edit always blocked, portal users locked too) is not a change.
 */
export function newConfigChanges(draft: ConfigDraft): Change[] {
  const defaults = emptyDraft();
  const chosen: Change[] = [
    { kind: "lockType", after: draft.lockType },
    { kind: "lockedFor", after: draft.lockedFor },
  ];
  const beyondDefaults = keyChanges(defaults, draft).filter((change) => change.kind !== "lockType" && change.kind !== "lockedFor");
  return [...chosen, ...beyondDefaults, ...ruleChanges(defaults.rules, draft.rules)];
}

function keyChanges(before: ConfigDraft, after: ConfigDraft): Change[] {
  return changedKeys(before, after).map((key) => {
    const kind = FIELD_OF_KEY[key];
    // Profiles before the "except" mode was chosen were not in effect: shown as none.
    const was = kind === "excludedProfiles" && before.lockedFor !== EXCEPT ? [] : before[kind];
    return { kind, before: was, after: after[kind] };
  });
}

const identity = (rule: RuleDraft) => rule.id ?? rule.key;

function sameRule(was: RuleDraft, rule: RuleDraft): boolean {
  return (
    ruleName(was) === ruleName(rule) &&
    was.lockExistingRecords === rule.lockExistingRecords &&
    sameJson(criteriaToJson(was.criteria), criteriaToJson(rule.criteria))
  );
}

function ruleChanges(before: RuleDraft[], after: RuleDraft[]): Change[] {
  const afterIds = new Set(after.map(identity));
  const beforeById = new Map(before.map((rule) => [identity(rule), rule]));
  const removed = before.filter((rule) => !afterIds.has(identity(rule))).map((rule): Change => ({ kind: "ruleRemoved", name: ruleName(rule) }));
  const rest = after.flatMap((rule): Change[] => {
    const was = beforeById.get(identity(rule));
    if (!was) return [{ kind: "ruleAdded", name: ruleName(rule) }];
    return sameRule(was, rule) ? [] : [{ kind: "ruleChanged", name: ruleName(rule) }];
  });
  return [...removed, ...rest];
}

/**
 * The rules of `after` that saving adds or changes (the review's "New rule"
 * and "Rule changed" lines), in order. Zoho locks the records that already
 * match a rule with `lock_existing_records` when the rule is saved
 * (docs/crm-api.md#rules-and-criteria); a rule saving does not touch locks nothing new.
 */
export function rulesSaved(before: ConfigDraft | undefined, after: ConfigDraft): RuleDraft[] {
  const beforeById = new Map((before?.rules ?? []).map((rule) => [identity(rule), rule]));
  return after.rules.filter((rule) => {
    const was = beforeById.get(identity(rule));
    return !was || !sameRule(was, rule);
  });
}
