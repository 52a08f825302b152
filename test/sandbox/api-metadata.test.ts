import { describe, it, expect } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import { HOSTILE } from "../../sandbox/seed/people";
import { harness, type Loose } from "./api-helpers";

const U = SEED.users;

describe("GET /users", () => {
  it("lists all users with the documented keys and paging info", () => {
    const { get } = harness();
    const res = get("users");
    expect(res.status).toBe(200);
    expect(res.body.users).toHaveLength(26);
    expect(res.body.info).toEqual({ per_page: 200, count: 26, page: 1, more_records: false });
    const ada = res.body.users.find((u: Loose) => u.id === U.admin);
    expect(ada).toMatchObject({
      full_name: "Ada Admin",
      first_name: "Ada",
      last_name: "Admin",
      email: "ada.admin@example.com",
      status: "active",
      confirm: true,
      profile: { id: SEED.profiles.administrator, name: "Administrator" },
      role: { id: SEED.roles.ceo, name: "CEO" },
      locale: "en_US",
      type__s: "Regular User",
    });
    expect(typeof ada.zuid).toBe("string");
    for (const u of res.body.users) {
      expect(u.email).toMatch(/@example\.(com|test)$/);
      expect(u).not.toHaveProperty("perms");
      expect(u).not.toHaveProperty("profileId");
    }
    const locales = new Set(res.body.users.map((u: Loose) => u.locale));
    expect(locales).toContain("de_DE");
    expect(locales).toContain("ja_JP");
  });

  it("seeds a hostile-named user (XSS test data) whose names come back verbatim", () => {
    const { get } = harness();
    const user = get(`users/${U.hostile}`).body.users[0];
    expect(user).toMatchObject({
      first_name: HOSTILE.firstName,
      last_name: HOSTILE.lastName,
      full_name: HOSTILE.fullName,
      email: "hostile.name@example.test",
      status: "active",
      confirm: true,
      profile: { id: SEED.profiles.standard, name: "Standard" },
      role: { id: SEED.roles.salesRep, name: "Sales Representative" },
    });
    expect(user.full_name).toContain('<img src=x onerror="window.__xss=1">');
    expect(user.full_name).toContain('"><script>window.__xss=1</script>');
    expect(get("users", { type: "ActiveConfirmedUsers" }).body.users.map((u: Loose) => u.id)).toContain(U.hostile);
  });

  it("filters by type", () => {
    const { get } = harness();
    const ids = (type: string) => (get("users", { type }).body?.users ?? []).map((u: Loose) => u.id);
    expect(ids("ActiveConfirmedUsers")).toHaveLength(22);
    expect(ids("ActiveConfirmedUsers")).not.toContain(U.inactive);
    expect(ids("ActiveConfirmedUsers")).not.toContain(U.unconfirmed);
    expect(ids("DeactiveUsers").sort()).toEqual([U.inactive, U.inactive2, U.inactive3].sort());
    expect(ids("NotConfirmedUsers")).toEqual([U.unconfirmed]);
    expect(ids("ActiveUsers")).toContain(U.unconfirmed);
    expect(ids("ConfirmedUsers")).toHaveLength(25);
    expect(ids("AdminUsers").sort()).toEqual([U.admin, U.admin2].sort());
    expect(ids("ActiveConfirmedAdmins")).toHaveLength(2);
    expect(get("users", { type: "DeletedUsers" }).status).toBe(204);
    expect(get("users", { type: "CurrentUser" }, U.readOnly).body.users.map((u: Loose) => u.id)).toEqual([U.readOnly]);
  });

  it("pages with per_page and more_records, capping per_page at 200", () => {
    const { get } = harness();
    const p1 = get("users", { per_page: "10", page: "1" });
    expect(p1.body.info).toEqual({ per_page: 10, count: 10, page: 1, more_records: true });
    const p3 = get("users", { per_page: "10", page: "3" });
    expect(p3.body.info).toEqual({ per_page: 10, count: 6, page: 3, more_records: false });
    expect(get("users", { per_page: "10", page: "4" }).status).toBe(204);
    const tooMany = get("users", { per_page: "201" });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.code).toBe("INVALID_DATA");
  });

  it("filters by ids and rejects unknown types", () => {
    const { get } = harness();
    const res = get("users", { ids: `${U.standard},${U.readOnly}` });
    expect(res.body.users.map((u: Loose) => u.id)).toEqual([U.standard, U.readOnly]);
    const bad = get("users", { type: "Everyone" });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: "INVALID_DATA", status: "error" });
  });

  it("gets one user by id and rejects an unknown id", () => {
    const { get } = harness();
    expect(get(`users/${U.readOnly}`).body.users[0].profile.name).toBe("Read Only");
    const bad = get("users/123");
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: "INVALID_DATA", details: { resource_path_index: 1 } });
  });
});

