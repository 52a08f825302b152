/**
 * The console's filters, applied in the browser over the records loaded so
 * far. Module and name need nothing more; source, rule, locker and age need a
 * record's lock details, and a record whose details are not read (or could
 * not be) is neither kept nor dropped as if they were known: it is counted
 * as "not checked" so the view can say so.
 */
import type { Lock } from "../../api/locking-info";
import type { DetailMap, LockedRecord } from "./types";

export interface ConsoleFilters {
  /** Module API name; "" for all. */
  module: string;
  source: "" | "manual" | "automatic";
  /** Rule id; "" for all. */
  rule: string;
  /** Locker's user id; "" for all. */
  lockedBy: string;
  /** Locked more than this many days ago; null for any age. */
  olderThanDays: number | null;
}

export const NO_FILTERS: ConsoleFilters = { module: "", source: "", rule: "", lockedBy: "", olderThanDays: null };

export interface Filtered {
  records: LockedRecord[];
  /** Records that passed the module filter but whose details a detail filter needs are not read. */
  unchecked: number;
}

const DAY_MS = 86_400_000;

export function needsDetails(filters: ConsoleFilters): boolean {
  return filters.source !== "" || filters.rule !== "" || filters.lockedBy !== "" || filters.olderThanDays !== null;
}

function lockMatches(lock: Lock, filters: ConsoleFilters, now: number): boolean {
  if (filters.source && lock.source !== filters.source) return false;
  if (filters.rule && lock.ruleId !== filters.rule) return false;
  if (filters.lockedBy && lock.lockedBy?.id !== filters.lockedBy) return false;
  if (filters.olderThanDays !== null) {
    const since = lock.lockedAt ? Date.parse(lock.lockedAt) : Number.NaN;
    // An unreadable date cannot be "older than N days".
    if (!(now - since > filters.olderThanDays * DAY_MS)) return false;
  }
  return true;
}

export function filterRecords(records: readonly LockedRecord[], details: DetailMap, filters: ConsoleFilters, now: number): Filtered {
  const detailed = needsDetails(filters);
  const kept: LockedRecord[] = [];
  let unchecked = 0;
  for (const record of records) {
    if (filters.module && record.module !== filters.module) continue;
    if (!detailed) {
      kept.push(record);
      continue;
    }
    const lock = details.get(record.key);
    if (lock?.status !== "ready") unchecked += 1;
    else if (lock.value.kind === "locked" && lockMatches(lock.value.lock, filters, now)) kept.push(record);
  }
  return { records: kept, unchecked };
}

/** The people who locked the records read so far, for the "Locked by" filter, by name. */
export function lockersOf(details: DetailMap): { id: string; name: string }[] {
  const byId = new Map<string, string>();
  for (const lock of details.values()) {
    if (lock.status === "ready" && lock.value.kind === "locked" && lock.value.lock.lockedBy) {
      byId.set(lock.value.lock.lockedBy.id, lock.value.lock.lockedBy.name);
    }
  }
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
