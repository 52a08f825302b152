import { describe, expect, it } from "vitest";
import type { RawAnswer } from "../../widget-src/crm/decode";
import { fail, ok, type CrmResult } from "../../widget-src/crm/result";
import { PortalsModel } from "../../widget-src/features/portals/portals-model";
import { PortalUsersModel, type UsersRun } from "../../widget-src/features/portals/users-model";
import { SessionModel } from "../../widget-src/features/session/model";
import type { UserType } from "../../widget-src/api/portals";
import { answer, noContent, restScript, type Scripted } from "../support/fake-crm";
import { IDS, createFakePort, type FakeCall } from "../support/fake-port";

const PORTAL = "acmehub";
const CUSTOMER = "5725767000000800001";
const PARTNER = "5725767000000800002";
const VENDOR = "5725767000000800003";
const pid = (n: number) => `57257670000007${String(n).padStart(5, "0")}`;

const TYPES = `/settings/portals/${PORTAL}/user_type`;
const PROFILE = `/settings/profiles/${IDS.standardProfile}`;

const rawType = (id: string, name: string, users: unknown, module = "Contacts") => ({
  id,
  name,
  personality_module: { api_name: module, id: "5725767000000002179", plural_label: module },
  active: true,
  default: id === CUSTOMER,
  no_of_users: users,
});

const profile = (managePortal: boolean) =>
  answer({
    profiles: [
      {
        id: IDS.standardProfile,
        name: "Standard",
        permissions_details: [
          { name: "Crm_Implied_Share", display_label: "Share", module: null, enabled: true },
          { name: "Crm_Implied_Manage_Portal", display_label: "Manage Portal", module: null, enabled: managePortal },
        ],
      },
    ],
  });

const typeDeleted = answer({ user_type: [{ code: "SUCCESS", status: "success", message: "Portal user type deleted successfully.", details: { id: PARTNER } }] });

function portalsSetup(routes: Record<string, Scripted[]>, options: { admin?: boolean } = {}) {
  const { rest, unexpected } = restScript({
    // The standard user's profile; an administrator's is scripted by the test that uses one.
    ...(options.admin ? {} : { [`GET ${PROFILE}`]: [profile(false)] }),
    "GET /settings/portals": [answer({ portals: [{ name: PORTAL, active: true }, { name: "otherhub", active: true }] })],
    ...routes,
  });
  const fake = createFakePort({
    rest,
    ...(options.admin
      ? {
          user: () =>
            Promise.resolve(
              ok({ users: [{ id: IDS.user, full_name: "Ada Admin", locale: "en_US", time_zone: "UTC", profile: { id: IDS.adminProfile, name: "Administrator" } }] }),
            ),
        }
      : {}),
  });
  const session = new SessionModel(fake.port);
  const model = new PortalsModel(fake.port, session);
  const calls = (method: string, path: string) => fake.calls.filter((call) => call.method === method && call.path === path);
  return { model, session, calls, unexpected, fake };
}

