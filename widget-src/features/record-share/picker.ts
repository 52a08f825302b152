/** The share picker's rules: who can be picked, and why not. */
import type { ShareEntry, ShareTarget } from "../../api/share";
import type { CrmUser } from "../../api/users";
import { isAdministratorProfile } from "../../api/profiles";

export type Ineligibility = "self" | "owner" | "alreadyShared" | "administrator" | "inactive" | "unconfirmed";

/** A user, group or role that could be shared with. */
export interface Candidate {
  target: ShareTarget;
  /** Users only: what decides whether they may be picked. */
  user?: CrmUser;
}

export interface PickerContext {
  ownerId?: string;
  currentUserId?: string;
  shares: ShareEntry[];
}

export function userCandidate(user: CrmUser): Candidate {
  return { target: { id: user.id, name: user.name, type: "users" }, user };
}

/** Why this candidate cannot be picked; undefined when they can. */
export function ineligibility(candidate: Candidate, context: PickerContext): Ineligibility | undefined {
  const { target, user } = candidate;
  if (user && !user.active) return "inactive";
  if (user && !user.confirmed) return "unconfirmed";
  if (target.type === "users" && target.id === context.currentUserId) return "self";
  if (target.type === "users" && target.id === context.ownerId) return "owner";
  const listed = context.shares.some((entry) => entry.sharedWith?.type === target.type && entry.sharedWith.id === target.id);
  if (listed) return "alreadyShared";
  // Administrators see every record already, so sharing with them is refused by the CRM.
  if (user && isAdministratorProfile(user.profile)) return "administrator";
  return undefined;
}
