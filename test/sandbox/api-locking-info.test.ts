import { describe, it, expect } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import { harness, ID_RE } from "./api-helpers";

const R = SEED.records;
const U = SEED.users;
const FIELDS = "Locked_For__s,Lock_Source__s,Locked_By__s,Locked_Reason__s,Locked_Time__s,Record_Locking_Configuration_Id__s,Record_Locking_Rule_Id__s,Feature_Type__s";
const lockPath = (module: string, id: string) => `${module}/${id}/Locking_Information__s`;
const reason = (text: unknown) => ({ data: [{ Locked_Reason__s: text }] });

describe("lock lifecycle", () => {
  it("lock 201 -> GET shows it -> second lock 403 -> edit reason -> unlock -> GET 204", () => {
    const { call, get, clock } = harness();
    const path = lockPath("Deals", R.dealUnlocked);
    expect(get(path, { fields: FIELDS }).status).toBe(204);

    const created = call("POST", path, { body: reason("Waiting for budget approval"), userId: U.standard });
    expect(created.status).toBe(201);
    const item = created.body.data[0];
    expect(item).toMatchObject({ code: "SUCCESS", status: "success", message: "record added" });
    expect(item.details.id).toMatch(ID_RE);
    expect(item.details.Created_By).toEqual({ id: U.standard, name: "Sam Standard" });
    expect(item.details.Created_Time).toBe("2025-06-02T10:00:00+00:00");
    const lockId: string = item.details.id;

    const shown = get(path, { fields: FIELDS });
    expect(shown.status).toBe(200);
    expect(shown.body.info).toMatchObject({ count: 1, more_records: false });
    expect(shown.body.data[0]).toEqual({
      id: lockId,
      Locked_For__s: { module: { api_name: "Deals", id: SEED.moduleIds.Deals }, name: "Nimbus Pilot", id: R.dealUnlocked },
      Lock_Source__s: "Manual",
      Locked_By__s: { name: "Sam Standard", id: U.standard },
      Locked_Reason__s: "Waiting for budget approval",
      Locked_Time__s: "2025-06-02T10:00:00+00:00",
      Record_Locking_Configuration_Id__s: SEED.configs.deals,
      Record_Locking_Rule_Id__s: null,
      Feature_Type__s: "record_locking",
    });
    expect(get(`Deals/${R.dealUnlocked}`, {}, U.standard).body.data[0].$locked_for_me).toBe(true);

    const again = call("POST", path, { body: reason("again"), userId: U.standard });
    expect(again.status).toBe(403);
    expect(again.body).toMatchObject({ code: "NOT_ALLOWED", status: "error" });

    clock.advance(60_000);
    const edited = call("PUT", `${path}/${lockId}`, { body: reason("Budget approved, waiting for signature"), userId: U.standard });
    expect(edited.status).toBe(200);
    expect(edited.body.data[0]).toMatchObject({ code: "SUCCESS", message: "relation updated", details: { id: lockId } });
    const byId = get(`${path}/${lockId}`);
    expect(byId.body.data[0]).toMatchObject({
      Locked_Reason__s: "Budget approved, waiting for signature",
      Modified_Time: "2025-06-02T10:01:00+00:00",
    });

    const removed = call("DELETE", `${path}/${lockId}`, { userId: U.standard });
    expect(removed.status).toBe(200);
    expect(removed.body.data[0]).toMatchObject({ code: "SUCCESS", message: "relation removed", details: { id: lockId } });
    expect(get(path, { fields: FIELDS }).status).toBe(204);
    expect(get(`${path}/${lockId}`).body.code).toBe("INVALID_DATA");
  });

  it("shows seeded automatic and manual locks", () => {
    const { get } = harness();
    const auto = get(lockPath("Deals", R.dealAutoLocked), { fields: FIELDS }).body.data[0];
    expect(auto).toMatchObject({
      Lock_Source__s: "Automatic",
      Record_Locking_Rule_Id__s: SEED.rules.dealsClosedWon,
      Record_Locking_Configuration_Id__s: SEED.configs.deals,
      Locked_By__s: null,
      Locked_Reason__s: null,
    });
    const manual = get(lockPath("Deals", R.dealManualLocked), { fields: "Lock_Source__s,Locked_By__s,Locked_Reason__s" }).body.data[0];
    expect(manual).toEqual({
      id: SEED.locks.dealManualLocked,
      Lock_Source__s: "Manual",
      Locked_By__s: { name: "Mia Manager", id: U.salesManager },
      Locked_Reason__s: expect.stringContaining("legal review"),
    });
  });
});

