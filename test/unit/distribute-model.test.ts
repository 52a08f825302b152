import { describe, expect, it } from "vitest";
import type { RawAnswer } from "../../widget-src/crm/decode";
import { fail, type CrmResult } from "../../widget-src/crm/result";
import { DistributeModel } from "../../widget-src/features/bulk-actions/distribute-model";
import { BulkModel } from "../../widget-src/features/bulk-actions/model";
import type { CrmUser } from "../../widget-src/api/users";
import { answer, maybe, restScript, type Scripted } from "../support/fake-crm";
import { IDS, createFakePort, type FakeCall } from "../support/fake-port";
import { STANDARD_PROFILE, configBody, manualLockBody } from "../support/lock-fixtures";

const recordId = (n: number) => `57257670000004${String(n).padStart(5, "0")}`;
const DEPARTED = "5725767000000101021";
const user = (n: number, name: string): CrmUser => ({ id: `57257670000001011${String(n).padStart(2, "0")}`, name, active: true, confirmed: true });
const OLIVE = user(1, "Olive Twist");
const AARON = user(2, "Aaron Able");
const BELLA = user(3, "Bella Broad");
const CARLA = user(9, "Carla Closer");

const THRESHOLDS = "/settings/automation/assignment_thresholds";
const CONFIG = "/settings/record_locking_configurations";
const PROFILE = `/settings/profiles/${IDS.standardProfile}`;
const MODULE_PERMIT = "/Deals/actions/permit_threshold";
const CHANGE = "/Deals/actions/change_owner";

const permit = (remaining: number | "none" | "denied") =>
  answer({
    permit_threshold:
      remaining === "none"
        ? { allow: true, reason: "NO_RESTRICTION", remaining_allow_count: 0 }
        : remaining === "denied"
          ? { allow: false, reason: "RECORD_DENIED_BY_ALLOWCOUNT", remaining_allow_count: 0 }
          : { allow: true, reason: "RECORD_ALLOWED", remaining_allow_count: remaining },
  });
const excluded = answer({ permit_threshold: { allow: true, reason: "RECORD_EXCLUDED", remaining_allow_count: 0 } });

const profileWithChangeOwner = (enabled: boolean) =>
  answer({ profiles: [{ ...STANDARD_PROFILE, permissions_details: [{ name: "Crm_Implied_Change_Owner", display_label: "Change Owner", module: null, enabled }] }] });

const thresholdsBody = (withExclude: CrmUser[], without: CrmUser[]) =>
  answer({
    assignment_thresholds: [
      { id: "5725767000000122001", name: "Reps", exclude_criteria: { comparator: "less_than", field: { api_name: "Amount" }, value: "1000" }, restrict_to: withExclude.map(({ id, name }) => ({ user: { id, name } })) },
      { id: "5725767000000122003", name: "Team", exclude_criteria: null, restrict_to: without.map(({ id, name }) => ({ user: { id, name } })) },
    ],
  });

interface World {
  count: number;
  /** Module-level capacity per owner; a function answers differently from one call to the next. */
  capacity: Record<string, CrmResult<RawAnswer> | (() => CrmResult<RawAnswer>)>;
  /** Per-record answers for users whose threshold has exclude criteria. */
  perRecord?: (userId: string, recordId: string) => CrmResult<RawAnswer>;
  locked?: Set<string>;
  changeOwner?: (ownerId: string, ids: string[]) => CrmResult<RawAnswer>;
  routes?: Record<string, Scripted[] | ReturnType<typeof maybe>>;
  /** Per-record answers wait for this. */
  hold?: Promise<void>;
}

/**
 * The strict fake CRM (test/support/fake-crm.ts) for the fixed reads, and
 * routes that depend on the call (records by id, checks per owner and record,
 * change owner) that fail the test on anything unexpected.
 */
