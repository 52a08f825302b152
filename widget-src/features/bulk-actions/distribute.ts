/**
 * Pure planning for "Distribute among several owners": which chosen user
 * gets which selected record without anyone going past what their
 * assignment threshold allows (docs/crm-api.md#assignment-thresholds).
 * Nothing here sends anything; the model (distribute-model.ts) gathers the
 * inputs and sends the result.
 *
 * The shares: each candidate's ideal share is proportional to their
 * remaining capacity times their weight; a candidate without a limit (no
 * threshold, switched off, or thresholds do not apply) counts as having room
 * for an even share of the records (m / k), times their weight. Shares are
 * capped at what each one may take (water-filling), and records are then
 * dealt one by one to whoever is furthest below their ideal share, ties
 * broken round robin. That keeps every share within one record of the ideal.
 *
 * A record that is excluded from a candidate's threshold, or that the
 * candidate owns already, is "free" for them: it does not use their
 * capacity. Records free for nobody are dealt first, so that capacity goes
 * where it is needed; a record free for someone always finds a taker.
 */
import type { Capacity } from "../owner-change/capacity";

export const MIN_OWNERS = 2;
export const MAX_OWNERS = 20;
export const WEIGHTS = [1, 2, 3, 4, 5] as const;

/** Why a record gets no new owner: its lock blocks it, your profile may not, no one has room, or a capacity is unknown. */
export type NotAssignedReason = "locked" | "noPermission" | "noCapacity" | "capacityUnknown";

export interface NotAssigned {
  reason: NotAssignedReason;
  /** The lock's reason or rule, for a locked record. */
  detail?: string | undefined;
}

export interface DistributeRecord {
  id: string;
  ownerId?: string | undefined;
  /** Set when the record may not be sent at all, whoever takes it. */
  blocked?: NotAssigned | undefined;
}

export interface DistributeCandidate {
  id: string;
  weight: number;
}

export interface DistributeInput {
  records: DistributeRecord[];
  /** In the order they were chosen; round robin follows it. */
  candidates: DistributeCandidate[];
  /** Each candidate's capacity in the module (the module-level permit check). */
  capacities: ReadonlyMap<string, Capacity>;
  /** Per candidate, per record: the per-record permit check. Only "excluded" changes the plan. */
  perRecord?: ReadonlyMap<string, ReadonlyMap<string, Capacity>> | undefined;
}

export interface Distribution {
  /** Each candidate's records, in candidate order (records they keep included). */
  shares: Map<string, string[]>;
  assignee: Map<string, string>;
  notAssigned: Map<string, NotAssigned>;
  /** How many of a candidate's records count against their threshold. */
  counted: Map<string, number>;
  /** How many records each candidate's threshold lets them take (Infinity: no limit). */
  limits: Map<string, number>;
  /** The ideal (fractional) share of each candidate. */
  ideal: Map<string, number>;
}

/** How many more records a capacity lets someone take; unknown or refused is 0. */
export function limitOf(capacity: Capacity | undefined): number {
  switch (capacity?.kind) {
    case "allowed":
      return capacity.remaining;
    case "noRestriction":
    case "disabled":
    case "excluded":
    case "notApplicable":
      return Infinity;
    default:
      return 0;
  }
}

/** Does the record cost this candidate nothing: excluded from their threshold, or theirs already? */
export function isFree(input: DistributeInput, userId: string, record: DistributeRecord): boolean {
  return record.ownerId === userId || input.perRecord?.get(userId)?.get(record.id)?.kind === "excluded";
}

/**
 * Shares proportional to `weights`, none above its cap, summing to
 * min(total, sum of caps): raise one level for everyone, and fix those who
 * reach their cap.
 */