describe("lock errors", () => {
  it("requires fields on the list GET and validates field names", () => {
    const { get } = harness();
    const res = get(lockPath("Deals", R.dealAutoLocked));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "REQUIRED_PARAM_MISSING", details: { param: "fields", param_name: "fields" } });
    expect(get(lockPath("Deals", R.dealAutoLocked), { fields: "Bogus" }).body.code).toBe("INVALID_DATA");
    expect(get(lockPath("Deals", R.dealAutoLocked), { fields: "Owner,Parent_Id" }).status).toBe(200);
  });

  it("rejects bad module, record and lock ids", () => {
    const { get, call } = harness();
    expect(get(lockPath("Nope", R.dealUnlocked), { fields: FIELDS }).body.code).toBe("INVALID_MODULE");
    expect(get(lockPath("Deals", "123"), { fields: FIELDS }).body).toMatchObject({ code: "INVALID_DATA", details: { resource_path_index: 1 } });
    const wrongLock = get(`${lockPath("Deals", R.dealAutoLocked)}/${SEED.locks.dealManualLocked}`);
    expect(wrongLock.body).toMatchObject({ code: "INVALID_DATA", details: { resource_path_index: 3 } });
    expect(call("DELETE", `${lockPath("Deals", R.dealUnlocked)}/${SEED.locks.dealManualLocked}`).body.code).toBe("INVALID_DATA");
  });

  it("requires a reason (MANDATORY_NOT_FOUND) of at most 3000 characters", () => {
    const { call } = harness();
    const path = lockPath("Deals", R.dealUnlocked);
    for (const body of [reason(undefined), reason(""), { data: [{}] }]) {
      const res = call("POST", path, { body });
      expect(res.status).toBe(400);
      expect(res.body.data[0]).toEqual({
        code: "MANDATORY_NOT_FOUND",
        status: "error",
        message: expect.any(String),
        details: { api_name: "Locked_Reason__s", json_path: "$.data[0].Locked_Reason__s" },
      });
    }
    expect(call("POST", path, { body: {} }).body.code).toBe("MANDATORY_NOT_FOUND");
    const long = call("POST", path, { body: reason("x".repeat(3001)) });
    expect(long.status).toBe(400);
    expect(long.body.data[0]).toMatchObject({ code: "INVALID_DATA", details: { api_name: "Locked_Reason__s", maximum_length: 3000 } });
    expect(call("POST", path, { body: reason("x".repeat(3000)) }).status).toBe(201);
  });

  it("NOT_ALLOWED 400 when the module has no configuration", () => {
    const { call } = harness();
    const res = call("POST", lockPath("Leads", R.leadNoConfig), { body: reason("why") });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "NOT_ALLOWED", status: "error" });
    const read = call("GET", lockPath("Leads", R.leadNoConfig), { query: { fields: FIELDS } });
    expect(read.status).toBe(400);
    expect(read.body).toMatchObject({ code: "NOT_ALLOWED", status: "error" });
  });

  it("NOT_ALLOWED when the configuration is automatic only", () => {
    const { call } = harness();
    const res = call("POST", lockPath("Contacts", R.contactAutomaticOnly), { body: reason("why") });
    expect(res.body.code).toBe("NOT_ALLOWED");
    expect(res.status).toBe(400);
  });

  it("manual-only modules accept manual locks", () => {
    const { call } = harness();
    expect(call("POST", lockPath("Accounts", R.accountManualOnly), { body: reason("credit check"), userId: U.standard }).status).toBe(201);
  });

  it("refuses to delete or edit an automatic lock with NOT_ALLOWED 403", () => {
    const { call, get } = harness();
    const path = lockPath("Deals", R.dealAutoLocked);
    const lockId = get(path, { fields: FIELDS }).body.data[0].id;
    const del = call("DELETE", `${path}/${lockId}`);
    expect(del.status).toBe(403);
    expect(del.body.code).toBe("NOT_ALLOWED");
    expect(call("PUT", `${path}/${lockId}`, { body: reason("x") }).body.code).toBe("NOT_ALLOWED");
    expect(get(path, { fields: FIELDS }).status).toBe(200);
  });

  it("NO_PERMISSION 403 for profiles without the Lock permission", () => {
    const { call, get } = harness();
    const path = lockPath("Deals", R.dealUnlocked);
    const res = call("POST", path, { body: reason("x"), userId: U.readOnly });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("NO_PERMISSION");
    // Standard has no Lock permission on Tasks.
    expect(call("POST", lockPath("Tasks", R.taskOpen), { body: reason("x"), userId: U.standard }).body.code).toBe("NO_PERMISSION");
    const manual = `${lockPath("Deals", R.dealManualLocked)}/${SEED.locks.dealManualLocked}`;
    expect(call("DELETE", manual, { userId: U.readOnly }).body.code).toBe("NO_PERMISSION");
    expect(call("PUT", manual, { body: reason("y"), userId: U.readOnly }).body.code).toBe("NO_PERMISSION");
    // Reading lock state is allowed.
    expect(get(lockPath("Deals", R.dealManualLocked), { fields: FIELDS }, U.readOnly).status).toBe(200);
  });

  it("FEATURE_NOT_SUPPORTED in the standard edition", () => {
    const { call, get } = harness({ edition: "standard" });
    expect(get(lockPath("Deals", R.dealAutoLocked), { fields: FIELDS }).body.code).toBe("FEATURE_NOT_SUPPORTED");
    const res = call("POST", lockPath("Deals", R.dealUnlocked), { body: reason("x") });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("FEATURE_NOT_SUPPORTED");
  });
});

