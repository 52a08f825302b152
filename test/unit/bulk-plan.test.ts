import { describe, expect, it } from "vitest";
import type { LockState } from "../../widget-src/api/locking-info";
import type { Permit } from "../../widget-src/api/permit-threshold";
import { decodeRecordRows, listRecordsRequest } from "../../widget-src/api/records";
import { fail, ok } from "../../widget-src/crm/result";
import { chunk } from "../../widget-src/lib/chunk";
import {
  needsRecordChecks,
  planLock,
  planReassign,
  planUnlock,
  resultOfError,
  type BulkRow,
} from "../../widget-src/features/bulk-actions/plan";
import { capacityOf } from "../../widget-src/features/owner-change/capacity";
import type { Load } from "../../widget-src/ui/load";

const id = (n: number) => `57257670000001${String(n).padStart(5, "0")}`;
const OWNER = id(90001);
const unlocked: Load<LockState> = { status: "ready", value: { kind: "unlocked" } };
const manual = (n: number): Load<LockState> => ({ status: "ready", value: { kind: "locked", lock: { id: id(80000 + n), source: "manual" } } });
const automatic: Load<LockState> = { status: "ready", value: { kind: "locked", lock: { id: id(70000), source: "automatic" } } };
const unknown: Load<LockState> = { status: "error", error: { code: "TIMEOUT", message: "", details: {} } };
const row = (n: number, lock: Load<LockState> = unlocked, ownerId = id(1)): BulkRow => ({
  record: { id: id(n), module: "Deals", name: `Deal ${n}`, owner: { id: ownerId, name: "Someone" } },
  lock,
});
const permit = (reason: Permit["reason"], remaining = 0): Load<Permit> => ({
  status: "ready",
  value: { allow: !reason.startsWith("RECORD_DENIED"), reason, remaining },
});

describe("batching", () => {
  it("splits into chunks of the given size, keeping order", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 500)).toEqual([]);
    const ids = Array.from({ length: 1001 }, (_, i) => id(i));
    expect(chunk(ids, 500).map((part) => part.length)).toEqual([500, 500, 1]);
    expect(chunk(ids, 500).flat()).toEqual(ids);
  });

  it("reads 100 records a call, asking for name, owner and the lock flag", () => {
    const request = listRecordsRequest("Deals", [id(1), id(2)]);
    expect(request).toEqual({ method: "GET", path: "/Deals", query: { ids: `${id(1)},${id(2)}`, fields: "Deal_Name,Owner,Locked__s" } });
    expect(listRecordsRequest("Projects__c", [id(1)]).query?.fields).toBe("Name,Owner,Locked__s");
    expect(() => listRecordsRequest("Deals", Array.from({ length: 101 }, (_, i) => id(i)))).toThrow();
  });

  it("decodes rows; only Locked__s or a true $locked_for_me says anything about the lock", () => {
    const body = {
      data: [
        { id: id(1), Deal_Name: "A", Owner: { id: id(9), name: "Bo" }, Locked__s: false },
        { id: id(2), Deal_Name: "B", $locked_for_me: true },
        { id: id(3), Deal_Name: "C", $locked_for_me: false },
      ],
    };
    const rows = decodeRecordRows(ok({ status: 200, body }), "Deals");
    expect(rows.ok && rows.value.map((r) => r.locked)).toEqual([false, true, undefined]);
    expect(decodeRecordRows(ok({ status: 204, body: undefined }), "Deals")).toEqual(ok([]));
    expect(decodeRecordRows(ok({ status: 200, body: { data: [{ id: 5 }] } }), "Deals").ok).toBe(false);
    expect(decodeRecordRows(fail("NO_PERMISSION", ""), "Deals").ok).toBe(false);
  });
});

