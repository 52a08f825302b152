/**
 * "Distribute among several owners": the chosen people, their capacities,
 * the plan (distribute.ts), the user's moves, and the sending.
 *
 * Capacity checks (module-level, and per record for people whose threshold
 * has exclude criteria) run at most 4 at a time through one limiter, the
 * module-level ones first, and each answer is kept while the panel is open.
 * The plan is ready once everyone's module-level capacity is known; records
 * still being checked per record count against that person's threshold
 * until their answer says otherwise, so the plan is usable meanwhile.
 *
 * Sending goes owner by owner: each owner's capacity is checked again right
 * before their call; if it shrank, what no longer fits goes to the owners
 * still to come who have room (or gets no new owner), and the panel says so.
 */
import { action, batch, computed, createModel, signal } from "@preact/signals";
import { decodeThresholdScopes, listThresholdsRequest, usersWithExcludeCriteria, type ThresholdScope } from "../../api/assignment-thresholds";
import { MAX_BULK_IDS, bulkChangeOwnerRequest, decodeBulkOutcomes, type RelatedActivityModule } from "../../api/change-owner";
import { decodeLockConfig, getLockConfigRequest, type LockConfig } from "../../api/locking-configurations";
import { decodePermit, modulePermitRequest, recordPermitRequest, type Permit } from "../../api/permit-threshold";
import { mayChangeOwner } from "../../api/profiles";
import { send } from "../../api/send";
import type { CrmUser } from "../../api/users";
import type { CrmPort } from "../../crm/port";
import { LOCAL_CODES, type CrmError } from "../../crm/result";
import { chunk } from "../../lib/chunk";
import { createLimiter } from "../../lib/limit";
import { LOADING, fromResult, type Load } from "../../ui/load";
import { capacityOf, type Capacity } from "../owner-change/capacity";
import { MAX_CHECKS_IN_FLIGHT, createCapacityChecks } from "../owner-change/capacity-checks";
import { ownerIneligibility } from "../owner-change/candidates";
import { describeRestrictions } from "../record-lock/restrictions";
import { SessionModel, profileAllows } from "../session/model";
import {
  MAX_OWNERS,
  MIN_OWNERS,
  applyMoves,
  fitToLimit,
  isFree,
  limitOf,
  placeOverflow,
  planDistribution,
  type DistributeInput,
  type DistributeRecord,
  type Distribution,
  type NotAssigned,
} from "./distribute";
import { blockOf } from "./distribute-gate";
import type { Bulk } from "./model";
import { resultOfError, type RowResult, type SkipReason } from "./plan";

export interface Chosen {
  user: CrmUser;
  weight: number;
}

/** Per-record checks for one person: how far they have come. */
export interface RecordCheckProgress {
  userId: string;
  name: string;
  done: number;
  total: number;
  failed: number;
}

/** What happened to one owner's records right before their call. */
export type SendNote =
  | { kind: "shrank"; name: string; planned: number; now: number; moved: number; left: number }
  | { kind: "recheckFailed"; name: string; error: CrmError };

export interface SendOptions {
  notify: boolean;
  relatedModules: RelatedActivityModule[];
}

const NO_ANSWER: CrmError = { code: LOCAL_CODES.unreadable, message: "The CRM did not answer for this record", details: {} };

const SKIP_OF: Record<NotAssigned["reason"], SkipReason> = {
  locked: "locked",
  noPermission: "noPermission",
  noCapacity: "everyoneFull",
  capacityUnknown: "capacityUnknown",
};

