/** GET /users and GET /users/{id}. */
import type { Ctx } from "../context";
import type { User } from "../model";
import type { MockResponse } from "../types";
import { fullName, isActiveConfirmed, pageOf, paging, param, profileOf, userRef } from "../context";
import { ApiError, invalidPathId } from "../errors";
import { isAdminProfile } from "../permissions";
import { route } from "../router";
import { SEED } from "../../seed/ids";

export const USER_TYPES = [
  "AllUsers",
  "ActiveUsers",
  "DeactiveUsers",
  "ConfirmedUsers",
  "NotConfirmedUsers",
  "DeletedUsers",
  "ActiveConfirmedUsers",
  "AdminUsers",
  "ActiveConfirmedAdmins",
  "CurrentUser",
] as const;
type UserType = (typeof USER_TYPES)[number];

function isUserType(value: string): value is UserType {
  return (USER_TYPES as readonly string[]).includes(value);
}

export function presentUser(ctx: Ctx, u: User): Record<string, unknown> {
  const profile = profileOf(ctx.state, u);
  const role = ctx.state.roles.find((r) => r.id === u.roleId);
  return {
    id: u.id,
    first_name: u.first_name,
    last_name: u.last_name,
    full_name: fullName(u),
    email: u.email,
    status: u.status,
    confirm: u.confirm,
    profile: { name: profile.name, id: profile.id },
    role: role ? { name: role.name, id: role.id } : null,
    zuid: u.zuid,
    locale: u.locale,
    country_locale: u.locale,
    language: u.locale,
    time_zone: u.time_zone,
    type__s: u.type__s,
    created_time: u.created_time,
    Modified_Time: u.modified_time,
    created_by: userRef(ctx.state, SEED.users.admin),
  };
}

function filterUsers(ctx: Ctx, type: UserType): User[] {
  const isAdmin = (u: User) => isAdminProfile(profileOf(ctx.state, u));
  const all = ctx.state.users;
  switch (type) {
    case "AllUsers":
      return all;
    case "ActiveUsers":
      return all.filter((u) => u.status === "active");
    case "DeactiveUsers":
      return all.filter((u) => u.status === "disabled");
    case "ConfirmedUsers":
      return all.filter((u) => u.confirm);
    case "NotConfirmedUsers":
      return all.filter((u) => !u.confirm);
    case "DeletedUsers":
      return [];
    case "ActiveConfirmedUsers":
      return all.filter(isActiveConfirmed);
    case "AdminUsers":
      return all.filter(isAdmin);
    case "ActiveConfirmedAdmins":
      return all.filter((u) => isActiveConfirmed(u) && isAdmin(u));
    case "CurrentUser":
      return [ctx.user];
  }
}

function listUsers(ctx: Ctx): MockResponse {
  const type = ctx.query["type"] ?? "AllUsers";
  if (!isUserType(type)) {
    throw new ApiError(400, "INVALID_DATA", "invalid value for type", { param_name: "type", supported_values: [...USER_TYPES] });
  }
  const { page, perPage } = paging(ctx.query);
  let users = filterUsers(ctx, type);
  const ids = ctx.query["ids"];
  if (ids !== undefined) {
    const wanted = ids.split(",").map((s) => s.trim()).filter(Boolean);
    if (wanted.length > 100) {
      throw new ApiError(400, "LIMIT_EXCEEDED", "at most 100 ids can be given", { param_name: "ids", limit: 100 });
    }
    users = users.filter((u) => wanted.includes(u.id));
  }
  const { slice, more } = pageOf(users, page, perPage);
  if (slice.length === 0) return { status: 204 };
  return {
    status: 200,
    body: {
      users: slice.map((u) => presentUser(ctx, u)),
      info: { per_page: perPage, count: slice.length, page, more_records: more },
    },
  };
}

function getUser(ctx: Ctx): MockResponse {
  const id = param(ctx, "id");
  const user = ctx.state.users.find((u) => u.id === id);
  if (!user) throw invalidPathId(1);
  return { status: 200, body: { users: [presentUser(ctx, user)] } };
}

export const userRoutes = [route("GET", "users", listUsers), route("GET", "users/:id", getUser)];
