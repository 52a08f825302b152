import { describe, it, expect } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import { harness } from "./api-helpers";

const R = SEED.records;
const U = SEED.users;
const recordPath = (id: string, module = "Deals") => `${module}/${id}/actions/permit_threshold`;

describe("permit_threshold", () => {
  it("answers each reason with the documented shape", () => {
    const { get } = harness();
    const permit = (owner: string, id: string = R.dealUnlocked) => {
      const res = get(recordPath(id), { owner_id: owner });
      expect(res.status).toBe(200);
      expect(Object.keys(res.body)).toEqual(["permit_threshold"]);
      return res.body.permit_threshold;
    };
    expect(permit(U.standard)).toEqual({ allow: true, reason: "RECORD_ALLOWED", remaining_allow_count: 15 });
    expect(permit(U.atThreshold)).toEqual({ allow: false, reason: "RECORD_DENIED_BY_ALLOWCOUNT", remaining_allow_count: 0 });
    expect(permit(U.backlog)).toEqual({ allow: false, reason: "RECORD_DENIED_BY_BACKLOG", remaining_allow_count: 8 });
    expect(permit(U.noRestriction)).toMatchObject({ allow: true, reason: "NO_RESTRICTION" });
    expect(permit(U.thresholdDisabled)).toMatchObject({ allow: true, reason: "RESTRICTION_DISABLED" });
    expect(permit(U.atThreshold, R.dealExcluded)).toEqual({ allow: true, reason: "RECORD_EXCLUDED", remaining_allow_count: 0 });
  });

  it("has a module-level variant without exclusion", () => {
    const { get } = harness();
    expect(get("Deals/actions/permit_threshold", { owner_id: U.carla }).body.permit_threshold).toEqual({
      allow: true,
      reason: "RECORD_ALLOWED",
      remaining_allow_count: 8,
    });
    expect(get("Leads/actions/permit_threshold", { owner_id: U.standard }).body.permit_threshold.reason).toBe("RESTRICTION_DISABLED");
    expect(get("Accounts/actions/permit_threshold", { owner_id: U.standard }).body.permit_threshold.reason).toBe("NO_RESTRICTION");
    expect(get("Projects__c/actions/permit_threshold", { owner_id: U.standard }).status).toBe(200);
  });

  it("counts owner changes against the remaining allowance", () => {
    const { get, call } = harness();
    expect(call("POST", `Deals/${R.dealUnlocked}/actions/change_owner`, { body: { owner: { id: U.carla } } }).status).toBe(200);
    expect(get("Deals/actions/permit_threshold", { owner_id: U.carla }).body.permit_threshold.remaining_allow_count).toBe(7);
  });

  it("reports the documented errors", () => {
    const { get } = harness();
    expect(get(recordPath(R.dealUnlocked)).body).toMatchObject({ code: "REQUIRED_PARAM_MISSING", details: { param: "owner_id" } });
    expect(get(recordPath(R.dealUnlocked), { owner_id: "1" }).body.code).toBe("INVALID_DATA");
    expect(get(recordPath("42"), { owner_id: U.standard }).body).toMatchObject({ code: "INVALID_DATA", details: { resource_path_index: 1 } });
    expect(get(recordPath(R.dealUnlocked, "Nope"), { owner_id: U.standard }).body.code).toBe("INVALID_MODULE");
    const tasks = get(recordPath(R.taskOpen, "Tasks"), { owner_id: U.standard });
    expect(tasks.status).toBe(400);
    expect(tasks.body.code).toBe("NOT_SUPPORTED");
    expect(get("Project_Contacts/actions/permit_threshold", { owner_id: U.standard }).body.code).toBe("NOT_SUPPORTED");
    const edition = harness({ edition: "standard" }).get(recordPath(R.dealUnlocked), { owner_id: U.standard });
    expect(edition.body.code).toBe("FEATURE_NOT_SUPPORTED");
  });
});