export function idealShares(weights: number[], caps: number[], total: number): number[] {
  const shares = weights.map(() => 0);
  const capTotal = caps.reduce((sum, cap) => sum + cap, 0);
  let left = Math.min(total, capTotal);
  let open = weights.map((_, i) => i).filter((i) => (weights[i] as number) > 0 && (caps[i] as number) > 0);
  while (open.length > 0 && left > 0) {
    const weightSum = open.reduce((sum, i) => sum + (weights[i] as number), 0);
    const level = left / weightSum;
    const full = open.filter((i) => (caps[i] as number) <= level * (weights[i] as number));
    if (full.length === 0) {
      for (const i of open) shares[i] = level * (weights[i] as number);
      break;
    }
    for (const i of full) {
      shares[i] = caps[i] as number;
      left -= caps[i] as number;
    }
    open = open.filter((i) => !full.includes(i));
  }
  return shares;
}

const EPSILON = 1e-9;

export function planDistribution(input: DistributeInput): Distribution {
  const { candidates } = input;
  const plan: Distribution = {
    shares: new Map(candidates.map((c) => [c.id, []])),
    assignee: new Map(),
    notAssigned: new Map(),
    counted: new Map(candidates.map((c) => [c.id, 0])),
    limits: new Map(candidates.map((c) => [c.id, limitOf(input.capacities.get(c.id))])),
    ideal: new Map(),
  };
  const open: DistributeRecord[] = [];
  for (const record of input.records) {
    if (record.blocked) plan.notAssigned.set(record.id, record.blocked);
    else open.push(record);
  }
  const k = candidates.length;
  const freeCounts = candidates.map((c) => open.filter((record) => isFree(input, c.id, record)).length);
  const limits = candidates.map((c) => plan.limits.get(c.id) as number);
  const weights = candidates.map((c, i) =>
    Number.isFinite(limits[i]) ? ((limits[i] as number) + (freeCounts[i] as number)) * c.weight : (c.weight * open.length) / Math.max(1, k),
  );
  const caps = limits.map((limit, i) => limit + (freeCounts[i] as number));
  const ideal = idealShares(weights, caps, open.length);
  candidates.forEach((c, i) => plan.ideal.set(c.id, ideal[i] as number));

  const unknown = candidates.some((c) => {
    const kind = input.capacities.get(c.id)?.kind;
    return kind === undefined || kind === "checking" || kind === "failed";
  });
  const freeForSomeone = (record: DistributeRecord) => candidates.some((c) => isFree(input, c.id, record));
  const ordered = [...open.filter((r) => !freeForSomeone(r)), ...open.filter(freeForSomeone)];
  const taken = candidates.map(() => 0);
  const used = candidates.map(() => 0);
  let next = 0;
  for (const record of ordered) {
    let best = -1;
    let bestDeficit = -Infinity;
    let bestTurn = Infinity;
    for (let i = 0; i < k; i += 1) {
      const c = candidates[i] as DistributeCandidate;
      const free = isFree(input, c.id, record);
      if (!free && (used[i] as number) >= (limits[i] as number)) continue;
      const deficit = (ideal[i] as number) - (taken[i] as number);
      const turn = (i - next + k) % k;
      if (deficit > bestDeficit + EPSILON || (Math.abs(deficit - bestDeficit) <= EPSILON && turn < bestTurn)) {
        [best, bestDeficit, bestTurn] = [i, deficit, turn];
      }
    }
    if (best < 0) {
      plan.notAssigned.set(record.id, { reason: unknown ? "capacityUnknown" : "noCapacity" });
      continue;
    }
    const chosen = candidates[best] as DistributeCandidate;
    taken[best] = (taken[best] as number) + 1;
    if (!isFree(input, chosen.id, record)) used[best] = (used[best] as number) + 1;
    plan.assignee.set(record.id, chosen.id);
    next = (best + 1) % k;
  }
  // Shares list records in selection order, whatever order they were dealt in.
  for (const record of open) {
    const userId = plan.assignee.get(record.id);
    if (userId) plan.shares.get(userId)?.push(record.id);
  }
  candidates.forEach((c, i) => plan.counted.set(c.id, used[i] as number));
  return plan;
}

const indexes = new WeakMap<DistributeInput, Map<string, DistributeRecord>>();
/** A record of the input by id (indexed once per input: the review asks for every record and candidate). */
function recordOf(input: DistributeInput, recordId: string): DistributeRecord | undefined {
  let index = indexes.get(input);
  if (!index) {
    index = new Map(input.records.map((record) => [record.id, record]));
    indexes.set(input, index);
  }
  return index.get(recordId);
}

