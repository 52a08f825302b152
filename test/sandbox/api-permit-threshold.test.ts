import { describe, it, expect } from "vitest";
import { SEED, zid } from "../../sandbox/seed/ids";
import { harness } from "./api-helpers";
import { TEAM_CANDIDATES, teamDealId } from "../../sandbox/seed/team";

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

describe("the team seed (several thresholds in one module)", () => {
  const T = SEED.team.users;
  const modulePermit = (get: ReturnType<typeof harness>["get"], owner: string) =>
    get("Deals/actions/permit_threshold", { owner_id: owner }).body.permit_threshold;

  it("answers each member from their own threshold, and leaves the first one as it was", () => {
    const { get } = harness({ team: true });
    expect(TEAM_CANDIDATES).toHaveLength(20);
    expect(modulePermit(get, T.olive)).toEqual({ allow: true, reason: "RECORD_ALLOWED", remaining_allow_count: 2 });
    expect(modulePermit(get, T.bella)).toEqual({ allow: true, reason: "RECORD_ALLOWED", remaining_allow_count: 20 });
    expect(modulePermit(get, T.tina)).toMatchObject({ allow: false, reason: "RECORD_DENIED_BY_BACKLOG" });
    expect(modulePermit(get, T.uwe)).toMatchObject({ allow: true, reason: "RESTRICTION_DISABLED" });
    expect(modulePermit(get, U.carla)).toEqual({ allow: true, reason: "RECORD_ALLOWED", remaining_allow_count: 8 });
    // The team's threshold has no exclude criteria; the first one's still applies to its own users.
    const cheap = teamDealId(4);
    expect(get(recordPath(cheap), { owner_id: T.olive }).body.permit_threshold.reason).toBe("RECORD_ALLOWED");
    expect(get(recordPath(cheap), { owner_id: U.carla }).body.permit_threshold.reason).toBe("RECORD_EXCLUDED");
    expect(get(recordPath(teamDealId(5)), { owner_id: U.carla }).body.permit_threshold.reason).toBe("RECORD_ALLOWED");
  });

  it("counts a change of owner against the new owner's own threshold", () => {
    const { get, call } = harness({ team: true });
    const ids = [teamDealId(1), teamDealId(2), teamDealId(3)];
    expect(call("POST", "Deals/actions/change_owner", { body: { owner: { id: T.bella }, ids } }).status).toBe(200);
    expect(modulePermit(get, T.bella).remaining_allow_count).toBe(17);
    expect(modulePermit(get, U.carla).remaining_allow_count).toBe(8);
  });

  it("adds 22 users and 500 open deals of a disabled user, and nothing without the option", () => {
    const plain = harness();
    const team = harness({ team: true });
    const users = (h: ReturnType<typeof harness>) => h.get("users", { type: "AllUsers" }).body.users.length;
    expect(users(team)).toBe(users(plain) + 22);
    const deal = team.get(`Deals/${teamDealId(500)}`).body.data[0];
    expect(deal).toMatchObject({ Deal_Name: "Handover deal 500", Amount: 600, Owner: { id: U.inactive } });
    expect(plain.get(`Deals/${teamDealId(1)}`).body.code).toBe("INVALID_DATA");
  });
});

describe("GET /settings/automation/assignment_thresholds", () => {
  const PATH = "settings/automation/assignment_thresholds";

  it("lists a module's thresholds with their exclude criteria and users", () => {
    const { get } = harness({ team: true });
    const list = get(PATH, { module: "Deals" }).body.assignment_thresholds;
    expect(list.map((t: { id: string }) => t.id)).toEqual([zid(122001), SEED.team.threshold]);
    const [reps, team] = list;
    expect(reps.exclude_criteria).toMatchObject({ comparator: "less_than", field: { api_name: "Amount" }, value: "1000" });
    expect(reps.restrict_to.map((entry: { user: { id: string } }) => entry.user.id)).toContain(U.carla);
    expect(team.exclude_criteria).toBeNull();
    expect(team.restrict_to).toHaveLength(22);
    expect(team.restrict_to[0].user).toEqual({ id: SEED.team.users.olive, name: "Olive Twist" });
  });

  it("filters by status, answers 204 for a module without thresholds, and refuses profiles that may not customize", () => {
    const { get } = harness();
    expect(get(PATH, { module: "Leads", status: "active" }).status).toBe(204);
    expect(get(PATH, { module: "Leads" }).body.assignment_thresholds).toHaveLength(1);
    expect(get(PATH, { module: "Accounts" }).status).toBe(204);
    expect(get(PATH, { module: "Nope" }).body.code).toBe("INVALID_MODULE");
    expect(get(PATH, { module: "Deals", status: "some" }).body.code).toBe("INVALID_DATA");
    const refused = get(PATH, { module: "Deals" }, U.standard);
    expect([refused.status, refused.body.code]).toEqual([403, "NO_PERMISSION"]);
    expect(get(PATH, { module: "Deals" }, U.salesManager).status).toBe(200);
    expect(harness({ edition: "standard" }).get(PATH, { module: "Deals" }).body.code).toBe("FEATURE_NOT_SUPPORTED");
  });
});