describe("portals model", () => {
  it("loads the portals, then the first portal's user types", async () => {
    const { model, calls } = portalsSetup({ [`GET ${TYPES}`]: [answer({ user_type: [rawType(CUSTOMER, "Customer", 3)] })] });
    await model.load();
    expect(model.portals.value).toEqual({ status: "ready", value: [{ name: PORTAL, active: true }, { name: "otherhub", active: true }] });
    expect(model.portal.value).toBe(PORTAL);
    expect(calls("GET", TYPES)).toHaveLength(1);
    expect(model.types.value.status === "ready" && model.types.value.value.map((type) => [type.name, type.users])).toEqual([["Customer", 3]]);
  });

  it("reads no user types when there is no portal", async () => {
    const { model, fake } = portalsSetup({ "GET /settings/portals": [noContent()] });
    await model.load();
    expect(model.portals.value).toEqual({ status: "ready", value: [] });
    expect(model.portal.value).toBeNull();
    expect(fake.calls.filter((call) => call.path.includes("/user_type"))).toEqual([]);
  });

  it("shows a failed portal read as an error, not as 'no portals'", async () => {
    const { model } = portalsSetup({ "GET /settings/portals": [fail("NO_PERMISSION", "permission denied", {}, 403)] });
    await model.load();
    expect(model.portals.value).toMatchObject({ status: "error", error: { code: "NO_PERMISSION" } });
  });

  it("reads the chosen portal's user types and forgets the last outcome", async () => {
    const { model, calls } = portalsSetup({
      [`GET ${TYPES}`]: [answer({ user_type: [rawType(PARTNER, "Partner", 4)] })],
      "GET /settings/portals/otherhub/user_type": [answer({ user_type: [rawType(VENDOR, "Supplier", 0, "Vendors")] })],
    });
    await model.load();
    const partner = model.types.value.status === "ready" ? model.types.value.value[0] : undefined;
    if (!partner) throw new Error("no types");
    await model.deleteType(partner);
    expect(model.outcome.value?.kind).toBe("hasUsers");
    await model.choosePortal("otherhub");
    expect(model.portal.value).toBe("otherhub");
    expect(model.outcome.value).toBeNull();
    expect(calls("GET", "/settings/portals/otherhub/user_type")).toHaveLength(1);
    expect(model.types.value.status === "ready" && model.types.value.value.map((type) => type.name)).toEqual(["Supplier"]);
  });

  it.each([
    ["has users", 4],
    ["has an unknown number of users", undefined],
  ])("refuses to delete a type that %s, without sending", async (_label, users) => {
    const { model, calls } = portalsSetup({ [`GET ${TYPES}`]: [answer({ user_type: [rawType(PARTNER, "Partner", users)] })] });
    await model.load();
    const partner = model.types.value.status === "ready" ? model.types.value.value[0] : undefined;
    if (!partner) throw new Error("no types");
    await model.deleteType(partner);
    expect(model.outcome.value).toEqual({ kind: "hasUsers", type: partner });
    expect(calls("DELETE", `${TYPES}/${PARTNER}`)).toHaveLength(0);
  });

  it("deletes a type without users, then reads the types again", async () => {
    const { model, calls } = portalsSetup({
      [`GET ${TYPES}`]: [answer({ user_type: [rawType(CUSTOMER, "Customer", 2), rawType(PARTNER, "Partner", 0)] }), answer({ user_type: [rawType(CUSTOMER, "Customer", 2)] })],
      [`DELETE ${TYPES}/${PARTNER}`]: [typeDeleted],
    });
    await model.load();
    const partner = model.types.value.status === "ready" ? model.types.value.value[1] : undefined;
    if (!partner) throw new Error("no types");
    await model.deleteType(partner);
    expect(calls("DELETE", `${TYPES}/${PARTNER}`)).toHaveLength(1);
    expect(calls("GET", TYPES)).toHaveLength(2);
    expect(model.outcome.value).toEqual({ kind: "deleted", name: "Partner" });
    expect(model.types.value.status === "ready" && model.types.value.value.map((type) => type.id)).toEqual([CUSTOMER]);
    expect(model.busy.value).toBe(false);
  });

  it("reports a refused delete with the CRM's error", async () => {
    const { model } = portalsSetup({
      [`GET ${TYPES}`]: [answer({ user_type: [rawType(PARTNER, "Partner", 0)] })],
      [`DELETE ${TYPES}/${PARTNER}`]: [fail("INVALID_DATA", "the user type has users", {}, 400)],
    });
    await model.load();
    const partner = model.types.value.status === "ready" ? model.types.value.value[0] : undefined;
    if (!partner) throw new Error("no types");
    await model.deleteType(partner);
    expect(model.outcome.value).toMatchObject({ kind: "failed", error: { code: "INVALID_DATA" } });
    expect(model.busy.value).toBe(false);
  });

  it.each([
    [true, true],
    [false, false],
  ])("may manage portals when Crm_Implied_Manage_Portal is enabled=%s", async (enabled, expected) => {
    const { model, session } = portalsSetup({ [`GET ${PROFILE}`]: [profile(enabled)], [`GET ${TYPES}`]: [answer({ user_type: [] })] });
    expect(model.canManage.value.status).toBe("loading");
    await model.load();
    await session.loadPermissions();
    expect(model.canManage.value).toEqual({ status: "ready", value: expected });
  });

  it("lets administrators manage portals even when their profile cannot be read", async () => {
    const { model, session } = portalsSetup(
      { [`GET /settings/profiles/${IDS.adminProfile}`]: [fail("NO_PERMISSION", "", {}, 403)], [`GET ${TYPES}`]: [answer({ user_type: [] })] },
      { admin: true },
    );
    await model.load();
    await session.loadPermissions();
    expect(session.permissions.value.status).toBe("error");
    expect(model.canManage.value).toEqual({ status: "ready", value: true });
  });

  it("does not claim a standard user may manage portals when the profile cannot be read", async () => {
    const { model, session } = portalsSetup({ [`GET ${PROFILE}`]: [fail("NO_PERMISSION", "", {}, 403)], [`GET ${TYPES}`]: [answer({ user_type: [] })] });
    await model.load();
    await session.loadPermissions();
    expect(model.canManage.value.status).toBe("error");
  });
});