describe("automatic locks follow the data", () => {
  it("a deleted manual lock on a matching record is replaced by an automatic one", () => {
    const { call, get } = harness();
    // Make the manually locked deal match the Closed Won rule through a config change,
    // then unlock: the record must come back as automatically locked.
    const put = call("PUT", `settings/record_locking_configurations/${SEED.configs.deals}`, {
      query: { module: "Deals" },
      body: {
        record_locking_configurations: [
          { locking_rules: [{ name: "Negotiation", criteria: { comparator: "equal", field: { api_name: "Stage" }, value: "Negotiation/Review" } }] },
        ],
      },
    });
    expect(put.status).toBe(200);
    const path = lockPath("Deals", R.dealManualLocked);
    expect(get(path, { fields: "Lock_Source__s" }).body.data[0].Lock_Source__s).toBe("Manual");
    expect(call("DELETE", `${path}/${SEED.locks.dealManualLocked}`, { userId: U.salesManager }).status).toBe(200);
    expect(get(path, { fields: "Lock_Source__s" }).body.data[0].Lock_Source__s).toBe("Automatic");
  });

  it("a record that no longer matches its rule keeps the lock while the rule exists; it goes with the rule", () => {
    const { call, get } = harness();
    const path = lockPath("Deals", R.dealAutoLocked);
    const before = get(path, { fields: FIELDS }).body.data[0];
    const putRules = (rules: unknown[]) =>
      call("PUT", `settings/record_locking_configurations/${SEED.configs.deals}`, {
        query: { module: "Deals" },
        body: { record_locking_configurations: [{ locking_rules: rules }] },
      });
    // Only deals above 50,000 match now; the locked deal's amount is 48,000.
    const edited = putRules([
      {
        id: SEED.rules.dealsClosedWon,
        criteria: {
          group_operator: "AND",
          group: [
            { comparator: "equal", field: { api_name: "Stage" }, value: "Closed Won" },
            { comparator: "greater_than", field: { api_name: "Amount" }, value: "50000" },
          ],
        },
      },
    ]);
    expect(edited.status).toBe(200);
    expect(get(path, { fields: FIELDS }).body.data[0]).toMatchObject({
      id: before.id,
      Lock_Source__s: "Automatic",
      Record_Locking_Rule_Id__s: SEED.rules.dealsClosedWon,
    });
    // A new rule takes the place of the old one, which is deleted: the lock goes with it.
    const replaced = putRules([
      { id: SEED.rules.dealsClosedWon, _delete: true },
      { name: "Big deals", criteria: { comparator: "greater_than", field: { api_name: "Amount" }, value: "100000" } },
    ]);
    expect(replaced.status).toBe(200);
    expect(get(path, { fields: FIELDS }).status).toBe(204);
  });

  it("an owner change elsewhere does not disturb existing lock ids", () => {
    const { call, get } = harness();
    const before = get(lockPath("Deals", R.dealAutoLocked), { fields: FIELDS }).body.data[0].id;
    call("POST", `Deals/${R.dealUnlocked}/actions/change_owner`, { body: { owner: { id: U.carla } } });
    expect(get(lockPath("Deals", R.dealAutoLocked), { fields: FIELDS }).body.data[0].id).toBe(before);
  });
});
