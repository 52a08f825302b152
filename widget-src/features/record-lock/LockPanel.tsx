import { t } from "../../i18n/messages";
import { Card } from "../../ui/Card";
import { LOCK } from "../../ui/icons";
import { Live } from "../../ui/Layout";
import type { Session } from "../session/model";
import { LockActions } from "./LockActions";
import { LockOutcome } from "./LockOutcome";
import { LockStatus } from "./LockStatusView";
import type { RecordLock } from "./model";
import { RestrictionsView } from "./RestrictionsView";

/** The lock card: the status as read from the CRM, what a lock restricts here, and the actions allowed. */
export function LockPanel({ model, session }: { model: RecordLock; session: Session }) {
  const user = session.user.value;
  // Everything the card shows has been read: its layout will not move any more.
  const settled = model.settled.value;
  return (
    <Card title={t("lock.heading")} icon={LOCK} busy={!settled} data={{ "data-lock-settled": settled }}>
      <LockStatus status={model.status.value} user={user.status === "ready" ? user.value : undefined} onRetry={() => void model.load()} />
      <Live>
        <LockOutcome outcome={model.outcome.value} />
      </Live>
      <LockActions model={model} />
      <RestrictionsView model={model} />
    </Card>
  );
}
