import { describe, it, expect } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import { harness, ID_RE, type Harness, type Loose } from "./api-helpers";

const P = SEED.portal;
const UT = `settings/portals/${P.name}/user_type`;
const usersPath = (typeId: string) => `${UT}/${typeId}/users`;
/** Contacts through one layout and view; Contacts is modules[0]. */
const contactsModule = (extra: Record<string, unknown> = {}) => ({
  id: SEED.moduleIds.Contacts,
  shared_type: "private",
  layouts: [{ id: SEED.layouts.contacts }],
  views: { id: SEED.views.contacts, type: "custom_view" },
  filters: null,
  permissions: { view: true, edit: false, create: false },
  fields: [],
  ...extra,
});
/** Notes, which every user type must include: public, no layout. */
const notesModule = () => ({
  id: SEED.moduleIds.Notes,
  shared_type: "public",
  layouts: null,
  views: null,
  filters: null,
  permissions: { view: true, edit: false, create: true },
  fields: [],
});
const newType = (name: string, extra: Record<string, unknown> = {}) => ({
  user_type: [
    {
      name,
      personality_module: { api_name: "Contacts" },
      active: true,
      modules: [contactsModule(), notesModule()],
      ...extra,
    },
  ],
});
/** The id of a field of a module, from its layouts. */
function fieldId(get: Harness["get"], module: string, apiName: string): string {
  const layouts: Loose[] = get("settings/layouts", { module }).body.layouts;
  const field = layouts.flatMap((l) => l.sections.flatMap((s: Loose) => s.fields)).find((f: Loose) => f.api_name === apiName);
  if (!field) throw new Error(`no field ${module}.${apiName}`);
  return field.id;
}

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
    const otherPersonality = call("POST", UT, { body: newType("X", { personality_module: { api_name: "Accounts" } }) }).body.user_type[0];
    expect(otherPersonality).toMatchObject({ code: "INVALID_DATA", message: "the personality module must be part of modules", details: { json_path: "$.user_type[0].modules" } });
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

  it("requires the Notes module on create (INVALID_DATA)", () => {
    const { call, get } = harness();
    const res = call("POST", UT, { body: newType("No Notes", { modules: [contactsModule()] }) });
    expect(res.status).toBe(400);
    expect(res.body.user_type[0]).toMatchObject({
      code: "INVALID_DATA",
      message: "the Notes module must be part of modules",
      details: { api_name: "modules", json_path: "$.user_type[0].modules" },
    });
    expect(get(UT).body.user_type).toHaveLength(3);
    // Notes named by api_name is the same module.
    const byName = call("POST", UT, { body: newType("Notes by name", { modules: [contactsModule(), { ...notesModule(), id: "Notes" }] }) });
    expect(byName.status).toBe(200);
  });

  it("seeds user types that include Notes and reference SEED layouts and views", () => {
    const { get } = harness();
    const customer = get(`${UT}/${P.userTypes.customer}`).body.user_type[0];
    expect(customer.modules.map((m: Loose) => [m.api_name, m.layouts, m.views])).toEqual([
      ["Contacts", [{ id: SEED.layouts.contacts }], { id: SEED.views.contacts, type: "custom_view" }],
      ["Deals", [{ id: SEED.layouts.deals }], { id: SEED.views.deals, type: "custom_view" }],
      ["Notes", null, null],
    ]);
    const partner = get(`${UT}/${P.userTypes.partner}`).body.user_type[0];
    expect(partner.modules[0]).toMatchObject({ layouts: [{ id: SEED.layouts.contactsPartner }], views: { id: SEED.views.contactsPartner } });
    const supplier = get(`${UT}/${P.userTypes.supplier}`).body.user_type[0];
    expect(supplier.modules.map((m: Loose) => m.api_name)).toEqual(["Accounts", "Notes"]);
    expect(supplier.modules[0].layouts).toEqual([{ id: SEED.layouts.accounts }]);
  });

  it("refuses a layout of another module or an unknown layout (INVALID_DATA)", () => {
    const { call, get } = harness();
    for (const layoutId of [SEED.layouts.deals, "5725767000000999999"]) {
      const body = newType("Wrong layout", { modules: [contactsModule({ layouts: [{ id: SEED.layouts.contacts }, { id: layoutId }] }), notesModule()] });
      const res = call("POST", UT, { body });
      expect(res.status).toBe(400);
      expect(res.body.user_type[0]).toMatchObject({
        code: "INVALID_DATA",
        message: "the layout id given seems to be invalid",
        details: { json_path: "$.user_type[0].modules[0].layouts[1].id" },
      });
    }
    // Both Contacts layouts together are fine.
    const both = newType("Both layouts", { modules: [contactsModule({ layouts: [{ id: SEED.layouts.contacts }, { id: SEED.layouts.contactsPartner }] }), notesModule()] });
    expect(call("POST", UT, { body: both }).status).toBe(200);
    // Also on update, and nothing changes.
    const put = call("PUT", `${UT}/${P.userTypes.partner}`, {
      body: { user_type: [{ name: "Renamed", modules: [{ id: SEED.moduleIds.Contacts, layouts: [{ id: SEED.layouts.accounts }] }] }] },
    });
    expect(put.status).toBe(400);
    expect(put.body.user_type[0]).toMatchObject({ code: "INVALID_DATA", details: { json_path: "$.user_type[0].modules[0].layouts[0].id" } });
    const partner = get(`${UT}/${P.userTypes.partner}`).body.user_type[0];
    expect(partner.name).toBe("Partner");
    expect(partner.modules[0].layouts).toEqual([{ id: SEED.layouts.contactsPartner }]);
    // Notes may carry its own layout.
    const notesLayout = newType("Notes layout", { modules: [contactsModule(), { ...notesModule(), layouts: [{ id: SEED.layouts.contacts }] }] });
    expect(call("POST", UT, { body: notesLayout }).body.user_type[0]).toMatchObject({ code: "INVALID_DATA", details: { json_path: "$.user_type[0].modules[1].layouts[0].id" } });
    expect(call("POST", UT, { body: newType("Notes layout", { modules: [contactsModule(), { ...notesModule(), layouts: [{ id: SEED.layouts.notes }] }] }) }).status).toBe(200);
  });

  it("refuses a view of another module (INVALID_DATA)", () => {
    const { call, get } = harness();
    for (const viewId of [SEED.views.deals, "5725767000000999999"]) {
      const body = newType("Wrong view", { modules: [contactsModule({ views: { id: viewId, type: "custom_view" } }), notesModule()] });
      const res = call("POST", UT, { body });
      expect(res.status).toBe(400);
      expect(res.body.user_type[0]).toMatchObject({
        code: "INVALID_DATA",
        message: "the view id given seems to be invalid",
        details: { json_path: "$.user_type[0].modules[0].views.id" },
      });
    }
    const put = call("PUT", `${UT}/${P.userTypes.customer}`, {
      body: { user_type: [{ modules: [{ id: SEED.moduleIds.Deals, views: { id: SEED.views.contactsMine, type: "custom_view" } }] }] },
    });
    expect(put.body.user_type[0]).toMatchObject({ code: "INVALID_DATA", details: { json_path: "$.user_type[0].modules[0].views.id" } });
    expect(get(`${UT}/${P.userTypes.customer}`).body.user_type[0].modules[1].views.id).toBe(SEED.views.deals);
    const ok = call("PUT", `${UT}/${P.userTypes.customer}`, {
      body: { user_type: [{ modules: [{ id: SEED.moduleIds.Deals, views: { id: SEED.views.dealsOpen, type: "custom_view" } }] }] },
    });
    expect(ok.status).toBe(200);
    expect(get(`${UT}/${P.userTypes.customer}`).body.user_type[0].modules[1].views.id).toBe(SEED.views.dealsOpen);
  });

  it("refuses a read-only field that the chosen layout makes mandatory (INVALID_DATA)", () => {
    const { call, get } = harness();
    const lastName = fieldId(get, "Contacts", "Last_Name");
    const email = fieldId(get, "Contacts", "Email");
    const readOnly = (ids: string[], layoutId: string = SEED.layouts.contacts) =>
      newType(`Read only ${ids.length} ${layoutId}`, {
        modules: [contactsModule({ layouts: [{ id: layoutId }], fields: ids.map((id) => ({ id, read_only: true })) }), notesModule()],
      });
    const res = call("POST", UT, { body: readOnly([email, lastName]) });
    expect(res.status).toBe(400);
    expect(res.body.user_type[0]).toMatchObject({
      code: "INVALID_DATA",
      message: "mandatory field cannot be read-only",
      details: { api_name: "read_only", json_path: "$.user_type[0].modules[0].fields[1].read_only" },
    });
    // Email is mandatory in the "Partner portal" layout only.
    expect(call("POST", UT, { body: readOnly([email], SEED.layouts.contactsPartner) }).body.user_type[0]).toMatchObject({
      code: "INVALID_DATA",
      details: { json_path: "$.user_type[0].modules[0].fields[0].read_only" },
    });
    expect(call("POST", UT, { body: readOnly([email]) }).status).toBe(200);
    // read_only false on a mandatory field is fine.
    const writable = newType("Writable", { modules: [contactsModule({ fields: [{ id: lastName, read_only: false }] }), notesModule()] });
    expect(call("POST", UT, { body: writable }).status).toBe(200);
  });

  it("checks read-only fields against the layouts on update too", () => {
    const { call, get } = harness();
    const email = fieldId(get, "Contacts", "Email");
    const put = (typeId: string, module: Record<string, unknown>) =>
      call("PUT", `${UT}/${typeId}`, { body: { user_type: [{ modules: [{ id: SEED.moduleIds.Contacts, ...module }] }] } });
    // Partner uses the "Partner portal" layout, where Email is mandatory.
    expect(put(P.userTypes.partner, { fields: [{ id: email, read_only: true }] }).body.user_type[0]).toMatchObject({
      code: "INVALID_DATA",
      message: "mandatory field cannot be read-only",
      details: { json_path: "$.user_type[0].modules[0].fields[0].read_only" },
    });
    // Customer uses "Standard": allowed; then switching to "Partner portal" keeps a read-only mandatory field.
    expect(put(P.userTypes.customer, { fields: [{ id: email, read_only: true }] }).status).toBe(200);
    const switched = put(P.userTypes.customer, { layouts: [{ id: SEED.layouts.contactsPartner }] });
    expect(switched.body.user_type[0]).toMatchObject({
      code: "INVALID_DATA",
      message: "mandatory field cannot be read-only",
      details: { json_path: "$.user_type[0].modules[0].fields", id: email },
    });
    expect(get(`${UT}/${P.userTypes.customer}`).body.user_type[0].modules[0].layouts).toEqual([{ id: SEED.layouts.contacts }]);
    // Removing the read-only field in the same request makes the switch valid.
    expect(put(P.userTypes.customer, { layouts: [{ id: SEED.layouts.contactsPartner }], fields: [{ id: email, _delete: true }] }).status).toBe(200);
    const customer = get(`${UT}/${P.userTypes.customer}`).body.user_type[0];
    expect(customer.modules[0]).toMatchObject({ layouts: [{ id: SEED.layouts.contactsPartner }], fields: [] });
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
      module: "Contacts",
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
