import { describe, expect, it } from "vitest";
import type { RawAnswer } from "../../widget-src/crm/decode";
import { fail, ok, type CrmResult } from "../../widget-src/crm/result";
import { BulkModel } from "../../widget-src/features/bulk-actions/model";
import type { FakeCall } from "../support/fake-port";
import { createFakePort } from "../support/fake-port";

const id = (n: number) => `57257670000001${String(n).padStart(5, "0")}`;
const OWNER = { id: "5725767000000101009", name: "Carla Closer", active: true, confirmed: true };

/** A small in-memory CRM for the bulk calls: records by id, no locks, permits as given. */
function fakeCrm(options: { permit?: unknown; lockAnswer?: (recordId: string) => CrmResult<RawAnswer> | undefined } = {}) {
  return async (call: FakeCall): Promise<CrmResult<RawAnswer>> => {
    if (call.method === "GET" && call.path === "/Deals") {
      const ids = String(call.options.query?.ids).split(",");
      return ok({ status: 200, body: { data: ids.map((rid) => ({ id: rid, Deal_Name: `Deal ${rid}`, Owner: { id: id(1), name: "Bo" }, Locked__s: false })) } });
    }
    if (call.method === "GET" && call.path.endsWith("/permit_threshold")) {
      return ok({ status: 200, body: { permit_threshold: options.permit ?? { allow: true, reason: "NO_RESTRICTION", remaining_allow_count: 0 } } });
    }
    if (call.method === "POST" && call.path === "/Deals/actions/change_owner") {
      const ids = (call.options.body as { ids: string[] }).ids;
      return ok({ status: 200, body: { data: ids.map((rid) => ({ code: "SUCCESS", status: "success", message: "owner is successfully updated", details: { id: rid } })) } });
    }
    if (call.method === "POST" && call.path.endsWith("/Locking_Information__s")) {
      const recordId = call.path.split("/")[2] ?? "";
      return options.lockAnswer?.(recordId) ?? ok({ status: 201, body: { data: [{ code: "SUCCESS", status: "success", message: "record added", details: { id: id(99999) } }] } });
    }
    if (call.method === "GET" && call.path.endsWith("/Locking_Information__s")) return ok({ status: 204, body: undefined });
    return fail("UNSCRIPTED", `${call.method} ${call.path}`);
  };
}

function setup(count: number, options: Parameters<typeof fakeCrm>[0] = {}) {
  const ids = Array.from({ length: count }, (_, i) => id(i + 10));
  const fake = createFakePort({ rest: fakeCrm(options) });
  const model = new BulkModel(fake.port, "Deals", ids);
  const calls = (method: string, suffix: string) => fake.calls.filter((call) => call.method === method && call.path.endsWith(suffix));
  return { model, ids, fake, calls };
}

describe("bulk model", () => {
  it("reads 120 selected records in two calls and needs no lock reads when they say unlocked", async () => {
    const { model, calls } = setup(120);
    await model.load();
    expect(calls("GET", "/Deals")).toHaveLength(2);
    expect(calls("GET", "/Locking_Information__s")).toHaveLength(0);
    expect(model.rows.value.status === "ready" && model.rows.value.value).toHaveLength(120);
  });

  it("reassigns 100 records with one change-owner call", async () => {
    const { model, calls } = setup(100);
    await model.load();
    await model.prepareReassign(OWNER);
    expect(model.reassignPlan.value?.status === "ready" && model.reassignPlan.value.value.send).toHaveLength(100);
    await model.reassign(true);
    const posts = calls("POST", "/actions/change_owner");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.options.body).toMatchObject({ owner: { id: OWNER.id }, notify: true });
    const results = model.results.value;
    expect(results && [...results.byRecord.values()].every((result) => result.status === "done")).toBe(true);
  });

  it("splits 600 records into calls of at most 500", async () => {
    const { model, calls } = setup(600);
    await model.load();
    await model.prepareReassign(OWNER);
    await model.reassign(false);
    expect(calls("POST", "/actions/change_owner").map((call) => (call.options.body as { ids: string[] }).ids.length)).toEqual([500, 100]);
  });

  it("checks every record only when the owner's capacity does not cover the selection", async () => {
    const { model, calls } = setup(5, { permit: { allow: true, reason: "RECORD_ALLOWED", remaining_allow_count: 2 } });
    await model.load();
    await model.prepareReassign(OWNER);
    // One module-level check, then one per record.
    expect(calls("GET", "/permit_threshold")).toHaveLength(6);
    const plan = model.reassignPlan.value;
    expect(plan?.status === "ready" && [plan.value.send.length, plan.value.skipped.size]).toEqual([2, 3]);
  });

  it("locks with one reason and reports each record, counting a concurrent lock as a skip", async () => {
    const { model, ids } = setup(3, {
      lockAnswer: (recordId) =>
        recordId === id(11) ? fail("NOT_ALLOWED", "already locked", {}, 403) : recordId === id(12) ? fail("NO_PERMISSION", "", {}, 403) : undefined,
    });
    await model.load();
    await model.lockAll("Audit");
    const byRecord = model.results.value?.byRecord;
    expect(ids.map((rid) => byRecord?.get(rid))).toEqual([
      { status: "done" },
      { status: "skipped", reason: "alreadyLocked" },
      { status: "skipped", reason: "noPermission" },
    ]);
    expect(model.progress.value).toBeNull();
  });

  it("refuses a blank reason without sending", async () => {
    const { model, calls } = setup(2);
    await model.load();
    await model.lockAll("   ");
    expect(model.reasonProblem.value).toBe("blank");
    expect(calls("POST", "/Locking_Information__s")).toHaveLength(0);
  });
});
