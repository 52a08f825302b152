import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Lock, LockState } from "../../widget-src/api/locking-info";
import { filterRecords, lockersOf, NO_FILTERS, type ConsoleFilters } from "../../widget-src/features/locked-records/filter";
import { totalsOf, type ModuleScan } from "../../widget-src/features/locked-records/scan";
import { keyOf, type LockedRecord } from "../../widget-src/features/locked-records/types";
import type { Load } from "../../widget-src/ui/load";

const NOW = Date.parse("2026-12-06T12:00:00Z");
const DAY = 86_400_000;

function record(module: string, n: number): LockedRecord {
  const id = `57257670000009${String(n).padStart(5, "0")}`;
  return { key: keyOf(module, id), module, moduleLabel: module, id, name: `${module} ${n}` };
}

const locked = (lock: Partial<Lock>): Load<LockState> => ({ status: "ready", value: { kind: "locked", lock: { id: "1", source: "manual", ...lock } } });

const deal1 = record("Deals", 1);
const deal2 = record("Deals", 2);
const lead1 = record("Leads", 1);
const lead2 = record("Leads", 2);
const records = [deal1, deal2, lead1, lead2];
const details = new Map<string, Load<LockState>>([
  [deal1.key, locked({ source: "manual", lockedBy: { id: "u1", name: "Ada" }, lockedAt: new Date(NOW - 40 * DAY).toISOString() })],
  [deal2.key, locked({ source: "automatic", ruleId: "r1", lockedAt: new Date(NOW - 2 * DAY).toISOString() })],
  [lead1.key, { status: "error", error: { code: "INTERNAL_ERROR", message: "", details: {} } }],
]);

const only = (filters: Partial<ConsoleFilters>) => filterRecords(records, details, { ...NO_FILTERS, ...filters }, NOW);

describe("the console's filters", () => {
  it("keeps everything, and needs no details, with no filter", () => {
    expect(only({})).toEqual({ records, unchecked: 0 });
  });

  it("filters by module without details", () => {
    expect(only({ module: "Leads" })).toEqual({ records: [lead1, lead2], unchecked: 0 });
  });

  it("filters by source, rule and locker on read details, counting the unread and failed as unchecked", () => {
    expect(only({ source: "manual" })).toEqual({ records: [deal1], unchecked: 2 });
    expect(only({ source: "automatic" })).toEqual({ records: [deal2], unchecked: 2 });
    expect(only({ rule: "r1" })).toEqual({ records: [deal2], unchecked: 2 });
    expect(only({ lockedBy: "u1" })).toEqual({ records: [deal1], unchecked: 2 });
  });

  it("counts as unchecked only the records the module filter keeps", () => {
    expect(only({ module: "Deals", source: "manual" })).toEqual({ records: [deal1], unchecked: 0 });
  });

  it("keeps records locked more than N days ago, and never one whose date is unreadable", () => {
    expect(only({ olderThanDays: 30 }).records).toEqual([deal1]);
    expect(only({ olderThanDays: 1 }).records).toEqual([deal1, deal2]);
    const noDate = new Map([[deal1.key, locked({ lockedAt: "yesterday-ish" })]]);
    expect(filterRecords([deal1], noDate, { ...NO_FILTERS, olderThanDays: 0 }, NOW).records).toEqual([]);
  });

  it("drops a record read as no longer locked from every detail filter", () => {
    const unlocked = new Map<string, Load<LockState>>([[deal1.key, { status: "ready", value: { kind: "unlocked" } }]]);
    expect(filterRecords([deal1], unlocked, { ...NO_FILTERS, source: "manual" }, NOW)).toEqual({ records: [], unchecked: 0 });
  });

  it("never keeps a record that fails a filter, and keeps the order (property)", () => {
    const arbLock = fc.record({
      source: fc.constantFrom("manual" as const, "automatic" as const),
      lockedBy: fc.constantFrom("u1", "u2"),
      ruleId: fc.constantFrom("r1", "r2"),
      age: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(fc.array(fc.option(arbLock), { maxLength: 30 }), fc.constantFrom("", "manual", "automatic" as const), fc.option(fc.integer({ min: 0, max: 100 })), (locks, source, days) => {
        const rows = locks.map((_, n) => record(n % 2 ? "Deals" : "Leads", n));
        const map = new Map<string, Load<LockState>>();
        locks.forEach((lock, n) => {
          if (lock) map.set(rows[n]!.key, locked({ source: lock.source, lockedBy: { id: lock.lockedBy, name: lock.lockedBy }, ruleId: lock.ruleId, lockedAt: new Date(NOW - lock.age * DAY).toISOString() }));
        });
        const filters = { ...NO_FILTERS, source: source as ConsoleFilters["source"], olderThanDays: days };
        const result = filterRecords(rows, map, filters, NOW);
        const detailed = source !== "" || days !== null;
        expect(result.unchecked).toBe(detailed ? locks.filter((lock) => !lock).length : 0);
        for (const kept of result.records) {
          const n = rows.indexOf(kept);
          const lock = locks[n];
          if (detailed) expect(lock).toBeTruthy();
          if (source && lock) expect(lock.source).toBe(source);
          if (days !== null && lock) expect(lock.age).toBeGreaterThan(days);
        }
        const positions = result.records.map((kept) => rows.indexOf(kept));
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
      }),
    );
  });

  it("lists the lockers once each, by name", () => {
    const map = new Map<string, Load<LockState>>([
      ["a", locked({ lockedBy: { id: "u2", name: "Zed" } })],
      ["b", locked({ lockedBy: { id: "u1", name: "Ada" } })],
      ["c", locked({ lockedBy: { id: "u2", name: "Zed" } })],
      ["d", locked({})],
    ]);
    expect(lockersOf(map)).toEqual([
      { id: "u1", name: "Ada" },
      { id: "u2", name: "Zed" },
    ]);
  });
});

describe("how much is loaded", () => {
  const scan = (loaded: number, more: boolean, total: Load<number>): ModuleScan => ({
    module: { apiName: "M", label: "M", rules: [] },
    status: "ready",
    records: Array.from({ length: loaded }, (_, n) => record("M", n)),
    nextPage: 2,
    more,
    capped: false,
    total,
  });

  it("is exact when every module's count is known", () => {
    expect(totalsOf([scan(200, true, { status: "ready", value: 700 }), scan(5, false, { status: "ready", value: 5 })])).toEqual({
      loaded: 205,
      exact: true,
      total: 705,
      more: true,
    });
  });

  it("is a lower bound when a count is missing: what is loaded, plus one while more pages remain", () => {
    expect(totalsOf([scan(200, true, { status: "ready", value: 700 }), scan(200, true, { status: "error", error: { code: "X", message: "", details: {} } })])).toEqual({
      loaded: 400,
      exact: false,
      total: 901,
      more: true,
    });
  });

  it("never says fewer in all than are loaded", () => {
    expect(totalsOf([scan(10, false, { status: "ready", value: 3 })]).total).toBe(10);
  });
});