describe("GET /settings/profiles", () => {
  it("lists profiles without permission details or internal flags", () => {
    const { get } = harness();
    const res = get("settings/profiles");
    expect(res.status).toBe(200);
    const names = res.body.profiles.map((p: Loose) => p.name);
    expect(names).toEqual(["Administrator", "Standard", "Sales Manager", "Read Only"]);
    for (const p of res.body.profiles) {
      expect(p).not.toHaveProperty("permissions_details");
      expect(p).not.toHaveProperty("perms");
      expect(p.type).toBe("normal_profile");
    }
    expect(res.body.profiles.find((p: Loose) => p.name === "Read Only").custom).toBe(true);
  });

  it("includes permissions_details when fetched by id", () => {
    const { get } = harness();
    const ro = get(`settings/profiles/${SEED.profiles.readOnly}`).body.profiles[0];
    const lockDeals = ro.permissions_details.find((d: Loose) => d.name === "Deals_Lock");
    expect(lockDeals.enabled).toBe(false);
    const std = get(`settings/profiles/${SEED.profiles.standard}`).body.profiles[0];
    expect(std.permissions_details.find((d: Loose) => d.name === "Deals_Lock").enabled).toBe(true);
    expect(std.permissions_details.find((d: Loose) => d.name === "Crm_Implied_Customize_Zoho_CRM").enabled).toBe(false);
    expect(get("settings/profiles/42").body.code).toBe("INVALID_DATA");
  });
});

describe("GET /settings/fields, /settings/modules, /settings/custom_buttons, roles, groups", () => {
  it("requires a valid module for fields", () => {
    const { get } = harness();
    expect(get("settings/fields").body).toMatchObject({ code: "REQUIRED_PARAM_MISSING", details: { param: "module" } });
    expect(get("settings/fields", { module: "Nope" }).body.code).toBe("INVALID_MODULE");
  });

  it("describes fields with picklist values", () => {
    const { get } = harness();
    const fields = get("settings/fields", { module: "Deals" }).body.fields;
    const stage = fields.find((f: Loose) => f.api_name === "Stage");
    expect(stage).toMatchObject({
      field_label: "Stage",
      display_label: "Stage",
      data_type: "picklist",
      json_type: "string",
      read_only: false,
      system_mandatory: true,
      visible: true,
      custom_field: false,
    });
    expect(stage.pick_list_values.map((v: Loose) => v.actual_value)).toContain("Closed Won");
    expect(fields.find((f: Loose) => f.api_name === "Amount").json_type).toBe("double");
    expect(fields.find((f: Loose) => f.api_name === "Owner").json_type).toBe("jsonobject");
    const status = get("settings/fields", { module: "Tasks" }).body.fields.find((f: Loose) => f.api_name === "Status");
    expect(status.pick_list_values.map((v: Loose) => v.actual_value)).toContain("Closed");
    const lockFields = get("settings/fields", { module: "Locking_Information__s" }).body.fields.map((f: Loose) => f.api_name);
    expect(lockFields).toEqual(expect.arrayContaining(["Locked_Reason__s", "Lock_Source__s", "Record_Locking_Rule_Id__s"]));
  });

  it("lists modules with generated types", () => {
    const { get } = harness();
    const modules = get("settings/modules").body.modules;
    const byName = (n: string) => modules.find((m: Loose) => m.api_name === n);
    expect(byName("Deals").generated_type).toBe("default");
    expect(byName("Projects__c").generated_type).toBe("custom");
    expect(byName("shipx__Shipments").generated_type).toBe("custom");
    expect(byName("Project_Contacts").generated_type).toBe("linking");
    expect(byName("Locking_Information__s").status).toBe("system_hidden");
    expect(byName("Deals")).toMatchObject({ singular_label: "Deal", plural_label: "Deals", api_supported: true, module_name: "Deals" });
    expect(modules.every((m: Loose) => !("kind" in m) && !("nameField" in m))).toBe(true);
    const visible = get("settings/modules", { status: "visible" }).body.modules.map((m: Loose) => m.api_name);
    expect(visible).not.toContain("Locking_Information__s");
    expect(get("settings/modules/Deals").body.modules[0].id).toBe(SEED.moduleIds.Deals);
  });

  it("lists custom buttons of a module, 204 when none", () => {
    const { get } = harness();
    const res = get("settings/custom_buttons", { module: "Deals" });
    expect(res.body.custom_buttons.map((b: Loose) => b.id)).toEqual([
      SEED.customButtons.dealsSendForSignature,
      SEED.customButtons.dealsGenerateInvoice,
    ]);
    expect(get("settings/custom_buttons", { module: "Leads" }).status).toBe(204);
    expect(get("settings/custom_buttons").body.code).toBe("REQUIRED_PARAM_MISSING");
  });

  it("lists roles with a hierarchy and user groups", () => {
    const { get } = harness();
    const roles = get("settings/roles").body.roles;
    expect(roles.find((r: Loose) => r.id === SEED.roles.ceo).reporting_to).toBeNull();
    expect(roles.find((r: Loose) => r.id === SEED.roles.salesRep).reporting_to).toEqual({ id: SEED.roles.salesManager, name: "Sales Manager" });
    const groups = get("settings/user_groups").body.user_groups;
    expect(groups.map((g: Loose) => g.id)).toEqual([SEED.groups.emea, SEED.groups.apac, SEED.groups.keyAccounts, SEED.groups.hostile]);
    // XSS test data: the hostile group name comes back verbatim.
    expect(groups.find((g: Loose) => g.id === SEED.groups.hostile).name).toBe('<svg onload="window.__xss=1">Group');
  });
});