describe("bulk lock and unlock plans", () => {
  it("locks everything not known to be locked, skipping locked records", () => {
    const plan = planLock([row(1), row(2, manual(2)), row(3, automatic), row(4, unknown)]);
    expect(plan.send).toEqual([id(1), id(4)]);
    expect([...plan.skipped]).toEqual([
      [id(2), "alreadyLocked"],
      [id(3), "alreadyLocked"],
    ]);
  });

  it("unlocks manual locks only, and says why every other record is skipped", () => {
    const plan = planUnlock([row(1), row(2, manual(2)), row(3, automatic), row(4, unknown)]);
    expect(plan.send).toEqual([{ recordId: id(2), lockId: id(80002) }]);
    expect(Object.fromEntries(plan.skipped)).toEqual({ [id(1)]: "notLocked", [id(3)]: "automaticLock", [id(4)]: "lockUnknown" });
  });
});

describe("bulk reassignment against the owner's capacity", () => {
  const rows = [row(1), row(2), row(3), row(4, unlocked, OWNER)];

  it("sends every record when the capacity covers them, skipping records the owner already has", () => {
    const plan = planReassign(rows, OWNER, permit("RECORD_ALLOWED", 3));
    expect(plan.send).toEqual([id(1), id(2), id(3)]);
    expect(Object.fromEntries(plan.skipped)).toEqual({ [id(4)]: "currentOwner" });
    expect(needsRecordChecks(capacityOf(permit("RECORD_ALLOWED", 3)), 3)).toBe(false);
  });

  it("sends everything where no threshold applies", () => {
    for (const check of [permit("NO_RESTRICTION"), permit("RESTRICTION_DISABLED")]) {
      expect(planReassign(rows, OWNER, check).send).toHaveLength(3);
    }
    const unsupported: Load<Permit> = { status: "error", error: { code: "NOT_SUPPORTED", message: "", details: {} } };
    expect(planReassign(rows, OWNER, unsupported).send).toHaveLength(3);
  });

  it("fills the remaining count in list order; excluded records do not count", () => {
    const recordChecks = new Map<string, Load<Permit>>([
      [id(1), permit("RECORD_ALLOWED", 1)],
      [id(2), permit("RECORD_EXCLUDED", 1)],
      [id(3), permit("RECORD_ALLOWED", 1)],
    ]);
    expect(needsRecordChecks(capacityOf(permit("RECORD_ALLOWED", 1)), 3)).toBe(true);
    const plan = planReassign(rows, OWNER, permit("RECORD_ALLOWED", 1), recordChecks);
    expect(plan.send).toEqual([id(1), id(2)]);
    expect(plan.skipped.get(id(3))).toBe("noCapacity");
  });

  it("sends only excluded records to an owner who is denied, and nothing whose check failed", () => {
    const failed: Load<Permit> = { status: "error", error: { code: "TIMEOUT", message: "", details: {} } };
    const recordChecks = new Map<string, Load<Permit>>([
      [id(1), permit("RECORD_DENIED_BY_BACKLOG")],
      [id(2), permit("RECORD_EXCLUDED")],
      [id(3), failed],
    ]);
    const plan = planReassign(rows, OWNER, permit("RECORD_DENIED_BY_BACKLOG"), recordChecks);
    expect(plan.send).toEqual([id(2)]);
    expect(plan.skipped.get(id(1))).toBe("denied");
    expect(plan.skipped.get(id(3))).toBe("noCapacity");
  });

  it("sends nothing when the owner's capacity is unknown", () => {
    const failed: Load<Permit> = { status: "error", error: { code: "INTERNAL_ERROR", message: "", details: {} } };
    const plan = planReassign(rows, OWNER, failed);
    expect(plan.send).toEqual([]);
    expect(plan.capacity.kind).toBe("failed");
  });
});

describe("refusals per record", () => {
  it("turns a lock or a missing permission into a skip, anything else into a failure", () => {
    expect(resultOfError({ code: "RECORD_LOCKED", message: "", details: {} })).toEqual({ status: "skipped", reason: "locked" });
    expect(resultOfError({ code: "NO_PERMISSION", message: "", details: {} })).toEqual({ status: "skipped", reason: "noPermission" });
    expect(resultOfError({ code: "INVALID_DATA", message: "", details: {} })).toMatchObject({ status: "failed" });
  });
});
