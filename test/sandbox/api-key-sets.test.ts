/**
 * The keys of every answer the mock gives, pinned per endpoint, at the top
 * level and per item. The mock answers only with keys Zoho documents
 * (sandbox/api/README.md, "Answer shapes"); a new key must be a deliberate
 * change of the list here, after checking Zoho's documentation.
 */
import { describe, it, expect } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import { harness, type Harness, type Loose } from "./api-helpers";

const R = SEED.records;
const U = SEED.users;
const PT = SEED.portal;
const UT = `settings/portals/${PT.name}/user_type`;

/** Every key of the given objects, sorted (the union, so a key on one item only still shows). */
function keysOf(...objects: unknown[]): string[] {
  const keys = new Set<string>();
  for (const o of objects) {
    expect(o !== null && typeof o === "object" && !Array.isArray(o), `not an object: ${JSON.stringify(o)}`).toBe(true);
    for (const k of Object.keys(o as object)) keys.add(k);
  }
  return [...keys].sort();
}

function expectKeys(objects: unknown[], expected: string[]): void {
  expect(objects.length, "nothing to check").toBeGreaterThan(0);
  expect(keysOf(...objects)).toEqual([...expected].sort());
}

/** Every value under `key` in the items, skipping null (optional objects). */
function under(items: Loose[], key: string): Loose[] {
  return items.map((i) => i[key]).filter((v) => v !== null && v !== undefined);
}

const RESULT_ITEM = ["code", "details", "message", "status"];
const PAGE_INFO = ["count", "more_records", "page", "per_page"];
const NAMED = ["id", "name"];

