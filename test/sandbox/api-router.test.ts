import { describe, it, expect } from "vitest";
import { createMockCrm } from "../../sandbox/api/index";
import { SEED, describeSeed } from "../../sandbox/seed/index";
import { ID_RE, collectIds, harness } from "./api-helpers";

describe("mock CRM routing and envelope", () => {
  it("answers unknown paths with 404 INVALID_URL_PATTERN as a top-level error", () => {
    const { get, crm } = harness();
    for (const res of [get("settings/nothing_here"), get("Deals/1/2/3/4/5"), crm.handle({ method: "GET", path: "/api/v8/x", query: {} })]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ code: "INVALID_URL_PATTERN", message: expect.any(String), status: "error", details: {} });
    }
  });

  it("answers a wrong verb with INVALID_REQUEST_METHOD", () => {
    const { call } = harness();
    const res = call("PATCH", "settings/record_locking_configurations", { query: { module: "Deals" } });
    expect(res.body.code).toBe("INVALID_REQUEST_METHOD");
    expect(res.status).toBe(400);
    expect(call("GET", "Deals/actions/change_owner").body.code).toBe("INVALID_REQUEST_METHOD");
  });

  it("reports API_NOT_SUPPORTED for permit_threshold below v8", () => {
    const crm = createMockCrm();
    const res = crm.handle({
      method: "GET",
      path: `/crm/v7/Deals/${SEED.records.dealUnlocked}/actions/permit_threshold`,
      query: { owner_id: SEED.users.standard },
    });
    expect(res.status).toBe(400);
    expect((res.body as { code: string }).code).toBe("API_NOT_SUPPORTED");
  });

  it("rejects unknown and inactive acting users with 401 INVALID_TOKEN", () => {
    const { get } = harness();
    expect(get("users", {}, "5725767999999999999").status).toBe(401);
    const res = get("users", {}, SEED.users.inactive);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("INVALID_TOKEN");
    expect(get("users", {}, SEED.users.unconfirmed).status).toBe(401);
  });

  it("defaults the acting user to the seeded administrator", () => {
    const { get } = harness();
    const res = get("users", { type: "CurrentUser" });
    expect(res.body.users).toHaveLength(1);
    expect(res.body.users[0].id).toBe(SEED.users.admin);
    expect(res.body.users[0].profile.name).toBe("Administrator");
  });

  it("uses 19-digit string ids everywhere", () => {
    const { get } = harness();
    const responses = [
      get("users"),
      get("settings/profiles"),
      get(`settings/profiles/${SEED.profiles.standard}`),
      get("settings/modules"),
      get("settings/fields", { module: "Deals" }),
      get("settings/custom_buttons", { module: "Deals" }),
      get("Deals", { fields: "Deal_Name,Owner,Account_Name,Stage" }),
      get("Tasks", { fields: "Subject,What_Id" }),
      get("Locking_Information__s", { fields: "Locked_For__s,Locked_By__s,Record_Locking_Configuration_Id__s,Record_Locking_Rule_Id__s" }),
      get("settings/record_locking_configurations", { module: "Deals" }),
      get(`Deals/${SEED.records.dealShared}/actions/share`),
      get("settings/portals/ExamplePortal/user_type"),
      get(`settings/portals/ExamplePortal/user_type/${SEED.portal.userTypes.customer}/users`, { type: "AllUsers" }),
    ];
    const ids = responses.flatMap((r) => {
      expect(r.status).toBe(200);
      return collectIds(r.body);
    });
    expect(ids.length).toBeGreaterThan(200);
    for (const id of ids) expect(id).toMatch(ID_RE);
    const all = Object.values(SEED.records).concat(Object.values(SEED.users));
    for (const id of all) expect(id).toMatch(ID_RE);
  });

  it("is deterministic: two instances answer identically", () => {
    const a = harness();
    const b = harness();
    expect(a.get("Locking_Information__s", { fields: "Locked_For__s" }).body).toEqual(
      b.get("Locking_Information__s", { fields: "Locked_For__s" }).body,
    );
    expect(a.get("users").body).toEqual(b.get("users").body);
  });

  it("reset() restores the seed, including the id counter", () => {
    const h = harness();
    const path = `Deals/${SEED.records.dealUnlocked}/Locking_Information__s`;
    const first = h.call("POST", path, { body: { data: [{ Locked_Reason__s: "x" }] } });
    expect(first.status).toBe(201);
    h.call("DELETE", `Deals/${SEED.records.dealShared}/actions/share`);
    h.crm.reset();
    expect(h.get(path, { fields: "Lock_Source__s" }).status).toBe(204);
    expect(h.get(`Deals/${SEED.records.dealShared}/actions/share`).body.share).toHaveLength(3);
    const again = h.call("POST", path, { body: { data: [{ Locked_Reason__s: "x" }] } });
    expect(again.body.data[0].details.id).toBe(first.body.data[0].details.id);
  });

  it("hands out copies: mutating a response does not change the mock", () => {
    const { get } = harness();
    const res = get(`Deals/${SEED.records.dealUnlocked}`);
    res.body.data[0].Deal_Name = "changed";
    expect(get(`Deals/${SEED.records.dealUnlocked}`).body.data[0].Deal_Name).toBe("Nimbus Pilot");
  });

  it("describes interesting seeded records that all exist", () => {
    const { get } = harness();
    const list = describeSeed();
    expect(list.length).toBeGreaterThanOrEqual(10);
    for (const r of list) {
      const res = get(`${r.module}/${r.id}`);
      expect(res.status, r.label).toBe(200);
    }
  });

  it("answers malformed bodies with 4xx errors, never a server fault", () => {
    const { call } = harness();
    const R = SEED.records;
    const writes: [ "POST" | "PUT", string, Record<string, string>][] = [
      ["POST", `Deals/${R.dealUnlocked}/Locking_Information__s`, {}],
      ["POST", "settings/record_locking_configurations", { module: "Leads" }],
      ["PUT", "settings/record_locking_configurations", { module: "Deals" }],
      ["POST", `Deals/${R.dealUnlocked}/actions/share`, {}],
      ["PUT", `Deals/${R.dealUnlocked}/actions/share`, {}],
      ["POST", `Deals/${R.dealUnlocked}/actions/change_owner`, {}],
      ["POST", "Deals/actions/change_owner", {}],
      ["POST", `settings/portals/${SEED.portal.name}/user_type`, {}],
    ];
    const bodies: unknown[] = [
      undefined,
      null,
      "text",
      [],
      { data: [null] },
      { share: [null, 1, { shared_with: 5 }] },
      { record_locking_configurations: [null, { lock_type: 5, locking_rules: [null, { criteria: { group: 5 } }] }] },
      { owner: { id: 5 }, ids: [null, 5], related_modules: [null] },
      { user_type: [null, { name: 5, modules: [null, { id: 5 }] }] },
    ];
    for (const [method, path, query] of writes) {
      for (const body of bodies) {
        const res = call(method, path, { query, body });
        expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }
    }
  });
});
