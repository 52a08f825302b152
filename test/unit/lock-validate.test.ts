import { describe, expect, it } from "vitest";
import { emptyDraft } from "../../widget-src/features/lock-settings/diff";
import { LIMITS, type ConfigDraft, type CriteriaNode, type Problem, type ProblemCode, type RuleDraft } from "../../widget-src/features/lock-settings/types";
import { criteriaPath, validateDraft } from "../../widget-src/features/lock-settings/validate";

const RULE_A = "5725767000000321001";
const RULE_B = "5725767000000321002";
const STAGE_ID = "5725767000000002589";

function cond(apiName: string | undefined, comparator: string, value: unknown): CriteriaNode {
  return { kind: "condition", field: apiName === undefined ? {} : { apiName }, comparator, value, extra: {} };
}
function group(operator: "AND" | "OR", children: CriteriaNode[]): CriteriaNode {
  return { kind: "group", operator, children, extra: {} };
}
function rule(key: string, name: string, criteria: CriteriaNode, id: string | undefined = key): RuleDraft {
  return { ...(id !== undefined ? { id } : {}), key, name, lockExistingRecords: false, criteria };
}
function draft(changes: Partial<ConfigDraft>): ConfigDraft {
  return { ...emptyDraft(), ...changes };
}
const refs = (count: number, prefix = "57257670000001") => Array.from({ length: count }, (_, i) => ({ id: `${prefix}${String(i).padStart(5, "0")}`, name: `Item ${i}` }));
const fields = (count: number) => Array.from({ length: count }, (_, i) => ({ apiName: `Field_${i}` }));
const rules = (count: number) => Array.from({ length: count }, (_, i) => rule(`57257670000003210${10 + i}`, `Rule ${i}`, cond("Amount", "greater_than", String(i))));

const won = cond("Stage", "equal", "Closed Won");
const big = cond("Amount", "greater_than", "50000");

/** One draft per problem code; the Record type makes a missing code a compile error. */
const CASES: Record<ProblemCode, { module?: string; draft: ConfigDraft; expected: Problem }> = {
  rulesRequired: { draft: draft({ lockType: "both" }), expected: { path: "rules", code: "rulesRequired" } },
  tooManyRules: { draft: draft({ lockType: "automatic", rules: rules(LIMITS.rules + 1) }), expected: { path: "rules", code: "tooManyRules", params: { limit: 5 } } },
  ruleNameRequired: { draft: draft({ rules: [rule(RULE_A, "   ", won)] }), expected: { path: `rules.${RULE_A}.name`, code: "ruleNameRequired" } },
  duplicateRuleName: {
    draft: draft({ rules: [rule(RULE_A, "Big deals", won), rule(RULE_B, "  big DEALS ", big)] }),
    expected: { path: `rules.${RULE_B}.name`, code: "duplicateRuleName" },
  },
  duplicateCriteria: {
    draft: draft({ rules: [rule(RULE_A, "Won", group("AND", [won, big])), rule(RULE_B, "Won again", group("AND", [won, big]))] }),
    expected: { path: `rules.${RULE_B}.criteria`, code: "duplicateCriteria" },
  },
  profilesRequired: {
    draft: draft({ lockedFor: "all_profiles_except_excluded_profiles" }),
    expected: { path: "excludedProfiles", code: "profilesRequired" },
  },
  tooManyProfiles: {
    draft: draft({ lockedFor: "all_profiles_except_excluded_profiles", excludedProfiles: refs(LIMITS.excludedProfiles + 1) }),
    expected: { path: "excludedProfiles", code: "tooManyProfiles", params: { limit: 15 } },
  },
  tooManyFields: { draft: draft({ excludedFields: fields(LIMITS.excludedFields + 1) }), expected: { path: "excludedFields", code: "tooManyFields", params: { limit: 15 } } },
  tooManyButtons: {
    draft: draft({ restrictedCustomButtons: refs(LIMITS.customButtons + 1) }),
    expected: { path: "restrictedCustomButtons", code: "tooManyButtons", params: { limit: 30 } },
  },
  fieldRequired: {
    draft: draft({ rules: [rule(RULE_A, "R", group("AND", [won, cond(undefined, "equal", "x")]))] }),
    expected: { path: `rules.${RULE_A}.criteria.1`, code: "fieldRequired" },
  },
  valueRequired: {
    draft: draft({ rules: [rule(RULE_A, "R", group("OR", [won, group("AND", [big, cond("Stage", "equal", "  ")])]))] }),
    expected: { path: `rules.${RULE_A}.criteria.1.1`, code: "valueRequired" },
  },
  comparatorRequired: { draft: draft({ rules: [rule(RULE_A, "R", cond("Stage", "", "Won"))] }), expected: { path: `rules.${RULE_A}.criteria`, code: "comparatorRequired" } },
  emptyGroup: {
    draft: draft({ rules: [rule(RULE_A, "R", group("AND", [won, group("OR", [])]))] }),
    expected: { path: `rules.${RULE_A}.criteria.1`, code: "emptyGroup" },
  },
  tasksOnlyClosed: {
    module: "Tasks",
    draft: draft({ lockType: "automatic", rules: [rule(RULE_A, "Done", cond("Status", "equal", "Completed"))] }),
    expected: { path: `rules.${RULE_A}.criteria`, code: "tasksOnlyClosed" },
  },
};

describe("validateDraft: one case per problem", () => {
  it.each(Object.entries(CASES))("%s", (_, { module, draft: d, expected }) => {
    expect(validateDraft(d, module ?? "Deals")).toEqual([expected]);
  });
});

