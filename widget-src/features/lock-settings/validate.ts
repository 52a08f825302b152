/**
 * Client-side checks of a configuration draft, mirroring what the server
 * refuses (docs/crm-api.md#configuration-keys, #rules-and-criteria, #configuration-errors; sandbox/api/config-validate.ts),
 * so the user sees every problem at its place before sending instead of one
 * server error at a time. Raw criteria are left to the server.
 */
import { criteriaKey } from "./criteria";
import { LIMITS, type ConfigDraft, type CriteriaNode, type Problem, type RuleDraft } from "./types";

const TASKS = "Tasks";

export function validateDraft(draft: ConfigDraft, module: string): Problem[] {
  return [...ruleListProblems(draft), ...profileProblems(draft), ...limitProblems(draft), ...draft.rules.flatMap((rule, index) => ruleProblems(draft.rules, index, rule, module))];
}

/** Problem path of the criteria node at `path` (child indexes) in the rule with `ruleKey`. */
export function criteriaPath(ruleKey: string, path: readonly number[]): string {
  return [`rules.${ruleKey}.criteria`, ...path].join(".");
}

function ruleListProblems(draft: ConfigDraft): Problem[] {
  const problems: Problem[] = [];
  if (draft.lockType !== "manual" && draft.rules.length === 0) problems.push({ path: "rules", code: "rulesRequired" });
  if (draft.rules.length > LIMITS.rules) problems.push({ path: "rules", code: "tooManyRules", params: { limit: LIMITS.rules } });
  return problems;
}

function profileProblems(draft: ConfigDraft): Problem[] {
  // Excluded profiles are only sent in the "except" mode; otherwise they do not matter.
  if (draft.lockedFor !== "all_profiles_except_excluded_profiles") return [];
  if (draft.excludedProfiles.length === 0) return [{ path: "excludedProfiles", code: "profilesRequired" }];
  if (draft.excludedProfiles.length > LIMITS.excludedProfiles) {
    return [{ path: "excludedProfiles", code: "tooManyProfiles", params: { limit: LIMITS.excludedProfiles } }];
  }
  return [];
}

function limitProblems(draft: ConfigDraft): Problem[] {
  const problems: Problem[] = [];
  if (draft.excludedFields.length > LIMITS.excludedFields) {
    problems.push({ path: "excludedFields", code: "tooManyFields", params: { limit: LIMITS.excludedFields } });
  }
  if (draft.restrictedCustomButtons.length > LIMITS.customButtons) {
    problems.push({ path: "restrictedCustomButtons", code: "tooManyButtons", params: { limit: LIMITS.customButtons } });
  }
  return problems;
}

const nameKey = (rule: RuleDraft) => rule.name.trim().toLowerCase();

function ruleProblems(rules: RuleDraft[], index: number, rule: RuleDraft, module: string): Problem[] {
  const problems: Problem[] = [];
  const earlier = rules.slice(0, index);
  const name = nameKey(rule);
  if (name === "") problems.push({ path: `rules.${rule.key}.name`, code: "ruleNameRequired" });
  else if (earlier.some((other) => nameKey(other) === name)) problems.push({ path: `rules.${rule.key}.name`, code: "duplicateRuleName" });

  const criteriaProblems = [...treeProblems(rule.criteria, rule.key), ...tasksProblems(rule, module)];
  problems.push(...criteriaProblems);
  // An unfinished criterion (two fresh rules with blank conditions) is not yet a duplicate worth reporting.
  if (criteriaProblems.length === 0) {
    const key = criteriaKey(rule.criteria);
    const complete = (other: RuleDraft) => treeProblems(other.criteria, other.key).length === 0;
    if (earlier.some((other) => complete(other) && criteriaKey(other.criteria) === key)) {
      problems.push({ path: `rules.${rule.key}.criteria`, code: "duplicateCriteria" });
    }
  }
  return problems;
}

/** Every condition has a field, a comparison and a value, and no group is empty: the criteria say something. */
export function criteriaComplete(root: CriteriaNode): boolean {
  return treeProblems(root, "").length === 0;
}

function treeProblems(root: CriteriaNode, ruleKey: string): Problem[] {
  const problems: Problem[] = [];
  const walk = (node: CriteriaNode, path: number[]) => {
    const at = criteriaPath(ruleKey, path);
    if (node.kind === "group") {
      if (node.children.length === 0) problems.push({ path: at, code: "emptyGroup" });
      node.children.forEach((child, index) => walk(child, [...path, index]));
    } else if (node.kind === "condition") {
      if (isBlank(node.field.apiName) && isBlank(node.field.id)) problems.push({ path: at, code: "fieldRequired" });
      if (isBlank(node.comparator)) problems.push({ path: at, code: "comparatorRequired" });
      if (node.value === null || isBlank(node.value)) problems.push({ path: at, code: "valueRequired" });
    }
  };
  walk(root, []);
  return problems;
}

function isBlank(value: unknown): boolean {
  return value === undefined || (typeof value === "string" && value.trim() === "");
}

/** Tasks accept one criterion only: Status equal Closed [K]; anything else is NOT_SUPPORTED. */
function tasksProblems(rule: RuleDraft, module: string): Problem[] {
  const { criteria } = rule;
  if (module !== TASKS || criteria.kind === "raw") return [];
  const accepted =
    criteria.kind === "condition" && criteria.field.apiName === "Status" && criteria.comparator === "equal" && criteria.value === "Closed";
  return accepted ? [] : [{ path: `rules.${rule.key}.criteria`, code: "tasksOnlyClosed" }];
}