describe("portals model: the screens and the one result", () => {
  const RESELLER = "5725767000000800004";
  const typesOf = (model: InstanceType<typeof PortalsModel>) => model.typeList.value;
  const byName = (model: InstanceType<typeof PortalsModel>, name: string) => {
    const found = typesOf(model).find((type) => type.name === name);
    if (!found) throw new Error(`no type ${name}`);
    return found;
  };
  const four = () => answer({ user_type: [rawType(CUSTOMER, "Customer", 3), rawType(PARTNER, "Partner", 4), rawType(VENDOR, "Supplier", 0, "Accounts"), rawType(RESELLER, "Reseller", 0)] });

  it("shows one result at a time: a delete after a save replaces the saved message", async () => {
    const { model, calls } = portalsSetup({
      [`GET ${TYPES}`]: [four(), four(), answer({ user_type: [rawType(CUSTOMER, "Customer", 3), rawType(PARTNER, "Partner", 4), rawType(VENDOR, "Supplier", 0, "Accounts")] })],
      [`DELETE ${TYPES}/${RESELLER}`]: [typeDeleted],
    });
    await model.load();
    model.openEditor(null);
    expect(model.screen.value).toEqual({ kind: "editor", type: null });
    await model.closeEditor("Reseller");
    expect(model.screen.value).toEqual({ kind: "types" });
    expect(model.outcome.value).toEqual({ kind: "saved", name: "Reseller" });
    expect(calls("GET", TYPES)).toHaveLength(2);
    model.askDelete(byName(model, "Reseller"));
    expect(model.confirming.value?.id).toBe(RESELLER);
    await model.confirmDelete();
    expect(model.confirming.value).toBeNull();
    expect(model.outcome.value).toEqual({ kind: "deleted", name: "Reseller" });
  });

  it("forgets the last result when the editor closes without a save", async () => {
    const { model } = portalsSetup({ [`GET ${TYPES}`]: [four(), four()] });
    await model.load();
    model.askDelete(byName(model, "Partner"));
    expect(model.outcome.value?.kind).toBe("hasUsers");
    model.openEditor(byName(model, "Customer"));
    await model.closeEditor(null);
    expect(model.outcome.value).toBeNull();
  });

  it("asks before deleting a type without users, and says why not (without asking) for one with users", async () => {
    const { model, calls } = portalsSetup({ [`GET ${TYPES}`]: [four()] });
    await model.load();
    model.askDelete(byName(model, "Partner"));
    expect(model.confirming.value).toBeNull();
    expect(model.outcome.value).toMatchObject({ kind: "hasUsers", type: { id: PARTNER } });
    model.askDelete(byName(model, "Reseller"));
    expect(model.confirming.value?.id).toBe(RESELLER);
    model.cancelDelete();
    expect(model.confirming.value).toBeNull();
    await model.confirmDelete();
    expect(calls("DELETE", `${TYPES}/${RESELLER}`)).toHaveLength(0);
  });

  it("offers as move targets only the other types of the same module", async () => {
    const { model } = portalsSetup({ [`GET ${TYPES}`]: [four()] });
    await model.load();
    expect(model.moveTargets.value).toEqual([]);
    model.openUsers(byName(model, "Partner"), true);
    expect(model.screen.value).toMatchObject({ kind: "users", moveAll: true, type: { id: PARTNER } });
    expect(model.moveTargets.value.map((type) => type.name)).toEqual(["Customer", "Reseller"]);
    model.openUsers(byName(model, "Supplier"), false);
    expect(model.moveTargets.value).toEqual([]);
  });

  it("back from a type's users reads the types again and drops the notice about them", async () => {
    const { model, calls } = portalsSetup({ [`GET ${TYPES}`]: [four(), four()] });
    await model.load();
    model.askDelete(byName(model, "Partner"));
    model.openUsers(byName(model, "Partner"), true);
    await model.closeUsers();
    expect(model.screen.value).toEqual({ kind: "types" });
    expect(model.outcome.value).toBeNull();
    expect(calls("GET", TYPES)).toHaveLength(2);
  });

  it("counts the types against the limit of 5; a new one cannot be opened at the limit", async () => {
    const five = answer({ user_type: ["1", "2", "3", "4", "5"].map((n) => rawType(`572576700000080000${n}`, `Type ${n}`, 0)) });
    const { model } = portalsSetup({ [`GET ${TYPES}`]: [four()], "GET /settings/portals/otherhub/user_type": [five] });
    await model.load();
    expect(model.atLimit.value).toBe(false);
    await model.choosePortal("otherhub");
    expect(model.typeList.value).toHaveLength(5);
    expect(model.atLimit.value).toBe(true);
    model.openEditor(null);
    expect(model.screen.value).toEqual({ kind: "types" });
    model.openEditor(byName(model, "Type 2"));
    expect(model.screen.value).toMatchObject({ kind: "editor", type: { name: "Type 2" } });
  });

  it("is settled once the portals, the types and the permission are read", async () => {
    const { model, session } = portalsSetup({ [`GET ${TYPES}`]: [four()] });
    expect(model.settled.value).toBe(false);
    const loading = model.load();
    expect(model.settled.value).toBe(false);
    await loading;
    await session.loadPermissions();
    expect(model.settled.value).toBe(true);
  });

  it("is settled with no portal at all", async () => {
    const { model, session } = portalsSetup({ "GET /settings/portals": [noContent()] });
    await model.load();
    await session.loadPermissions();
    expect(model.settled.value).toBe(true);
  });
});

