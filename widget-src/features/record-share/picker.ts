/**
 * The people picker's logic: who can be picked and why not, and a type-ahead
 * filter that stays fast over 10,000 users (names are normalised once).
 */
import type { ShareEntry } from "../../api/share";
import type { CrmUser } from "../../api/users";

export type Ineligibility = "self" | "owner" | "alreadyShared" | "administrator" | "inactive" | "unconfirmed";

export interface PickerCandidate {
  user: CrmUser;
  /** Why this user cannot be picked; undefined when they can. */
  blocked?: Ineligibility;
}

export interface PickerContext {
  ownerId?: string;
  currentUserId?: string;
  shares: ShareEntry[];
}

/** Administrators see every record already, so sharing with them is refused by the CRM. */
const ADMINISTRATOR_PROFILE = "Administrator";

export function ineligibility(user: CrmUser, context: PickerContext): Ineligibility | undefined {
  if (!user.active) return "inactive";
  if (!user.confirmed) return "unconfirmed";
  if (user.id === context.currentUserId) return "self";
  if (user.id === context.ownerId) return "owner";
  if (context.shares.some((entry) => entry.sharedWith?.type === "users" && entry.sharedWith.id === user.id)) return "alreadyShared";
  if (user.profile?.name === ADMINISTRATOR_PROFILE) return "administrator";
  return undefined;
}

export interface SearchIndex {
  users: CrmUser[];
  keys: string[];
}

/** Lower case without accents, so "jose" finds "José". */
export function normalise(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

export function buildIndex(users: CrmUser[]): SearchIndex {
  return { users, keys: users.map((user) => normalise(`${user.name} ${user.email ?? ""}`)) };
}

/** Users whose name or e-mail contains every word of the query, in list order, at most `limit`. */
export function search(index: SearchIndex, query: string, limit = 50): CrmUser[] {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  const found: CrmUser[] = [];
  for (let i = 0; i < index.keys.length && found.length < limit; i += 1) {
    const key = index.keys[i] as string;
    if (words.every((word) => key.includes(word))) found.push(index.users[i] as CrmUser);
  }
  return found;
}
