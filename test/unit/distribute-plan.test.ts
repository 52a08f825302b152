import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyMoves,
  fitToLimit,
  limitOf,
  mayTake,
  moveRecord,
  placeOverflow,
  planDistribution,
  type DistributeCandidate,
  type DistributeInput,
  type DistributeRecord,
  type Distribution,
} from "../../widget-src/features/bulk-actions/distribute";
import type { Capacity } from "../../widget-src/features/owner-change/capacity";

const recordId = (n: number) => `57257670000004${String(n).padStart(5, "0")}`;
const userId = (n: number) => `57257670000001${String(n).padStart(5, "0")}`;
const allowed = (remaining: number): Capacity => ({ kind: "allowed", remaining });
const NONE: Capacity = { kind: "noRestriction" };

function input(records: DistributeRecord[], candidates: [number, Capacity][], perRecord?: DistributeInput["perRecord"]): DistributeInput {
  return {
    records,
    candidates: candidates.map(([weight], i) => ({ id: userId(i + 1), weight })),
    capacities: new Map(candidates.map(([, capacity], i) => [userId(i + 1), capacity])),
    perRecord,
  };
}
const plain = (count: number): DistributeRecord[] => Array.from({ length: count }, (_, i) => ({ id: recordId(i + 1) }));
const sizes = (plan: Distribution) => [...plan.shares.values()].map((share) => share.length);

// --- The properties, checked against what the inputs say, not against the planner's own bookkeeping ---

const capacityArb: fc.Arbitrary<Capacity> = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 40 }).map(allowed) },
  { weight: 1, arbitrary: fc.constant<Capacity>(NONE) },
  { weight: 1, arbitrary: fc.constant<Capacity>({ kind: "disabled" }) },
  { weight: 1, arbitrary: fc.constant<Capacity>({ kind: "notApplicable", why: "module" }) },
  { weight: 1, arbitrary: fc.constant<Capacity>({ kind: "denied", by: "backlog" }) },
  { weight: 1, arbitrary: fc.constant<Capacity>({ kind: "failed", error: { code: "INTERNAL_ERROR", message: "", details: {} } }) },
);

/** Inputs with 2–20 candidates, up to 120 records; with `extras`, some records are owned by a candidate, blocked or excluded for someone. */
const inputArb = (extras: boolean) =>
  fc
    .record({
      candidates: fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), capacityArb), { minLength: 2, maxLength: 20 }),
      count: fc.integer({ min: 0, max: 120 }),
      marks: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 120 }),
    })
    .map(({ candidates, count, marks }) => {
      const records = plain(count);
      const perRecord = new Map<string, Map<string, Capacity>>();
      if (extras) {
        marks.forEach(([kind, who, which]) => {
          const record = records[which % Math.max(1, count)];
          if (!record) return;
          const candidate = userId((who % candidates.length) + 1);
          if (kind % 4 === 0) record.ownerId = candidate;
          else if (kind % 4 === 1) record.blocked = kind % 8 === 1 ? { reason: "locked", detail: "Audit" } : { reason: "noPermission" };
          else if (kind % 4 === 2) {
            const answers = perRecord.get(candidate) ?? new Map<string, Capacity>();
            answers.set(record.id, { kind: "excluded" });
            perRecord.set(candidate, answers);
          }
        });
      }
      return input(records, candidates, perRecord);
    });

const free = (data: DistributeInput, user: string, record: DistributeRecord) =>
  record.ownerId === user || data.perRecord?.get(user)?.get(record.id)?.kind === "excluded";

/** What counts against a candidate's threshold in the plan, from the inputs. */
function countedAgainst(data: DistributeInput, plan: Distribution, user: string): number {
  const byId = new Map(data.records.map((record) => [record.id, record]));
  return (plan.shares.get(user) ?? []).filter((id) => !free(data, user, byId.get(id) as DistributeRecord)).length;
}

/** The ideal shares by bisection (an independent computation): min(cap, t·p) summing to min(m, Σcap). */
function referenceIdeal(data: DistributeInput): number[] {
  const m = data.records.filter((record) => !record.blocked).length;
  const k = data.candidates.length;
  const caps = data.candidates.map((c) => limitOf(data.capacities.get(c.id)));
  const ps = data.candidates.map((c, i) => (Number.isFinite(caps[i]) ? (caps[i] as number) * c.weight : (c.weight * m) / k));
  const total = Math.min(m, caps.reduce((a, b) => a + b, 0));
  const at = (t: number) => ps.map((p, i) => Math.min(caps[i] as number, t * p));
  let [low, high] = [0, 1];
  while (at(high).reduce((a, b) => a + b, 0) < total && high < 1e12) high *= 2;
  for (let step = 0; step < 200; step += 1) {
    const mid = (low + high) / 2;
    if (at(mid).reduce((a, b) => a + b, 0) < total) low = mid;
    else high = mid;
  }
  return at(high);
}

