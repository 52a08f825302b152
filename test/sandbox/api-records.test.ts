import { describe, it, expect } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import { harness, type Loose } from "./api-helpers";

const R = SEED.records;
const U = SEED.users;

describe("GET /{module}/{id}", () => {
  it("returns the record with Owner and lock meta keys", () => {
    const { get } = harness();
    const res = get(`Deals/${R.dealUnlocked}`);
    expect(res.status).toBe(200);
    const deal = res.body.data[0];
    expect(deal).toMatchObject({
      id: R.dealUnlocked,
      Deal_Name: "Nimbus Pilot",
      Stage: "Qualification",
      Owner: { id: U.standard, name: "Sam Standard", email: "sam.standard@example.com" },
      Locked__s: false,
      $locked_for_me: false,
      $editable: true,
    });
    expect(deal.Created_Time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  });

  it("reports $locked_for_me per profile (Administrator excluded from the Deals lock)", () => {
    const { get } = harness();
    const asAdmin = get(`Deals/${R.dealAutoLocked}`).body.data[0];
    expect(asAdmin).toMatchObject({ Locked__s: true, $locked_for_me: false, $editable: true });
    const asStandard = get(`Deals/${R.dealAutoLocked}`, {}, U.standard).body.data[0];
    expect(asStandard).toMatchObject({ Locked__s: true, $locked_for_me: true, $editable: false });
    const asReadOnly = get(`Deals/${R.dealUnlocked}`, {}, U.readOnly).body.data[0];
    expect(asReadOnly).toMatchObject({ $locked_for_me: false, $editable: false });
    // Accounts lock applies to all profiles.
    expect(get(`Accounts/${R.accountManualLocked}`).body.data[0].$locked_for_me).toBe(true);
  });

  it("rejects unknown modules and bad ids", () => {
    const { get } = harness();
    expect(get(`Nope/${R.dealUnlocked}`).body).toMatchObject({ code: "INVALID_MODULE", status: "error" });
    const bad = get(`Deals/${R.leadNoConfig}`);
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ code: "INVALID_DATA", message: expect.any(String), status: "error", details: { resource_path_index: 1 } });
    expect(get("Deals/abc").body.code).toBe("INVALID_DATA");
  });

  it("limits keys with fields", () => {
    const { get } = harness();
    const deal = get(`Deals/${R.dealUnlocked}`, { fields: "Deal_Name" }).body.data[0];
    expect(Object.keys(deal).filter((k) => !k.startsWith("$")).sort()).toEqual(["Deal_Name", "id"]);
  });
});

describe("GET /{module}", () => {
  it("requires fields", () => {
    const { get } = harness();
    const res = get("Deals");
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "REQUIRED_PARAM_MISSING", details: { param: "fields" } });
  });

  it("lists records with paging info", () => {
    const { get } = harness();
    const p1 = get("Deals", { fields: "Deal_Name,Stage", per_page: "5" });
    expect(p1.body.data).toHaveLength(5);
    expect(p1.body.info).toMatchObject({ per_page: 5, count: 5, page: 1, more_records: true });
    const p3 = get("Deals", { fields: "Deal_Name", per_page: "5", page: "3" });
    expect(p3.body.info).toMatchObject({ count: 2, more_records: false });
    expect(get("Deals", { fields: "Deal_Name", per_page: "500" }).body.code).toBe("INVALID_DATA");
    expect(get("Deals", { fields: "Deal_Name", per_page: "5", page: "9" }).status).toBe(204);
  });

  it("has about 50 seeded records across modules", () => {
    const { get } = harness();
    const modules = ["Leads", "Contacts", "Accounts", "Deals", "Tasks", "Projects__c", "shipx__Shipments", "Project_Contacts"];
    const total = modules.reduce((n, m) => n + get(m, { fields: "Owner" }).body.data.length, 0);
    expect(total).toBeGreaterThanOrEqual(45);
    const owners = get("Deals", { fields: "Owner" }).body.data.map((d: Loose) => d.Owner);
    for (const o of owners) expect(Object.keys(o).sort()).toEqual(["email", "id", "name"]);
  });

  it("filters by ids and lists Locking_Information__s records", () => {
    const { get } = harness();
    const res = get("Deals", { fields: "Deal_Name", ids: `${R.dealShared},${R.dealUnlocked}` });
    expect(res.body.data.map((d: Loose) => d.id).sort()).toEqual([R.dealUnlocked, R.dealShared].sort());
    const locks = get("Locking_Information__s", { fields: "Locked_For__s,Lock_Source__s" }).body.data;
    const lockedIds = locks.map((l: Loose) => l.Locked_For__s.id);
    expect(lockedIds).toEqual(expect.arrayContaining([R.dealAutoLocked, R.dealManualLocked, R.contactAutoLocked, R.taskClosed, R.accountManualLocked]));
    expect(lockedIds).not.toContain(R.dealUnlocked);
  });
});