/* ---------- users of a type ---------- */

interface PortalUserFixture {
  id: string;
  name: string;
  active: boolean;
}

/** An in-memory portal: the users of one type, pages of 50, transfer and delete that succeed unless told. */
function portalCrm(
  count: number,
  options: { failIds?: Set<string>; transferAnswer?: (ids: string[]) => CrmResult<RawAnswer> | undefined; targets?: UserType[] } = {},
) {
  const users: PortalUserFixture[] = Array.from({ length: count }, (_, i) => ({ id: pid(i + 1), name: `Person ${i + 1}`, active: i % 5 !== 4 }));
  const usersPath = `${TYPES}/${CUSTOMER}/users`;
  let onCall: (call: FakeCall) => void = () => undefined;
  const rest = async (call: FakeCall): Promise<CrmResult<RawAnswer>> => {
    onCall(call);
    const query = call.options.query ?? {};
    if (call.method === "GET" && call.path === usersPath) {
      const type = query.type;
      const matching = users.filter((user) => type === "AllUsers" || (type === "ActiveUsers" && user.active) || (type === "DeactiveUsers" && !user.active));
      const page = Number(query.page);
      const perPage = Number(query.per_page);
      const slice = matching.slice((page - 1) * perPage, page * perPage);
      if (slice.length === 0) return ok({ status: 204, body: undefined });
      return ok({
        status: 200,
        body: {
          users: slice.map((user) => ({ personality_id: user.id, name: user.name, email: `${user.id}@example.com`, active: user.active, confirm: true })),
          info: { per_page: perPage, count: slice.length, page, more_records: page * perPage < matching.length, total_count: matching.length },
        },
      });
    }
    const writeItems = (ids: string[], message: string) =>
      ids.map((userId) =>
        options.failIds?.has(userId)
          ? { code: "INVALID_DATA", status: "error", message: "the personality is not in this user type", details: { personality_id: userId } }
          : { code: "SUCCESS", status: "success", message, details: { personality_id: userId } },
      );
    if (call.method === "POST" && call.path === `${usersPath}/action/transfer`) {
      const ids = String(query.personality_ids).split(",");
      const scripted = options.transferAnswer?.(ids);
      if (scripted) return scripted;
      return ok({ status: 200, body: { users: writeItems(ids, "User has been transferred successfully") } });
    }
    if (call.method === "DELETE" && call.path === usersPath) {
      const ids = String(query.personality_ids).split(",");
      return ok({ status: 200, body: { users: writeItems(ids, "Portal user deleted successfully.") } });
    }
    const change = call.path.match(/\/users\/(\d+)\/actions\/change_status$/);
    if (call.method === "PUT" && change) {
      const user = users.find((candidate) => candidate.id === change[1]);
      if (!user) return fail("INVALID_DATA", "no such user", {}, 400);
      if (user.active === (query.active === "true")) return fail("ALREADY_ACTIVATED", "already", {}, 400);
      user.active = query.active === "true";
      return ok({ status: 200, body: { change_status: [{ code: "SUCCESS", status: "success", message: "Status of the user changed successfully.", details: { personality_id: user.id } }] } });
    }
    return fail("UNSCRIPTED", `${call.method} ${call.path}`);
  };
  const fake = createFakePort({ rest });
  const model = new PortalUsersModel(fake.port, PORTAL, CUSTOMER, options.targets);
  const calls = (method: string, suffix: string) => fake.calls.filter((call) => call.method === method && call.path.endsWith(suffix));
  const idsOf = (call: FakeCall | undefined) => String(call?.options.query?.personality_ids).split(",");
  return { model, fake, users, calls, idsOf, onCall: (listener: (call: FakeCall) => void) => void (onCall = listener) };
}

