import { describe, it, expect } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import { harness, ID_RE, type Harness, type Loose } from "./api-helpers";

const U = SEED.users;
const BASE = "settings/record_locking_configurations";
const W = "record_locking_configurations";
const wrap = (config: Record<string, unknown>) => ({ [W]: [config] });
const stageRule = (name: string, value: string) => ({
  name,
  lock_existing_records: true,
  criteria: { comparator: "equal", field: { api_name: "Stage" }, value },
});
const post = (h: Harness, module: string, config: Record<string, unknown>, userId?: string) =>
  h.call("POST", BASE, { query: { module }, body: wrap(config), ...(userId ? { userId } : {}) });
const getConfig = (h: Harness, module: string): Loose => h.get(BASE, { module }).body?.[W]?.[0];

describe("GET record_locking_configurations", () => {
  it("returns the seeded Deals configuration", () => {
    const h = harness();
    const res = h.get(BASE, { module: "Deals" });
    expect(res.status).toBe(200);
    expect(res.body[W]).toHaveLength(1);
    expect(res.body[W][0]).toMatchObject({
      id: SEED.configs.deals,
      lock_type: "both",
      locked_for: "all_profiles_except_excluded_profiles",
      lock_excluded_profiles: [{ id: SEED.profiles.administrator, name: "Administrator" }],
      excluded_fields: [{ api_name: "Description", id: expect.stringMatching(ID_RE) }],
      restricted_actions: ["update", "delete", "change_owner"],
      restricted_communications: ["send_mail"],
      restricted_custom_buttons: [{ id: SEED.customButtons.dealsGenerateInvoice, name: "Generate Invoice" }],
      lock_for_portal_users: true,
      feature_type: "record_locking",
      system_defined: false,
      locking_rules: [
        {
          id: SEED.rules.dealsClosedWon,
          name: "Closed Won deals",
          lock_existing_records: true,
          criteria: { comparator: "equal", field: { api_name: "Stage", id: expect.stringMatching(ID_RE) }, value: "Closed Won" },
        },
      ],
      created_by: { id: U.admin, name: "Ada Admin" },
      modified_by: { id: U.admin, name: "Ada Admin" },
    });
    expect(h.get(`${BASE}/${SEED.configs.deals}`, { module: "Deals" }).body[W][0].id).toBe(SEED.configs.deals);
    expect(h.get(`${BASE}/${SEED.configs.accounts}`, { module: "Deals" }).body).toMatchObject({ code: "INVALID_DATA", details: { resource_path_index: 2 } });
  });

  it("answers 204 without a body when the module has no configuration", () => {
    const h = harness();
    const res = h.get(BASE, { module: "Leads" });
    expect(res).toEqual({ status: 204 });
  });

  it("validates the module parameter", () => {
    const h = harness();
    expect(h.get(BASE).body).toMatchObject({ code: "REQUIRED_PARAM_MISSING", details: { param: "module" } });
    expect(h.get(BASE, { module: "Nope" }).body.code).toBe("INVALID_MODULE");
    for (const module of ["shipx__Shipments", "Project_Contacts", "Notes"]) {
      const res = h.get(BASE, { module });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe("NOT_SUPPORTED");
    }
    expect(h.get(BASE, { module: "Projects__c" }).status).toBe(204);
    expect(h.get(BASE, { module: "Deals", feature_type: "other" }).body.code).toBe("INVALID_DATA");
    expect(harness({ edition: "standard" }).get(BASE, { module: "Deals" }).body.code).toBe("FEATURE_NOT_SUPPORTED");
  });

  it("lets every profile read the configuration", () => {
    const h = harness();
    expect(h.get(BASE, { module: "Deals" }, U.readOnly).status).toBe(200);
  });
});

