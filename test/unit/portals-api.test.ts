import { describe, expect, it } from "vitest";
import { decodeItemOutcomes } from "../../widget-src/api/items";
import {
  MAX_DELETE_IDS,
  MAX_TRANSFER_IDS,
  changeStatusRequest,
  decodePortalUsers,
  decodePortals,
  decodeUserOutcomes,
  decodeUserTypes,
  deleteUserTypeRequest,
  deleteUsersRequest,
  listPortalUsersRequest,
  listPortalsRequest,
  listUserTypesRequest,
  transferRequest,
} from "../../widget-src/api/portals";
import { LOCAL_CODES, fail, ok } from "../../widget-src/crm/result";

const PORTAL = "acmehub";
const TYPE = "5725767000000800001";
const TARGET = "5725767000000800002";
const pid = (n: number) => `57257670000007${String(n).padStart(5, "0")}`;
const ids = (count: number) => Array.from({ length: count }, (_, i) => pid(i + 1));

const answer = (body: unknown, status = 200) => ok({ status, body });
const noContent = ok({ status: 204, body: undefined });
const item = (code: string, message: string, details: Record<string, unknown> = {}) => ({
  code,
  status: code === "SUCCESS" ? "success" : "error",
  message,
  details,
});

describe("portal request builders", () => {
  it("lists portals and the user types of a portal by its name", () => {
    expect(listPortalsRequest()).toEqual({ method: "GET", path: "/settings/portals" });
    expect(listUserTypesRequest(PORTAL)).toEqual({ method: "GET", path: "/settings/portals/acmehub/user_type" });
  });

  it("escapes the portal name so it cannot change the path", () => {
    expect(listUserTypesRequest("a/b c").path).toBe("/settings/portals/a%2Fb%20c/user_type");
    expect(deleteUsersRequest("a/b", TYPE, [pid(1)]).path).toBe(`/settings/portals/a%2Fb/user_type/${TYPE}/users`);
  });

  it("deletes one user type by id", () => {
    expect(deleteUserTypeRequest(PORTAL, TYPE)).toEqual({ method: "DELETE", path: `/settings/portals/acmehub/user_type/${TYPE}` });
  });

  it("asks for one page of users with the mandatory type filter", () => {
    expect(listPortalUsersRequest(PORTAL, TYPE, "DeactiveUsers", 3)).toEqual({
      method: "GET",
      path: `/settings/portals/acmehub/user_type/${TYPE}/users`,
      query: { type: "DeactiveUsers", page: "3", per_page: "50" },
    });
  });

  it("changes a user's status with PUT …/actions/change_status and active in the query", () => {
    expect(changeStatusRequest(PORTAL, TYPE, pid(1), false)).toEqual({
      method: "PUT",
      path: `/settings/portals/acmehub/user_type/${TYPE}/users/${pid(1)}/actions/change_status`,
      query: { active: "false" },
    });
    expect(changeStatusRequest(PORTAL, TYPE, pid(1), true).query).toEqual({ active: "true" });
  });

  it("transfers with transfer_To (capital T) and personality_ids in the query, singular action, no body", () => {
    const request = transferRequest(PORTAL, TYPE, TARGET, [pid(1), pid(2)]);
    expect(request).toEqual({
      method: "POST",
      path: `/settings/portals/acmehub/user_type/${TYPE}/users/action/transfer`,
      query: { transfer_To: TARGET, personality_ids: `${pid(1)},${pid(2)}` },
    });
    expect(request.body).toBeUndefined();
    expect(request.query).not.toHaveProperty("transfer_to");
  });

  it("transfers at most 200 users per call", () => {
    expect(MAX_TRANSFER_IDS).toBe(200);
    expect(transferRequest(PORTAL, TYPE, TARGET, ids(200)).query?.personality_ids?.split(",")).toHaveLength(200);
    expect(() => transferRequest(PORTAL, TYPE, TARGET, ids(201))).toThrow(/200/);
  });

  it("deletes users with personality_ids in the query", () => {
    expect(deleteUsersRequest(PORTAL, TYPE, [pid(1), pid(2)])).toEqual({
      method: "DELETE",
      path: `/settings/portals/acmehub/user_type/${TYPE}/users`,
      query: { personality_ids: `${pid(1)},${pid(2)}` },
    });
  });

  it("deletes at most 499 users per call (500 would schedule a job)", () => {
    expect(MAX_DELETE_IDS).toBe(499);
    expect(deleteUsersRequest(PORTAL, TYPE, ids(499)).query?.personality_ids?.split(",")).toHaveLength(499);
    expect(() => deleteUsersRequest(PORTAL, TYPE, ids(500))).toThrow(/499/);
  });
});