const shownIds = (model: InstanceType<typeof PortalUsersModel>) =>
  model.users.value.status === "ready" ? model.users.value.value.users.map((user) => user.personalityId) : [];

describe("portal users model", () => {
  it("reads the first page of all users", async () => {
    const { model, calls } = portalCrm(60);
    await model.load();
    expect(calls("GET", "/users")[0]?.options.query).toEqual({ type: "AllUsers", page: "1", per_page: "50" });
    expect(shownIds(model)).toHaveLength(50);
    expect(model.users.value.status === "ready" && model.users.value.value.more).toBe(true);
  });

  it("pages forward and back, never below page 1", async () => {
    const { model, calls } = portalCrm(60);
    await model.load();
    await model.goToPage(2);
    expect(model.page.value).toBe(2);
    expect(shownIds(model)).toEqual(Array.from({ length: 10 }, (_, i) => pid(51 + i)));
    await model.goToPage(0);
    expect(model.page.value).toBe(2);
    expect(calls("GET", "/users")).toHaveLength(2);
  });

  it("a new status filter starts at page 1 with nothing selected", async () => {
    const { model, calls } = portalCrm(60);
    await model.load();
    await model.goToPage(2);
    model.toggle(pid(51), true);
    await model.setStatus("DeactiveUsers");
    expect(model.page.value).toBe(1);
    expect(model.selected.value.size).toBe(0);
    expect(calls("GET", "/users").at(-1)?.options.query).toMatchObject({ type: "DeactiveUsers", page: "1" });
    expect(shownIds(model)).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60].map(pid));
  });

  it("toggles users in and out of the selection, across pages", async () => {
    const { model } = portalCrm(60);
    await model.load();
    model.toggle(pid(1), true);
    model.toggle(pid(2), true);
    await model.goToPage(2);
    model.toggle(pid(55), true);
    model.toggle(pid(1), false);
    expect([...model.selected.value].sort()).toEqual([pid(2), pid(55)]);
  });

  it("deactivates one user with PUT change_status active=false, then reads the page again", async () => {
    const { model, calls } = portalCrm(3);
    await model.load();
    await model.setActive(pid(1), false);
    const put = calls("PUT", `/users/${pid(1)}/actions/change_status`);
    expect(put).toHaveLength(1);
    expect(put[0]?.options.query).toEqual({ active: "false" });
    expect(model.statusChange.value).toMatchObject({ personalityId: pid(1), active: false, error: null });
    expect(model.statusChange.value?.name).not.toBe(pid(1));
    expect(calls("GET", "/users")).toHaveLength(2);
    expect(model.users.value.status === "ready" && model.users.value.value.users[0]?.active).toBe(false);
  });

  it("keeps a refused status change beside the user", async () => {
    const { model } = portalCrm(3);
    await model.load();
    await model.setActive(pid(1), true);
    expect(model.statusChange.value).toMatchObject({ personalityId: pid(1), error: { code: "ALREADY_ACTIVATED" } });
  });

  it("selects every user of the type across pages", async () => {
    const { model, calls } = portalCrm(120);
    await model.load();
    expect(await model.selectAll()).toBeNull();
    expect(model.selected.value.size).toBe(120);
    expect(calls("GET", "/users").slice(1).map((call) => call.options.query)).toEqual(
      [1, 2, 3].map((page) => ({ type: "AllUsers", page: String(page), per_page: "50" })),
    );
  });

  it("keeps the selection when a page cannot be read during select-all", async () => {
    const { model, fake } = portalCrm(120);
    await model.load();
    model.toggle(pid(7), true);
    // Page 2 fails: the CRM answers 403 instead.
    const original = fake.port.request.bind(fake.port);
    fake.port.request = (method, path, options) =>
      options?.query?.page === "2" ? Promise.resolve(fail("NO_PERMISSION", "", {}, 403)) : original(method, path, options);
    const error = await model.selectAll();
    expect(error).toMatchObject({ code: "NO_PERMISSION" });
    expect([...model.selected.value]).toEqual([pid(7)]);
  });

  it("moves 450 selected users in calls of 200, 200 and 50, counting progress", async () => {
    const { model, calls, idsOf, onCall } = portalCrm(450);
    await model.load();
    await model.selectAll();
    const progress: (UsersRun | null)[] = [];
    onCall((call) => {
      if (call.method === "POST") progress.push(model.run.peek());
    });
    await model.transfer(PARTNER);
    const posts = calls("POST", "/users/action/transfer");
    expect(posts.map((call) => idsOf(call).length)).toEqual([200, 200, 50]);
    expect(posts.every((call) => call.options.query?.transfer_To === PARTNER)).toBe(true);
    expect(new Set(posts.flatMap(idsOf)).size).toBe(450);
    expect(progress).toEqual([
      { action: "transfer", done: 0, total: 450 },
      { action: "transfer", done: 200, total: 450 },
      { action: "transfer", done: 400, total: 450 },
    ]);
    expect(model.run.value).toBeNull();
    expect(model.busy.value).toBe(false);
    const results = model.results.value;
    expect(results?.action).toBe("transfer");
    expect(results?.byUser.size).toBe(450);
    expect([...(results?.byUser.values() ?? [])].every((result) => result.status === "done")).toBe(true);
    expect(model.selected.value.size).toBe(0);
  });

  it("deletes 600 selected users in calls of 499 and 101", async () => {
    const { model, calls, idsOf } = portalCrm(600);
    await model.load();
    await model.selectAll();
    await model.remove();
    expect(calls("DELETE", "/users").map((call) => idsOf(call).length)).toEqual([499, 101]);
    expect(model.results.value?.action).toBe("delete");
    expect(model.results.value?.byUser.size).toBe(600);
  });

  it("keeps failures selected with their error; successes leave the selection; the page is read again", async () => {
    const { model, calls } = portalCrm(5, { failIds: new Set([pid(2), pid(4)]) });
    await model.load();
    for (const n of [1, 2, 3, 4]) model.toggle(pid(n), true);
    await model.remove();
    const byUser = model.results.value?.byUser;
    expect(byUser?.get(pid(1))).toEqual({ status: "done" });
    expect(byUser?.get(pid(2))).toMatchObject({ status: "failed", error: { code: "INVALID_DATA" } });
    expect(byUser?.get(pid(3))).toEqual({ status: "done" });
    expect([...model.selected.value].sort()).toEqual([pid(2), pid(4)]);
    expect(calls("GET", "/users")).toHaveLength(2);
  });

  it("names each user in the results", async () => {
    const { model } = portalCrm(3);
    await model.load();
    model.toggle(pid(1), true);
    model.toggle(pid(3), true);
    await model.transfer(PARTNER);
    expect(model.results.value?.names.get(pid(1))).toBe("Person 1");
    expect(model.results.value?.names.get(pid(3))).toBe("Person 3");
  });

  it("names users selected on other pages in the results too", async () => {
    const { model } = portalCrm(120);
    await model.load();
    await model.selectAll();
    await model.transfer(PARTNER);
    const names = model.results.value?.names;
    expect(names?.get(pid(1))).toBe("Person 1");
    // Selected by select-all on page 3, never shown on the current page.
    expect(names?.get(pid(110))).toBe("Person 110");
  });

  it("fails every user of a chunk the CRM refused as a whole, and goes on with the next chunk", async () => {
    let post = 0;
    const { model } = portalCrm(250, {
      transferAnswer: () => ((post += 1) === 1 ? fail("LICENSE_LIMIT_EXCEEDED", "limit", {}, 403) : undefined),
    });
    await model.load();
    await model.selectAll();
    await model.transfer(PARTNER);
    const byUser = model.results.value?.byUser;
    expect(byUser?.get(pid(1))).toMatchObject({ status: "failed", error: { code: "LICENSE_LIMIT_EXCEEDED" } });
    expect(byUser?.get(pid(250))).toEqual({ status: "done" });
    expect(model.selected.value.size).toBe(200);
  });

  it("counts an answer that is missing users as failures for them", async () => {
    const { model } = portalCrm(3, {
      transferAnswer: (ids) =>
        ok({ status: 200, body: { users: [{ code: "SUCCESS", status: "success", message: "User has been transferred successfully", details: { personality_id: ids[0] } }] } }),
    });
    await model.load();
    for (const n of [1, 2, 3]) model.toggle(pid(n), true);
    await model.transfer(PARTNER);
    const byUser = model.results.value?.byUser;
    expect(byUser?.get(pid(1))).toEqual({ status: "done" });
    expect(byUser?.get(pid(2))?.status).toBe("failed");
    expect(byUser?.get(pid(3))?.status).toBe("failed");
    expect([...model.selected.value].sort()).toEqual([pid(2), pid(3)]);
  });

  it("marks users scheduled when the CRM announces a background job", async () => {
    const { model } = portalCrm(3, {
      transferAnswer: () => ok({ status: 202, body: { users: [{ code: "SUCCESS", status: "success", message: "Transfer scheduled as a background job", details: {} }] } }),
    });
    await model.load();
    for (const n of [1, 2, 3]) model.toggle(pid(n), true);
    await model.transfer(PARTNER);
    expect([...(model.results.value?.byUser.values() ?? [])]).toEqual([{ status: "scheduled" }, { status: "scheduled" }, { status: "scheduled" }]);
    expect(model.selected.value.size).toBe(0);
  });

  it("refuses a second run or a status change while a run is under way", async () => {
    const { model, calls, fake } = portalCrm(3);
    await model.load();
    for (const n of [1, 2]) model.toggle(pid(n), true);
    // Hold the transfer's answer until the other attempts were made.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const original = fake.port.request.bind(fake.port);
    fake.port.request = async (method, path, options) => {
      const result = original(method, path, options);
      if (method === "POST") await held;
      return result;
    };
    const moving = model.transfer(PARTNER);
    expect(model.busy.value).toBe(true);
    await model.remove();
    await model.setActive(pid(3), false);
    release();
    await moving;
    expect(calls("POST", "/users/action/transfer")).toHaveLength(1);
    expect(calls("DELETE", "/users")).toHaveLength(0);
    expect(calls("PUT", "/actions/change_status")).toHaveLength(0);
    expect(model.results.value?.action).toBe("transfer");
  });

  it("sends nothing when nobody is selected", async () => {
    const { model, calls } = portalCrm(3);
    await model.load();
    await model.transfer(PARTNER);
    await model.remove();
    expect(calls("POST", "/users/action/transfer")).toHaveLength(0);
    expect(calls("DELETE", "/users")).toHaveLength(0);
    expect(model.results.value).toBeNull();
  });

  it("reports a finished run counted, with each user named and their result", async () => {
    const { model } = portalCrm(4, { failIds: new Set([pid(3)]) });
    await model.load();
    for (const n of [1, 2, 3]) model.toggle(pid(n), true);
    expect(model.report.value).toBeNull();
    await model.remove();
    expect(model.report.value).toMatchObject({ action: "delete", done: 2, failed: 1, scheduled: false });
    expect(model.report.value?.entries.map((entry) => [entry.name, entry.result.status])).toEqual([
      ["Person 1", "done"],
      ["Person 2", "done"],
      ["Person 3", "failed"],
    ]);
  });

  it("shows one result at a time: a status change drops the run's report, a run drops the status change", async () => {
    const { model } = portalCrm(5);
    await model.load();
    model.toggle(pid(1), true);
    await model.remove();
    expect(model.report.value?.action).toBe("delete");
    await model.setActive(pid(2), false);
    expect(model.statusChange.value).toMatchObject({ personalityId: pid(2), active: false });
    expect(model.report.value).toBeNull();
    model.toggle(pid(3), true);
    await model.transfer(PARTNER);
    expect(model.report.value?.action).toBe("transfer");
    expect(model.statusChange.value).toBeNull();
  });

  it("counts the selection and knows whether there is a page before or after", async () => {
    const { model } = portalCrm(60);
    expect(model.hasNext.value).toBe(false);
    await model.load();
    expect([model.hasPrevious.value, model.hasNext.value]).toEqual([false, true]);
    model.toggle(pid(1), true);
    model.toggle(pid(2), true);
    expect(model.selectedCount.value).toBe(2);
    await model.goToPage(2);
    expect([model.hasPrevious.value, model.hasNext.value]).toEqual([true, false]);
  });

  it("opened to move everyone, reads the first page and selects every user, saying when it has settled", async () => {
    const { model } = portalCrm(120);
    expect(model.settled.value).toBe(false);
    const starting = model.start(true);
    expect(model.selecting.value).toBe(true);
    await starting;
    expect(model.selecting.value).toBe(false);
    expect(model.selectedCount.value).toBe(120);
    expect(model.selectError.value).toBeNull();
    expect(model.settled.value).toBe(true);
  });

  it("opened normally, selects no one", async () => {
    const { model, calls } = portalCrm(120);
    await model.start(false);
    expect(model.selectedCount.value).toBe(0);
    expect(calls("GET", "/users")).toHaveLength(1);
  });

  it("asks before removing only when someone is selected; cancelling or removing closes the question", async () => {
    const { model, calls } = portalCrm(3);
    await model.load();
    model.askRemove();
    expect(model.confirmingRemove.value).toBe(false);
    model.toggle(pid(1), true);
    model.askRemove();
    expect(model.confirmingRemove.value).toBe(true);
    model.cancelRemove();
    expect(model.confirmingRemove.value).toBe(false);
    expect(calls("DELETE", "/users")).toHaveLength(0);
    model.askRemove();
    await model.remove();
    expect(model.confirmingRemove.value).toBe(false);
    expect(calls("DELETE", "/users")).toHaveLength(1);
  });

  it("moves to the first target unless another is chosen, and sends nothing without a target", async () => {
    const target = (id: string, name: string): UserType => ({ id, name, personalityModule: { apiName: "Contacts", label: "Contacts" }, active: true, isDefault: false, users: 0 });
    const { model, calls } = portalCrm(3, { targets: [target(PARTNER, "Partner"), target(VENDOR, "Reseller")] });
    await model.load();
    expect(model.target.value).toBe(PARTNER);
    model.toggle(pid(1), true);
    model.chooseTarget(VENDOR);
    await model.transfer();
    expect(calls("POST", "/users/action/transfer").map((call) => call.options.query?.transfer_To)).toEqual([VENDOR]);

    const alone = portalCrm(3);
    await alone.model.load();
    expect(alone.model.target.value).toBe("");
    alone.model.toggle(pid(1), true);
    await alone.model.transfer();
    expect(alone.calls("POST", "/users/action/transfer")).toHaveLength(0);
  });
});
