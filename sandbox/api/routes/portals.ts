/**
 * Client portal APIs: GET /settings/portals, user types CRUD and the users of
 * a user type (list, transfer, change status, delete).
 */
import type { Ctx } from "../context";
import type { Portal, PortalUser, UserType, UserTypeModule } from "../model";
import type { MockResponse } from "../types";
import type { ResultItem } from "../errors";
import { findRecord, iso, pageOf, paging, param, userRef } from "../context";
import { ApiError, ItemError, invalidField, invalidPathId, itemsResponse, mandatoryNotFound, requiredParam, successItem } from "../errors";
import { isNonEmptyString, isObject } from "../json";
import { requireManagePortals } from "../permissions";
import { route } from "../router";
import { MODULES } from "../../seed/ids";
import { layoutsOf, requiredFieldIds } from "./layouts";

export const MAX_USER_TYPES = 5;
const PORTAL_USER_TYPES = [
  "AllUsers",
  "AllActiveUsers",
  "ActiveUsers",
  "DeactiveUsers",
  "NotConfirmedUsers",
  "ConfirmedUsers",
  "ActiveConfirmedUsers",
] as const;

function portalInPath(ctx: Ctx): Portal {
  requireManagePortals(ctx);
  const name = param(ctx, "portal");
  const portal = ctx.state.portals.find((p) => p.name === name);
  if (!portal) throw new ApiError(400, "INVALID_DATA", "the portal name given seems to be invalid", { resource_path_index: 2 });
  return portal;
}

function userTypeInPath(ctx: Ctx, portal: Portal): UserType {
  const id = param(ctx, "typeId");
  const ut = ctx.state.userTypes.find((t) => t.portal === portal.name && t.id === id);
  if (!ut) throw invalidPathId(4, "the user type id given seems to be invalid");
  return ut;
}

function usersOf(ctx: Ctx, ut: UserType): PortalUser[] {
  return ctx.state.portalUsers.filter((u) => u.portal === ut.portal && u.userTypeId === ut.id);
}

function moduleRef(ctx: Ctx, apiOrId: string): { api_name: string; id: string; plural_label: string } | null {
  const m = ctx.state.modules.find((x) => x.api_name === apiOrId || x.id === apiOrId);
  return m ? { api_name: m.api_name, id: m.id, plural_label: m.plural_label } : null;
}

function presentUserType(ctx: Ctx, ut: UserType): Record<string, unknown> {
  return {
    id: ut.id,
    name: ut.name,
    personality_module: moduleRef(ctx, ut.personalityModule),
    active: ut.active,
    default: ut.default,
    no_of_users: usersOf(ctx, ut).length,
    modules: ut.modules.map((m) => {
      const ref = moduleRef(ctx, m.id);
      return { ...m, api_name: ref?.api_name ?? null, plural_label: ref?.plural_label ?? null };
    }),
    created_time: ut.created_time,
    modified_time: ut.modified_time,
    created_by: userRef(ctx.state, ut.createdBy),
    modified_by: userRef(ctx.state, ut.modifiedBy),
  };
}

function listPortals(ctx: Ctx): MockResponse {
  requireManagePortals(ctx);
  return {
    status: 200,
    body: {
      portals: ctx.state.portals.map((p) => ({
        name: p.name,
        zaid: p.zaid,
        active: p.active,
        created_time: p.created_time,
        modified_time: p.modified_time,
        created_by: userRef(ctx.state, p.createdBy),
        modified_by: userRef(ctx.state, p.modifiedBy),
      })),
    },
  };
}

function listUserTypes(ctx: Ctx): MockResponse {
  const portal = portalInPath(ctx);
  const types = ctx.state.userTypes.filter((t) => t.portal === portal.name);
  if (types.length === 0) return { status: 204 };
  return { status: 200, body: { user_type: types.map((t) => presentUserType(ctx, t)) } };
}

function getUserType(ctx: Ctx): MockResponse {
  const ut = userTypeInPath(ctx, portalInPath(ctx));
  return { status: 200, body: { user_type: [presentUserType(ctx, ut)] } };
}

function wrapperItems(ctx: Ctx): unknown[] {
  const items = isObject(ctx.req.body) ? ctx.req.body["user_type"] : undefined;
  if (!Array.isArray(items) || items.length === 0) {
    throw new ApiError(400, "MANDATORY_NOT_FOUND", "required field not found", { api_name: "user_type", json_path: "$.user_type" });
  }
  return items;
}

