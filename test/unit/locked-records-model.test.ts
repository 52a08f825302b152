/**
 * The locked-records console's model against a strict fake CRM: what it
 * searches and counts, which details it reads and how many at once, and what
 * a bulk action sends, skips and reports.
 */
import { describe, expect, it } from "vitest";
import { fail } from "../../widget-src/crm/result";
import { LockedRecordsModel } from "../../widget-src/features/locked-records/model";
import { SessionModel } from "../../widget-src/features/session/model";
import { answer, noContent, restScript, success, type Scripted } from "../support/fake-crm";
import { IDS, createFakePort } from "../support/fake-port";
import { STANDARD_PROFILE, automaticLockBody, manualLockBody, profileBody } from "../support/lock-fixtures";

const PROFILE = `/settings/profiles/${IDS.standardProfile}`;
const DEALS = { apiName: "Deals", label: "Deals", rules: [{ id: "5725767000000300101", name: "Closed deals" }] };
const LEADS = { apiName: "Leads", label: "Leads", rules: [] };

const dealId = (n: number) => `57257670000001${String(n).padStart(5, "0")}`;
const lockPath = (id: string, module = "Deals") => `/${module}/${id}/Locking_Information__s`;
const searchBody = (ids: string[], more = false) => ({ data: ids.map((id) => ({ id, Deal_Name: `Deal ${id.slice(-3)}` })), info: { more_records: more, count: ids.length, page: 1, per_page: 200 } });

async function setup(routes: Record<string, Scripted[]>, { canLock = true } = {}) {
  const { rest } = restScript({ [`GET ${PROFILE}`]: [answer(profileBody(STANDARD_PROFILE, canLock))], ...routes });
  const fake = createFakePort({ rest });
  const session = new SessionModel(fake.port);
  await session.loadPermissions();
  const model = new LockedRecordsModel(fake.port, session, () => Date.parse("2026-12-06T12:00:00Z"));
  const calls = (method: string, path: string) => fake.calls.filter((call) => call.method === method && call.path === path);
  return { model, fake, calls };
}