function setup(world: World) {
  const ids = Array.from({ length: world.count }, (_, i) => recordId(i + 1));
  const locked = world.locked ?? new Set<string>();
  const scripted = restScript({
    [`GET ${CONFIG}`]: [answer(configBody())],
    [`GET ${THRESHOLDS}`]: [thresholdsBody([CARLA], [OLIVE, AARON, BELLA])],
    [`GET ${PROFILE}`]: [profileWithChangeOwner(true)],
    ...Object.fromEntries([...locked].map((id) => [`GET /Deals/${id}/Locking_Information__s`, [answer(manualLockBody("Contract under legal review"))]])),
    ...world.routes,
  });
  const unexpected: string[] = [];
  const refuse = (call: FakeCall, why: string) => {
    unexpected.push(`${call.method} ${call.path} ${JSON.stringify(call.options)}: ${why}`);
    return Promise.reject(new Error(`unexpected CRM call: ${call.method} ${call.path} (${why})`));
  };
  let inFlight = 0;
  let maxInFlight = 0;
  const checks = async (call: FakeCall, answerOf: () => CrmResult<RawAnswer> | undefined, hold?: Promise<void>) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 1));
    await hold;
    inFlight -= 1;
    const result = answerOf();
    return result ?? refuse(call, "no answer for this owner");
  };
  const fake = createFakePort({
    rest: (call) => {
      const owner = call.options.query?.owner_id ?? "";
      if (call.method === "GET" && call.path === "/Deals") {
        const asked = String(call.options.query?.ids).split(",");
        return Promise.resolve(
          answer({ data: asked.map((id) => ({ id, Deal_Name: `Deal ${id.slice(-3)}`, Owner: { id: DEPARTED, name: "Ian Inactive" }, Locked__s: locked.has(id) })) }),
        );
      }
      if (call.method === "GET" && call.path === MODULE_PERMIT) {
        return checks(call, () => {
          const capacity = world.capacity[owner];
          return typeof capacity === "function" ? capacity() : capacity;
        });
      }
      if (call.method === "GET" && call.path.endsWith("/actions/permit_threshold")) {
        const id = call.path.split("/")[2] ?? "";
        return world.perRecord ? checks(call, () => world.perRecord?.(owner, id), world.hold) : refuse(call, "no per-record checks expected");
      }
      if (call.method === "POST" && call.path === CHANGE) {
        const body = call.options.body as { owner: { id: string }; ids: string[] };
        const result =
          world.changeOwner?.(body.owner.id, body.ids) ??
          answer({ data: body.ids.map((id) => ({ code: "SUCCESS", status: "success", message: "owner is successfully updated", details: { id } })) });
        return Promise.resolve(result);
      }
      return scripted.rest(call);
    },
  });
  const bulk = new BulkModel(fake.port, "Deals", ids);
  const model = new DistributeModel(fake.port, "Deals", bulk);
  const calls = (method: string, test: (path: string) => boolean) => fake.calls.filter((call) => call.method === method && test(call.path));
  const changes = () =>
    calls("POST", (path) => path === CHANGE).map((call) => {
      const body = call.options.body as { owner: { id: string }; ids: string[]; notify: boolean };
      return { owner: body.owner.id, count: body.ids.length, ids: body.ids };
    });
  const open = async (...people: CrmUser[]) => {
    await bulk.load();
    await model.prepare();
    for (const person of people) model.toggle(person);
    await until(() => model.plan.value !== null);
  };
  return { ids, bulk, model, fake, calls, changes, open, unexpected, maxInFlight: () => maxInFlight };
}

