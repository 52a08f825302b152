/**
 * The settings editor's working copy of one module's record-locking
 * configuration. Criteria are a tree the editor can show as rows; anything
 * it does not understand is kept verbatim, so saving never loses it.
 */
import type { LockType, LockedFor } from "../../api/locking-configurations";

export type GroupOperator = "AND" | "OR";

export type CriteriaNode =
  | {
      kind: "condition";
      field: { apiName?: string; id?: string };
      comparator: string;
      value: unknown;
      /** Keys of the condition object the editor does not know, sent back unchanged. */
      extra: Record<string, unknown>;
    }
  | {
      kind: "group";
      operator: GroupOperator;
      children: CriteriaNode[];
      extra: Record<string, unknown>;
    }
  /** JSON that is neither a condition nor a group: shown as such, sent back verbatim. */
  | { kind: "raw"; json: unknown };

export interface RuleDraft {
  /** Zoho's rule id; undefined for a rule added in the editor. */
  id?: string;
  /** Stable key for the view and for problem paths (the id, or a generated one for a new rule). */
  key: string;
  name: string;
  lockExistingRecords: boolean;
  criteria: CriteriaNode;
}

export interface ConfigDraft {
  lockType: LockType;
  lockedFor: LockedFor;
  excludedProfiles: { id: string; name: string }[];
  excludedFields: { id?: string; apiName: string }[];
  /** Always includes "update": the edit restriction cannot be switched off. */
  restrictedActions: string[];
  restrictedCommunications: string[];
  restrictedCustomButtons: { id: string; name: string }[];
  lockForPortalUsers: boolean;
  rules: RuleDraft[];
}

export type { FieldInfo } from "../../api/fields";

/**
 * Something to fix before sending. `path` names what it concerns:
 * "lockType", "lockedFor", "excludedProfiles", "excludedFields",
 * "restrictedCustomButtons", "rules", "rules.<key>.name",
 * "rules.<key>.criteria", "rules.<key>.criteria.<i>.<j>…" (child indexes
 * down the tree to one condition).
 */
export interface Problem {
  path: string;
  code: ProblemCode;
  params?: Record<string, string | number>;
}

export type ProblemCode =
  | "rulesRequired"
  | "tooManyRules"
  | "ruleNameRequired"
  | "duplicateRuleName"
  | "duplicateCriteria"
  | "profilesRequired"
  | "tooManyProfiles"
  | "tooManyFields"
  | "tooManyButtons"
  | "fieldRequired"
  | "valueRequired"
  | "comparatorRequired"
  | "emptyGroup"
  | "tasksOnlyClosed";

/** Documented or widely reported maxima (docs/crm-api.md#limits). */
export const LIMITS = { rules: 5, excludedProfiles: 15, excludedFields: 15, customButtons: 30 } as const;
