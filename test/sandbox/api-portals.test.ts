import { describe, it, expect } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import { harness, ID_RE, type Loose } from "./api-helpers";

const P = SEED.portal;
const UT = `settings/portals/${P.name}/user_type`;
const usersPath = (typeId: string) => `${UT}/${typeId}/users`;
const newType = (name: string, extra: Record<string, unknown> = {}) => ({
  user_type: [
    {
      name,
      personality_module: { api_name: "Contacts" },
      active: true,
      modules: [
        {
          id: SEED.moduleIds.Contacts,
          shared_type: "private",
          layouts: [{ id: "5725767000000124001" }],
          views: { id: "5725767000000124501", type: "custom_view" },
          filters: null,
          permissions: { view: true, edit: false, create: false },
          fields: [],
        },
      ],
      ...extra,
    },
  ],
});

describe("portals and user types", () => {
  it("lists portals", () => {
    const { get } = harness();
    const res = get("settings/portals");
    expect(res.body.portals).toEqual([
      expect.objectContaining({ name: "ExamplePortal", zaid: expect.any(String), active: true, created_by: { id: SEED.users.admin, name: "Ada Admin" } }),
    ]);
  });

  it("lists user types with counts", () => {
    const { get } = harness();
    const types = get(UT).body.user_type;
    expect(types.map((t: Loose) => [t.name, t.no_of_users, t.default])).toEqual([
      ["Customer", 6, true],
      ["Partner", 4, false],
      ["Supplier", 0, false],
    ]);
    expect(types[0].personality_module).toEqual({ api_name: "Contacts", id: SEED.moduleIds.Contacts, plural_label: "Contacts" });
    expect(get(`${UT}/${P.userTypes.partner}`).body.user_type[0].name).toBe("Partner");
    expect(get(`${UT}/123`).body.code).toBe("INVALID_DATA");
    expect(get("settings/portals/Nope/user_type").body.code).toBe("INVALID_DATA");
  });

  it("requires the portal permissions", () => {
    const { get } = harness();
    const res = get(UT, {}, SEED.users.standard);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("NO_PERMISSION");
  });

  it("creates a user type, refuses duplicates and the sixth type", () => {
    const { call, get } = harness();
    const res = call("POST", UT, { body: newType("Reseller") });
    expect(res.status).toBe(200);
    expect(res.body.user_type[0]).toMatchObject({ code: "SUCCESS", status: "success", message: "user type created successfully." });
    expect(res.body.user_type[0].details.id).toMatch(ID_RE);
    const dup = call("POST", UT, { body: newType("reseller") });
    expect(dup.status).toBe(400);
    expect(dup.body.user_type[0]).toMatchObject({ code: "DUPLICATE_DATA", details: { api_name: "name" } });
    expect(call("POST", UT, { body: newType("Agency") }).status).toBe(200);
    const sixth = call("POST", UT, { body: newType("Sixth") });
    expect(sixth.body.user_type[0].code).toBe("LICENSE_LIMIT_EXCEEDED");
    expect(get(UT).body.user_type).toHaveLength(5);
  });

  it("validates a new user type", () => {
    const { call } = harness();
    expect(call("POST", UT, { body: newType("") }).body.user_type[0]).toMatchObject({ code: "MANDATORY_NOT_FOUND", details: { api_name: "name" } });
    expect(call("POST", UT, { body: newType("X", { modules: [] }) }).body.user_type[0].code).toBe("MANDATORY_NOT_FOUND");
    const noLayout = newType("X");
    const mod = noLayout.user_type[0]?.modules[0];
    if (mod) mod.layouts = [];
    expect(call("POST", UT, { body: noLayout }).body.user_type[0].code).toBe("DEPENDENT_FIELD_MISSING");
    expect(call("POST", UT, { body: newType("X", { personality_module: { api_name: "Accounts" } }) }).body.user_type[0].code).toBe("INVALID_DATA");
    expect(call("POST", UT, { body: {} }).body.code).toBe("MANDATORY_NOT_FOUND");
  });

  it("updates a user type partially", () => {
    const { call, get } = harness();
    const res = call("PUT", `${UT}/${P.userTypes.partner}`, {
      body: { user_type: [{ name: "Channel Partner", modules: [{ id: SEED.moduleIds.Contacts, permissions: { edit: false } }] }] },
    });
    expect(res.status).toBe(200);
    expect(res.body.user_type[0].message).toBe("Portal user type updated successfully.");
    const t = get(`${UT}/${P.userTypes.partner}`).body.user_type[0];
    expect(t.name).toBe("Channel Partner");
    expect(t.active).toBe(true);
    expect(t.modules[0].permissions).toMatchObject({ view: true, edit: false });
    expect(call("PUT", `${UT}/${P.userTypes.partner}`, { body: { user_type: [{ name: "Customer" }] } }).body.user_type[0].code).toBe("DUPLICATE_DATA");
  });

  it("deletes only user types without users", () => {
    const { call, get } = harness();
    const busy = call("DELETE", `${UT}/${P.userTypes.partner}`);
    expect(busy.status).toBe(400);
    expect(busy.body.user_type[0]).toMatchObject({ code: "INVALID_DATA", status: "error" });
    const ok = call("DELETE", `${UT}/${P.userTypes.supplier}`);
    expect(ok.status).toBe(200);
    expect(ok.body.user_type[0]).toMatchObject({ code: "SUCCESS", message: "Portal user type deleted successfully.", details: { id: P.userTypes.supplier } });
    expect(get(UT).body.user_type).toHaveLength(2);
  });
});