describe("decodePortals", () => {
  it("reads name and active, an absent active meaning active", () => {
    const decoded = decodePortals(
      answer({
        portals: [
          { name: "acmehub", zaid: "70001", active: true, created_time: "2026-01-01T10:00:00+00:00" },
          { name: "oldhub", active: false },
          { name: "newhub" },
        ],
      }),
    );
    expect(decoded).toEqual(
      ok([
        { name: "acmehub", active: true },
        { name: "oldhub", active: false },
        { name: "newhub", active: true },
      ]),
    );
  });

  it("reads 204 as no portals", () => {
    expect(decodePortals(noContent)).toEqual(ok([]));
  });

  it("refuses a portal without a name and an answer without the list", () => {
    const nameless = decodePortals(answer({ portals: [{ name: "acmehub" }, { active: true }] }));
    expect(!nameless.ok && nameless.error.code).toBe(LOCAL_CODES.unreadable);
    const wrong = decodePortals(answer({ data: [] }));
    expect(!wrong.ok && wrong.error.code).toBe(LOCAL_CODES.unreadable);
  });

  it("passes a failed read through", () => {
    expect(decodePortals(fail("NO_PERMISSION", "permission denied", {}, 403))).toEqual(fail("NO_PERMISSION", "permission denied", {}, 403));
  });
});

describe("decodeUserTypes", () => {
  const type = (overrides: Record<string, unknown> = {}) => ({
    id: TYPE,
    name: "Customer",
    personality_module: { api_name: "Contacts", id: "5725767000000002179", plural_label: "Contacts" },
    active: true,
    default: true,
    no_of_users: 3,
    modules: [],
    ...overrides,
  });

  it("reads id, name, module, active, default and the number of users", () => {
    expect(decodeUserTypes(answer({ user_type: [type(), type({ id: TARGET, name: "Vendor", personality_module: { api_name: "Vendors", plural_label: "Suppliers" }, active: false, default: false, no_of_users: 0 })] }))).toEqual(
      ok([
        { id: TYPE, name: "Customer", personalityModule: { apiName: "Contacts", label: "Contacts" }, active: true, isDefault: true, users: 3 },
        { id: TARGET, name: "Vendor", personalityModule: { apiName: "Vendors", label: "Suppliers" }, active: false, isDefault: false, users: 0 },
      ]),
    );
  });

  it("falls back to the module's api name when there is no label", () => {
    const decoded = decodeUserTypes(answer({ user_type: [type({ personality_module: { api_name: "Accounts" } })] }));
    expect(decoded.ok && decoded.value[0]?.personalityModule).toEqual({ apiName: "Accounts", label: "Accounts" });
  });

  it.each([
    ["missing", undefined],
    ["null", null],
    ["a string", "3"],
    ["infinite", Number.POSITIVE_INFINITY],
  ])("reads an unreadable number of users (%s) as NaN, never 0", (_label, value) => {
    const decoded = decodeUserTypes(answer({ user_type: [type({ no_of_users: value })] }));
    expect(decoded.ok).toBe(true);
    const users = decoded.ok ? decoded.value[0]?.users : 0;
    expect(users).not.toBe(0);
    expect(Number.isNaN(users)).toBe(true);
  });

  it("keeps a real 0", () => {
    const decoded = decodeUserTypes(answer({ user_type: [type({ no_of_users: 0 })] }));
    expect(decoded.ok && decoded.value[0]?.users).toBe(0);
  });

  it("refuses a type whose id is a number (digits may be lost) or is missing", () => {
    for (const broken of [type({ id: 5725767000000800001 }), type({ id: undefined }), type({ name: "" })]) {
      const decoded = decodeUserTypes(answer({ user_type: [broken] }));
      expect(!decoded.ok && decoded.error.code).toBe(LOCAL_CODES.unreadable);
    }
  });

  it("reads 204 as none and a body without the list as unreadable", () => {
    expect(decodeUserTypes(noContent)).toEqual(ok([]));
    const decoded = decodeUserTypes(answer({ user_types: [type()] }));
    expect(!decoded.ok && decoded.error.code).toBe(LOCAL_CODES.unreadable);
  });
});

