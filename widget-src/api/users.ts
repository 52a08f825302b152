/** Users: the current user (CONFIG.getCurrentUser, `{users:[user]}`) and the user list (GET /users). */
import type { RawAnswer } from "../crm/decode";
import { LOCAL_CODES, fail, ok, type CrmResult } from "../crm/result";
import type { ApiRequest } from "../crm/transport";
import { firstItem, id, isRecord, listUnder, moreRecords, named, str } from "./read";

export interface CurrentUser {
  id: string;
  name: string;
  email?: string;
  profile?: { id: string; name: string };
  role?: { id: string; name: string };
  /** Formats of dates and numbers, in Zoho's form, e.g. "en_US" (see i18n/format). */
  locale?: string;
  /** The CRM's display language, e.g. "de_DE"; picks the widget's language. */
  language?: string;
  timeZone?: string;
}

export function decodeCurrentUser(answer: unknown): CrmResult<CurrentUser> {
  // Real captures wrap the user in {users:[…]}; accept a bare user too.
  const user = firstItem(answer, "users") ?? (isRecord(answer) && id(answer.id) ? answer : undefined);
  const common = user ? decodeCommon(user) : undefined;
  if (!user || !common) return fail(LOCAL_CODES.unreadable, "The current user could not be read");
  const decoded: CurrentUser = common;
  const locale = str(user.locale);
  if (locale) decoded.locale = locale;
  const language = str(user.language);
  if (language) decoded.language = language;
  const timeZone = str(user.time_zone);
  if (timeZone) decoded.timeZone = timeZone;
  return ok(decoded);
}

/** What every user answer shares: id, a displayable name, e-mail, profile and role. */
function decodeCommon(item: Record<string, unknown>): Pick<CrmUser, "id" | "name" | "email" | "profile" | "role"> | undefined {
  const userId = id(item.id);
  if (!userId) return undefined;
  const fullName = [str(item.first_name), str(item.last_name)].filter(Boolean).join(" ");
  const user: Pick<CrmUser, "id" | "name" | "email" | "profile" | "role"> = {
    id: userId,
    name: str(item.full_name) ?? (fullName || str(item.email) || userId),
  };
  const email = str(item.email);
  if (email) user.email = email;
  const profile = named(item.profile);
  if (profile) user.profile = profile;
  const role = named(item.role);
  if (role) user.role = role;
  return user;
}

/** A CRM user as the pickers need it (GET /users). */
export interface CrmUser {
  id: string;
  name: string;
  email?: string;
  active: boolean;
  confirmed: boolean;
  profile?: { id: string; name: string };
  role?: { id: string; name: string };
}

export interface UsersPage {
  users: CrmUser[];
  more: boolean;
}

/** The documented maximum page size. */
export const USERS_PER_PAGE = 200;

export function listUsersRequest(page: number, type = "AllUsers"): ApiRequest {
  return { method: "GET", path: "/users", query: { type, page: String(page), per_page: String(USERS_PER_PAGE) } };
}

/** 204 is an empty page; a page we cannot read is an error, never "no users". */
export function decodeUsersPage(result: CrmResult<RawAnswer>): CrmResult<UsersPage> {
  const list = listUnder(result, "users", "user list");
  if (!list.ok) return list;
  const users: CrmUser[] = [];
  for (const item of list.value) {
    const user = isRecord(item) ? decodeUser(item) : undefined;
    if (!user) return fail(LOCAL_CODES.unreadable, "A user in the list could not be read");
    users.push(user);
  }
  return ok({ users, more: moreRecords(result) });
}

function decodeUser(item: Record<string, unknown>): CrmUser | undefined {
  const common = decodeCommon(item);
  return common && { ...common, active: item.status === "active", confirmed: item.confirm !== false };
}
