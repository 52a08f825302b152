/**
 * Whether to offer a manual lock, and if not, why. Only a definite answer
 * blocks the offer; when something could not be read, the offer stands and
 * says the CRM will decide.
 */
import type { LockConfig } from "../../api/locking-configurations";
import type { LockState } from "../../api/locking-info";
import type { Load } from "../../ui/load";

export type LockOffer =
  | { kind: "hidden" }
  | { kind: "offer"; unverified: boolean }
  | { kind: "blocked"; reason: "noConfig" | "automaticOnly" | "noPermission" | "noFeature" | "notSupported" };

export function deriveLockOffer(
  lock: Load<LockState>,
  config: Load<LockConfig | undefined>,
  canLock: Load<boolean>,
): LockOffer {
  const codes = [lock, config].flatMap((load) => (load.status === "error" ? [load.error.code] : []));
  if (codes.includes("FEATURE_NOT_SUPPORTED")) return { kind: "blocked", reason: "noFeature" };
  if (codes.includes("NOT_SUPPORTED")) return { kind: "blocked", reason: "notSupported" };
  // Unknown lock state: offering a lock could be wrong either way.
  if (lock.status !== "ready" || lock.value.kind === "locked") return { kind: "hidden" };
  if (lock.value.kind === "notConfigured") return { kind: "blocked", reason: "noConfig" };
  if (config.status === "ready" && config.value === undefined) return { kind: "blocked", reason: "noConfig" };
  if (config.status === "ready" && config.value?.lockType === "automatic") return { kind: "blocked", reason: "automaticOnly" };
  if (canLock.status === "ready" && !canLock.value) return { kind: "blocked", reason: "noPermission" };
  if (config.status === "loading" || canLock.status === "loading") return { kind: "hidden" };
  return { kind: "offer", unverified: config.status === "error" || canLock.status === "error" };
}