describe("portal users", () => {
  it("lists users by type with paging", () => {
    const { get } = harness();
    const all = get(usersPath(P.userTypes.customer), { type: "AllUsers" });
    expect(all.status).toBe(200);
    expect(all.body.info).toEqual({ per_page: 200, count: 6, page: 1, more_records: false, total_count: 6 });
    expect(all.body.users[0]).toEqual({
      personality_id: P.users.customerActive,
      name: "Paula Portal",
      email: "paula.portal@example.com",
      module: { api_name: "Contacts", id: SEED.moduleIds.Contacts },
      active: true,
      confirm: true,
      invited_time: expect.any(String),
      status_reason__s: null,
    });
    const ids = (type: string) => (get(usersPath(P.userTypes.customer), { type }).body?.users ?? []).map((u: Loose) => u.personality_id);
    expect(ids("NotConfirmedUsers")).toEqual([P.users.customerUnconfirmed]);
    expect(ids("DeactiveUsers")).toEqual([P.users.customerInactive]);
    expect(ids("ActiveConfirmedUsers")).toHaveLength(4);
    const page2 = get(usersPath(P.userTypes.customer), { type: "AllUsers", per_page: "4", page: "2" });
    expect(page2.body.info).toMatchObject({ count: 2, more_records: false, total_count: 6 });
    expect(get(usersPath(P.userTypes.supplier), { type: "AllUsers" }).status).toBe(204);
    const filtered = get(usersPath(P.userTypes.partner), {
      type: "AllUsers",
      filters: JSON.stringify([{ field: { api_name: "status_reason__s" }, comparator: "equal", value: "disabled on updation of email" }]),
    });
    expect(filtered.body.users).toHaveLength(1);
  });

  it("requires a valid type", () => {
    const { get } = harness();
    expect(get(usersPath(P.userTypes.customer)).body).toMatchObject({ code: "REQUIRED_PARAM_MISSING", details: { param: "type" } });
    expect(get(usersPath(P.userTypes.customer), { type: "Everyone" }).body.code).toBe("PATTERN_NOT_MATCHED");
  });

  it("transfers users to another user type", () => {
    const { call, get } = harness();
    const res = call("POST", `${usersPath(P.userTypes.customer)}/action/transfer`, {
      query: { transfer_To: P.userTypes.partner, personality_ids: `${P.users.customerActive},${P.users.partnerActive}` },
    });
    expect(res.status).toBe(200);
    expect(res.body.users[0]).toMatchObject({ code: "SUCCESS", message: "User has been transferred successfully", details: { personality_id: P.users.customerActive } });
    expect(res.body.users[1]).toMatchObject({ code: "INVALID_DATA", details: { personality_id: P.users.partnerActive } });
    expect(get(usersPath(P.userTypes.partner), { type: "AllUsers" }).body.info.total_count).toBe(5);
    const noTarget = call("POST", `${usersPath(P.userTypes.customer)}/action/transfer`, { query: { personality_ids: P.users.customerUnconfirmed } });
    expect(noTarget.body).toMatchObject({ code: "REQUIRED_PARAM_MISSING", details: { param: "transfer_To" } });
    const lowerCase = call("POST", `${usersPath(P.userTypes.customer)}/action/transfer`, {
      query: { transfer_to: P.userTypes.partner, personality_ids: P.users.customerUnconfirmed },
    });
    expect(lowerCase.body.code).toBe("REQUIRED_PARAM_MISSING");
    const otherModule = call("POST", `${usersPath(P.userTypes.customer)}/action/transfer`, {
      query: { transfer_To: P.userTypes.supplier, personality_ids: P.users.customerUnconfirmed },
    });
    expect(otherModule.body.code).toBe("INVALID_DATA");
  });

  it("changes a user's status", () => {
    const { call, get } = harness();
    const path = `${usersPath(P.userTypes.customer)}/${P.users.customerInactive}/actions/change_status`;
    const res = call("PUT", path, { query: { active: "true" } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      change_status: [{ code: "SUCCESS", status: "success", message: "Status of the user changed successfully.", details: { personality_id: P.users.customerInactive } }],
    });
    expect(get(usersPath(P.userTypes.customer), { type: "DeactiveUsers" }).status).toBe(204);
    expect(call("PUT", path, { query: { active: "true" } }).body.code).toBe("ALREADY_ACTIVATED");
    expect(call("PUT", path, { query: {} }).body.code).toBe("REQUIRED_PARAM_MISSING");
    expect(call("PUT", path, { query: { active: "yes" } }).body.code).toBe("INVALID_DATA");
    expect(call("PUT", path, { query: { active: "false" } }).status).toBe(200);
  });

  it("refuses activation beyond the portal licences (LIMIT_EXCEEDED 403)", () => {
    const { call } = harness();
    const activate = (typeId: string, pid: string) =>
      call("PUT", `${usersPath(typeId)}/${pid}/actions/change_status`, { query: { active: "true" } });
    const partnerInactive = "5725767000000111010";
    // 8 of 9 licences are used in the seed.
    expect(activate(P.userTypes.customer, P.users.customerInactive).status).toBe(200);
    const full = activate(P.userTypes.partner, partnerInactive);
    expect(full.status).toBe(403);
    expect(full.body).toMatchObject({ code: "LIMIT_EXCEEDED", details: { limit: 9, available_limit: 0 } });
    call("PUT", `${usersPath(P.userTypes.customer)}/${P.users.customerActive}/actions/change_status`, { query: { active: "false" } });
    expect(activate(P.userTypes.partner, partnerInactive).status).toBe(200);
  });

  it("deletes portal users", () => {
    const { call, get } = harness();
    const res = call("DELETE", usersPath(P.userTypes.customer), { query: { personality_ids: `${P.users.customerInactive},1` } });
    expect(res.status).toBe(200);
    expect(res.body.users.map((u: Loose) => u.code)).toEqual(["SUCCESS", "INVALID_DATA"]);
    expect(res.body.users[0].message).toBe("Portal user deleted successfully.");
    expect(get(usersPath(P.userTypes.customer), { type: "AllUsers" }).body.info.total_count).toBe(5);
    expect(call("DELETE", usersPath(P.userTypes.customer)).body.code).toBe("REQUIRED_PARAM_MISSING");
  });
});
