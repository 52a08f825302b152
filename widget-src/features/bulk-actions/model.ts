/**
 * The list view's bulk actions over the selected records: lock with one
 * reason, unlock manual locks, reassign to one owner after fitting the
 * records to the owner's capacity. Every record ends with a result (done,
 * skipped with the reason, or failed with the CRM's message): nothing is
 * half-done silently.
 */
import { action, batch, computed, createModel, signal } from "@preact/signals";
import { MAX_BULK_IDS, bulkChangeOwnerRequest, decodeBulkOutcomes } from "../../api/change-owner";
import { decodeWriteResult } from "../../api/items";
import { decodeLockInfo, getLockInfoRequest, lockRequest, unlockRequest, type LockState } from "../../api/locking-info";
import { decodePermit, modulePermitRequest, recordPermitRequest, type Permit } from "../../api/permit-threshold";
import { MAX_IDS_PER_READ, decodeRecordRows, listRecordsRequest } from "../../api/records";
import { send } from "../../api/send";
import type { CrmUser } from "../../api/users";
import type { CrmPort } from "../../crm/port";
import { LOCAL_CODES, type CrmError } from "../../crm/result";
import { LOADING, fromResult, type Load } from "../../ui/load";
import { chunk } from "../../lib/chunk";
import { createLimiter } from "../../lib/limit";
import { checkReason, type ReasonProblem } from "../record-lock/reason";
import {
  needsRecordChecks,
  planLock,
  planReassign,
  planUnlock,
  resultOfError,
  type BulkRow,
  type ReassignPlan,
  type RowResult,
} from "./plan";
import { capacityOf } from "../owner-change/capacity";
import { createCapacityChecks } from "../owner-change/capacity-checks";

export const MAX_IN_FLIGHT = 4;

const NO_ANSWER: CrmError = { code: LOCAL_CODES.unreadable, message: "The CRM did not answer for this record", details: {} };

export type BulkAction = "lock" | "unlock" | "reassign";

export interface Progress {
  action: BulkAction;
  done: number;
  total: number;
}

