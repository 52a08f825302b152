/** Users: the current user from CONFIG.getCurrentUser (`{users:[user]}`). */
import { LOCAL_CODES, fail, ok, type CrmResult } from "../crm/result";
import { firstItem, id, isRecord, named, str } from "./read";

export interface CurrentUser {
  id: string;
  name: string;
  email?: string;
  profile?: { id: string; name: string };
  role?: { id: string; name: string };
  /** Zoho's form, e.g. "en_US"; see i18n/locale. */
  locale?: string;
  timeZone?: string;
}

export function decodeCurrentUser(answer: unknown): CrmResult<CurrentUser> {
  // Real captures wrap the user in {users:[…]}; accept a bare user too.
  const user = firstItem(answer, "users") ?? (isRecord(answer) && id(answer.id) ? answer : undefined);
  const userId = user ? id(user.id) : undefined;
  if (!user || !userId) return fail(LOCAL_CODES.unreadable, "The current user could not be read");
  const decoded: CurrentUser = { id: userId, name: str(user.full_name) ?? str(user.email) ?? userId };
  const email = str(user.email);
  if (email) decoded.email = email;
  const profile = named(user.profile);
  if (profile) decoded.profile = profile;
  const role = named(user.role);
  if (role) decoded.role = role;
  const locale = str(user.locale);
  if (locale) decoded.locale = locale;
  const timeZone = str(user.time_zone);
  if (timeZone) decoded.timeZone = timeZone;
  return ok(decoded);
}
