/**
 * Client portals (docs/crm-api.md#client-portals): portals, their user types, and the
 * users of a type. Pure builders and decoders; the `{portal}` path segment is
 * the portal's name. Transfer and delete take their ids in the query string.
 */
import type { RawAnswer } from "../crm/decode";
import { LOCAL_CODES, fail, ok, type CrmResult } from "../crm/result";
import type { ApiRequest } from "../crm/transport";
import { decodeItemOutcomes, type ItemOutcome } from "./items";
import { id, isRecord, listUnder, str } from "./read";

/** Users moved synchronously per transfer call; more would schedule a background job [K]. */
export const MAX_TRANSFER_IDS = 200;
/** Users deleted synchronously per call; 500 or more schedules a job [K, D7]. */
export const MAX_DELETE_IDS = 499;
/** A user type can have at most this many per org [D7]. */
export const MAX_USER_TYPES = 5;

export const PORTAL_USER_STATUSES = [
  "AllUsers",
  "AllActiveUsers",
  "ActiveUsers",
  "DeactiveUsers",
  "NotConfirmedUsers",
  "ConfirmedUsers",
  "ActiveConfirmedUsers",
] as const;
export type PortalUserStatus = (typeof PORTAL_USER_STATUSES)[number];

export interface Portal {
  name: string;
  active: boolean;
}

export interface UserType {
  id: string;
  name: string;
  personalityModule: { apiName: string; label: string };
  active: boolean;
  isDefault: boolean;
  users: number;
}

export interface PortalUser {
  personalityId: string;
  name: string;
  email?: string;
  active: boolean;
  confirmed: boolean;
  invitedTime?: string;
  statusReason?: string;
}

export interface PortalUsersPage {
  users: PortalUser[];
  more: boolean;
  total?: number;
}

const base = (portal: string) => `/settings/portals/${encodeURIComponent(portal)}/user_type`;

export function listPortalsRequest(): ApiRequest {
  return { method: "GET", path: "/settings/portals" };
}

export function listUserTypesRequest(portal: string): ApiRequest {
  return { method: "GET", path: base(portal) };
}

export function deleteUserTypeRequest(portal: string, typeId: string): ApiRequest {
  return { method: "DELETE", path: `${base(portal)}/${typeId}` };
}

export const USERS_PER_PAGE = 50;

export function listPortalUsersRequest(portal: string, typeId: string, status: PortalUserStatus, page: number): ApiRequest {
  return {
    method: "GET",
    path: `${base(portal)}/${typeId}/users`,
    query: { type: status, page: String(page), per_page: String(USERS_PER_PAGE) },
  };
}

export function changeStatusRequest(portal: string, typeId: string, personalityId: string, active: boolean): ApiRequest {
  return {
    method: "PUT",
    path: `${base(portal)}/${typeId}/users/${personalityId}/actions/change_status`,
    query: { active: String(active) },
  };
}

export function transferRequest(portal: string, typeId: string, targetTypeId: string, personalityIds: string[]): ApiRequest {
  if (personalityIds.length > MAX_TRANSFER_IDS) throw new Error(`at most ${MAX_TRANSFER_IDS} users per transfer call`);
  // Note the capital T in transfer_To and the singular "action" in the path [S, D7].
  return {
    method: "POST",
    path: `${base(portal)}/${typeId}/users/action/transfer`,
    query: { transfer_To: targetTypeId, personality_ids: personalityIds.join(",") },
  };
}

export function deleteUsersRequest(portal: string, typeId: string, personalityIds: string[]): ApiRequest {
  if (personalityIds.length > MAX_DELETE_IDS) throw new Error(`at most ${MAX_DELETE_IDS} users per delete call`);
  return { method: "DELETE", path: `${base(portal)}/${typeId}/users`, query: { personality_ids: personalityIds.join(",") } };
}

export function decodePortals(result: CrmResult<RawAnswer>): CrmResult<Portal[]> {
  const list = listUnder(result, "portals", "portals");
  if (!list.ok) return list;
  const portals: Portal[] = [];
  for (const item of list.value) {
    const name = isRecord(item) ? str(item.name) : undefined;
    if (!isRecord(item) || !name) return fail(LOCAL_CODES.unreadable, "A portal could not be read");
    portals.push({ name, active: item.active !== false });
  }
  return ok(portals);
}

export function decodeUserTypes(result: CrmResult<RawAnswer>): CrmResult<UserType[]> {
  const list = listUnder(result, "user_type", "user types");
  if (!list.ok) return list;
  const types: UserType[] = [];
  for (const item of list.value) {
    const typeId = isRecord(item) ? id(item.id) : undefined;
    const name = isRecord(item) ? str(item.name) : undefined;
    if (!isRecord(item) || !typeId || !name) return fail(LOCAL_CODES.unreadable, "A user type could not be read");
    const personality = isRecord(item.personality_module) ? item.personality_module : {};
    const apiName = str(personality.api_name) ?? "";
    types.push({
      id: typeId,
      name,
      personalityModule: { apiName, label: str(personality.plural_label) ?? apiName },
      active: item.active === true,
      isDefault: item.default === true,
      // An unreadable count must not read as "no users" (that would offer a delete).
      users: Number.isInteger(item.no_of_users) && (item.no_of_users as number) >= 0 ? (item.no_of_users as number) : Number.NaN,
    });
  }
  return ok(types);
}