export const BulkModel = createModel((port: CrmPort, module: string, recordIds: string[]) => {
  const rows = signal<Load<BulkRow[]>>(LOADING);
  const progress = signal<Progress | null>(null);
  const results = signal<{ action: BulkAction; byRecord: ReadonlyMap<string, RowResult> } | null>(null);
  const reasonProblem = signal<ReasonProblem | null>(null);
  const reassignPlan = signal<Load<ReassignPlan> | null>(null);
  const planOwner = signal<CrmUser | null>(null);
  const limit = createLimiter(MAX_IN_FLIGHT);

  const busy = computed(() => progress.value !== null);
  const readyRowsOf = (load: Load<BulkRow[]>) => (load.status === "ready" ? load.value : []);
  /** How many manual locks "Unlock" would remove (the plan's own count). */
  const manualLocks = computed(() => planUnlock(readyRowsOf(rows.value)).send.length);
  /** The records and every lock have been read (or failed): the table will not change by itself any more. */
  const settled = computed(() => rows.value.status !== "loading" && readyRowsOf(rows.value).every((row) => row.lock.status !== "loading"));
  /** How the last action ended: records done, skipped and failed. */
  const resultCounts = computed(() => {
    const last = results.value;
    if (!last) return null;
    const counts = { done: 0, skipped: 0, failed: 0 };
    for (const result of last.byRecord.values()) counts[result.status] += 1;
    return counts;
  });
  /** Each candidate owner's capacity in general (the module's threshold), shown beside their name in the picker. */
  const candidates = createCapacityChecks(port, (userId) => modulePermitRequest(module, userId));
  const readyRows = (): BulkRow[] => readyRowsOf(rows.peek());

  const readLock = async (recordId: string): Promise<Load<LockState>> =>
    fromResult(decodeLockInfo(await limit(() => send(port, getLockInfoRequest(module, recordId)))));

  const setLock = (recordId: string, lock: Load<LockState>) => {
    const current = rows.peek();
    if (current.status !== "ready") return;
    rows.value = { status: "ready", value: current.value.map((row) => (row.record.id === recordId ? { ...row, lock } : row)) };
  };

  /** Records by id (100 a call), then the lock of each record the answer does not say is unlocked. */
  const load = action(async () => {
    rows.value = LOADING;
    const reads = await Promise.all(
      chunk(recordIds, MAX_IDS_PER_READ).map((ids) => limit(() => send(port, listRecordsRequest(module, ids))).then((r) => decodeRecordRows(r, module))),
    );
    const failed = reads.find((read) => !read.ok);
    if (failed && !failed.ok) {
      rows.value = { status: "error", error: failed.error };
      return;
    }
    const found = new Map(reads.flatMap((read) => (read.ok ? read.value : [])).map((record) => [record.id, record]));
    const missing: CrmError = { code: "INVALID_DATA", message: "The record was not found", details: {} };
    rows.value = {
      status: "ready",
      value: recordIds.map((id) => {
        const record = found.get(id);
        if (!record) return { record: { id, module, name: id }, lock: { status: "error", error: missing } };
        const lock: Load<LockState> = record.locked === false ? { status: "ready", value: { kind: "unlocked" } } : LOADING;
        return { record, lock };
      }),
    };
    await Promise.all(
      readyRows()
        .filter((row) => row.lock.status === "loading")
        .map(async (row) => setLock(row.record.id, await readLock(row.record.id))),
    );
  });

  const start = (name: BulkAction, total: number) => {
    batch(() => {
      progress.value = { action: name, done: 0, total };
      results.value = null;
    });
  };
  const step = () => {
    const current = progress.peek();
    if (current) progress.value = { ...current, done: current.done + 1 };
  };
  const finish = (name: BulkAction, byRecord: Map<string, RowResult>) => {
    batch(() => {
      progress.value = null;
      results.value = { action: name, byRecord };
    });
  };

  const lockAll = action(async (reason: string) => {
    if (busy.peek() || rows.peek().status !== "ready") return;
    const problem = checkReason(reason);
    reasonProblem.value = problem ?? null;
    if (problem) return;
    const plan = planLock(readyRows());
    const byRecord = new Map<string, RowResult>([...plan.skipped].map(([id, why]) => [id, { status: "skipped", reason: why }]));
    start("lock", plan.send.length);
    await Promise.all(
      plan.send.map(async (recordId) => {
        const answer = decodeWriteResult(await limit(() => send(port, lockRequest(module, recordId, reason))), "data");
        // Already locked by someone meanwhile: the CRM answers NOT_ALLOWED (403).
        const alreadyLocked = !answer.ok && answer.error.code === "NOT_ALLOWED" && answer.error.status === 403;
        byRecord.set(
          recordId,
          answer.ok ? { status: "done" } : alreadyLocked ? { status: "skipped", reason: "alreadyLocked" } : resultOfError(answer.error),
        );
        step();
      }),
    );
    finish("lock", byRecord);
    await refreshLocks(plan.send);
  });

  const unlockManual = action(async () => {
    if (busy.peek() || rows.peek().status !== "ready") return;
    const plan = planUnlock(readyRows());
    const byRecord = new Map<string, RowResult>([...plan.skipped].map(([id, why]) => [id, { status: "skipped", reason: why }]));
    start("unlock", plan.send.length);
    await Promise.all(
      plan.send.map(async ({ recordId, lockId }) => {
        const answer = decodeWriteResult(await limit(() => send(port, unlockRequest(module, recordId, lockId))), "data");
        byRecord.set(recordId, answer.ok ? { status: "done" } : resultOfError(answer.error));
        step();
      }),
    );
    finish("unlock", byRecord);
    await refreshLocks(plan.send.map((item) => item.recordId));
  });

  /** What the CRM now says about the records a write touched. */
  const refreshLocks = async (touched: string[]) => {
    await Promise.all(touched.map(async (recordId) => setLock(recordId, await readLock(recordId))));
  };

  const checkPermit = async (request: ReturnType<typeof modulePermitRequest>): Promise<Load<Permit>> =>
    fromResult(decodePermit(await limit(() => send(port, request))));

  /** Step 1: the owner's capacity against the selection; per-record checks only when it does not cover them all. */
  const prepareReassign = action(async (owner: CrmUser | null) => {
    batch(() => {
      planOwner.value = owner;
      reassignPlan.value = owner ? LOADING : null;
      results.value = null;
    });
    if (!owner) return;
    const current = readyRows();
    // Checked again now (capacity changes), which also updates the badge beside their name.
    const moduleCheck = await candidates.run(owner.id);
    let recordChecks: Map<string, Load<Permit>> | undefined;
    if (needsRecordChecks(capacityOf(moduleCheck), current.length)) {
      recordChecks = new Map();
      await Promise.all(
        current.map(async ({ record }) => {
          recordChecks?.set(record.id, await checkPermit(recordPermitRequest(module, record.id, owner.id)));
        }),
      );
    }
    if (planOwner.peek()?.id !== owner.id) return; // another owner was chosen meanwhile
    reassignPlan.value = { status: "ready", value: planReassign(current, owner.id, moduleCheck, recordChecks) };
  });

  /** Step 2: sends the planned records, at most 500 per call, then reads the records again. */
  const reassign = action(async (notify: boolean) => {
    const planned = reassignPlan.peek();
    if (busy.peek() || planned?.status !== "ready") return;
    const plan = planned.value;
    const byRecord = new Map<string, RowResult>([...plan.skipped].map(([id, why]) => [id, { status: "skipped", reason: why }]));
    start("reassign", plan.send.length);
    for (const ids of chunk(plan.send, MAX_BULK_IDS)) {
      const request = bulkChangeOwnerRequest(module, ids, { ownerId: plan.ownerId, notify, relatedModules: [] });
      const outcomes = decodeBulkOutcomes(await send(port, request), ids);
      for (const id of ids) {
        const outcome = outcomes.ok ? outcomes.value.get(id) : { ok: false as const, error: outcomes.error };
        byRecord.set(id, outcome?.ok ? { status: "done" } : resultOfError(outcome?.error ?? NO_ANSWER));
        step();
      }
    }
    batch(() => {
      finish("reassign", byRecord);
      reassignPlan.value = null;
      planOwner.value = null;
    });
    // The new owner's capacity changed with these records: checked again when shown next.
    candidates.forget(plan.ownerId);
    await load();
  });

  /** A run another model drives (distributing among several owners), with the same progress and per-record results. */
  const begin = action((name: BulkAction, total: number) => start(name, total));
  const advance = action(() => step());
  const complete = action((name: BulkAction, byRecord: Map<string, RowResult>) => finish(name, byRecord));

  return {
    rows,
    progress,
    results,
    reasonProblem,
    reassignPlan,
    planOwner,
    busy,
    manualLocks,
    settled,
    resultCounts,
    candidateCapacity: candidates.capacity,
    checkCandidates: candidates.check,
    load,
    lockAll,
    unlockManual,
    prepareReassign,
    reassign,
    begin,
    advance,
    complete,
  };
});

export type Bulk = InstanceType<typeof BulkModel>;