describe("decodePortalUsers", () => {
  const user = (n: number, overrides: Record<string, unknown> = {}) => ({
    personality_id: pid(n),
    name: `Person ${n}`,
    email: `person${n}@example.com`,
    module: "Contacts",
    active: true,
    confirm: true,
    invited_time: "2026-02-01T09:00:00+00:00",
    status_reason__s: null,
    ...overrides,
  });

  it("reads users, more_records and total_count", () => {
    const decoded = decodePortalUsers(
      answer({
        users: [user(1), user(2, { active: false, confirm: false, status_reason__s: "disabled on updation of email", invited_time: null })],
        info: { per_page: 50, count: 2, page: 1, more_records: true, total_count: 120 },
      }),
    );
    expect(decoded).toEqual(
      ok({
        users: [
          { personalityId: pid(1), name: "Person 1", email: "person1@example.com", active: true, confirmed: true, invitedTime: "2026-02-01T09:00:00+00:00" },
          { personalityId: pid(2), name: "Person 2", email: "person2@example.com", active: false, confirmed: false, statusReason: "disabled on updation of email" },
        ],
        more: true,
        total: 120,
      }),
    );
  });

  it("has no more pages and no total when info says nothing", () => {
    const decoded = decodePortalUsers(answer({ users: [user(1)] }));
    expect(decoded.ok && [decoded.value.more, decoded.value.total]).toEqual([false, undefined]);
    const notTrue = decodePortalUsers(answer({ users: [user(1)], info: { more_records: "true", total_count: "9" } }));
    expect(notTrue.ok && [notTrue.value.more, notTrue.value.total]).toEqual([false, undefined]);
  });

  it("names a user by e-mail, then by id, when the name is missing", () => {
    const decoded = decodePortalUsers(answer({ users: [user(1, { name: "" }), user(2, { name: null, email: null })] }));
    expect(decoded.ok && decoded.value.users.map((u) => u.name)).toEqual(["person1@example.com", pid(2)]);
  });

  it("reads 204 as an empty page", () => {
    expect(decodePortalUsers(noContent)).toEqual(ok({ users: [], more: false }));
  });

  it("refuses a user without a string personality id", () => {
    const decoded = decodePortalUsers(answer({ users: [user(1), user(2, { personality_id: 5725767000000700002 })] }));
    expect(!decoded.ok && decoded.error.code).toBe(LOCAL_CODES.unreadable);
  });

  it("passes a failed read through", () => {
    const decoded = decodePortalUsers(fail("PATTERN_NOT_MATCHED", "bad type", {}, 400));
    expect(!decoded.ok && decoded.error.code).toBe("PATTERN_NOT_MATCHED");
  });
});

describe("decodeItemOutcomes (shared with bulk change owner)", () => {
  it("takes each item's id from details when it names one", () => {
    const decoded = decodeItemOutcomes(
      answer({ data: [item("SUCCESS", "updated", { id: pid(2) }), item("SUCCESS", "updated", { id: pid(1) })] }),
      "data",
      "id",
      [pid(1), pid(2)],
    );
    expect(decoded.ok && Object.fromEntries(decoded.value.byId)).toEqual({ [pid(1)]: { ok: true }, [pid(2)]: { ok: true } });
  });

  it("falls back to request order when an item names no id", () => {
    const decoded = decodeItemOutcomes(
      answer({ data: [item("SUCCESS", "updated"), item("INVALID_DATA", "the id given seems to be invalid")] }, 200),
      "data",
      "id",
      [pid(1), pid(2)],
    );
    expect(decoded.ok && decoded.value.byId.get(pid(1))).toEqual({ ok: true });
    expect(decoded.ok && decoded.value.byId.get(pid(2))).toMatchObject({ ok: false, error: { code: "INVALID_DATA", status: 200 } });
  });

  it("counts an id the answer says nothing about as failed, never done", () => {
    const decoded = decodeItemOutcomes(answer({ data: [item("SUCCESS", "updated", { id: pid(1) })] }), "data", "id", [pid(1), pid(2), pid(3)]);
    expect(decoded.ok && decoded.value.byId.get(pid(2))).toMatchObject({ ok: false, error: { code: LOCAL_CODES.unreadable } });
    expect(decoded.ok && decoded.value.byId.get(pid(3))?.ok).toBe(false);
  });

  it("needs both code SUCCESS and status success", () => {
    const decoded = decodeItemOutcomes(
      answer({ data: [{ code: "SUCCESS", status: "error", message: "?", details: { id: pid(1) } }, { status: "success", details: { id: pid(2) } }] }),
      "data",
      "id",
      [pid(1), pid(2)],
    );
    expect(decoded.ok && [...decoded.value.byId.values()].map((outcome) => outcome.ok)).toEqual([false, false]);
  });

  it("keeps the items' messages and reads another wrapper with another id key", () => {
    const decoded = decodeItemOutcomes(
      answer({ users: [item("SUCCESS", "User has been transferred successfully", { personality_id: pid(1) })] }),
      "users",
      "personality_id",
      [pid(1)],
    );
    expect(decoded.ok && decoded.value.messages).toEqual(["User has been transferred successfully"]);
    expect(decoded.ok && decoded.value.byId.get(pid(1))).toEqual({ ok: true });
  });

  it("fails as a whole when the wrapper is missing, and passes a failure through", () => {
    const unreadable = decodeItemOutcomes(answer({ other: [] }), "data", "id", [pid(1)]);
    expect(!unreadable.ok && unreadable.error.code).toBe(LOCAL_CODES.unreadable);
    const empty = decodeItemOutcomes(noContent, "data", "id", [pid(1)]);
    expect(empty.ok).toBe(false);
    const failed = decodeItemOutcomes(fail("NO_PERMISSION", "", {}, 403), "data", "id", [pid(1)]);
    expect(!failed.ok && failed.error.code).toBe("NO_PERMISSION");
  });
});

