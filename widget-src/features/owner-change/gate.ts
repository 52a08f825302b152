/**
 * May the signed-in user change this record's owner now? A lock that blocks
 * "change owner" is said before anything is offered (the CRM would answer
 * RECORD_LOCKED); only definite answers block.
 */
import type { LockState } from "../../api/locking-info";
import { mayChangeOwner, type ProfilePermission } from "../../api/profiles";
import type { CurrentUser } from "../../api/users";
import type { Load } from "../../ui/load";
import type { Restrictions } from "../record-lock/restrictions";
import { isAdministratorProfile } from "../../api/profiles";

export type OwnerGate =
  | { kind: "checking" }
  | { kind: "allowed"; unverified: boolean }
  | { kind: "blocked"; reason: "noPermission" | "locked" };

export interface OwnerGateInput {
  user: Load<CurrentUser>;
  permissions: Load<ProfilePermission[]>;
  lock: Load<LockState>;
  /** What a lock restricts in this module, as read with its configuration (undefined: no configuration). */
  restrictions: Load<Restrictions | undefined>;
}

export function deriveOwnerGate({ user, permissions, lock, restrictions }: OwnerGateInput): OwnerGate {
  // Until the lock is read, it is not known whether it blocks the change.
  if (lock.status === "loading") return { kind: "checking" };
  const locked = lock.status === "ready" && lock.value.kind === "locked";
  if (locked && restrictions.status === "loading") return { kind: "checking" };
  const known = restrictions.status === "ready" ? restrictions.value : undefined;
  if (locked && known?.blockedActions.includes("change_owner") && known.currentUserExempt === false) {
    return { kind: "blocked", reason: "locked" };
  }
  const admin = user.status === "ready" && isAdministratorProfile(user.value.profile);
  if (!admin) {
    if (user.status === "loading" || permissions.status === "loading") return { kind: "checking" };
    if (permissions.status === "ready" && !mayChangeOwner(permissions.value)) return { kind: "blocked", reason: "noPermission" };
  }
  // Unknown lock or restrictions: offer, and let the CRM's RECORD_LOCKED speak if it must.
  const lockUnknown = lock.status === "error" || (locked && known === undefined);
  return { kind: "allowed", unverified: lockUnknown || user.status === "error" || permissions.status === "error" };
}
