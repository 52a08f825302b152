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
  /** Always includes edit (ALWAYS_RESTRICTED): the edit restriction cannot be switched off. */
  restrictedActions: string[];
  restrictedCommunications: string[];
  restrictedCustomButtons: { id: string; name: string }[];
  lockForPortalUsers: boolean;
  rules: RuleDraft[];
}

/**
 * The configuration's top-level API keys besides its rules
 * (docs/crm-api.md#configuration-keys), each with the draft field, and
 * the editor section, it becomes. The diff, the merge and the placing of
 * server errors all go by this one map.
 */
export const FIELD_OF_KEY = {
  lock_type: "lockType",
  locked_for: "lockedFor",
  lock_excluded_profiles: "excludedProfiles",
  excluded_fields: "excludedFields",
  restricted_actions: "restrictedActions",
  restricted_communications: "restrictedCommunications",
  restricted_custom_buttons: "restrictedCustomButtons",
  lock_for_portal_users: "lockForPortalUsers",
} as const satisfies Record<string, Exclude<keyof ConfigDraft, "rules">>;

export type ConfigKey = keyof typeof FIELD_OF_KEY;


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