function eachItem(items: unknown[], fn: (input: Record<string, unknown>, path: string) => ResultItem): ResultItem[] {
  return items.map((input, i) => {
    const path = `$.user_type[${i}]`;
    try {
      if (!isObject(input)) throw invalidField("user_type", path, "invalid data", { expected_data_type: "jsonobject" });
      return fn(input, path);
    } catch (err) {
      if (err instanceof ItemError) return err.toItem();
      throw err;
    }
  });
}

function validName(ctx: Ctx, portal: Portal, value: unknown, path: string, self?: UserType): string {
  if (!isNonEmptyString(value)) throw mandatoryNotFound("name", `${path}.name`);
  const name = value.trim();
  const clash = ctx.state.userTypes.some((t) => t.portal === portal.name && t !== self && t.name.toLowerCase() === name.toLowerCase());
  if (clash) throw new ItemError("DUPLICATE_DATA", "duplicate data", { api_name: "name", json_path: `${path}.name` });
  return name;
}

function validBool(value: unknown, apiName: string, path: string): boolean {
  if (typeof value !== "boolean") throw invalidField(apiName, `${path}.${apiName}`, "invalid data", { expected_data_type: "boolean" });
  return value;
}

/** Validate one `modules[]` entry, merged onto `base` when updating. */
function validModule(ctx: Ctx, raw: unknown, path: string, base?: UserTypeModule): UserTypeModule {
  if (!isObject(raw)) throw invalidField("modules", path, "invalid data", { expected_data_type: "jsonobject" });
  const id = raw["id"];
  if (!isNonEmptyString(id)) throw mandatoryNotFound("id", `${path}.id`);
  const mod = moduleRef(ctx, id);
  if (!mod) throw invalidField("id", `${path}.id`, "the module id given seems to be invalid");
  const sharedType = raw["shared_type"] ?? base?.shared_type;
  if (sharedType !== "private" && sharedType !== "public") {
    throw invalidField("shared_type", `${path}.shared_type`, "invalid data", { supported_values: ["private", "public"] });
  }
  const rawPerms = raw["permissions"] ?? raw["permission"];
  const perms = { view: true, edit: false, create: false, delete: false, ...base?.permissions };
  if (rawPerms !== undefined) {
    if (!isObject(rawPerms)) throw invalidField("permissions", `${path}.permissions`, "invalid data", { expected_data_type: "jsonobject" });
    for (const key of ["view", "edit", "create", "delete"] as const) {
      if (rawPerms[key] !== undefined) perms[key] = validBool(rawPerms[key], key, `${path}.permissions`);
    }
  }
  if (!perms.view) throw invalidField("view", `${path}.permissions.view`, "view permission must be true");
  const layoutsInRequest = "layouts" in raw;
  const layouts: unknown = layoutsInRequest ? raw["layouts"] : base?.layouts ?? null;
  // Entries without an id are ignored; `k` keeps the entry's index in the request for json_path.
  const layoutList = Array.isArray(layouts)
    ? layouts.flatMap((l: unknown, k) => (isObject(l) && isNonEmptyString(l["id"]) ? [{ id: l["id"], k }] : []))
    : [];
  if (sharedType === "private" && layoutList.length === 0) {
    throw new ItemError("DEPENDENT_FIELD_MISSING", "a layout is required for private modules", {
      api_name: "layouts",
      json_path: `${path}.layouts`,
      dependee: { api_name: "shared_type", json_path: `${path}.shared_type` },
    });
  }
  const moduleLayouts = layoutsOf(ctx.state, mod.api_name);
  const chosenLayouts = layoutList.map(({ id: layoutId, k }) => {
    const found = moduleLayouts.find((l) => l.id === layoutId);
    if (!found) {
      const at = layoutsInRequest ? `${path}.layouts[${k}].id` : `${path}.layouts`;
      throw invalidField("id", at, "the layout id given seems to be invalid", { module: mod.api_name });
    }
    return found;
  });
  const views: unknown = "views" in raw ? raw["views"] : base?.views ?? null;
  if (isObject(views) && isNonEmptyString(views["id"]) && (views["type"] ?? "custom_view") === "custom_view") {
    const viewId = views["id"];
    if (!ctx.state.customViews.some((v) => v.id === viewId && v.module === mod.api_name)) {
      const at = "views" in raw ? `${path}.views.id` : `${path}.views`;
      throw invalidField("id", at, "the view id given seems to be invalid", { module: mod.api_name });
    }
  }
  const filters = "filters" in raw ? raw["filters"] : base?.filters ?? null;
  let fields = base?.fields ?? [];
  const required = requiredFieldIds(chosenLayouts);
  const mandatoryReadOnly = (fieldId: string, at: string) =>
    invalidField("read_only", at, "mandatory field cannot be read-only", { id: fieldId });
  if (Array.isArray(raw["fields"])) {
    const byId = new Map(fields.map((f) => [f.id, f]));
    raw["fields"].forEach((f: unknown, k) => {
      if (!isObject(f) || !isNonEmptyString(f["id"])) return;
      if (f["_delete"] === true) {
        byId.delete(f["id"]);
        return;
      }
      if (f["read_only"] === true && required.has(f["id"])) throw mandatoryReadOnly(f["id"], `${path}.fields[${k}].read_only`);
      byId.set(f["id"], { id: f["id"], read_only: f["read_only"] === true });
    });
    fields = [...byId.values()];
  }
  // A field made read-only earlier may be mandatory in a newly chosen layout.
  const kept = fields.find((f) => f.read_only && required.has(f.id));
  if (kept) throw mandatoryReadOnly(kept.id, `${path}.fields`);
  return {
    id,
    shared_type: sharedType,
    layouts: layoutList.map((l) => ({ id: l.id })),
    views: isObject(views) && isNonEmptyString(views["id"]) ? { id: views["id"], type: String(views["type"] ?? "custom_view") } : null,
    filters: Array.isArray(filters) ? filters.filter(isObject).map((f) => ({ id: String(f["id"]) })) : null,
    permissions: perms,
    fields,
  };
}