export function decodePortalUsers(result: CrmResult<RawAnswer>): CrmResult<PortalUsersPage> {
  const list = listUnder(result, "users", "portal users");
  if (!list.ok) return list;
  const users: PortalUser[] = [];
  for (const item of list.value) {
    const personalityId = isRecord(item) ? id(item.personality_id) : undefined;
    if (!isRecord(item) || !personalityId) return fail(LOCAL_CODES.unreadable, "A portal user could not be read");
    const user: PortalUser = {
      personalityId,
      name: str(item.name) ?? str(item.email) ?? personalityId,
      active: item.active === true,
      confirmed: item.confirm === true,
    };
    const email = str(item.email);
    if (email) user.email = email;
    const invited = str(item.invited_time);
    if (invited) user.invitedTime = invited;
    const reason = str(item.status_reason__s);
    if (reason) user.statusReason = reason;
    users.push(user);
  }
  const body = result.ok ? result.value.body : undefined;
  const info = isRecord(body) && isRecord(body.info) ? body.info : {};
  const page: PortalUsersPage = { users, more: info.more_records === true };
  if (Number.isInteger(info.total_count) && (info.total_count as number) >= 0) page.total = info.total_count as number;
  return ok(page);
}

/**
 * Per personality id, what a transfer or delete did. When the server
 * schedules a background job instead, the answer says so and `scheduled` is
 * set: those users are not failures.
 */
export function decodeUserOutcomes(
  result: CrmResult<RawAnswer>,
  personalityIds: string[],
): CrmResult<{ scheduled: boolean; byUser: Map<string, ItemOutcome> }> {
  const decoded = decodeItemOutcomes(result, "users", "personality_id", personalityIds);
  if (!decoded.ok) return decoded;
  return ok({ scheduled: decoded.value.messages.some((message) => /schedul/i.test(message)), byUser: decoded.value.byId });
}

/** One module of a user type, as the form edits it. */
export interface UserTypeModule {
  moduleId: string;
  apiName: string;
  sharedType: "private" | "public";
  layoutIds: string[];
  view?: { id: string; type: string };
  filterIds: string[];
  permissions: { view: boolean; edit: boolean; create: boolean };
  readOnlyFieldIds: string[];
}

export interface UserTypeDetail extends UserType {
  modules: UserTypeModule[];
}

export function getUserTypeRequest(portal: string, typeId: string): ApiRequest {
  return { method: "GET", path: `${base(portal)}/${typeId}` };
}

export function createUserTypeRequest(portal: string, body: Record<string, unknown>): ApiRequest {
  return { method: "POST", path: base(portal), body: { user_type: [body] } };
}

export function updateUserTypeRequest(portal: string, typeId: string, body: Record<string, unknown>): ApiRequest {
  return { method: "PUT", path: `${base(portal)}/${typeId}`, body: { user_type: [body] } };
}

const ids = (value: unknown): string[] =>
  Array.isArray(value) ? value.flatMap((entry) => (isRecord(entry) && id(entry.id) ? [id(entry.id) as string] : [])) : [];

export function decodeUserTypeDetail(result: CrmResult<RawAnswer>): CrmResult<UserTypeDetail> {
  const summary = decodeUserTypes(result);
  if (!summary.ok) return summary;
  const first = summary.value[0];
  const body = result.ok ? result.value.body : undefined;
  const raw = isRecord(body) && Array.isArray(body.user_type) ? body.user_type[0] : undefined;
  if (!first || !isRecord(raw) || !Array.isArray(raw.modules)) return fail(LOCAL_CODES.unreadable, "The user type could not be read");
  const modules: UserTypeModule[] = [];
  for (const item of raw.modules) {
    const moduleId = isRecord(item) ? id(item.id) : undefined;
    if (!isRecord(item) || !moduleId) return fail(LOCAL_CODES.unreadable, "A module of the user type could not be read");
    const permissions = isRecord(item.permissions) ? item.permissions : {};
    const view = isRecord(item.views) && id(item.views.id) ? { id: id(item.views.id) as string, type: str(item.views.type) ?? "custom_view" } : undefined;
    modules.push({
      moduleId,
      apiName: str(item.api_name) ?? "",
      sharedType: item.shared_type === "public" ? "public" : "private",
      layoutIds: ids(item.layouts),
      ...(view ? { view } : {}),
      filterIds: ids(item.filters),
      permissions: { view: permissions.view !== false, edit: permissions.edit === true, create: permissions.create === true },
      readOnlyFieldIds: Array.isArray(item.fields)
        ? item.fields.flatMap((field) => (isRecord(field) && field.read_only === true && id(field.id) ? [id(field.id) as string] : []))
        : [],
    });
  }
  return ok({ ...first, modules });
}