/** Resolves every queued microtask and promise chain the fake CRM started. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the locked-records console", () => {
  it("searches and counts every module at once, and lists what it finds with the exact total", async () => {
    const { model, calls } = await setup({
      "GET /Deals/search": [answer(searchBody([dealId(1), dealId(2)], true)), answer(searchBody([dealId(3)]))],
      "GET /Deals/actions/count": [answer({ count: "3" })],
      "GET /Leads/search": [noContent()],
      "GET /Leads/actions/count": [answer({ count: 0 })],
    });
    await model.load([DEALS, LEADS]);
    expect(calls("GET", "/Deals/search")[0]?.options.query).toMatchObject({ criteria: "(Locked__s:equals:true)", page: "1", per_page: "200" });
    expect(model.records.value.map((record) => record.id)).toEqual([dealId(1), dealId(2)]);
    expect(model.totals.value).toEqual({ loaded: 2, exact: true, total: 3, more: true });
    await model.loadMore();
    expect(calls("GET", "/Deals/search")[1]?.options.query).toMatchObject({ page: "2" });
    expect(calls("GET", "/Leads/search")).toHaveLength(1);
    expect(model.totals.value).toEqual({ loaded: 3, exact: true, total: 3, more: false });
  });

  it("lists a record once when a shifted page brings it again", async () => {
    const { model } = await setup({
      "GET /Deals/search": [answer(searchBody([dealId(1), dealId(2)], true)), answer(searchBody([dealId(2), dealId(3)]))],
      "GET /Deals/actions/count": [answer({ count: 3 })],
    });
    await model.load([DEALS]);
    await model.loadMore();
    expect(model.records.value.map((record) => record.id)).toEqual([dealId(1), dealId(2), dealId(3)]);
  });

  it("keeps the other modules when the CRM refuses one module's search, and says which", async () => {
    const { model } = await setup({
      "GET /Deals/search": [answer(searchBody([dealId(1)]))],
      "GET /Deals/actions/count": [answer({ count: 1 })],
      "GET /Leads/search": [fail("INVALID_QUERY", "invalid query formed", { api_name: "Locked__s" }, 400)],
      "GET /Leads/actions/count": [fail("INVALID_QUERY", "invalid query formed", {}, 400)],
    });
    await model.load([DEALS, LEADS]);
    expect(model.records.value).toHaveLength(1);
    const leads = model.scans.value.find((scan) => scan.module.apiName === "Leads");
    expect(leads).toMatchObject({ status: "error", error: { code: "INVALID_QUERY" } });
    // Leads' count is unknown: the total is a lower bound.
    expect(model.totals.value).toMatchObject({ loaded: 1, exact: false });
  });

  it("reads the details of the rows in view only, at most 4 at once, and drops rows scrolled away", async () => {
    const ids = Array.from({ length: 10 }, (_, n) => dealId(n + 1));
    const pending: (() => void)[] = [];
    const held = (): Promise<ReturnType<typeof noContent>> => new Promise((resolve) => pending.push(() => resolve(noContent())));
    const routes: Record<string, Scripted[]> = {
      "GET /Deals/search": [answer(searchBody(ids))],
      "GET /Deals/actions/count": [answer({ count: 10 })],
    };
    for (const id of ids.slice(0, 4)) routes[`GET ${lockPath(id)}`] = [held];
    routes[`GET ${lockPath(ids[9]!)}`] = [answer(manualLockBody("Audit"))];
    const { model, calls } = await setup(routes);
    await model.load([DEALS]);
    const keys = model.records.value.map((record) => record.key);
    model.want(keys.slice(0, 6));
    expect(pending).toHaveLength(4);
    // Scrolled on: rows 5 and 6 are no longer wanted, row 10 is.
    model.want([keys[9]!]);
    for (const release of pending) release();
    await settle();
    await settle();
    expect(calls("GET", lockPath(ids[4]!))).toHaveLength(0);
    expect(calls("GET", lockPath(ids[9]!))).toHaveLength(1);
    expect(model.details.value.get(keys[9]!)).toMatchObject({ status: "ready", value: { kind: "locked" } });
    expect(model.details.value.get(keys[0]!)).toEqual({ status: "ready", value: { kind: "unlocked" } });
  });

  it("unlocks the selected manual locks, reports each record, and loses nothing when one fails", async () => {
    const [a, b, c] = [dealId(1), dealId(2), dealId(3)];
    const { model, fake } = await setup({
      "GET /Deals/search": [answer(searchBody([a, b, c]))],
      "GET /Deals/actions/count": [answer({ count: 3 })],
      [`GET ${lockPath(a)}`]: [answer(manualLockBody("one")), noContent()],
      [`GET ${lockPath(b)}`]: [answer(manualLockBody("two")), answer(manualLockBody("two"))],
      [`GET ${lockPath(c)}`]: [answer(automaticLockBody())],
      [`DELETE ${lockPath(a)}/${IDS.lock}`]: [success({ id: IDS.lock })],
      [`DELETE ${lockPath(b)}/${IDS.lock}`]: [fail("INTERNAL_ERROR", "Internal server error", {}, 500)],
    });
    await model.load([DEALS]);
    const [ka, kb, kc] = model.records.value.map((record) => record.key) as [string, string, string];
    model.want([ka, kb, kc]);
    await settle();
    expect(model.canBulkUnlock.value).toBe(true);
    // Only manual locks can be chosen.
    expect(model.selectableKeys.value).toEqual([ka, kb]);
    model.selectAll();
    await model.unlockSelected();
    const results = model.results.value!;
    expect(results.action).toBe("unlock");
    expect(results.byRecord.get(ka)).toEqual({ status: "done" });
    expect(results.byRecord.get(kb)).toMatchObject({ status: "failed", error: { code: "INTERNAL_ERROR" } });
    expect(results.byRecord.has(kc)).toBe(false);
    expect(model.resultCounts.value).toEqual({ done: 1, skipped: 0, failed: 1 });
    // Each write once; what is shown afterwards is read again.
    expect(fake.calls.filter((call) => call.method === "DELETE")).toHaveLength(2);
    expect(model.details.value.get(ka)).toEqual({ status: "ready", value: { kind: "unlocked" } });
    expect(model.details.value.get(kb)).toMatchObject({ status: "ready", value: { kind: "locked" } });
    expect(model.selected.value.size).toBe(0);
  });

  it("counts a lock removed meanwhile as skipped, not failed", async () => {
    const a = dealId(1);
    const { model } = await setup({
      "GET /Deals/search": [answer(searchBody([a]))],
      "GET /Deals/actions/count": [answer({ count: 1 })],
      [`GET ${lockPath(a)}`]: [answer(manualLockBody("one")), noContent()],
      [`DELETE ${lockPath(a)}/${IDS.lock}`]: [fail("INVALID_DATA", "the id given seems to be invalid", {}, 400)],
    });
    await model.load([DEALS]);
    model.want([model.records.value[0]!.key]);
    await settle();
    model.selectAll();
    await model.unlockSelected();
    expect([...model.results.value!.byRecord.values()]).toEqual([{ status: "skipped", reason: "notLocked" }]);
  });

  it("replaces the reason of each selected lock, after the same checks as the record popup", async () => {
    const a = dealId(1);
    const { model, fake } = await setup({
      "GET /Deals/search": [answer(searchBody([a]))],
      "GET /Deals/actions/count": [answer({ count: 1 })],
      [`GET ${lockPath(a)}`]: [answer(manualLockBody("old")), answer(manualLockBody("New reason"))],
      [`PUT ${lockPath(a)}/${IDS.lock}`]: [success({ id: IDS.lock })],
    });
    await model.load([DEALS]);
    model.want([model.records.value[0]!.key]);
    await settle();
    model.selectAll();
    await model.replaceReason("   ");
    expect(model.reasonProblem.value).toBe("blank");
    await model.replaceReason("x".repeat(3001));
    expect(model.reasonProblem.value).toBe("tooLong");
    expect(fake.calls.filter((call) => call.method === "PUT")).toHaveLength(0);
    await model.replaceReason("New reason");
    expect(fake.calls.filter((call) => call.method === "PUT").map((call) => call.options.body)).toEqual([{ data: [{ Locked_Reason__s: "New reason" }] }]);
    expect([...model.results.value!.byRecord.values()]).toEqual([{ status: "done" }]);
  });

  it("offers no bulk action to a profile that may not lock, and lets nothing be selected", async () => {
    const a = dealId(1);
    const { model } = await setup(
      {
        "GET /Deals/search": [answer(searchBody([a]))],
        "GET /Deals/actions/count": [answer({ count: 1 })],
        [`GET ${lockPath(a)}`]: [answer(manualLockBody("one"))],
      },
      { canLock: false },
    );
    await model.load([DEALS]);
    model.want([model.records.value[0]!.key]);
    await settle();
    expect(model.canBulkUnlock.value).toBe(false);
    expect(model.selectableKeys.value).toEqual([]);
  });
});