export const DistributeModel = createModel((port: CrmPort, module: string, bulk: Bulk) => {
  const limit = createLimiter(MAX_CHECKS_IN_FLIGHT);
  const capacities = createCapacityChecks(port, (userId) => modulePermitRequest(module, userId), limit);
  const session = new SessionModel(port);
  const config = signal<Load<LockConfig | undefined>>(LOADING);
  const scopes = signal<Load<ThresholdScope[]>>(LOADING);
  const chosen = signal<Chosen[]>([]);
  const recordChecks = signal<ReadonlyMap<string, ReadonlyMap<string, Load<Permit>>>>(new Map());
  const moves = signal<(readonly [string, string])[]>([]);
  const notes = signal<SendNote[]>([]);
  /** Bumped when the plan ends (sent): queued per-record checks of the old plan are dropped. */
  let generation = 0;
  /** The latest run of per-record checks per person: an older run's queued checks are dropped. */
  const runs = new Map<string, object>();
  let preparing: Promise<void> | undefined;

  const mayChange = computed(() => profileAllows(session, mayChangeOwner));
  const excludeUsers = computed(() => (scopes.value.status === "ready" ? usersWithExcludeCriteria(scopes.value.value) : undefined));

  /** The selection as the planner sees it: owners, and what blocks a record whoever takes it. */
  const records = computed<DistributeRecord[]>(() => {
    const rows = bulk.rows.value;
    if (rows.status !== "ready") return [];
    const lockConfig = config.value.status === "ready" ? config.value.value : undefined;
    const user = session.user.value;
    const restrictions = lockConfig ? describeRestrictions(lockConfig, user.status === "ready" ? user.value : undefined) : undefined;
    return rows.value.map((row) => ({
      id: row.record.id,
      ownerId: row.record.owner?.id,
      blocked: blockOf(row, mayChange.value, lockConfig, restrictions),
    }));
  });

  const input = computed<DistributeInput>(() => {
    const people = chosen.value;
    const capacity = capacities.capacity.value;
    const checks = recordChecks.value;
    const perRecord = new Map<string, Map<string, Capacity>>();
    for (const { user } of people) {
      const answers = checks.get(user.id);
      if (answers) perRecord.set(user.id, new Map([...answers].map(([recordId, load]) => [recordId, capacityOf(load)])));
    }
    return {
      records: records.value,
      candidates: people.map(({ user, weight }) => ({ id: user.id, weight })),
      capacities: new Map(people.map(({ user }) => [user.id, capacity(user.id)])),
      perRecord,
    };
  });

  /** Everything the plan needs has answered: everyone's capacity, the lock settings, the permission, the records' locks. */
  const ready = computed(() => {
    const data = input.value;
    if (data.candidates.length < MIN_OWNERS || !bulk.settled.value) return false;
    if (config.value.status === "loading" || scopes.value.status === "loading" || mayChange.value.status === "loading") return false;
    return data.candidates.every((candidate) => data.capacities.get(candidate.id)?.kind !== "checking");
  });

  const plan = computed<Distribution | null>(() => (ready.value ? applyMoves(planDistribution(input.value), input.value, moves.value) : null));

  /** Records that will be sent: assigned, and not to the person who owns them already. */
  const sendCount = computed(() => {
    const current = plan.value;
    if (!current) return 0;
    const owners = new Map(input.value.records.map((record) => [record.id, record.ownerId]));
    return [...current.assignee].filter(([recordId, userId]) => owners.get(recordId) !== userId).length;
  });

  /** The records' names, for the review. */
  const names = computed(() => {
    const rows = bulk.rows.value;
    return new Map(rows.status === "ready" ? rows.value.map((row) => [row.record.id, row.record.name]) : []);
  });

  /** Which thresholds have exclude criteria could not be read: records are counted against every threshold. */
  const excludesUnknown = computed(() => scopes.value.status === "error");

  /** Every per-record check asked for has answered (the plan will not change by itself any more). */
  const checksSettled = computed(() => progress.value.every((checks) => checks.done === checks.total));

  const progress = computed<RecordCheckProgress[]>(() =>
    chosen.value.flatMap(({ user }) => {
      const answers = recordChecks.value.get(user.id);
      if (!answers) return [];
      const loads = [...answers.values()];
      const done = loads.filter((load) => load.status !== "loading").length;
      const failed = loads.filter((load) => load.status === "error").length;
      return [{ userId: user.id, name: user.name, done, total: loads.length, failed }];
    }),
  );

  /** The module's lock settings, the user's permission and which thresholds have exclude criteria; read once, when the panel opens. */
  const prepare = action((): Promise<void> => {
    preparing ??= Promise.all([
      send(port, getLockConfigRequest(module)).then((answer) => void (config.value = fromResult(decodeLockConfig(answer)))),
      send(port, listThresholdsRequest(module)).then((answer) => void (scopes.value = fromResult(decodeThresholdScopes(answer)))),
      session.loadPermissions(),
    ]).then(() => undefined);
    return preparing;
  });

  const setChecks = (userId: string, recordId: string, load: Load<Permit>) => {
    const next = new Map(recordChecks.peek());
    next.set(userId, new Map(next.get(userId)).set(recordId, load));
    recordChecks.value = next;
  };

  const isChosen = (userId: string) => chosen.peek().some(({ user }) => user.id === userId);

  /**
   * Per-record checks for someone whose threshold has exclude criteria and
   * limits them: only those checks say which records it excludes. Records
   * they own already, and records that cannot be sent, are not checked.
   */
  const checkRecords = async (userId: string) => {
    // The capacity check starts at once, alongside the reads of the panel's opening.
    const checked = capacities.settled(userId);
    await prepare();
    const capacity = capacityOf(await checked);
    if (!excludeUsers.peek()?.has(userId) || !Number.isFinite(limitOf(capacity)) || capacity.kind === "failed") return;
    if (!isChosen(userId)) return;
    const known = recordChecks.peek().get(userId);
    const todo = records.peek().filter((record) => !record.blocked && record.ownerId !== userId && known?.get(record.id)?.status !== "ready");
    const started = generation;
    const run = {};
    runs.set(userId, run);
    batch(() => todo.forEach((record) => setChecks(userId, record.id, LOADING)));
    await Promise.all(
      todo.map((record) =>
        limit(async () => {
          // Someone removed (or removed and added again), or a plan already sent: the check is no longer wanted.
          if (started !== generation || runs.get(userId) !== run || !isChosen(userId)) return;
          setChecks(userId, record.id, fromResult(decodePermit(await send(port, recordPermitRequest(module, record.id, userId)))));
        }),
      ),
    );
  };

  /** Adds or removes someone from the chosen (active and confirmed users only, 20 at most). */
  const toggle = action((user: CrmUser) => {
    if (isChosen(user.id)) {
      batch(() => {
        chosen.value = chosen.peek().filter((entry) => entry.user.id !== user.id);
        runs.delete(user.id);
        moves.value = moves.peek().filter(([, to]) => to !== user.id);
        // Checks never finished are dropped with them; finished ones are kept for the plan's life.
        const answers = recordChecks.peek().get(user.id);
        if (answers) {
          const next = new Map(recordChecks.peek());
          next.set(user.id, new Map([...answers].filter(([, load]) => load.status === "ready")));
          recordChecks.value = next;
        }
      });
      return;
    }
    if (chosen.peek().length >= MAX_OWNERS || ownerIneligibility(user, undefined)) return;
    batch(() => {
      chosen.value = [...chosen.peek(), { user, weight: 1 }];
      // A new plan begins: what the last sending said no longer applies.
      notes.value = [];
    });
    void checkRecords(user.id);
  });

  /** Cancel: no one chosen and no moves; answers already read are kept while the panel's selection lasts. */
  const reset = action(() => {
    batch(() => {
      for (const { user } of chosen.peek()) runs.delete(user.id);
      chosen.value = [];
      moves.value = [];
      notes.value = [];
    });
  });

  const setWeight = action((userId: string, weight: number) => {
    chosen.value = chosen.peek().map((entry) => (entry.user.id === userId ? { ...entry, weight } : entry));
  });

  /** Moves a record to someone else; the planner keeps it only where their threshold allows it. */
  const move = action((recordId: string, userId: string) => {
    moves.value = [...moves.peek().filter(([id]) => id !== recordId), [recordId, userId] as const];
  });

  const sendOwner = async (ownerId: string, ids: string[], options: SendOptions, byRecord: Map<string, RowResult>) => {
    for (const part of chunk(ids, MAX_BULK_IDS)) {
      const request = bulkChangeOwnerRequest(module, part, { ownerId, notify: options.notify, relatedModules: options.relatedModules });
      const outcomes = decodeBulkOutcomes(await send(port, request), part);
      for (const id of part) {
        const outcome = outcomes.ok ? outcomes.value.get(id) : { ok: false as const, error: outcomes.error };
        byRecord.set(id, outcome?.ok ? { status: "done" } : resultOfError(outcome?.error ?? NO_ANSWER));
        bulk.advance();
      }
    }
  };

  /** Sends the plan: one call per owner (500 ids at most), each owner's capacity checked again right before. */
  const send_ = action(async (options: SendOptions) => {
    const current = plan.peek();
    if (!current || bulk.busy.peek()) return;
    const data = input.peek();
    generation += 1;
    const byId = new Map(data.records.map((record) => [record.id, record]));
    const byRecord = new Map<string, RowResult>();
    for (const [id, why] of current.notAssigned) byRecord.set(id, { status: "skipped", reason: SKIP_OF[why.reason], detail: why.detail });
    const queues = new Map<string, string[]>();
    for (const [userId, share] of current.shares) {
      const kept = share.filter((id) => byId.get(id)?.ownerId === userId);
      for (const id of kept) byRecord.set(id, { status: "skipped", reason: "currentOwner" });
      queues.set(userId, share.filter((id) => !kept.includes(id)));
    }
    const rooms = new Map(data.candidates.map(({ id }) => [id, (current.limits.get(id) ?? 0) - (current.counted.get(id) ?? 0)]));
    const names = new Map(chosen.peek().map(({ user }) => [user.id, user.name]));
    const sent: SendNote[] = [];
    notes.value = [];
    bulk.begin("reassign", [...queues.values()].reduce((sum, ids) => sum + ids.length, 0));
    const owners = data.candidates.map(({ id }) => id);
    for (const [index, ownerId] of owners.entries()) {
      const ids = queues.get(ownerId) ?? [];
      if (ids.length === 0) continue;
      const free = (id: string) => isFree(data, ownerId, byId.get(id) ?? { id });
      const fresh = capacityOf(await capacities.run(ownerId));
      if (fresh.kind === "failed") {
        for (const id of ids) {
          byRecord.set(id, { status: "failed", error: fresh.error });
          bulk.advance();
        }
        sent.push({ kind: "recheckFailed", name: names.get(ownerId) ?? ownerId, error: fresh.error });
        continue;
      }
      const fit = fitToLimit(ids, free, limitOf(fresh));
      if (fit.overflow.length > 0) {
        const later = owners.slice(index + 1).map((userId) => ({
          userId,
          room: rooms.get(userId) ?? 0,
          free: (id: string) => isFree(data, userId, byId.get(id) ?? { id }),
        }));
        const { placed, left } = placeOverflow(fit.overflow, later);
        for (const [id, userId] of placed) {
          queues.get(userId)?.push(id);
          if (!isFree(data, userId, byId.get(id) ?? { id })) rooms.set(userId, (rooms.get(userId) ?? 0) - 1);
        }
        for (const id of left) {
          byRecord.set(id, { status: "skipped", reason: "everyoneFull" });
          bulk.advance();
        }
        sent.push({
          kind: "shrank",
          name: names.get(ownerId) ?? ownerId,
          planned: ids.filter((id) => !free(id)).length,
          now: limitOf(fresh),
          moved: placed.size,
          left: left.length,
        });
      }
      await sendOwner(ownerId, fit.send, options, byRecord);
    }
    batch(() => {
      notes.value = sent;
      bulk.complete("reassign", byRecord);
      // The plan's life ends with the sending: capacities changed, and the records have new owners.
      for (const ownerId of owners) capacities.forget(ownerId);
      chosen.value = [];
      moves.value = [];
      recordChecks.value = new Map();
    });
    await bulk.load();
  });

  return {
    chosen,
    notes,
    plan,
    ready,
    progress,
    checksSettled,
    input,
    sendCount,
    names,
    excludesUnknown,
    capacity: capacities.capacity,
    checkVisible: capacities.check,
    prepare,
    toggle,
    reset,
    setWeight,
    move,
    send: send_,
  };
});

export type Distribute = InstanceType<typeof DistributeModel>;
