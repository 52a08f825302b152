import { t } from "../../i18n/messages";
import { ErrorNotice, Notice } from "../../ui/Notice";
import type { ActionOutcome } from "./model";
import { reasonProblemText } from "./reason";

const DONE = { lock: "lock.done.lock", editReason: "lock.done.editReason", unlock: "lock.done.unlock" } as const;

/** What came of the last lock, reason edit or unlock. */
export function LockOutcome({ outcome }: { outcome: ActionOutcome | null }) {
  if (!outcome) return null;
  if (outcome.kind === "done") return <Notice tone="success">{t(DONE[outcome.action])}</Notice>;
  if (outcome.kind === "invalid") return <Notice tone="error">{reasonProblemText(outcome.problem)}</Notice>;
  return <ErrorNotice error={outcome.error} action={outcome.action} />;
}
