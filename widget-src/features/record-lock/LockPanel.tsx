import { t } from "../../i18n/messages";
import { ErrorNotice } from "../../ui/Notice";
import type { Session } from "../session/model";
import { LockActions } from "./LockActions";
import { LockStatus } from "./LockStatusView";
import type { ActionOutcome, RecordLock } from "./model";
import { reasonProblemText } from "./ReasonForm";
import { RestrictionsView } from "./RestrictionsView";

export function LockPanel({ model, session }: { model: RecordLock; session: Session }) {
  const user = session.user.value;
  // Everything the panel shows has been read: its layout will not move any more.
  const settled = [model.lock.value, model.config.value, model.canLock.value].every((load) => load.status !== "loading");
  return (
    <section class="panel" aria-labelledby="lock-heading" aria-busy={!settled} data-lock-settled={settled}>
      <h2 id="lock-heading" class="panel__heading">
        {t("lock.heading")}
      </h2>
      <LockStatus
        status={model.status.value}
        user={user.status === "ready" ? user.value : undefined}
        onRetry={() => void model.load()}
      />
      <div aria-live="polite">
        <Outcome outcome={model.outcome.value} />
      </div>
      <LockActions model={model} />
      <RestrictionsView model={model} />
    </section>
  );
}

const DONE = { lock: "lock.done.lock", editReason: "lock.done.editReason", unlock: "lock.done.unlock" } as const;

function Outcome({ outcome }: { outcome: ActionOutcome | null }) {
  if (!outcome) return null;
  if (outcome.kind === "done") return <p class="outcome outcome--done">{t(DONE[outcome.action])}</p>;
  if (outcome.kind === "invalid") {
    return <p class="field-error">{reasonProblemText(outcome.problem)}</p>;
  }
  return <ErrorNotice error={outcome.error} action={outcome.action} />;
}
