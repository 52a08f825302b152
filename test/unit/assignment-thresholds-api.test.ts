import { describe, expect, it } from "vitest";
import { decodeThresholdScopes, listThresholdsRequest, usersWithExcludeCriteria } from "../../widget-src/api/assignment-thresholds";
import { fail } from "../../widget-src/crm/result";
import { answer, noContent } from "../support/fake-crm";

const T1 = "5725767000000122001";
const T2 = "5725767000000122003";
const U1 = "5725767000000101009";
const U2 = "5725767000000101101";
const criteria = { comparator: "less_than", field: { api_name: "Amount", id: "5725767000000103001" }, value: "1000" };

describe("assignment threshold settings", () => {
  it("asks for one module's thresholds", () => {
    expect(listThresholdsRequest("Deals")).toEqual({ method: "GET", path: "/settings/automation/assignment_thresholds", query: { module: "Deals" } });
  });

  it("reads which users' thresholds have exclude criteria", () => {
    const scopes = decodeThresholdScopes(
      answer({
        assignment_thresholds: [
          { id: T1, name: "Reps", exclude_criteria: criteria, restrict_to: [{ user: { id: U1, name: "Carla" } }] },
          { id: T2, name: "Team", exclude_criteria: null, restrict_to: [{ user: { id: U2, name: "Olive" } }] },
        ],
      }),
    );
    expect(scopes).toEqual({ ok: true, value: [{ id: T1, excludes: true, userIds: [U1] }, { id: T2, excludes: false, userIds: [U2] }] });
    expect(scopes.ok && [...usersWithExcludeCriteria(scopes.value)]).toEqual([U1]);
  });

  it("reads 204 as no thresholds, and hands a refusal on", () => {
    expect(decodeThresholdScopes(noContent())).toEqual({ ok: true, value: [] });
    const refused = fail("NO_PERMISSION", "permission denied");
    expect(decodeThresholdScopes(refused)).toBe(refused);
  });

  it("never guesses: a threshold without its users or its exclude criteria, or with an id that is a number, is unreadable", () => {
    const unreadable = (item: Record<string, unknown>) => decodeThresholdScopes(answer({ assignment_thresholds: [item] })).ok;
    expect(unreadable({ id: T1, exclude_criteria: null })).toBe(false);
    expect(unreadable({ id: T1, restrict_to: [] })).toBe(false);
    expect(unreadable({ id: 5725767000000122001, exclude_criteria: null, restrict_to: [] })).toBe(false);
    expect(unreadable({ id: T1, exclude_criteria: "Amount < 1000", restrict_to: [] })).toBe(false);
    expect(unreadable({ id: T1, exclude_criteria: null, restrict_to: [{ user: { id: 5725767000000101009 } }] })).toBe(false);
    expect(decodeThresholdScopes(answer({ thresholds: [] })).ok).toBe(false);
    // Holes in a list (a sparse array) are unreadable items, not nothing.
    // eslint-disable-next-line no-sparse-arrays
    expect(decodeThresholdScopes(answer({ assignment_thresholds: [, { id: T1, exclude_criteria: null, restrict_to: [] }] })).ok).toBe(false);
    // eslint-disable-next-line no-sparse-arrays
    expect(unreadable({ id: T1, exclude_criteria: null, restrict_to: [, { user: { id: U1 } }] })).toBe(false);
  });
});