describe("POST record_locking_configurations", () => {
  it("creates a configuration with defaults (201) and locks matching records", () => {
    const h = harness();
    const res = post(h, "Leads", {
      lock_type: "automatic",
      locking_rules: [{ name: "Junk", criteria: { comparator: "equal", field: { api_name: "Lead_Status" }, value: "Junk Lead" } }],
    });
    expect(res.status).toBe(201);
    expect(res.body[W][0]).toMatchObject({ code: "SUCCESS", status: "success", message: "record locking configuration created successfully" });
    const id = res.body[W][0].details.id;
    expect(id).toMatch(ID_RE);
    const c = getConfig(h, "Leads");
    expect(c).toMatchObject({
      id,
      lock_type: "automatic",
      locked_for: "all_profiles",
      restricted_actions: ["update"],
      lock_for_portal_users: true,
      lock_excluded_profiles: null,
      created_time: "2025-06-02T10:00:00+00:00",
      created_by: { id: U.admin, name: "Ada Admin" },
    });
    expect(c.locking_rules[0].id).toMatch(ID_RE);
    expect(c.locking_rules[0].criteria.field.id).toMatch(ID_RE);
    const locks = h.get("Locking_Information__s", { fields: "Locked_For__s,Lock_Source__s,Record_Locking_Rule_Id__s" }).body.data;
    const leadLocks = locks.filter((l: Loose) => l.Locked_For__s.module.api_name === "Leads");
    expect(leadLocks).toHaveLength(1);
    expect(leadLocks[0]).toMatchObject({ Lock_Source__s: "Automatic", Record_Locking_Rule_Id__s: c.locking_rules[0].id });
  });

  it("accepts the singular locked_for spelling and answers with the plural", () => {
    const h = harness();
    const res = post(h, "Projects__c", {
      lock_type: "manual",
      locked_for: "all_profiles_except_excluded_profile",
      lock_excluded_profiles: [{ id: SEED.profiles.salesManager, name: "Sales Manager" }],
    });
    expect(res.status).toBe(201);
    expect(getConfig(h, "Projects__c").locked_for).toBe("all_profiles_except_excluded_profiles");
  });

  it("always keeps update in restricted_actions", () => {
    const h = harness();
    post(h, "Leads", { lock_type: "manual", restricted_actions: ["delete", "tags"] });
    expect(getConfig(h, "Leads").restricted_actions).toEqual(["update", "delete", "tags"]);
  });

  it("allows one configuration per module (LIMIT_EXCEEDED)", () => {
    const h = harness();
    const res = post(h, "Deals", { lock_type: "manual" });
    expect(res.status).toBe(400);
    expect(res.body[W][0]).toMatchObject({ code: "LIMIT_EXCEEDED", status: "error", details: { limit: 1, available_limit: 0 } });
  });

  const cases: [string, Record<string, unknown>, string, Record<string, unknown>][] = [
    ["missing lock_type", { locked_for: "all_profiles" }, "MANDATORY_NOT_FOUND", { api_name: "lock_type", json_path: `$.${W}[0].lock_type` }],
    ["bad lock_type", { lock_type: "sometimes" }, "INVALID_DATA", { api_name: "lock_type", supported_values: ["manual", "automatic", "both"] }],
    ["bad locked_for", { lock_type: "manual", locked_for: "nobody" }, "INVALID_DATA", {
      api_name: "locked_for",
      supported_values: ["all_profiles", "all_profiles_except_excluded_profiles"],
    }],
    ["bad feature_type", { lock_type: "manual", feature_type: "other" }, "INVALID_DATA", { api_name: "feature_type" }],
    ["bad action", { lock_type: "manual", restricted_actions: ["fly"] }, "INVALID_DATA", { api_name: "restricted_actions" }],
    ["bad communication", { lock_type: "manual", restricted_communications: ["fax"] }, "INVALID_DATA", { api_name: "restricted_communications" }],
    ["bad button", { lock_type: "manual", restricted_custom_buttons: [{ id: SEED.customButtons.dealsGenerateInvoice }] }, "INVALID_DATA", {
      api_name: "restricted_custom_buttons",
    }],
    ["bad excluded field", { lock_type: "manual", excluded_fields: [{ api_name: "Nope" }] }, "INVALID_DATA", { api_name: "excluded_fields" }],
    ["bad excluded profile", { lock_type: "manual", locked_for: "all_profiles_except_excluded_profiles", lock_excluded_profiles: [{ id: "1" }] }, "INVALID_DATA", {
      api_name: "lock_excluded_profiles",
    }],
    ["rules missing for automatic", { lock_type: "automatic" }, "DEPENDENT_FIELD_MISSING", {
      api_name: "locking_rules",
      dependee: { api_name: "lock_type", json_path: `$.${W}[0].lock_type` },
    }],
    ["rules missing for both", { lock_type: "both", locking_rules: [] }, "DEPENDENT_FIELD_MISSING", { api_name: "locking_rules" }],
    ["excluded profiles missing", { lock_type: "manual", locked_for: "all_profiles_except_excluded_profiles" }, "DEPENDENT_FIELD_MISSING", {
      api_name: "lock_excluded_profiles",
      dependee: { api_name: "locked_for", json_path: `$.${W}[0].locked_for` },
    }],
    ["six rules", { lock_type: "automatic", locking_rules: ["a", "b", "c", "d", "e", "f"].map((n, i) => ({
      name: n,
      criteria: { comparator: "equal", field: { api_name: "Lead_Status" }, value: ["Contacted", "Junk Lead", "Lost Lead", "Not Contacted", "Pre-Qualified", "Contact in Future"][i] },
    })) }, "LIMIT_EXCEEDED", { api_name: "locking_rules", limit: 5 }],
    ["duplicate rule names", { lock_type: "automatic", locking_rules: [
      { name: "Same", criteria: { comparator: "equal", field: { api_name: "Lead_Status" }, value: "Contacted" } },
      { name: "same", criteria: { comparator: "equal", field: { api_name: "Lead_Status" }, value: "Junk Lead" } },
    ] }, "DUPLICATE_DATA", { api_name: "name", json_path: `$.${W}[0].locking_rules[1].name` }],
    ["duplicate criteria", { lock_type: "automatic", locking_rules: [
      { name: "One", criteria: { comparator: "equal", field: { api_name: "Lead_Status" }, value: "Contacted" } },
      { name: "Two", criteria: { comparator: "equal", field: { api_name: "Lead_Status" }, value: "Contacted" } },
    ] }, "DUPLICATE_DATA", { api_name: "criteria" }],
    ["rule without name", { lock_type: "automatic", locking_rules: [{ criteria: { comparator: "equal", field: { api_name: "Lead_Status" }, value: "Contacted" } }] },
      "MANDATORY_NOT_FOUND", { api_name: "name" }],
    ["field without id or api_name", { lock_type: "automatic", locking_rules: [{ name: "R", criteria: { comparator: "equal", field: {}, value: "Contacted" } }] },
      "EXPECTED_FIELD_MISSING", { expected_fields: [
        { api_name: "api_name", json_path: `$.${W}[0].locking_rules[0].criteria.field.api_name` },
        { api_name: "id", json_path: `$.${W}[0].locking_rules[0].criteria.field.id` },
      ] }],
    ["unsupported comparator", { lock_type: "automatic", locking_rules: [{ name: "R", criteria: { comparator: "sounds_like", field: { api_name: "Company" }, value: "x" } }] },
      "NOT_SUPPORTED", { api_name: "comparator" }],
    ["unknown picklist value", { lock_type: "automatic", locking_rules: [{ name: "R", criteria: { comparator: "equal", field: { api_name: "Lead_Status" }, value: "Maybe" } }] },
      "NOT_SUPPORTED", { api_name: "value" }],
    ["unknown criteria field", { lock_type: "automatic", locking_rules: [{ name: "R", criteria: { comparator: "equal", field: { api_name: "Nope" }, value: "x" } }] },
      "INVALID_DATA", { api_name: "api_name" }],
  ];
  for (const [label, config, code, details] of cases) {
    it(`rejects ${label} with ${code}`, () => {
      const h = harness();
      const res = post(h, "Leads", config);
      expect(res.status).toBe(400);
      expect(res.body[W][0]).toMatchObject({ code, status: "error", details });
      expect(h.get(BASE, { module: "Leads" }).status).toBe(204);
    });
  }

  it("resolves criteria fields by id or api_name and detects ambiguity", () => {
    const h = harness();
    const fields = h.get("settings/fields", { module: "Leads" }).body.fields;
    const idOf = (api: string) => fields.find((f: Loose) => f.api_name === api).id;
    const ambiguous = post(h, "Leads", {
      lock_type: "automatic",
      locking_rules: [{ name: "R", criteria: { comparator: "equal", field: { api_name: "Lead_Status", id: idOf("Company") }, value: "Contacted" } }],
    });
    expect(ambiguous.body[W][0]).toMatchObject({ code: "AMBIGUITY_DURING_PROCESSING", details: { ambiguity_due_to: expect.any(Array) } });
    const oneValid = post(h, "Leads", {
      lock_type: "automatic",
      locking_rules: [{ name: "R", criteria: { comparator: "equal", field: { api_name: "Bogus", id: idOf("Lead_Status") }, value: "Contacted" } }],
    });
    expect(oneValid.status).toBe(201);
    expect(getConfig(h, "Leads").locking_rules[0].criteria.field).toEqual({ api_name: "Lead_Status", id: idOf("Lead_Status") });
  });

  it("accepts group criteria and evaluates them", () => {
    const h = harness();
    const res = post(h, "Projects__c", {
      lock_type: "automatic",
      locking_rules: [{
        name: "Done or big",
        criteria: {
          group_operator: "OR",
          group: [
            { comparator: "equal", field: { api_name: "Project_Stage" }, value: "Delivered" },
            { comparator: "greater_than", field: { api_name: "Budget" }, value: "100000" },
          ],
        },
      }],
    });
    expect(res.status).toBe(201);
    const locked = h.get("Locking_Information__s", { fields: "Locked_For__s" }).body.data
      .filter((l: Loose) => l.Locked_For__s.module.api_name === "Projects__c");
    expect(locked.map((l: Loose) => l.Locked_For__s.name)).toEqual(["Field Service Rollout"]);
  });

  it("accepts only Status equal Closed for Tasks (NOT_SUPPORTED otherwise)", () => {
    const h = harness();
    h.call("DELETE", `${BASE}/${SEED.configs.tasks}`, { query: { module: "Tasks" } });
    const bad = post(h, "Tasks", {
      lock_type: "automatic",
      locking_rules: [{ name: "R", criteria: { comparator: "equal", field: { api_name: "Status" }, value: "Deferred" } }],
    });
    expect(bad.body[W][0].code).toBe("NOT_SUPPORTED");
    const other = post(h, "Tasks", {
      lock_type: "automatic",
      locking_rules: [{ name: "R", criteria: { comparator: "equal", field: { api_name: "Priority" }, value: "High" } }],
    });
    expect(other.body[W][0].code).toBe("NOT_SUPPORTED");
    const ok = post(h, "Tasks", {
      lock_type: "automatic",
      locking_rules: [{ name: "R", criteria: { comparator: "equal", field: { api_name: "Status" }, value: "Closed" } }],
    });
    expect(ok.status).toBe(201);
  });

  it("NO_PERMISSION 403 for profiles without customize; Sales Manager may configure", () => {
    const h = harness();
    for (const user of [U.standard, U.readOnly]) {
      const res = post(h, "Leads", { lock_type: "manual" }, user);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: "NO_PERMISSION", status: "error", details: { permissions: ["Crm_Implied_Customize_Zoho_CRM"] } });
    }
    expect(post(h, "Leads", { lock_type: "manual" }, U.salesManager).status).toBe(201);
  });

  it("rejects a missing wrapper and unsupported modules", () => {
    const h = harness();
    expect(h.call("POST", BASE, { query: { module: "Leads" }, body: {} }).body.code).toBe("MANDATORY_NOT_FOUND");
    expect(post(h, "shipx__Shipments", { lock_type: "manual" }).body.code).toBe("NOT_SUPPORTED");
  });
});

