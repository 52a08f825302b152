import { describe, it, expect } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import { harness, type Loose } from "./api-helpers";

const R = SEED.records;
const U = SEED.users;
const one = (id: string, module = "Deals") => `${module}/${id}/actions/change_owner`;

describe("single change owner", () => {
  it("updates the owner and answers one success item", () => {
    const { call, get } = harness();
    const res = call("POST", one(R.dealUnlocked), { body: { owner: { id: U.carla }, notify: true }, userId: U.standard });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: [{ code: "SUCCESS", status: "success", message: "owner is successfully updated", details: { id: R.dealUnlocked } }] });
    const deal = get(`Deals/${R.dealUnlocked}`).body.data[0];
    expect(deal.Owner).toEqual({ id: U.carla, name: "Carla Closer", email: "carla.closer@example.com" });
    expect(deal.Modified_By.id).toBe(U.standard);
    expect(deal.Modified_Time).toBe("2025-06-02T10:00:00+00:00");
  });

  it("moves related tasks only when asked", () => {
    const { call, get } = harness();
    const taskOwner = () => get(`Tasks/${R.taskOpen}`).body.data[0].Owner.id;
    call("POST", one(R.dealUnlocked), { body: { owner: { id: U.carla } } });
    expect(taskOwner()).toBe(U.standard);
    call("POST", one(R.dealUnlocked), { body: { owner: { id: U.dan }, related_modules: [{ api_name: "Tasks" }] } });
    expect(taskOwner()).toBe(U.dan);
    const bad = call("POST", one(R.dealUnlocked), { body: { owner: { id: U.dan }, related_modules: [{ api_name: "Deals" }] } });
    expect(bad.body.code).toBe("NOT_SUPPORTED");
    expect(call("POST", one(R.dealUnlocked), { body: { owner: { id: U.dan }, related_modules: [{}] } }).body.code).toBe("EXPECTED_FIELD_MISSING");
    const ambiguous = call("POST", one(R.dealUnlocked), {
      body: { owner: { id: U.dan }, related_modules: [{ api_name: "Events", id: SEED.moduleIds.Tasks }] },
    });
    expect(ambiguous.body.code).toBe("AMBIGUITY_DURING_PROCESSING");
  });

  it("RECORD_LOCKED when change_owner is restricted and the profile is not excluded", () => {
    const { call, get } = harness();
    const res = call("POST", one(R.dealAutoLocked), { body: { owner: { id: U.carla } }, userId: U.standard });
    expect(res.status).toBe(400);
    expect(res.body.data[0]).toEqual({
      code: "RECORD_LOCKED",
      status: "error",
      message: expect.any(String),
      details: { id: R.dealAutoLocked, action: "change_owner" },
    });
    expect(get(`Deals/${R.dealAutoLocked}`).body.data[0].Owner.id).toBe(U.standard);
    // The Administrator profile is excluded from the Deals lock.
    expect(call("POST", one(R.dealAutoLocked), { body: { owner: { id: U.carla } } }).status).toBe(200);
    // Accounts restrict update and delete but not change_owner.
    expect(call("POST", one(R.accountManualLocked, "Accounts"), { body: { owner: { id: U.carla } }, userId: U.standard }).status).toBe(200);
    // Contacts restrict change_owner for all profiles.
    expect(call("POST", one(R.contactAutoLocked, "Contacts"), { body: { owner: { id: U.carla } } }).body.data[0].code).toBe("RECORD_LOCKED");
  });

  it("validates the owner", () => {
    const { call } = harness();
    const missing = call("POST", one(R.dealUnlocked), { body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: "MANDATORY_NOT_FOUND", details: { api_name: "owner" } });
    for (const id of ["123", U.inactive, U.unconfirmed]) {
      const res = call("POST", one(R.dealUnlocked), { body: { owner: { id } } });
      expect(res.body).toMatchObject({ code: "INVALID_DATA", details: { param_name: "owner" } });
    }
  });

  it("rejects bad records, modules and profiles without change owner", () => {
    const { call } = harness();
    expect(call("POST", one("999"), { body: { owner: { id: U.carla } } }).body.code).toBe("INVALID_DATA");
    expect(call("POST", one(R.dealUnlocked, "Nope"), { body: { owner: { id: U.carla } } }).body.code).toBe("INVALID_MODULE");
    expect(call("POST", one(R.projectContact, "Project_Contacts"), { body: { owner: { id: U.carla } } }).body.code).toBe("NOT_SUPPORTED");
    const ro = call("POST", one(R.dealUnlocked), { body: { owner: { id: U.carla } }, userId: U.readOnly });
    expect(ro.status).toBe(403);
    expect(ro.body.code).toBe("NO_PERMISSION");
  });
});

describe("bulk change owner", () => {
  it("mixes success and error items", () => {
    const { call, get } = harness();
    const res = call("POST", "Deals/actions/change_owner", {
      body: { ids: [R.dealUnlocked, R.dealAutoLocked, "5725767000000000000"], owner: { id: U.eva } },
      userId: U.standard,
    });
    expect(res.status).toBe(200);
    const codes = res.body.data.map((i: Loose) => i.code);
    expect(codes).toEqual(["SUCCESS", "RECORD_LOCKED", "INVALID_DATA"]);
    expect(res.body.data[2].details).toEqual({ id: "5725767000000000000" });
    expect(get(`Deals/${R.dealUnlocked}`).body.data[0].Owner.id).toBe(U.eva);
  });

  it("requires ids (at most 500) and owner", () => {
    const { call } = harness();
    expect(call("POST", "Deals/actions/change_owner", { body: { owner: { id: U.eva } } }).body).toMatchObject({ code: "MANDATORY_NOT_FOUND", details: { api_name: "ids" } });
    expect(call("POST", "Deals/actions/change_owner", { body: { ids: [], owner: { id: U.eva } } }).body.code).toBe("MANDATORY_NOT_FOUND");
    const many = Array.from({ length: 501 }, () => R.dealUnlocked);
    expect(call("POST", "Deals/actions/change_owner", { body: { ids: many, owner: { id: U.eva } } }).body).toMatchObject({
      code: "LIMIT_EXCEEDED",
      details: { limit: 500 },
    });
    expect(call("POST", "Deals/actions/change_owner", { body: { ids: [R.dealUnlocked] } }).body.code).toBe("MANDATORY_NOT_FOUND");
    const allBad = call("POST", "Deals/actions/change_owner", { body: { ids: ["1"], owner: { id: U.eva } } });
    expect(allBad.status).toBe(400);
  });
});
