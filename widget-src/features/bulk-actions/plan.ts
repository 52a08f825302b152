/**
 * Pure planning for the list view's bulk actions: which records each action
 * touches and which it skips (with the reason), how a bulk reassignment fits
 * the new owner's capacity, and how answers map to per-record results.
 * Nothing here sends anything.
 */
import type { LockState } from "../../api/locking-info";
import type { Permit } from "../../api/permit-threshold";
import type { RecordRow } from "../../api/records";
import type { CrmError } from "../../crm/result";
import type { Load } from "../../ui/load";
import { capacityOf, mayReceive, type Capacity } from "../owner-change/capacity";

export type SkipReason =
  | "alreadyLocked"
  | "notLocked"
  | "automaticLock"
  | "lockUnknown"
  | "locked"
  | "noPermission"
  | "currentOwner"
  | "denied"
  | "noCapacity"
  | "everyoneFull"
  | "capacityUnknown";

/** `detail`: what the reason refers to, in the CRM's words (a lock's reason or rule). */
export type RowResult =
  | { status: "done" }
  | { status: "skipped"; reason: SkipReason; detail?: string | undefined }
  | { status: "failed"; error: CrmError };

export interface BulkRow {
  record: RecordRow;
  lock: Load<LockState>;
}

export interface Selection {
  send: string[];
  skipped: Map<string, SkipReason>;
}

/** Lock: every record not known to be locked (the CRM refuses a second lock, and says so). */
export function planLock(rows: BulkRow[]): Selection {
  const selection: Selection = { send: [], skipped: new Map() };
  for (const { record, lock } of rows) {
    if (lock.status === "ready" && lock.value.kind === "locked") selection.skipped.set(record.id, "alreadyLocked");
    else selection.send.push(record.id);
  }
  return selection;
}

/** Unlock: manual locks only; an automatic lock ends with its rule, and an unknown lock has no id to delete. */
export function planUnlock(rows: BulkRow[]): { send: { recordId: string; lockId: string }[]; skipped: Map<string, SkipReason> } {
  const plan = { send: [] as { recordId: string; lockId: string }[], skipped: new Map<string, SkipReason>() };
  for (const { record, lock } of rows) {
    if (lock.status !== "ready") plan.skipped.set(record.id, "lockUnknown");
    else if (lock.value.kind !== "locked") plan.skipped.set(record.id, "notLocked");
    else if (lock.value.lock.source !== "manual") plan.skipped.set(record.id, "automaticLock");
    else plan.send.push({ recordId: record.id, lockId: lock.value.lock.id });
  }
  return plan;
}

export interface ReassignPlan {
  ownerId: string;
  /** The new owner's capacity in the module, as checked before planning. */
  capacity: Capacity;
  send: string[];
  skipped: Map<string, SkipReason>;
}

/**
 * Fits the records to the new owner's capacity. `moduleCheck` is the
 * owner's capacity in the module; `recordChecks` (when the module check
 * could not settle it) says per record whether it is excluded or denied.
 * Records are taken in list order until the remaining count is used up;
 * records excluded from the threshold do not count against it.
 */
export function planReassign(
  rows: BulkRow[],
  ownerId: string,
  moduleCheck: Load<Permit>,
  recordChecks?: ReadonlyMap<string, Load<Permit>>,
): ReassignPlan {
  const capacity = capacityOf(moduleCheck);
  const plan: ReassignPlan = { ownerId, capacity, send: [], skipped: new Map() };
  const candidates = rows.filter(({ record }) => {
    if (record.owner?.id !== ownerId) return true;
    plan.skipped.set(record.id, "currentOwner");
    return false;
  });
  const unlimited =
    capacity.kind === "noRestriction" || capacity.kind === "disabled" || capacity.kind === "notApplicable" || capacity.kind === "excluded";
  if (unlimited || (capacity.kind === "allowed" && capacity.remaining >= candidates.length)) {
    plan.send = candidates.map(({ record }) => record.id);
    return plan;
  }
  if (capacity.kind === "failed" || capacity.kind === "checking") return plan; // nothing is sent on an unknown capacity
  let remaining = capacity.kind === "allowed" ? capacity.remaining : 0;
  for (const { record } of candidates) {
    const own = capacityOf(recordChecks?.get(record.id));
    if (own.kind === "excluded" || own.kind === "noRestriction" || own.kind === "disabled") {
      plan.send.push(record.id);
    } else if (own.kind === "denied") {
      plan.skipped.set(record.id, "denied");
    } else if (!mayReceive(own)) {
      // The per-record check failed or did not run: unknown is not allowed.
      plan.skipped.set(record.id, "noCapacity");
    } else if (remaining > 0) {
      remaining -= 1;
      plan.send.push(record.id);
    } else {
      plan.skipped.set(record.id, "noCapacity");
    }
  }
  return plan;
}

/** Per-record checks are needed only when the module check says the owner cannot take them all. */
export function needsRecordChecks(capacity: Capacity, count: number): boolean {
  return capacity.kind === "denied" || (capacity.kind === "allowed" && capacity.remaining < count);
}

/** A refused item: some refusals are a skip with a known reason, the rest are failures. */
export function resultOfError(error: CrmError): RowResult {
  if (error.code === "RECORD_LOCKED") return { status: "skipped", reason: "locked" };
  if (error.code === "NO_PERMISSION") return { status: "skipped", reason: "noPermission" };
  return { status: "failed", error };
}