describe("PUT record_locking_configurations", () => {
  it("applies changed rules by id, adds rules without id, deletes _delete rules and keeps omitted ones", () => {
    const h = harness();
    h.clock.advance(3_600_000);
    // First add two rules.
    const add = h.call("PUT", BASE, {
      query: { module: "Deals" },
      body: wrap({ id: SEED.configs.deals, locking_rules: [stageRule("Lost deals", "Closed Lost"), stageRule("Competition", "Closed-Lost to Competition")] }),
      userId: U.salesManager,
    });
    expect(add.status).toBe(200);
    expect(add.body[W][0]).toMatchObject({ code: "SUCCESS", message: "record locking configuration updated successfully", details: { id: SEED.configs.deals } });
    let c = getConfig(h, "Deals");
    expect(c.locking_rules.map((r: Loose) => r.name)).toEqual(["Closed Won deals", "Lost deals", "Competition"]);
    expect(c.modified_time).toBe("2025-06-02T11:00:00+00:00");
    expect(c.modified_by).toEqual({ id: U.salesManager, name: "Mia Manager" });
    expect(c.created_by).toEqual({ id: U.admin, name: "Ada Admin" });
    const lostId = c.locking_rules[1].id;
    const competitionId = c.locking_rules[2].id;
    expect(h.get(`Deals/${SEED.records.dealClosedLost}`, {}, U.standard).body.data[0].$locked_for_me).toBe(true);

    // Rename one, delete another, leave the first out entirely.
    h.clock.advance(60_000);
    const edit = h.call("PUT", `${BASE}/${SEED.configs.deals}`, {
      query: { module: "Deals" },
      body: wrap({ locking_rules: [{ id: lostId, name: "Closed Lost deals" }, { id: competitionId, _delete: true }] }),
    });
    expect(edit.status).toBe(200);
    c = getConfig(h, "Deals");
    expect(c.locking_rules.map((r: Loose) => [r.id, r.name])).toEqual([
      [SEED.rules.dealsClosedWon, "Closed Won deals"],
      [lostId, "Closed Lost deals"],
    ]);
    expect(c.modified_time).toBe("2025-06-02T11:01:00+00:00");
    expect(c.lock_type).toBe("both");
    expect(c.restricted_actions).toEqual(["update", "delete", "change_owner"]);
  });

  it("changes scalar keys and keeps update restricted", () => {
    const h = harness();
    const res = h.call("PUT", `${BASE}/${SEED.configs.deals}`, {
      query: { module: "Deals" },
      body: wrap({ restricted_actions: ["delete"], locked_for: "all_profiles", lock_for_portal_users: false }),
    });
    expect(res.status).toBe(200);
    const c = getConfig(h, "Deals");
    expect(c).toMatchObject({ restricted_actions: ["update", "delete"], locked_for: "all_profiles", lock_excluded_profiles: null, lock_for_portal_users: false });
    // Now the lock applies to administrators too.
    expect(h.get(`Deals/${SEED.records.dealAutoLocked}`).body.data[0].$locked_for_me).toBe(true);
  });

  it("turning a manual config automatic requires rules; deleting the last rule of an automatic config is refused", () => {
    const h = harness();
    const toAuto = h.call("PUT", `${BASE}/${SEED.configs.accounts}`, { query: { module: "Accounts" }, body: wrap({ lock_type: "automatic" }) });
    expect(toAuto.body[W][0].code).toBe("DEPENDENT_FIELD_MISSING");
    const dropLast = h.call("PUT", `${BASE}/${SEED.configs.contacts}`, {
      query: { module: "Contacts" },
      body: wrap({ locking_rules: [{ id: SEED.rules.contactsDoNotContact, _delete: true }] }),
    });
    expect(dropLast.body[W][0].code).toBe("DEPENDENT_FIELD_MISSING");
    expect(getConfig(h, "Contacts").locking_rules).toHaveLength(1);
  });

  it("needs the config id in the body on the collection path", () => {
    const h = harness();
    const res = h.call("PUT", BASE, { query: { module: "Deals" }, body: wrap({ lock_type: "manual" }) });
    expect(res.status).toBe(400);
    expect(res.body[W][0]).toMatchObject({ code: "MANDATORY_NOT_FOUND", details: { api_name: "id" } });
    const wrong = h.call("PUT", BASE, { query: { module: "Deals" }, body: wrap({ id: SEED.configs.accounts, lock_type: "manual" }) });
    expect(wrong.body[W][0].code).toBe("INVALID_DATA");
    const unknownRule = h.call("PUT", BASE, {
      query: { module: "Deals" },
      body: wrap({ id: SEED.configs.deals, locking_rules: [{ id: "5725767000000999999", _delete: true }] }),
    });
    expect(unknownRule.body[W][0]).toMatchObject({ code: "INVALID_DATA", details: { api_name: "id" } });
  });

  it("rejects an update that would exceed five rules", () => {
    const h = harness();
    const values = ["Qualification", "Needs Analysis", "Value Proposition", "Id. Decision Makers", "Proposal/Price Quote"];
    const res = h.call("PUT", `${BASE}/${SEED.configs.deals}`, {
      query: { module: "Deals" },
      body: wrap({ locking_rules: values.map((v) => stageRule(v, v)) }),
    });
    expect(res.body[W][0]).toMatchObject({ code: "LIMIT_EXCEEDED", details: { limit: 5, available_limit: 4 } });
  });

  it("NO_PERMISSION for the standard profile", () => {
    const h = harness();
    const res = h.call("PUT", `${BASE}/${SEED.configs.deals}`, { query: { module: "Deals" }, body: wrap({ lock_type: "manual" }), userId: U.standard });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("NO_PERMISSION");
  });
});

