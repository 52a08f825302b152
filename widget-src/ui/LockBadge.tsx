import { t } from "../i18n/messages";
import { Badge, type Tone } from "./Badge";
import { LOCK, UNKNOWN, UNLOCK } from "./icons";

/** A record's lock state as read from the CRM ("unknown" when the read failed: never shown as not locked). */
export type LockBadgeState = "automatic" | "manual" | "locked" | "unlocked" | "notConfigured" | "unknown" | "checking";

const LOOK: Record<LockBadgeState, [Tone, string | undefined]> = {
  automatic: ["warning", LOCK],
  manual: ["warning", LOCK],
  locked: ["warning", LOCK],
  unlocked: ["success", UNLOCK],
  notConfigured: ["neutral", undefined],
  unknown: ["danger", UNKNOWN],
  checking: ["neutral", undefined],
};

/** "Locked · automatic", "Locked · manual", "Not locked", "Unknown": an icon and words, never colour alone. */
export function LockBadge({ state }: { state: LockBadgeState }) {
  const [tone, icon] = LOOK[state];
  return (
    <Badge tone={tone} icon={icon} data-lock-badge={state}>
      {t(`badge.lock.${state}`)}
    </Badge>
  );
}
