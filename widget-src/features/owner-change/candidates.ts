/** Who may become the owner, and which users to suggest before anyone types. */
import type { CrmUser } from "../../api/users";

export type OwnerIneligibility = "currentOwner" | "inactive" | "unconfirmed";

export function ownerIneligibility(user: CrmUser, currentOwnerId: string | undefined): OwnerIneligibility | undefined {
  if (!user.active) return "inactive";
  if (!user.confirmed) return "unconfirmed";
  if (user.id === currentOwnerId) return "currentOwner";
  return undefined;
}

/**
 * A short list to start from: you, then colleagues in the current owner's
 * role (likely to take over the same kind of record); eligible users only.
 */
export function suggestOwners(users: CrmUser[], currentOwnerId: string | undefined, currentUserId: string | undefined, max = 6): CrmUser[] {
  const owner = users.find((user) => user.id === currentOwnerId);
  const eligible = (user: CrmUser) => ownerIneligibility(user, currentOwnerId) === undefined;
  const me = users.filter((user) => user.id === currentUserId && eligible(user));
  const sameRole = owner?.role
    ? users.filter((user) => user.role?.id === owner.role?.id && user.id !== currentUserId && eligible(user))
    : [];
  return [...me, ...sameRole].slice(0, max);
}