describe("DELETE record_locking_configurations/{id}", () => {
  it("deletes the configuration and unlocks every record of the module", () => {
    const h = harness();
    const res = h.call("DELETE", `${BASE}/${SEED.configs.deals}`, { query: { module: "Deals" } });
    expect(res.status).toBe(200);
    expect(res.body[W][0]).toMatchObject({ code: "SUCCESS", status: "success", message: "record locking configuration deleted", details: { id: SEED.configs.deals } });
    expect(h.get(BASE, { module: "Deals" }).status).toBe(204);
    for (const id of [SEED.records.dealAutoLocked, SEED.records.dealManualLocked, SEED.records.dealClosedWon2]) {
      // Without a configuration the lock read itself is refused (NOT_ALLOWED 400): nothing is locked.
      expect(h.get(`Deals/${id}/Locking_Information__s`, { fields: "Lock_Source__s" })).toMatchObject({
        status: 400,
        body: { code: "NOT_ALLOWED" },
      });
      expect(h.get(`Deals/${id}`, {}, U.standard).body.data[0].$locked_for_me).toBe(false);
    }
    // Other modules keep their locks.
    expect(h.get(`Accounts/${SEED.records.accountManualLocked}/Locking_Information__s`, { fields: "Lock_Source__s" }).status).toBe(200);
    // And a manual lock is no longer possible.
    expect(h.call("POST", `Deals/${SEED.records.dealUnlocked}/Locking_Information__s`, { body: { data: [{ Locked_Reason__s: "x" }] } }).body.code).toBe("NOT_ALLOWED");
  });

  it("rejects a wrong id and profiles without customize", () => {
    const h = harness();
    expect(h.call("DELETE", `${BASE}/${SEED.configs.accounts}`, { query: { module: "Deals" } }).body).toMatchObject({
      code: "INVALID_DATA",
      details: { resource_path_index: 2 },
    });
    expect(h.call("DELETE", `${BASE}/${SEED.configs.deals}`, { query: { module: "Deals" }, userId: U.readOnly }).status).toBe(403);
    expect(h.call("DELETE", `${BASE}/${SEED.configs.deals}`, { query: { module: "Deals" } }).status).toBe(200);
    expect(h.call("DELETE", `${BASE}/${SEED.configs.deals}`, { query: { module: "Deals" } }).body.code).toBe("INVALID_DATA");
  });
});