async function until(condition: () => boolean, what = "the condition"): Promise<void> {
  for (let i = 0; i < 2_000; i += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const sizes = (model: InstanceType<typeof DistributeModel>) => [...(model.plan.value?.shares.values() ?? [])].map((share) => share.length);
const results = (bulk: InstanceType<typeof BulkModel>) => Object.fromEntries([...(bulk.results.value?.byRecord ?? [])].map(([id, result]) => [id, result]));

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

const permitCalls = (calls: ReturnType<typeof setup>["calls"], owner: string, perRecord: boolean) =>
  calls("GET", (path) => (perRecord ? path !== MODULE_PERMIT && path.endsWith("/permit_threshold") : path === MODULE_PERMIT)).filter(
    (call) => call.options.query?.owner_id === owner,
  ).length;

describe("distributing among several owners: the plan", () => {
  it("plans 30 records among three people, one of whom has room for 2, after one capacity check each", async () => {
    const { model, calls, open, unexpected } = setup({ count: 30, capacity: { [OLIVE.id]: permit(2), [AARON.id]: permit(20), [BELLA.id]: permit(20) } });
    await open(OLIVE, AARON, BELLA);
    expect(sizes(model)).toEqual([2, 14, 14]);
    expect(model.plan.value?.notAssigned.size).toBe(0);
    expect(calls("GET", (path) => path === MODULE_PERMIT)).toHaveLength(3);
    // None of them has exclude criteria: no per-record check.
    expect(calls("GET", (path) => path !== MODULE_PERMIT && path.endsWith("/permit_threshold"))).toHaveLength(0);
    expect(model.sendCount.value).toBe(30);
    expect(unexpected).toEqual([]);
  });

  it("checks each record only for someone whose threshold has exclude criteria, with progress, and is usable meanwhile", async () => {
    const hold = deferred();
    const { model, calls, open, maxInFlight } = setup({
      count: 12,
      capacity: { [CARLA.id]: permit(1), [AARON.id]: permit(4) },
      perRecord: (_, id) => (Number(id.slice(-2)) % 3 === 0 ? excluded : permit(1)),
      hold: hold.promise,
    });
    await open(CARLA, AARON);
    // Before any per-record answer: Carla's one place and Aaron's four; the rest has no room.
    expect(sizes(model)).toEqual([1, 4]);
    expect(model.plan.value?.notAssigned.size).toBe(7);
    expect(model.progress.value).toEqual([{ userId: CARLA.id, name: CARLA.name, done: 0, total: 12, failed: 0 }]);
    hold.resolve();
    await until(() => model.progress.value[0]?.done === 12, "Carla's 12 checks");
    // Four records are excluded from Carla's threshold: they are hers without using her one place.
    expect(sizes(model)).toEqual([5, 4]);
    expect(model.plan.value?.counted.get(CARLA.id)).toBe(1);
    expect(permitCalls(calls, CARLA.id, true)).toBe(12);
    expect(permitCalls(calls, AARON.id, true)).toBe(0);
    expect(maxInFlight()).toBeLessThanOrEqual(4);
  });

  it("runs at most 4 checks at once, and keeps each answer while the panel is open", async () => {
    const people = Array.from({ length: 10 }, (_, i) => user(20 + i, `Person ${i}`));
    const { model, calls, open, maxInFlight } = setup({ count: 20, capacity: Object.fromEntries(people.map((p) => [p.id, permit("none")])) });
    await open(...people);
    expect(sizes(model)).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(maxInFlight()).toBe(4);
    model.toggle(people[0] as CrmUser);
    model.toggle(people[0] as CrmUser);
    model.checkVisible(people.map((p) => p.id));
    await new Promise((resolve) => setTimeout(resolve, 10));
    await until(() => model.plan.value !== null);
    expect(calls("GET", (path) => path === MODULE_PERMIT)).toHaveLength(10);
  });

  it("lists a record whose lock blocks changing the owner with the lock's reason, and one nobody has room for", async () => {
    const { model, open } = setup({ count: 5, locked: new Set([recordId(3)]), capacity: { [OLIVE.id]: permit(2), [AARON.id]: permit(1) } });
    await open(OLIVE, AARON);
    const notAssigned = model.plan.value?.notAssigned;
    expect(notAssigned?.get(recordId(3))).toEqual({ reason: "locked", detail: "Contract under legal review" });
    expect([...(notAssigned?.values() ?? [])].filter((why) => why.reason === "noCapacity")).toHaveLength(1);
  });

  it("lists every record as not assigned when the profile may not change owners", async () => {
    const { model, open } = setup({ count: 3, capacity: { [OLIVE.id]: permit(2), [AARON.id]: permit(1) }, routes: { [`GET ${PROFILE}`]: [profileWithChangeOwner(false)] } });
    await open(OLIVE, AARON);
    expect([...(model.plan.value?.notAssigned.values() ?? [])]).toEqual([{ reason: "noPermission" }, { reason: "noPermission" }, { reason: "noPermission" }]);
    expect(model.sendCount.value).toBe(0);
  });

  it("says when it cannot tell whose threshold has exclude criteria, and then checks no record", async () => {
    const { model, calls, open } = setup({
      count: 4,
      capacity: { [CARLA.id]: permit(1), [AARON.id]: permit(1) },
      routes: { [`GET ${THRESHOLDS}`]: [fail("NO_PERMISSION", "permission denied", {}, 403)] },
    });
    await open(CARLA, AARON);
    expect(model.excludesUnknown.value).toBe(true);
    expect(sizes(model)).toEqual([1, 1]);
    expect(permitCalls(calls, CARLA.id, true)).toBe(0);
  });

  it("moves a record to someone whose threshold allows it, and not to someone who is full", async () => {
    const { model, open } = setup({ count: 6, capacity: { [OLIVE.id]: permit(2), [AARON.id]: permit(10) } });
    await open(OLIVE, AARON);
    const [first, second] = model.plan.value?.shares.get(AARON.id) ?? [];
    expect(sizes(model)).toEqual([1, 5]);
    model.move(first as string, OLIVE.id);
    expect(sizes(model)).toEqual([2, 4]);
    expect(model.plan.value?.assignee.get(first as string)).toBe(OLIVE.id);
    // Olive has no room left now: the move is not made.
    model.move(second as string, OLIVE.id);
    expect(sizes(model)).toEqual([2, 4]);
    expect(model.plan.value?.assignee.get(second as string)).toBe(AARON.id);
  });
});

describe("distributing among several owners: sending", () => {
  it("sends one call per owner, checking each owner's capacity again right before, then reads the records again", async () => {
    const { bulk, model, calls, changes, open } = setup({ count: 30, capacity: { [OLIVE.id]: permit(2), [AARON.id]: permit(20), [BELLA.id]: permit(20) } });
    await open(OLIVE, AARON, BELLA);
    const readsBefore = calls("GET", (path) => path === "/Deals").length;
    await model.send({ notify: false, relatedModules: ["Tasks"] });
    expect(changes().map(({ owner, count }) => [owner, count])).toEqual([
      [OLIVE.id, 2],
      [AARON.id, 14],
      [BELLA.id, 14],
    ]);
    expect(calls("POST", (path) => path === CHANGE)[0]?.options.body).toMatchObject({ notify: false, related_modules: [{ api_name: "Tasks" }] });
    expect(calls("GET", (path) => path === MODULE_PERMIT)).toHaveLength(6);
    expect(Object.values(results(bulk)).every((result) => result.status === "done")).toBe(true);
    expect(Object.keys(results(bulk))).toHaveLength(30);
    expect(calls("GET", (path) => path === "/Deals").length).toBeGreaterThan(readsBefore);
    expect(model.chosen.value).toEqual([]);
  });

  it("re-plans the records of someone whose capacity shrank since the plan, and says so", async () => {
    let aaronChecks = 0;
    const { bulk, model, changes, open } = setup({
      count: 30,
      capacity: { [OLIVE.id]: permit(2), [AARON.id]: () => permit((aaronChecks += 1) === 1 ? 20 : 5), [BELLA.id]: permit(20) },
    });
    await open(OLIVE, AARON, BELLA);
    await model.send({ notify: true, relatedModules: [] });
    // Aaron had 14 planned and room for 5 now: Bella, still to come, had room for 6 more; 3 are left.
    expect(changes().map(({ owner, count }) => [owner, count])).toEqual([
      [OLIVE.id, 2],
      [AARON.id, 5],
      [BELLA.id, 20],
    ]);
    expect(model.notes.value).toEqual([{ kind: "shrank", name: AARON.name, planned: 14, now: 5, moved: 6, left: 3 }]);
    const skipped = Object.values(results(bulk)).filter((result) => result.status === "skipped");
    expect(skipped).toEqual([1, 2, 3].map(() => ({ status: "skipped", reason: "everyoneFull" })));
    // The note stays until a new plan begins; cancelling clears the choice.
    model.toggle(OLIVE);
    expect(model.notes.value).toEqual([]);
    model.reset();
    expect(model.chosen.value).toEqual([]);
  });

  it("lets one owner's failure stop no other, with the CRM's message per record", async () => {
    const { bulk, model, changes, open } = setup({
      count: 6,
      capacity: { [OLIVE.id]: permit("none"), [AARON.id]: permit("none"), [BELLA.id]: permit("none") },
      changeOwner: (owner) => (owner === AARON.id ? fail("INTERNAL_ERROR", "Internal Server Error", {}, 500) : undefined) as CrmResult<RawAnswer>,
    });
    await open(OLIVE, AARON, BELLA);
    const aarons = model.plan.value?.shares.get(AARON.id) ?? [];
    await model.send({ notify: true, relatedModules: [] });
    expect(changes().map(({ owner }) => owner)).toEqual([OLIVE.id, AARON.id, BELLA.id]);
    const byRecord = results(bulk);
    for (const id of aarons) expect(byRecord[id]).toMatchObject({ status: "failed", error: { code: "INTERNAL_ERROR" } });
    expect(Object.values(byRecord).filter((result) => result.status === "done")).toHaveLength(4);
  });

  it("sends nothing to someone whose re-check fails, and the others all the same", async () => {
    let oliveChecks = 0;
    const { bulk, model, changes, open } = setup({
      count: 4,
      capacity: { [OLIVE.id]: () => ((oliveChecks += 1) === 1 ? permit(2) : fail("NO_PERMISSION", "permission denied", {}, 403)), [AARON.id]: permit(2) },
    });
    await open(OLIVE, AARON);
    await model.send({ notify: true, relatedModules: [] });
    expect(changes().map(({ owner }) => owner)).toEqual([AARON.id]);
    expect(model.notes.value).toEqual([{ kind: "recheckFailed", name: OLIVE.name, error: expect.objectContaining({ code: "NO_PERMISSION" }) }]);
    expect(Object.values(results(bulk)).filter((result) => result.status === "failed")).toHaveLength(2);
  });

  it("never sends a record whose lock blocks the change, and gives it the lock's reason as its result", async () => {
    const { bulk, model, changes, open } = setup({ count: 4, locked: new Set([recordId(2)]), capacity: { [OLIVE.id]: permit("none"), [AARON.id]: permit("none") } });
    await open(OLIVE, AARON);
    await model.send({ notify: true, relatedModules: [] });
    expect(changes().flatMap(({ ids }) => ids)).not.toContain(recordId(2));
    expect(results(bulk)[recordId(2)]).toEqual({ status: "skipped", reason: "locked", detail: "Contract under legal review" });
  });

  it("sends at most 500 ids per call", async () => {
    const { model, changes, open } = setup({ count: 1200, capacity: { [OLIVE.id]: permit("none"), [AARON.id]: permit("none") } });
    await open(OLIVE, AARON);
    await model.send({ notify: true, relatedModules: [] });
    expect(changes().map(({ owner, count }) => [owner, count])).toEqual([
      [OLIVE.id, 500],
      [OLIVE.id, 100],
      [AARON.id, 500],
      [AARON.id, 100],
    ]);
  });
});
