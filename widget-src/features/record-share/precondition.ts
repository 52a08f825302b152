/**
 * May the signed-in user change this record's shares? Checked before anything
 * is offered, so the CRM's NO_PERMISSION or OAUTH_SCOPE_MISMATCH is not the
 * first to say it. Only a definite answer blocks; when the profile could not
 * be read, the controls stay and the CRM decides.
 */
import { mayShare, type ProfilePermission } from "../../api/profiles";
import type { ShareEntry } from "../../api/share";
import type { CurrentUser } from "../../api/users";
import type { Load } from "../../ui/load";
import { isAdministratorProfile } from "../../api/profiles";

export type ShareAbility =
  | { kind: "checking" }
  | { kind: "allowed"; unverified: boolean }
  | { kind: "blocked"; reason: "module" | "noPermission" | "sharedToYou" };

/** Activities can only be shared as related records of a shared record (docs/crm-api.md#share). */
const UNSHAREABLE_MODULES = new Set(["Tasks", "Calls", "Events", "Meetings"]);

export function isShareableModule(module: string): boolean {
  return !UNSHAREABLE_MODULES.has(module);
}

export interface ShareAbilityInput {
  module: string;
  user: Load<CurrentUser>;
  permissions: Load<ProfilePermission[]>;
  /** The record's owner id, as read with the record. */
  owner: Load<string | undefined>;
  shares: Load<ShareEntry[]>;
}

export function deriveShareAbility({ module, user, permissions, owner, shares }: ShareAbilityInput): ShareAbility {
  if (!isShareableModule(module)) return { kind: "blocked", reason: "module" };
  if (user.status === "loading" || owner.status === "loading") return { kind: "checking" };
  if (user.status === "ready") {
    const me = user.value;
    // Administrators and the owner may always share.
    if (isAdministratorProfile(me.profile) || (owner.status === "ready" && owner.value === me.id)) {
      return { kind: "allowed", unverified: false };
    }
    // Records shared to someone cannot be shared on by them.
    if (shares.status === "ready" && shares.value.some((entry) => entry.sharedWith?.type === "users" && entry.sharedWith.id === me.id)) {
      return { kind: "blocked", reason: "sharedToYou" };
    }
  }
  if (permissions.status === "loading") return { kind: "checking" };
  const denied = permissions.status === "ready" && !mayShare(permissions.value);
  // Without the owner we cannot rule out "owners may always share": let the CRM decide.
  if (denied && owner.status === "ready") return { kind: "blocked", reason: "noPermission" };
  return { kind: "allowed", unverified: denied || user.status === "error" || permissions.status === "error" };
}