describe("planning a distribution: properties", () => {
  it("gives no one more than their threshold allows (records excluded for them or already theirs do not count)", () => {
    fc.assert(
      fc.property(inputArb(true), (data) => {
        const plan = planDistribution(data);
        for (const c of data.candidates) expect(countedAgainst(data, plan, c.id)).toBeLessThanOrEqual(limitOf(data.capacities.get(c.id)));
      }),
      { numRuns: 300 },
    );
  });

  it("assigns every record at most once, and lists each record either with its new owner or as not assigned", () => {
    fc.assert(
      fc.property(inputArb(true), (data) => {
        const plan = planDistribution(data);
        const shared = [...plan.shares.values()].flat();
        expect(new Set(shared).size).toBe(shared.length);
        for (const [user, share] of plan.shares) for (const id of share) expect(plan.assignee.get(id)).toBe(user);
        for (const record of data.records) expect(plan.assignee.has(record.id) !== plan.notAssigned.has(record.id)).toBe(true);
        expect(shared.length + plan.notAssigned.size).toBe(data.records.length);
      }),
      { numRuns: 300 },
    );
  });

  it("leaves out exactly what could not fit: blocked records, and records nobody had room for", () => {
    fc.assert(
      fc.property(inputArb(true), (data) => {
        const plan = planDistribution(data);
        for (const record of data.records) {
          const why = plan.notAssigned.get(record.id);
          if (record.blocked) {
            expect(why).toEqual(record.blocked);
            continue;
          }
          if (!why) continue;
          expect(["noCapacity", "capacityUnknown"]).toContain(why.reason);
          // Nobody could have taken it: it is free for no one, and everyone is full.
          for (const c of data.candidates) {
            expect(free(data, c.id, record)).toBe(false);
            expect(countedAgainst(data, plan, c.id)).toBe(limitOf(data.capacities.get(c.id)));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps every share within one record of the ideal (proportional to remaining capacity × weight, even shares without a limit)", () => {
    fc.assert(
      fc.property(inputArb(false), (data) => {
        const plan = planDistribution(data);
        const ideal = referenceIdeal(data);
        data.candidates.forEach((c, i) => {
          expect(Math.abs((plan.shares.get(c.id)?.length ?? 0) - (ideal[i] as number))).toBeLessThan(1 + 1e-6);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("moves a record only where the threshold allows it, and never past anyone's capacity", () => {
    fc.assert(
      fc.property(inputArb(true), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 30 }), (data, picks) => {
        const base = planDistribution(data);
        if (data.records.length === 0) return;
        const moves = picks.map(([r, c]) => [data.records[r % data.records.length]?.id as string, userId((c % data.candidates.length) + 1)] as const);
        const moved = applyMoves(base, data, moves);
        for (const c of data.candidates) expect(countedAgainst(data, moved, c.id)).toBeLessThanOrEqual(limitOf(data.capacities.get(c.id)));
        const shared = [...moved.shares.values()].flat();
        expect(new Set(shared).size).toBe(shared.length);
        for (const record of data.records) expect(moved.assignee.has(record.id) !== moved.notAssigned.has(record.id)).toBe(true);
        for (const record of data.records.filter((r) => r.blocked)) expect(moved.assignee.has(record.id)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe("planning a distribution: examples", () => {
  it("spreads 30 records among three users, one of whom has room for 2", () => {
    const plan = planDistribution(input(plain(30), [[1, allowed(2)], [1, allowed(20)], [1, allowed(20)]]));
    // Ideal shares 1.43, 14.29 and 14.29.
    expect(sizes(plan)).toEqual([2, 14, 14]);
    expect(plan.notAssigned.size).toBe(0);
  });

  it("follows weights for 80/20 between users without a limit", () => {
    const plan = planDistribution(input(plain(50), [[4, NONE], [1, NONE]]));
    expect(sizes(plan)).toEqual([40, 10]);
  });

  it("breaks ties round robin, in the order the users were chosen", () => {
    const plan = planDistribution(input(plain(4), [[1, NONE], [1, NONE], [1, NONE]]));
    expect([...plan.shares.values()]).toEqual([[recordId(1), recordId(4)], [recordId(2)], [recordId(3)]]);
    // After the first record, all three are equally far from their ideal (2, 1, 1): the turn passes on, not back to the first.
    const weighted = planDistribution(input(plain(4), [[2, NONE], [1, NONE], [1, NONE]]));
    expect([...weighted.shares.values()]).toEqual([[recordId(1), recordId(4)], [recordId(2)], [recordId(3)]]);
  });

  it("fills everyone to capacity and says the rest had no room, or that a capacity is unknown", () => {
    const full = planDistribution(input(plain(10), [[1, allowed(3)], [2, { kind: "denied", by: "allowCount" }], [1, allowed(4)]]));
    expect(sizes(full)).toEqual([3, 0, 4]);
    expect([...full.notAssigned.values()]).toEqual([{ reason: "noCapacity" }, { reason: "noCapacity" }, { reason: "noCapacity" }]);
    const unknown = planDistribution(input(plain(3), [[1, allowed(1)], [1, { kind: "failed", error: { code: "X", message: "", details: {} } }]]));
    expect([...unknown.notAssigned.values()]).toEqual([{ reason: "capacityUnknown" }, { reason: "capacityUnknown" }]);
  });

  it("never sends a blocked record, and gives records excluded from a threshold to that user without using their capacity", () => {
    const records: DistributeRecord[] = [
      { id: recordId(1), blocked: { reason: "locked", detail: "Audit hold" } },
      { id: recordId(2) },
      { id: recordId(3) },
      { id: recordId(4) },
    ];
    const excluded = new Map([[userId(1), new Map<string, Capacity>([[recordId(3), { kind: "excluded" }], [recordId(4), { kind: "excluded" }]])]]);
    const plan = planDistribution(input(records, [[1, allowed(0)], [1, allowed(1)]], excluded));
    expect(plan.notAssigned.get(recordId(1))).toEqual({ reason: "locked", detail: "Audit hold" });
    expect(plan.shares.get(userId(1))).toEqual([recordId(3), recordId(4)]);
    expect(plan.shares.get(userId(2))).toEqual([recordId(2)]);
    expect(plan.counted.get(userId(1))).toBe(0);
  });
});

describe("moving a record", () => {
  const data = input(plain(6), [[1, allowed(3)], [1, allowed(3)], [1, allowed(1)]]);
  const plan = planDistribution(data);
  const [first] = plan.shares.get(userId(1)) ?? [];

  it("moves it to someone with room, and keeps every other record where it was", () => {
    expect(sizes(plan)).toEqual([3, 2, 1]);
    expect(mayTake(plan, data, first as string, userId(2))).toBe(true);
    const moved = moveRecord(plan, data, first as string, userId(2));
    expect(sizes(moved)).toEqual([2, 3, 1]);
    expect(moved.assignee.get(first as string)).toBe(userId(2));
    for (const [id, user] of plan.assignee) if (id !== first) expect(moved.assignee.get(id)).toBe(user);
  });

  it("refuses a user who is full, the user who has it already, and a blocked record", () => {
    expect(mayTake(plan, data, first as string, userId(3))).toBe(false);
    expect(moveRecord(plan, data, first as string, userId(3))).toBe(plan);
    expect(mayTake(plan, data, first as string, userId(1))).toBe(false);
    const locked = input([{ id: recordId(1), blocked: { reason: "noPermission" } }], [[1, NONE], [1, NONE]]);
    expect(mayTake(planDistribution(locked), locked, recordId(1), userId(1))).toBe(false);
  });
});

describe("sending: a capacity that shrank", () => {
  it("keeps free records and as many others as the new limit allows, in order", () => {
    const ids = [recordId(1), recordId(2), recordId(3), recordId(4)];
    expect(fitToLimit(ids, (id) => id === recordId(3), 1)).toEqual({ send: [recordId(1), recordId(3)], overflow: [recordId(2), recordId(4)] });
  });

  it("re-plans the overflow to the owners still to come with the most room, and leaves what nobody can take", () => {
    const takers = [
      { userId: userId(2), room: 1, free: () => false },
      { userId: userId(3), room: 2, free: (id: string) => id === recordId(9) },
    ];
    const { placed, left } = placeOverflow([recordId(1), recordId(2), recordId(3), recordId(4), recordId(9)], takers);
    expect([...placed]).toEqual([
      [recordId(1), userId(3)],
      [recordId(2), userId(2)],
      [recordId(3), userId(3)],
      [recordId(9), userId(3)],
    ]);
    expect(left).toEqual([recordId(4)]);
  });
});

describe("candidates", () => {
  it("reads a limit from each capacity: unknown and refused are 0", () => {
    const limits = ([allowed(7), NONE, { kind: "disabled" }, { kind: "checking" }, { kind: "denied", by: "backlog" }] as Capacity[]).map(limitOf);
    expect(limits).toEqual([7, Infinity, Infinity, 0, 0]);
  });

  it("keeps the candidates' order in the plan's shares", () => {
    const candidates: DistributeCandidate[] = [{ id: userId(5), weight: 1 }, { id: userId(2), weight: 1 }];
    const plan = planDistribution({ records: plain(2), candidates, capacities: new Map([[userId(5), NONE], [userId(2), NONE]]) });
    expect([...plan.shares.keys()]).toEqual([userId(5), userId(2)]);
  });
});