function createUserType(ctx: Ctx): MockResponse {
  const portal = portalInPath(ctx);
  const items = eachItem(wrapperItems(ctx), (input, path) => {
    if (ctx.state.userTypes.length >= MAX_USER_TYPES) {
      throw new ItemError("LICENSE_LIMIT_EXCEEDED", "the maximum number of user types is reached", { limit: MAX_USER_TYPES });
    }
    const name = validName(ctx, portal, input["name"], path);
    const pm = input["personality_module"];
    const pmName = isObject(pm) ? pm["api_name"] : pm;
    if (!isNonEmptyString(pmName)) throw mandatoryNotFound("personality_module", `${path}.personality_module`);
    const personality = moduleRef(ctx, pmName);
    if (!personality) throw invalidField("personality_module", `${path}.personality_module`, "the module given seems to be invalid");
    const active = input["active"] === undefined ? false : validBool(input["active"], "active", path);
    const rawModules = input["modules"];
    if (!Array.isArray(rawModules) || rawModules.length === 0) throw mandatoryNotFound("modules", `${path}.modules`);
    const modules = rawModules.map((m, j) => validModule(ctx, m, `${path}.modules[${j}]`));
    const includes = (moduleId: string) => modules.some((m) => moduleRef(ctx, m.id)?.id === moduleId);
    if (!includes(personality.id)) {
      throw invalidField("modules", `${path}.modules`, "the personality module must be part of modules");
    }
    const notes = moduleRef(ctx, MODULES.notes);
    if (notes && !includes(notes.id)) {
      throw invalidField("modules", `${path}.modules`, "the Notes module must be part of modules", { module: MODULES.notes });
    }
    const now = iso(ctx.now);
    const ut: UserType = {
      id: ctx.newId(),
      portal: portal.name,
      name,
      personalityModule: personality.api_name,
      active,
      default: false,
      modules,
      created_time: now,
      modified_time: now,
      createdBy: ctx.user.id,
      modifiedBy: ctx.user.id,
    };
    ctx.state.userTypes.push(ut);
    return successItem("user type created successfully.", { id: ut.id });
  });
  return itemsResponse("user_type", items);
}

