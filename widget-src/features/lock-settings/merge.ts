/**
 * "Keep my changes on top of theirs" after a concurrent edit: a three-way
 * merge. Whatever I changed since I loaded the configuration is applied to
 * their version; everything I left alone takes their value. Where we both
 * changed the same thing, mine wins (the admin asked for that, and reviews
 * the result before saving).
 */
import type { LockConfig } from "../../api/locking-configurations";
import { sameJson } from "./criteria";
import { FIELD_OF_KEY, type ConfigDraft, type RuleDraft } from "./types";

/** The draft's fields besides its rules. */
const TOP_KEYS = Object.values(FIELD_OF_KEY);

export function mergeDrafts(loaded: ConfigDraft, mine: ConfigDraft, theirs: ConfigDraft): ConfigDraft {
  const merged: ConfigDraft = { ...theirs };
  for (const key of TOP_KEYS) {
    if (!sameJson(loaded[key], mine[key])) (merged as unknown as Record<string, unknown>)[key] = mine[key];
  }
  merged.rules = mergeRules(loaded.rules, mine.rules, theirs.rules);
  return merged;
}

/**
 * Whether someone else saved, created or deleted the configuration since it
 * was read as `loaded` (undefined: the module had none), judged by a fresh
 * read (docs/crm-api.md#locking-configurations: `modified_time`).
 */
export function changedSince(loaded: LockConfig | undefined, fresh: LockConfig | undefined): boolean {
  return loaded ? !fresh || fresh.modifiedTime !== loaded.modifiedTime : fresh !== undefined;
}

function mergeRules(loaded: RuleDraft[], mine: RuleDraft[], theirs: RuleDraft[]): RuleDraft[] {
  const loadedByKey = new Map(loaded.map((rule) => [rule.key, rule]));
  const mineByKey = new Map(mine.map((rule) => [rule.key, rule]));
  const result: RuleDraft[] = [];
  for (const rule of theirs) {
    const before = loadedByKey.get(rule.key);
    const edited = mineByKey.get(rule.key);
    if (before && !edited) continue; // I removed it
    result.push(before && edited && !sameRule(before, edited) ? edited : rule);
  }
  // Rules I added come last, in my order; so does a rule I edited that they deleted (mine wins: it is re-created).
  const theirKeys = new Set(theirs.map((rule) => rule.key));
  for (const rule of mine) {
    const before = loadedByKey.get(rule.key);
    if (!before || (!theirKeys.has(rule.key) && !sameRule(before, rule))) result.push(rule);
  }
  return result;
}

function sameRule(a: RuleDraft, b: RuleDraft): boolean {
  return a.name === b.name && a.lockExistingRecords === b.lockExistingRecords && sameJson(a.criteria, b.criteria);
}
