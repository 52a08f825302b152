import { MAX_REASON_LENGTH } from "../../api/locking-info";

export type ReasonProblem = "blank" | "tooLong";

/** The same rules the CRM applies to Locked_Reason__s, checked before sending. */
export function checkReason(reason: string): ReasonProblem | undefined {
  if (reason.trim() === "") return "blank";
  if (reason.length > MAX_REASON_LENGTH) return "tooLong";
  return undefined;
}
