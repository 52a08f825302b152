/**
 * Lock state: lookups, restriction checks and the deterministic evaluation
 * of automatic locks. Automatic locks are re-synchronised after every write
 * (and when the seed is built): a record matching a rule of its module's
 * configuration (lock_type automatic/both) gets exactly one automatic lock,
 * unless it is already locked manually. A record that no longer matches
 * keeps its automatic lock while the lock's rule exists (Zoho's documentation
 * does not say what happens then; assumed, see sandbox/api/README.md); the
 * lock goes with its rule, or when the configuration stops being automatic.
 */
import type { LockConfig, LockRecord, Profile, State } from "./model";
import { matches } from "./criteria";

export function configFor(state: State, module: string): LockConfig | undefined {
  return state.configs.find((c) => c.module === module);
}

export function lockForRecord(state: State, recordId: string): LockRecord | undefined {
  return state.locks.find((l) => l.recordId === recordId);
}

export function isProfileExcluded(config: LockConfig, profile: Profile): boolean {
  return (
    config.locked_for === "all_profiles_except_excluded_profiles" &&
    (config.lock_excluded_profiles ?? []).some((p) => p.id === profile.id)
  );
}

/** The record is locked and the lock applies to users of this profile. */
export function isLockedFor(state: State, profile: Profile, module: string, recordId: string): boolean {
  const config = configFor(state, module);
  if (!config || !lockForRecord(state, recordId)) return false;
  return !isProfileExcluded(config, profile);
}

/** The lock blocks `action` (update, delete, change_owner, tags, convert) for this profile. */
export function isActionRestricted(
  state: State,
  profile: Profile,
  module: string,
  recordId: string,
  action: string,
): boolean {
  const config = configFor(state, module);
  return !!config && config.restricted_actions.includes(action) && isLockedFor(state, profile, module, recordId);
}

export interface SyncClock {
  nowIso: string;
  newId(): string;
}

export function syncAutomaticLocks(state: State, clock: SyncClock): void {
  // Locks of modules without configuration do not survive.
  state.locks = state.locks.filter((l) => configFor(state, l.module) !== undefined);
  // One pass with an index: the scale seed (SANDBOX_LOCKED) holds thousands of locks.
  const byRecord = new Map<string, LockRecord>();
  for (const lock of state.locks) if (!byRecord.has(lock.recordId)) byRecord.set(lock.recordId, lock);
  const removed = new Set<LockRecord>();
  for (const config of state.configs) {
    const automatic = config.lock_type !== "manual";
    const fields = state.fields[config.module] ?? [];
    for (const record of state.records[config.module] ?? []) {
      const existing = byRecord.get(record.id);
      if (existing?.source === "Manual") continue;
      const rule = automatic ? config.locking_rules.find((r) => matches(r.criteria, record, fields)) : undefined;
      if (!rule) {
        const ruleKept = automatic && config.locking_rules.some((r) => r.id === existing?.ruleId);
        if (existing && !ruleKept) removed.add(existing);
        continue;
      }
      if (existing) {
        existing.ruleId = rule.id;
        existing.configId = config.id;
        continue;
      }
      state.locks.push({
        id: clock.newId(),
        module: config.module,
        recordId: record.id,
        configId: config.id,
        source: "Automatic",
        ruleId: rule.id,
        lockedBy: null,
        reason: null,
        lockedTime: clock.nowIso,
        createdBy: config.modified_by,
        modifiedBy: config.modified_by,
        modifiedTime: clock.nowIso,
      });
    }
  }
  if (removed.size > 0) state.locks = state.locks.filter((l) => !removed.has(l));
}
