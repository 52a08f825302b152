/**
 * What a candidate's threshold check means for a hand-made owner change.
 * Only a definite answer allows: a check that is running or failed never
 * reads as "allowed".
 */
import type { Permit } from "../../api/permit-threshold";
import type { CrmError } from "../../crm/result";
import type { Load } from "../../ui/load";

export type Capacity =
  | { kind: "checking" }
  | { kind: "allowed"; remaining: number }
  | { kind: "noRestriction" }
  | { kind: "disabled" }
  | { kind: "excluded" }
  | { kind: "denied"; by: "backlog" | "allowCount" }
  /** The module or edition has no thresholds: reassignment works without a check. */
  | { kind: "notApplicable"; why: "module" | "edition" }
  | { kind: "failed"; error: CrmError };

/** Answers meaning "thresholds do not exist here", as opposed to "the check failed". */
export function notApplicable(error: CrmError): "module" | "edition" | undefined {
  if (error.code === "NOT_SUPPORTED" || error.code === "API_NOT_SUPPORTED") return "module";
  if (error.code === "FEATURE_NOT_SUPPORTED") return "edition";
  return undefined;
}

export function capacityOf(check: Load<Permit> | undefined): Capacity {
  if (!check || check.status === "loading") return { kind: "checking" };
  if (check.status === "error") {
    const why = notApplicable(check.error);
    return why ? { kind: "notApplicable", why } : { kind: "failed", error: check.error };
  }
  const permit = check.value;
  switch (permit.reason) {
    case "RECORD_ALLOWED":
      return { kind: "allowed", remaining: permit.remaining };
    case "NO_RESTRICTION":
      return { kind: "noRestriction" };
    case "RESTRICTION_DISABLED":
      return { kind: "disabled" };
    case "RECORD_EXCLUDED":
      return { kind: "excluded" };
    case "RECORD_DENIED_BY_BACKLOG":
      return { kind: "denied", by: "backlog" };
    case "RECORD_DENIED_BY_ALLOWCOUNT":
      return { kind: "denied", by: "allowCount" };
  }
}

/** May the record be given to this candidate now? */
export function mayReceive(capacity: Capacity): boolean {
  return (
    capacity.kind === "allowed" ||
    capacity.kind === "noRestriction" ||
    capacity.kind === "disabled" ||
    capacity.kind === "excluded" ||
    capacity.kind === "notApplicable"
  );
}