describe("validateDraft: valid drafts", () => {
  it.each<[string, ConfigDraft, string]>([
    ["the empty draft", emptyDraft(), "Deals"],
    [
      "an automatic configuration with nested criteria, the limits reached but not passed",
      draft({
        lockType: "automatic",
        lockedFor: "all_profiles_except_excluded_profiles",
        excludedProfiles: refs(LIMITS.excludedProfiles),
        excludedFields: fields(LIMITS.excludedFields),
        restrictedCustomButtons: refs(LIMITS.customButtons),
        rules: [
          rule(RULE_A, "Won", group("AND", [won, group("OR", [big, { kind: "condition", field: { id: STAGE_ID }, comparator: "equal", value: 0, extra: {} }])])),
          ...rules(LIMITS.rules - 1),
        ],
      }),
      "Deals",
    ],
    ["many profiles when they are not in effect", draft({ excludedProfiles: refs(LIMITS.excludedProfiles + 5) }), "Deals"],
    ["the one rule Tasks accept", draft({ lockType: "both", rules: [rule(RULE_A, "Closed tasks", cond("Status", "equal", "Closed"))] }), "Tasks"],
    ["a raw criteria (left to the server), also for Tasks", draft({ lockType: "automatic", rules: [rule(RULE_A, "R", { kind: "raw", json: { odd: true } })] }), "Tasks"],
    ["a new rule without id", draft({ lockType: "automatic", rules: [rule("new-1", "R", won, undefined)] }), "Deals"],
  ])("%s", (_, d, module) => {
    expect(validateDraft(d, module)).toEqual([]);
  });
});

describe("validateDraft: details", () => {
  it("reports every problem of a condition, at its path down the tree", () => {
    const d = draft({ rules: [rule(RULE_A, "R", group("AND", [won, group("OR", [big, cond(undefined, " ", null)])]))] });
    const at = `rules.${RULE_A}.criteria.1.1`;
    expect(validateDraft(d, "Deals")).toEqual([
      { path: at, code: "fieldRequired" },
      { path: at, code: "comparatorRequired" },
      { path: at, code: "valueRequired" },
    ]);
  });

  it("criteriaPath names the root and nested nodes", () => {
    expect(criteriaPath("k", [])).toBe("rules.k.criteria");
    expect(criteriaPath("k", [2, 0])).toBe("rules.k.criteria.2.0");
  });

  it("reports a duplicate name only on the later rules, and a blank name never as a duplicate", () => {
    const d = draft({ rules: [rule("a", "X", won), rule("b", "x ", big), rule("c", "", cond("A", "equal", "1")), rule("d", " ", cond("A", "equal", "2")), rule("e", "X", cond("A", "equal", "3"))] });
    expect(validateDraft(d, "Deals")).toEqual([
      { path: "rules.b.name", code: "duplicateRuleName" },
      { path: "rules.c.name", code: "ruleNameRequired" },
      { path: "rules.d.name", code: "ruleNameRequired" },
      { path: "rules.e.name", code: "duplicateRuleName" },
    ]);
  });

  it("finds duplicate criteria whatever the key order, unknown keys or value type", () => {
    const withExtra: CriteriaNode = { kind: "condition", field: { apiName: "Amount", id: STAGE_ID }, comparator: "greater_than", value: 50000, extra: { note: 1 } };
    const d = draft({ rules: [rule("a", "One", big), rule("b", "Two", withExtra)] });
    expect(validateDraft(d, "Deals")).toEqual([{ path: "rules.b.criteria", code: "duplicateCriteria" }]);
  });

  it("does not call two unfinished criteria duplicates", () => {
    const blank = cond("Stage", "equal", "");
    const d = draft({ rules: [rule("a", "One", blank), rule("b", "Two", blank)] });
    expect(validateDraft(d, "Deals").map((problem) => problem.code)).toEqual(["valueRequired", "valueRequired"]);
  });

  it("accepts values that are not text but not blank", () => {
    const d = draft({ rules: [rule("a", "One", cond("Amount", "equal", 0)), rule("b", "Two", cond("Flag", "equal", false))] });
    expect(validateDraft(d, "Deals")).toEqual([]);
  });

  it("reports too many rules and still checks each rule", () => {
    const many = [...rules(LIMITS.rules), rule("x", "", won)];
    expect(validateDraft(draft({ lockType: "manual", rules: many }), "Deals")).toEqual([
      { path: "rules", code: "tooManyRules", params: { limit: LIMITS.rules } },
      { path: "rules.x.name", code: "ruleNameRequired" },
    ]);
  });

  it.each<[string, CriteriaNode]>([
    ["a group", group("AND", [cond("Status", "equal", "Closed")])],
    ["another field", cond("Subject", "equal", "Closed")],
    ["another comparator", cond("Status", "not_equal", "Closed")],
    ["another spelling of the value", cond("Status", "equal", "closed")],
  ])("refuses %s as a Tasks rule", (_, criteria) => {
    expect(validateDraft(draft({ lockType: "automatic", rules: [rule(RULE_A, "R", criteria)] }), "Tasks")).toContainEqual({
      path: `rules.${RULE_A}.criteria`,
      code: "tasksOnlyClosed",
    });
  });

  it("accepts on other modules what Tasks refuse", () => {
    expect(validateDraft(draft({ lockType: "automatic", rules: [rule(RULE_A, "R", cond("Status", "not_equal", "Closed"))] }), "Deals")).toEqual([]);
  });
});