describe("decodeUserOutcomes", () => {
  it("reads per-user outcomes by details.personality_id", () => {
    const decoded = decodeUserOutcomes(
      answer({
        users: [
          item("INVALID_DATA", "the personality is not in this user type", { personality_id: pid(2) }),
          item("SUCCESS", "User has been transferred successfully", { personality_id: pid(1) }),
        ],
      }),
      [pid(1), pid(2)],
    );
    expect(decoded.ok && decoded.value.scheduled).toBe(false);
    expect(decoded.ok && decoded.value.byUser.get(pid(1))).toEqual({ ok: true });
    expect(decoded.ok && decoded.value.byUser.get(pid(2))).toMatchObject({ ok: false, error: { code: "INVALID_DATA" } });
  });

  it("reads per-user outcomes by order when items name nobody", () => {
    const decoded = decodeUserOutcomes(
      answer({ users: [item("SUCCESS", "Portal user deleted successfully."), item("INVALID_DATA", "already deleted")] }),
      [pid(1), pid(2)],
    );
    expect(decoded.ok && decoded.value.byUser.get(pid(1))).toEqual({ ok: true });
    expect(decoded.ok && decoded.value.byUser.get(pid(2))?.ok).toBe(false);
  });

  it("counts users missing from the answer as failed", () => {
    const decoded = decodeUserOutcomes(answer({ users: [item("SUCCESS", "Portal user deleted successfully.", { personality_id: pid(1) })] }), [pid(1), pid(2)]);
    expect(decoded.ok && decoded.value.byUser.get(pid(2))?.ok).toBe(false);
  });

  it("notices a scheduled job in the items' messages", () => {
    const decoded = decodeUserOutcomes(
      answer({ users: [item("SUCCESS", "The transfer has been Scheduled and will run in the background")] }),
      [pid(1), pid(2)],
    );
    expect(decoded.ok && decoded.value.scheduled).toBe(true);
  });

  it("does not take an error item's text for a scheduled job", () => {
    // "Scheduler is running" is a documented Zoho error text (docs/crm-api.md#share-errors); it is a failure, not a background job.
    const decoded = decodeUserOutcomes(answer({ users: [item("INVALID_DATA", "Scheduler is running", { personality_id: pid(1) })] }, 400), [pid(1)]);
    expect(decoded.ok && decoded.value.byUser.get(pid(1))?.ok).toBe(false);
    expect(decoded.ok && decoded.value.scheduled).toBe(false);
  });

  it("passes a failed call through", () => {
    const decoded = decodeUserOutcomes(fail("LICENSE_LIMIT_EXCEEDED", "limit", {}, 403), [pid(1)]);
    expect(!decoded.ok && decoded.error.code).toBe("LICENSE_LIMIT_EXCEEDED");
  });
});
