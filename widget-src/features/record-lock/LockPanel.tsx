import { useState } from "preact/hooks";
import { t } from "../../i18n/messages";
import { Card } from "../../ui/Card";
import { LOCK } from "../../ui/icons";
import { lazy } from "../../ui/lazy";
import { Live } from "../../ui/Layout";
import type { Session } from "../session/model";
import type { WhyInput, WhyLockedProps } from "../why-locked/WhyLockedPart";
import { LockActions } from "./LockActions";
import { LockOutcome } from "./LockOutcome";
import { LockStatus } from "./LockStatusView";
import type { RecordLock } from "./model";
import { RestrictionsView } from "./RestrictionsView";

// Why an automatic lock applies (its rule's conditions against the record) loads only for such a lock.
const WhyLocked = lazy<WhyLockedProps>(() => import("../why-locked/WhyLockedPart").then((chunk) => chunk.default));

/**
 * The lock card: the status as read from the CRM, why an automatic lock
 * applies (when `why` is given), what a lock restricts here, and the actions allowed.
 */
export function LockPanel({ model, session, why }: { model: RecordLock; session: Session; why?: WhyInput }) {
  const [whySettled, setWhySettled] = useState(false);
  const user = session.user.value;
  const status = model.status.value;
  const explain = why && status.kind === "automatic" && status.rule;
  // Everything the card shows has been read: its layout will not move any more.
  const settled = model.settled.value && (!explain || whySettled);
  return (
    <Card title={t("lock.heading")} icon={LOCK} busy={!settled} data={{ "data-lock-settled": settled }}>
      <LockStatus status={status} user={user.status === "ready" ? user.value : undefined} onRetry={() => void model.load()} />
      {explain && <WhyLocked {...why} lock={model} user={user.status === "ready" ? user.value : undefined} onSettled={setWhySettled} />}
      <Live>
        <LockOutcome outcome={model.outcome.value} />
      </Live>
      <LockActions model={model} />
      <RestrictionsView model={model} />
    </Card>
  );
}