function ok(res: { status: number; body?: Loose }, status = 200): Loose {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

describe("error answers", () => {
  it("a request-level error is the envelope only", () => {
    const { get } = harness();
    const body = get("settings/fields");
    expect(body.status).toBe(400);
    expectKeys([body.body], RESULT_ITEM);
  });
});

describe("users", () => {
  const USER = [
    "Modified_Time",
    "confirm",
    "country_locale",
    "created_by",
    "created_time",
    "email",
    "first_name",
    "full_name",
    "id",
    "language",
    "last_name",
    "locale",
    "profile",
    "role",
    "status",
    "time_zone",
    "type__s",
    "zuid",
  ];

  it("GET /users", () => {
    const body = ok(harness().get("users"));
    expectKeys([body], ["info", "users"]);
    expectKeys(body.users, USER);
    expectKeys([...under(body.users, "profile"), ...under(body.users, "role"), ...under(body.users, "created_by")], NAMED);
    expectKeys([body.info], PAGE_INFO);
  });

  it("GET /users/{id}", () => {
    const body = ok(harness().get(`users/${U.admin}`));
    expectKeys([body], ["users"]);
    expectKeys(body.users, USER);
  });
});

describe("profiles, roles and groups", () => {
  const PROFILE = ["category", "created_by", "created_time", "custom", "default", "description", "display_label", "id", "modified_by", "modified_time", "name", "type"];

  it("GET /settings/profiles", () => {
    const body = ok(harness().get("settings/profiles"));
    expectKeys([body], ["profiles"]);
    expectKeys(body.profiles, PROFILE);
    expectKeys([...under(body.profiles, "created_by"), ...under(body.profiles, "modified_by")], NAMED);
  });

  it("GET /settings/profiles/{id}", () => {
    const body = ok(harness().get(`settings/profiles/${SEED.profiles.standard}`));
    expectKeys([body], ["profiles"]);
    expectKeys(body.profiles, [...PROFILE, "permissions_details", "sections"]);
    expectKeys(body.profiles[0].permissions_details, ["display_label", "enabled", "id", "module", "name"]);
  });

  it("GET /settings/roles", () => {
    const body = ok(harness().get("settings/roles"));
    expectKeys([body], ["roles"]);
    expectKeys(body.roles, ["description", "display_label", "id", "name", "reporting_to", "share_with_peers"]);
    expectKeys(under(body.roles, "reporting_to"), NAMED);
  });

  it("GET /settings/user_groups", () => {
    const body = ok(harness().get("settings/user_groups"));
    expectKeys([body], ["info", "user_groups"]);
    expectKeys(body.user_groups, ["description", "id", "name"]);
    expectKeys([body.info], PAGE_INFO);
  });
});

describe("module metadata", () => {
  it("GET /settings/fields: no module key on a field", () => {
    const body = ok(harness().get("settings/fields", { module: "Deals" }));
    expectKeys([body], ["fields"]);
    expectKeys(body.fields, [
      "api_name",
      "custom_field",
      "data_type",
      "display_label",
      "field_label",
      "field_read_only",
      "id",
      "json_type",
      "length",
      "lookup",
      "pick_list_values",
      "read_only",
      "system_mandatory",
      "visible",
    ]);
    const lookups = under(body.fields, "lookup").filter((l) => Object.keys(l).length > 0);
    expectKeys(lookups, ["module"]);
    expectKeys(lookups.map((l) => l.module), ["api_name", "id"]);
    expectKeys(body.fields.flatMap((f: Loose) => f.pick_list_values), ["actual_value", "display_value", "id", "sequence_number", "type"]);
  });

  const MODULE = [
    "api_name",
    "api_supported",
    "creatable",
    "deletable",
    "editable",
    "generated_type",
    "id",
    "modified_time",
    "module_name",
    "plural_label",
    "profiles",
    "sequence_number",
    "singular_label",
    "status",
    "viewable",
    "visible",
  ];

  it("GET /settings/modules", () => {
    const body = ok(harness().get("settings/modules"));
    expectKeys([body], ["modules"]);
    expectKeys(body.modules, MODULE);
    expectKeys(body.modules.flatMap((m: Loose) => m.profiles), NAMED);
  });

  it("GET /settings/modules/{api_name}", () => {
    const body = ok(harness().get("settings/modules/Deals"));
    expectKeys([body], ["modules"]);
    expectKeys(body.modules, MODULE);
  });

  it("GET /settings/custom_buttons", () => {
    const body = ok(harness().get("settings/custom_buttons", { module: "Deals" }));
    expectKeys([body], ["custom_buttons"]);
    expectKeys(body.custom_buttons, ["display_label", "id", "name"]);
  });

  it("GET /settings/layouts: no module key on a layout", () => {
    const body = ok(harness().get("settings/layouts", { module: "Contacts" }));
    expectKeys([body], ["layouts"]);
    expectKeys(body.layouts, ["api_name", "display_label", "id", "name", "sections", "source", "status", "visible"]);
    const sections = body.layouts.flatMap((l: Loose) => l.sections);
    expectKeys(sections, ["display_label", "fields", "id", "name", "sequence_number"]);
    expectKeys(
      sections.flatMap((s: Loose) => s.fields),
      ["api_name", "data_type", "display_label", "field_label", "id", "read_only", "required", "system_mandatory"],
    );
  });

  it("GET /settings/custom_views: no type or module key on a view", () => {
    const body = ok(harness().get("settings/custom_views", { module: "Contacts" }));
    expectKeys([body], ["custom_views", "info"]);
    expectKeys(body.custom_views, ["default", "display_value", "id", "name", "system_defined", "system_name"]);
    expectKeys([body.info], PAGE_INFO);
  });
});

describe("locking configurations", () => {
  const CONFIG = [
    "created_by",
    "created_time",
    "excluded_fields",
    "feature_type",
    "id",
    "lock_excluded_profiles",
    "lock_for_portal_users",
    "lock_type",
    "locked_for",
    "locking_rules",
    "modified_by",
    "modified_time",
    "restricted_actions",
    "restricted_communications",
    "restricted_custom_buttons",
    "system_defined",
  ];
  const path = "settings/record_locking_configurations";

  function expectConfig(body: Loose): void {
    expectKeys([body], ["record_locking_configurations"]);
    const configs = body.record_locking_configurations;
    expectKeys(configs, CONFIG);
    expectKeys(configs.flatMap((c: Loose) => c.locking_rules), ["criteria", "id", "lock_existing_records", "name"]);
    expectKeys(configs.flatMap((c: Loose) => c.excluded_fields), ["api_name", "id"]);
    expectKeys(configs.flatMap((c: Loose) => [...(c.lock_excluded_profiles ?? []), ...(c.restricted_custom_buttons ?? [])]), NAMED);
    expectKeys([...under(configs, "created_by"), ...under(configs, "modified_by")], NAMED);
  }

  it("GET /settings/record_locking_configurations", () => {
    expectConfig(ok(harness().get(path, { module: "Deals" })));
  });

  it("GET /settings/record_locking_configurations/{id}", () => {
    expectConfig(ok(harness().get(`${path}/${SEED.configs.deals}`, { module: "Deals" })));
  });

  it("POST, PUT and DELETE answer one result item per configuration", () => {
    const { call } = harness();
    const writes = [
      ok(call("POST", path, { query: { module: "Leads" }, body: { record_locking_configurations: [{ lock_type: "manual" }] } }), 201),
      ok(call("PUT", `${path}/${SEED.configs.accounts}`, { query: { module: "Accounts" }, body: { record_locking_configurations: [{ lock_for_portal_users: false }] } })),
      ok(call("PUT", path, { query: { module: "Accounts" }, body: { record_locking_configurations: [{ id: SEED.configs.accounts, lock_for_portal_users: true }] } })),
      ok(call("DELETE", `${path}/${SEED.configs.accounts}`, { query: { module: "Accounts" } })),
      ok(call("DELETE", path, { query: { module: "Contacts", ids: SEED.configs.contacts } })),
    ];
    for (const body of writes) {
      expectKeys([body], ["record_locking_configurations"]);
      expectKeys(body.record_locking_configurations, RESULT_ITEM);
      expectKeys(body.record_locking_configurations.map((i: Loose) => i.details), ["id"]);
    }
  });
});

describe("lock information", () => {
  const FIELDS = "Lock_Source__s,Locked_By__s,Locked_Reason__s,Locked_Time__s,Locked_For__s,Record_Locking_Configuration_Id__s,Record_Locking_Rule_Id__s";
  const lockPath = `Deals/${R.dealManualLocked}/Locking_Information__s`;

  it("GET with fields answers the asked fields and the id", () => {
    const body = ok(harness().get(lockPath, { fields: FIELDS }));
    expectKeys([body], ["data", "info"]);
    expectKeys(body.data, ["id", ...FIELDS.split(",")]);
    expectKeys([body.info], [...PAGE_INFO, "next_page_token", "page_token_expiry", "previous_page_token"]);
    expectKeys([...under(body.data, "Locked_By__s")], NAMED);
    expectKeys(under(body.data, "Locked_For__s"), ["id", "module", "name"]);
    expectKeys(under(body.data, "Locked_For__s").map((f) => f.module), ["api_name", "id"]);
  });

  it("GET /{lock_id} without fields: the lock module's fields, the id and the record meta keys", () => {
    const { get } = harness();
    const body = ok(get(`${lockPath}/${SEED.locks.dealManualLocked}`));
    expectKeys([body], ["data"]);
    const moduleFields = get("settings/fields", { module: "Locking_Information__s" }).body.fields.map((f: Loose) => f.api_name);
    expectKeys(body.data, ["id", "$editable", "$sharing_permission", ...moduleFields]);
  });

  it("POST, PUT and DELETE answer one result item", () => {
    const { call } = harness();
    const created = ok(call("POST", `Deals/${R.dealUnlocked}/Locking_Information__s`, { body: { data: [{ Locked_Reason__s: "Audit" }] } }), 201);
    expectKeys([created], ["data"]);
    expectKeys(created.data, RESULT_ITEM);
    expectKeys([created.data[0].details], ["Created_By", "Created_Time", "Modified_By", "Modified_Time", "id"]);
    const edited = ok(call("PUT", `${lockPath}/${SEED.locks.dealManualLocked}`, { body: { data: [{ Locked_Reason__s: "New" }] } }));
    const removed = ok(call("DELETE", `${lockPath}/${SEED.locks.dealManualLocked}`));
    for (const body of [edited, removed]) {
      expectKeys([body], ["data"]);
      expectKeys(body.data, RESULT_ITEM);
      expectKeys([body.data[0].details], ["id"]);
    }
  });
});

describe("records", () => {
  const META = ["$editable", "$locked_for_me", "$sharing_permission"];

  function fieldsOf(h: Harness, module: string): string[] {
    return h.get("settings/fields", { module }).body.fields.map((f: Loose) => f.api_name);
  }

  it("GET /{module}?ids=&fields= answers the asked fields, the id and the record meta keys", () => {
    const body = ok(harness().get("Deals", { ids: `${R.dealAutoLocked},${R.dealUnlocked}`, fields: "Deal_Name,Owner,Locked__s" }));
    expectKeys([body], ["data", "info"]);
    expectKeys(body.data, ["id", "Deal_Name", "Owner", "Locked__s", ...META]);
    expectKeys([body.info], [...PAGE_INFO, "next_page_token", "page_token_expiry", "previous_page_token", "sort_by", "sort_order"]);
    expectKeys(under(body.data, "Owner"), ["email", "id", "name"]);
  });

  it("GET /{module}/{id}: only the module's fields, the id and the record meta keys", () => {
    const h = harness();
    for (const [module, id] of [
      ["Deals", R.dealUnlocked],
      ["Contacts", R.contactAutoLocked],
      ["Tasks", R.taskOpen],
      ["Projects__c", R.project],
    ] as const) {
      const body = ok(h.get(`${module}/${id}`));
      expectKeys([body], ["data"]);
      // Activities name the module of their What_Id in `$se_module`.
      const allowed = new Set(["id", ...META, ...fieldsOf(h, module), ...(module === "Tasks" ? ["$se_module"] : [])]);
      const keys = keysOf(...body.data);
      expect(keys.filter((k) => !allowed.has(k)), module).toEqual([]);
      expect(keys, module).toEqual(expect.arrayContaining(["id", ...META]));
    }
  });
});

describe("assignment thresholds", () => {
  it("GET /{module}/{id}/actions/permit_threshold and the module-level read", () => {
    const { get } = harness();
    for (const path of [`Deals/${R.dealUnlocked}/actions/permit_threshold`, "Deals/actions/permit_threshold"]) {
      const body = ok(get(path, { owner_id: U.carla }));
      expectKeys([body], ["permit_threshold"]);
      expectKeys([body.permit_threshold], ["allow", "reason", "remaining_allow_count"]);
    }
  });

  it("GET /settings/automation/assignment_thresholds: only the keys the widget reads (not documented, see the README)", () => {
    const { get } = harness({ team: true });
    const body = ok(get("settings/automation/assignment_thresholds", { module: "Deals" }));
    expectKeys([body], ["assignment_thresholds"]);
    expectKeys(body.assignment_thresholds, ["exclude_criteria", "id", "name", "restrict_to"]);
    const entries = body.assignment_thresholds.flatMap((t: Loose) => t.restrict_to);
    expectKeys(entries, ["user"]);
    expectKeys(under(entries, "user"), NAMED);
  });
});

describe("change owner", () => {
  it("POST one record and in bulk: one result item per record", () => {
    const { call } = harness();
    const one = ok(call("POST", `Deals/${R.dealUnlocked}/actions/change_owner`, { body: { owner: { id: U.carla } } }));
    const bulk = ok(call("POST", "Deals/actions/change_owner", { body: { owner: { id: U.dan }, ids: [R.dealUnlocked, R.dealClosedLost] } }));
    for (const body of [one, bulk]) {
      expectKeys([body], ["data"]);
      expectKeys(body.data, RESULT_ITEM);
      expectKeys(body.data.map((i: Loose) => i.details), ["id"]);
    }
  });
});

describe("share", () => {
  const sharePath = (id: string) => `Deals/${id}/actions/share`;
  const ENTRY = ["permission", "share_related_records", "shared_by", "shared_through", "shared_time", "shared_with", "type"];

  it("GET: share entries", () => {
    const body = ok(harness().get(sharePath(R.dealShared)));
    expectKeys([body], ["share"]);
    expectKeys(body.share, ENTRY);
    expectKeys(under(body.share, "shared_with"), ["id", "name", "type", "zuid"]);
    expectKeys(under(body.share, "shared_by"), ["id", "name", "zuid"]);
    expectKeys(under(body.share, "shared_through"), ["entity_name", "id", "module", "name"]);
    expectKeys(under(body.share, "shared_through").map((t) => t.module), ["api_name", "id", "name"]);
  });

  it("GET ?view=manage: shareable users are user objects (full_name, not name)", () => {
    const body = ok(harness().get(sharePath(R.dealShared), { view: "manage" }));
    expectKeys([body], ["share", "shareable_user"]);
    expectKeys(body.shareable_user, ["email", "full_name", "id", "zuid"]);
  });

  it("POST and PUT: one result item per entry; DELETE: one result object", () => {
    const { call } = harness();
    const entry = { shared_with: { id: U.carla, type: "users" }, permission: "read_only", share_related_records: false, type: "private" };
    const posted = ok(call("POST", sharePath(R.dealUnlocked), { body: { share: [entry] } }));
    const put = ok(call("PUT", sharePath(R.dealUnlocked), { body: { share: [entry], notify: false } }));
    for (const body of [posted, put]) {
      expectKeys([body], ["share"]);
      expectKeys(body.share, RESULT_ITEM);
      expect(body.share.map((i: Loose) => Object.keys(i.details))).toEqual([[]]);
    }
    const revoked = ok(call("DELETE", sharePath(R.dealUnlocked)));
    expectKeys([revoked], ["share"]);
    expectKeys([revoked.share], RESULT_ITEM);
    expectKeys([revoked.share.details], ["id"]);
  });
});

describe("client portals", () => {
  it("GET /settings/portals", () => {
    const body = ok(harness().get("settings/portals"));
    expectKeys([body], ["portals"]);
    expectKeys(body.portals, ["active", "created_by", "created_time", "modified_by", "modified_time", "name", "zaid"]);
    expectKeys([...under(body.portals, "created_by"), ...under(body.portals, "modified_by")], NAMED);
  });

  const TYPE = ["active", "created_by", "created_time", "default", "id", "modified_by", "modified_time", "modules", "name", "no_of_users", "personality_module"];

  function expectTypes(body: Loose): void {
    expectKeys([body], ["user_type"]);
    expectKeys(body.user_type, TYPE);
    expectKeys(under(body.user_type, "personality_module"), ["api_name", "id", "plural_label"]);
    const modules = body.user_type.flatMap((t: Loose) => t.modules);
    expectKeys(modules, ["api_name", "fields", "filters", "id", "layouts", "permissions", "plural_label", "shared_type", "views"]);
    expectKeys(under(modules, "permissions"), ["create", "delete", "edit", "view"]);
    expectKeys(under(modules, "views"), ["id", "type"]);
    expectKeys(modules.flatMap((m: Loose) => m.layouts ?? []), ["id"]);
    expectKeys(modules.flatMap((m: Loose) => m.fields), ["id", "read_only"]);
  }

  /** The seed has no read-only fields; make one so that `fields[]` items are checked too. */
  function withReadOnlyField(): Harness {
    const h = harness();
    const title = h.get("settings/fields", { module: "Contacts" }).body.fields.find((f: Loose) => f.api_name === "Title");
    const modules = [{ id: SEED.moduleIds.Contacts, fields: [{ id: title.id, read_only: true }] }];
    ok(h.call("PUT", `${UT}/${PT.userTypes.customer}`, { body: { user_type: [{ modules }] } }));
    return h;
  }

  it("GET /settings/portals/{portal}/user_type", () => {
    expectTypes(ok(withReadOnlyField().get(UT)));
  });

  it("GET /settings/portals/{portal}/user_type/{id}", () => {
    expectTypes(ok(withReadOnlyField().get(`${UT}/${PT.userTypes.customer}`)));
  });

  it("POST, PUT and DELETE a user type: one result item", () => {
    const { call, get } = harness();
    const customer = get(`${UT}/${PT.userTypes.customer}`).body.user_type[0];
    const modules = customer.modules.map((m: Loose) => ({ ...m, api_name: undefined, plural_label: undefined }));
    const created = ok(call("POST", UT, { body: { user_type: [{ name: "Reseller", personality_module: { api_name: "Contacts" }, modules }] } }));
    const updated = ok(call("PUT", `${UT}/${PT.userTypes.customer}`, { body: { user_type: [{ name: "Customers" }] } }));
    const deleted = ok(call("DELETE", `${UT}/${PT.userTypes.supplier}`));
    for (const body of [created, updated, deleted]) {
      expectKeys([body], ["user_type"]);
      expectKeys(body.user_type, RESULT_ITEM);
      expectKeys(body.user_type.map((i: Loose) => i.details), ["id"]);
    }
  });

  it("GET the users of a user type: module is the module's API name", () => {
    const body = ok(harness().get(`${UT}/${PT.userTypes.customer}/users`, { type: "AllUsers" }));
    expectKeys([body], ["info", "users"]);
    expectKeys(body.users, ["active", "confirm", "email", "invited_time", "module", "name", "personality_id", "status_reason__s"]);
    expect(new Set(body.users.map((u: Loose) => u.module))).toEqual(new Set(["Contacts"]));
    expectKeys([body.info], [...PAGE_INFO, "total_count"]);
  });

  it("change status, transfer and delete users: result items naming the personality id", () => {
    const { call } = harness();
    const users = `${UT}/${PT.userTypes.customer}/users`;
    const status = ok(call("PUT", `${users}/${PT.users.customerUnconfirmed}/actions/change_status`, { query: { active: "false" } }));
    expectKeys([status], ["change_status"]);
    expectKeys(status.change_status, RESULT_ITEM);
    expectKeys(status.change_status.map((i: Loose) => i.details), ["personality_id"]);
    const moved = ok(
      call("POST", `${users}/action/transfer`, { query: { transfer_To: PT.userTypes.partner, personality_ids: PT.users.customerUnconfirmed } }),
    );
    const removed = ok(call("DELETE", `${UT}/${PT.userTypes.partner}/users`, { query: { personality_ids: PT.users.partnerActive } }));
    for (const body of [moved, removed]) {
      expectKeys([body], ["users"]);
      expectKeys(body.users, RESULT_ITEM);
      expectKeys(body.users.map((i: Loose) => i.details), ["personality_id"]);
    }
  });
});