function updateUserType(ctx: Ctx): MockResponse {
  const portal = portalInPath(ctx);
  const ut = userTypeInPath(ctx, portal);
  const items = eachItem(wrapperItems(ctx), (input, path) => {
    const next: UserType = structuredClone(ut);
    if (input["name"] !== undefined) next.name = validName(ctx, portal, input["name"], path, ut);
    if (input["active"] !== undefined) next.active = validBool(input["active"], "active", path);
    const pm = input["personality_module"];
    const pmName = isObject(pm) ? pm["api_name"] : pm;
    if (pmName !== undefined && pmName !== ut.personalityModule) {
      throw new ItemError("CANNOT_REMOVE", "the personality module cannot be changed", { api_name: "personality_module", json_path: `${path}.personality_module` });
    }
    if (input["modules"] !== undefined) {
      if (!Array.isArray(input["modules"])) throw invalidField("modules", `${path}.modules`, "invalid data", { expected_data_type: "jsonarray" });
      input["modules"].forEach((m, j) => {
        const id = isObject(m) ? m["id"] : undefined;
        const index = next.modules.findIndex((x) => x.id === id);
        const merged = validModule(ctx, m, `${path}.modules[${j}]`, next.modules[index]);
        if (index >= 0) next.modules[index] = merged;
        else next.modules.push(merged);
      });
    }
    next.modified_time = iso(ctx.now);
    next.modifiedBy = ctx.user.id;
    Object.assign(ut, next);
    return successItem("Portal user type updated successfully.", { id: ut.id });
  });
  return itemsResponse("user_type", items);
}

function deleteUserType(ctx: Ctx): MockResponse {
  const portal = portalInPath(ctx);
  const ut = userTypeInPath(ctx, portal);
  if (usersOf(ctx, ut).length > 0) {
    return itemsResponse("user_type", [
      new ItemError("INVALID_DATA", "the user type has users; transfer them to another user type first", { id: ut.id }).toItem(),
    ]);
  }
  if (ut.default) {
    return itemsResponse("user_type", [new ItemError("INVALID_DATA", "the default user type cannot be deleted", { id: ut.id }).toItem()]);
  }
  ctx.state.userTypes = ctx.state.userTypes.filter((t) => t !== ut);
  return itemsResponse("user_type", [successItem("Portal user type deleted successfully.", { id: ut.id })]);
}

function matchesType(u: PortalUser, type: (typeof PORTAL_USER_TYPES)[number]): boolean {
  switch (type) {
    case "AllUsers":
      return true;
    case "AllActiveUsers":
    case "ActiveUsers":
      return u.active;
    case "DeactiveUsers":
      return !u.active;
    case "NotConfirmedUsers":
      return !u.confirm;
    case "ConfirmedUsers":
      return u.confirm;
    case "ActiveConfirmedUsers":
      return u.active && u.confirm;
  }
}

function statusReasonFilter(raw: string | undefined): (u: PortalUser) => boolean {
  if (raw === undefined) return () => true;
  const bad = () => new ApiError(400, "INVALID_DATA", "invalid filters", { param_name: "filters" });
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw bad();
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  const tests = list.map((f) => {
    const field = isObject(f) ? f["field"] : undefined;
    const apiName = isObject(field) ? field["api_name"] : undefined;
    const comparator = isObject(f) ? f["comparator"] : undefined;
    const value = isObject(f) ? f["value"] : undefined;
    if (apiName !== "status_reason__s" || (comparator !== "equal" && comparator !== "not_equal") || typeof value !== "string") throw bad();
    return (u: PortalUser) => (u.status_reason__s === value) === (comparator === "equal");
  });
  return (u) => tests.every((t) => t(u));
}

function listPortalUsers(ctx: Ctx): MockResponse {
  const ut = userTypeInPath(ctx, portalInPath(ctx));
  const type = ctx.query["type"];
  if (type === undefined) throw requiredParam("type");
  const known = PORTAL_USER_TYPES.find((t) => t === type);
  if (!known) {
    throw new ApiError(400, "PATTERN_NOT_MATCHED", "invalid value for type", { param_name: "type", regex: PORTAL_USER_TYPES.join("|") });
  }
  const { page, perPage } = paging(ctx.query);
  const filter = statusReasonFilter(ctx.query["filters"]);
  const all = usersOf(ctx, ut).filter((u) => matchesType(u, known) && filter(u));
  const { slice, more } = pageOf(all, page, perPage);
  if (slice.length === 0) return { status: 204 };
  const users = slice.map((u) => {
    const rec = findRecord(ctx.state, ut.personalityModule, u.personalityId);
    const name = rec ? (rec["Full_Name"] ?? rec["Account_Name"] ?? null) : null;
    return {
      personality_id: u.personalityId,
      name,
      email: rec?.["Email"] ?? null,
      module: ut.personalityModule,
      active: u.active,
      confirm: u.confirm,
      invited_time: u.invited_time,
      status_reason__s: u.status_reason__s,
    };
  });
  return {
    status: 200,
    body: { users, info: { per_page: perPage, count: users.length, page, more_records: more, total_count: all.length } },
  };
}