/** May this candidate take this record, as the plan stands (their threshold allows it)? */
export function mayTake(plan: Distribution, input: DistributeInput, recordId: string, userId: string): boolean {
  const record = recordOf(input, recordId);
  if (!record || record.blocked || !plan.shares.has(userId) || plan.assignee.get(recordId) === userId) return false;
  return isFree(input, userId, record) || (plan.counted.get(userId) ?? 0) < (plan.limits.get(userId) ?? 0);
}

/** The plan with one record moved to another candidate; unchanged when their threshold does not allow it. */
export function moveRecord(plan: Distribution, input: DistributeInput, recordId: string, userId: string): Distribution {
  if (!mayTake(plan, input, recordId, userId)) return plan;
  const record = recordOf(input, recordId) as DistributeRecord;
  const moved: Distribution = {
    ...plan,
    shares: new Map([...plan.shares].map(([id, records]) => [id, records.filter((r) => r !== recordId)])),
    assignee: new Map(plan.assignee),
    notAssigned: new Map(plan.notAssigned),
    counted: new Map(plan.counted),
  };
  const from = plan.assignee.get(recordId);
  if (from !== undefined && !isFree(input, from, record)) moved.counted.set(from, (moved.counted.get(from) ?? 0) - 1);
  if (!isFree(input, userId, record)) moved.counted.set(userId, (moved.counted.get(userId) ?? 0) + 1);
  moved.notAssigned.delete(recordId);
  moved.assignee.set(recordId, userId);
  const position = new Map(input.records.map((r, i) => [r.id, i]));
  const share = [...(moved.shares.get(userId) ?? []), recordId].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
  moved.shares.set(userId, share);
  return moved;
}

/** The plan with the user's moves applied in order; a move their threshold no longer allows is left out. */
export function applyMoves(plan: Distribution, input: DistributeInput, moves: readonly (readonly [string, string])[]): Distribution {
  return moves.reduce((current, [recordId, userId]) => moveRecord(current, input, recordId, userId), plan);
}

/**
 * Right before sending: an owner's records against their capacity as read
 * again. Free records always go; the others up to the new limit, in order.
 */
export function fitToLimit(recordIds: string[], free: (recordId: string) => boolean, limit: number): { send: string[]; overflow: string[] } {
  const fit = { send: [] as string[], overflow: [] as string[] };
  let room = limit;
  for (const recordId of recordIds) {
    if (free(recordId)) fit.send.push(recordId);
    else if (room > 0) {
      room -= 1;
      fit.send.push(recordId);
    } else fit.overflow.push(recordId);
  }
  return fit;
}

export interface Taker {
  userId: string;
  /** Planned room left: their limit less what the plan gives them. */
  room: number;
  free: (recordId: string) => boolean;
}

/**
 * Re-plans records an owner could no longer take: each goes to the owner
 * still to be sent with the most room left (or for whom it is free); the
 * rest have no new owner. Rooms are used up as records are placed.
 */
export function placeOverflow(overflow: string[], takers: Taker[]): { placed: Map<string, string>; left: string[] } {
  const rooms = new Map(takers.map((taker) => [taker.userId, taker.room]));
  const result = { placed: new Map<string, string>(), left: [] as string[] };
  for (const recordId of overflow) {
    const free = takers.find((taker) => taker.free(recordId));
    const roomiest = takers.reduce<Taker | undefined>(
      (best, taker) => ((rooms.get(taker.userId) ?? 0) > (best ? (rooms.get(best.userId) ?? 0) : 0) ? taker : best),
      undefined,
    );
    const taker = free ?? roomiest;
    if (!taker) {
      result.left.push(recordId);
      continue;
    }
    if (!taker.free(recordId)) rooms.set(taker.userId, (rooms.get(taker.userId) ?? 0) - 1);
    result.placed.set(recordId, taker.userId);
  }
  return result;
}
