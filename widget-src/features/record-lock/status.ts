/**
 * What the lock status section says, derived from the lock and the module's
 * configuration (for an automatic lock's rule name). Pure, so every case is
 * unit-tested.
 */
import type { LockConfig } from "../../api/locking-configurations";
import type { Lock, LockState } from "../../api/locking-info";
import type { Load } from "../../ui/load";
import type { CrmError } from "../../crm/result";
import type { LockBadgeState } from "../../ui/LockBadge";

export type LockStatusView =
  | { kind: "loading" }
  | { kind: "unknown"; error: CrmError }
  | { kind: "notConfigured" }
  | { kind: "unlocked" }
  | { kind: "manual"; lock: Lock }
  /** `rule` when the configuration names it; `ruleGone` when the configuration no longer has it. */
  | { kind: "automatic"; lock: Lock; rule?: { id: string; name: string }; ruleGone: boolean }
  | { kind: "lockedUnknownSource"; lock: Lock };

export function deriveLockStatus(lock: Load<LockState>, config: Load<LockConfig | undefined>): LockStatusView {
  if (lock.status === "loading") return { kind: "loading" };
  if (lock.status === "error") return { kind: "unknown", error: lock.error };
  const state = lock.value;
  if (state.kind !== "locked") return { kind: state.kind };
  const info = state.lock;
  if (info.source === "manual") return { kind: "manual", lock: info };
  if (info.source === "unknown") return { kind: "lockedUnknownSource", lock: info };
  if (config.status !== "ready" || !info.ruleId) return { kind: "automatic", lock: info, ruleGone: false };
  const rule = config.value?.rules.find((candidate) => candidate.id === info.ruleId);
  return rule
    ? { kind: "automatic", lock: info, rule: { id: rule.id, name: rule.name }, ruleGone: false }
    : { kind: "automatic", lock: info, ruleGone: true };
}

/** The state the popup's header badge shows. A failed read is "unknown", never "not locked". */
export function lockBadgeState(status: LockStatusView): LockBadgeState {
  switch (status.kind) {
    case "loading":
      return "checking";
    case "notConfigured":
      return "notConfigured";
    case "lockedUnknownSource":
      return "locked";
    default:
      return status.kind;
  }
}