function idList(ctx: Ctx, name: string): string[] {
  const ids = ctx.query[name]?.split(",").map((s) => s.trim()).filter(Boolean);
  if (!ids || ids.length === 0) throw requiredParam(name);
  return ids;
}

function notInType(pid: string): ResultItem {
  return new ItemError("INVALID_DATA", "the personality id is not part of this user type", { personality_id: pid }).toItem();
}

function transferUsers(ctx: Ctx): MockResponse {
  const portal = portalInPath(ctx);
  const ut = userTypeInPath(ctx, portal);
  const targetId = ctx.query["transfer_To"];
  if (!targetId) throw requiredParam("transfer_To");
  const ids = idList(ctx, "personality_ids");
  const target = ctx.state.userTypes.find((t) => t.portal === portal.name && t.id === targetId);
  if (!target || target === ut || target.personalityModule !== ut.personalityModule) {
    throw new ApiError(400, "INVALID_DATA", "the target user type is invalid", { param_name: "transfer_To" });
  }
  const items = ids.map((pid) => {
    const user = usersOf(ctx, ut).find((u) => u.personalityId === pid);
    if (!user) return notInType(pid);
    user.userTypeId = target.id;
    return successItem("User has been transferred successfully", { personality_id: pid });
  });
  return itemsResponse("users", items);
}

function changeStatus(ctx: Ctx): MockResponse {
  const portal = portalInPath(ctx);
  const ut = userTypeInPath(ctx, portal);
  const active = ctx.query["active"];
  if (active === undefined) throw requiredParam("active");
  if (active !== "true" && active !== "false") {
    throw new ApiError(400, "INVALID_DATA", "invalid value for active", { param_name: "active", supported_values: ["true", "false"] });
  }
  const pid = param(ctx, "pid");
  const user = usersOf(ctx, ut).find((u) => u.personalityId === pid);
  if (!user) throw invalidPathId(6, "the personality id given seems to be invalid");
  if (active === "true") {
    if (user.active) throw new ApiError(400, "ALREADY_ACTIVATED", "the user is already active", { personality_id: pid });
    const used = ctx.state.portalUsers.filter((u) => u.portal === portal.name && u.active).length;
    if (used >= portal.licences) {
      throw new ApiError(403, "LIMIT_EXCEEDED", "portal user licences are used up", { limit: portal.licences, available_limit: 0 });
    }
  }
  user.active = active === "true";
  return { status: 200, body: { change_status: [successItem("Status of the user changed successfully.", { personality_id: pid })] } };
}

function deleteUsers(ctx: Ctx): MockResponse {
  const ut = userTypeInPath(ctx, portalInPath(ctx));
  const items = idList(ctx, "personality_ids").map((pid) => {
    const user = usersOf(ctx, ut).find((u) => u.personalityId === pid);
    if (!user) return notInType(pid);
    ctx.state.portalUsers = ctx.state.portalUsers.filter((u) => u !== user);
    return successItem("Portal user deleted successfully.", { personality_id: pid });
  });
  return itemsResponse("users", items);
}

const UT = "settings/portals/:portal/user_type";
export const portalRoutes = [
  route("GET", "settings/portals", listPortals),
  route("GET", UT, listUserTypes),
  route("POST", UT, createUserType),
  route("GET", `${UT}/:typeId`, getUserType),
  route("PUT", `${UT}/:typeId`, updateUserType),
  route("DELETE", `${UT}/:typeId`, deleteUserType),
  route("GET", `${UT}/:typeId/users`, listPortalUsers),
  route("DELETE", `${UT}/:typeId/users`, deleteUsers),
  route("POST", `${UT}/:typeId/users/action/transfer`, transferUsers),
  route("PUT", `${UT}/:typeId/users/:pid/actions/change_status`, changeStatus),
];
