/** GET /settings/{profiles,roles,user_groups,fields,modules,custom_buttons}. */
import type { Ctx } from "../context";
import type { FieldDef, ModuleDef, ModuleKind, Profile } from "../model";
import type { MockResponse } from "../types";
import { isZohoId, param, resolveModule, userRef } from "../context";
import { ApiError, invalidPathId, requiredParam } from "../errors";
import { permissionDetails } from "../permissions";
import { route } from "../router";
import { SEED, zid } from "../../seed/ids";

function presentProfile(ctx: Ctx, p: Profile, detailed: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {
    id: p.id,
    name: p.name,
    display_label: p.name,
    description: p.description,
    type: p.type,
    default: p.default,
    custom: p.custom,
    category: false,
    created_time: p.created_time,
    modified_time: p.modified_time,
    created_by: p.custom ? userRef(ctx.state, SEED.users.admin) : null,
    modified_by: p.custom ? userRef(ctx.state, SEED.users.admin) : null,
  };
  if (detailed) {
    const modules = ctx.state.modules.filter((m) => m.kind !== "system").map((m) => m.api_name);
    const profileIndex = ctx.state.profiles.indexOf(p);
    // Permission ids live in the 106xxx seed range.
    body["permissions_details"] = permissionDetails(p, modules).map((d, i) => ({ id: zid(106000 + 100 * profileIndex + i), ...d }));
    body["sections"] = [];
  }
  return body;
}

function listProfiles(ctx: Ctx): MockResponse {
  return { status: 200, body: { profiles: ctx.state.profiles.map((p) => presentProfile(ctx, p, false)) } };
}

function getProfile(ctx: Ctx): MockResponse {
  const id = param(ctx, "id");
  const p = ctx.state.profiles.find((x) => x.id === id);
  if (!p) throw invalidPathId(2);
  return { status: 200, body: { profiles: [presentProfile(ctx, p, true)] } };
}

function listRoles(ctx: Ctx): MockResponse {
  const roles = ctx.state.roles.map((r) => {
    const parent = ctx.state.roles.find((x) => x.id === r.reportsTo);
    return {
      id: r.id,
      name: r.name,
      display_label: r.name,
      description: r.description,
      reporting_to: parent ? { id: parent.id, name: parent.name } : null,
      share_with_peers: true,
    };
  });
  return { status: 200, body: { roles } };
}

function listGroups(ctx: Ctx): MockResponse {
  const user_groups = ctx.state.groups.map((g) => ({ id: g.id, name: g.name, description: g.description }));
  return { status: 200, body: { user_groups, info: { per_page: 200, count: user_groups.length, page: 1, more_records: false } } };
}

const JSON_TYPES: Record<string, string> = {
  currency: "double",
  double: "double",
  integer: "integer",
  bigint: "string",
  boolean: "boolean",
  lookup: "jsonobject",
  ownerlookup: "jsonobject",
  userlookup: "jsonobject",
  multimodulelookup: "jsonobject",
  multiselectpicklist: "jsonarray",
};

function presentField(f: FieldDef, modules: ModuleDef[]): Record<string, unknown> {
  const lookup = f.lookupModule ? modules.find((m) => m.api_name === f.lookupModule) : undefined;
  return {
    id: f.id,
    api_name: f.api_name,
    field_label: f.field_label,
    display_label: f.field_label,
    data_type: f.data_type,
    json_type: JSON_TYPES[f.data_type] ?? "string",
    read_only: f.read_only,
    field_read_only: f.read_only,
    system_mandatory: f.system_mandatory,
    visible: true,
    custom_field: f.custom_field,
    length: f.data_type === "textarea" ? 32000 : 255,
    pick_list_values: (f.pick_list_values ?? []).map((v) => ({ ...v, type: "used" })),
    lookup: lookup ? { module: { api_name: lookup.api_name, id: lookup.id } } : {},
  };
}

/** The mandatory `module` query parameter: REQUIRED_PARAM_MISSING or INVALID_MODULE. */
export function moduleParam(ctx: Ctx): ModuleDef {
  const name = ctx.query["module"];
  if (!name) throw requiredParam("module");
  try {
    return resolveModule(ctx.state, name);
  } catch {
    throw new ApiError(400, "INVALID_MODULE", "the module name given seems to be invalid", { param_name: "module" });
  }
}

function listFields(ctx: Ctx): MockResponse {
  const mod = moduleParam(ctx);
  const type = ctx.query["type"];
  if (type !== undefined && !["all", "used", "unused"].includes(type)) {
    throw new ApiError(400, "INVALID_DATA", "invalid value for type", { param_name: "type", supported_values: ["all", "used", "unused"] });
  }
  const fields = type === "unused" ? [] : (ctx.state.fields[mod.api_name] ?? []);
  if (fields.length === 0) return { status: 204 };
  return { status: 200, body: { fields: fields.map((f) => presentField(f, ctx.state.modules)) } };
}

const GENERATED_TYPE: Record<ModuleKind, string> = {
  standard: "default",
  custom: "custom",
  extension: "custom",
  linking: "linking",
  system: "default",
};

function moduleStatus(m: ModuleDef): string {
  return m.kind === "system" ? "system_hidden" : "visible";
}

function presentModule(ctx: Ctx, m: ModuleDef, index: number): Record<string, unknown> {
  const editable = m.kind !== "system";
  return {
    id: m.id,
    api_name: m.api_name,
    module_name: m.api_name,
    singular_label: m.singular_label,
    plural_label: m.plural_label,
    generated_type: GENERATED_TYPE[m.kind],
    api_supported: true,
    creatable: editable,
    editable,
    deletable: editable,
    viewable: true,
    visible: m.kind !== "system",
    status: moduleStatus(m),
    sequence_number: index + 1,
    modified_time: null,
    profiles: ctx.state.profiles.map((p) => ({ id: p.id, name: p.name })),
  };
}

function listModules(ctx: Ctx): MockResponse {
  const statuses = ctx.query["status"]?.split(",").map((s) => s.trim()).filter(Boolean);
  const modules = ctx.state.modules
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => !statuses || statuses.includes(moduleStatus(m)))
    .map(({ m, i }) => presentModule(ctx, m, i));
  if (modules.length === 0) return { status: 204 };
  return { status: 200, body: { modules } };
}

function listCustomButtons(ctx: Ctx): MockResponse {
  const mod = moduleParam(ctx);
  const buttons = ctx.state.customButtons.filter((b) => b.module === mod.api_name);
  if (buttons.length === 0) return { status: 204 };
  return {
    status: 200,
    body: {
      custom_buttons: buttons.map((b) => ({
        id: b.id,
        name: b.name,
        display_label: b.name,
      })),
    },
  };
}

function getModule(ctx: Ctx): MockResponse {
  const key = param(ctx, "api_name");
  const index = ctx.state.modules.findIndex((m) => m.api_name === key || (isZohoId(key) && m.id === key));
  const m = ctx.state.modules[index];
  if (!m) throw invalidPathId(2, "the module name given seems to be invalid");
  return { status: 200, body: { modules: [presentModule(ctx, m, index)] } };
}

export const metadataRoutes = [
  route("GET", "settings/profiles", listProfiles),
  route("GET", "settings/profiles/:id", getProfile),
  route("GET", "settings/roles", listRoles),
  route("GET", "settings/user_groups", listGroups),
  route("GET", "settings/fields", listFields),
  route("GET", "settings/modules", listModules),
  route("GET", "settings/modules/:api_name", getModule),
  route("GET", "settings/custom_buttons", listCustomButtons),
];
