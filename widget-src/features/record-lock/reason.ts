import { MAX_REASON_LENGTH } from "../../api/locking-info";
import { t } from "../../i18n/messages";

export type ReasonProblem = "blank" | "tooLong";

/** The same rules the CRM applies to Locked_Reason__s, checked before sending. */
export function checkReason(reason: string): ReasonProblem | undefined {
  if (reason.trim() === "") return "blank";
  if (reason.length > MAX_REASON_LENGTH) return "tooLong";
  return undefined;
}

/** The problem in words, as shown under the reason field. */
export function reasonProblemText(problem: ReasonProblem): string {
  return problem === "blank" ? t("reason.blank") : t("reason.tooLong", { max: MAX_REASON_LENGTH });
}
