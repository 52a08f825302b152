/** /settings/record_locking_configurations[/{id}]?module=: GET, POST, PUT, DELETE. */
import type { Ctx } from "../context";
import type { LockConfig, ModuleDef } from "../model";
import type { MockResponse } from "../types";
import type { ResultItem } from "../errors";
import { findModule, param, userRef } from "../context";
import { ApiError, ItemError, featureNotSupported, invalidPathId, itemsResponse, mandatoryNotFound, requiredParam, successItem } from "../errors";
import { isObject } from "../json";
import { configFor } from "../locks";
import { requireCustomize } from "../permissions";
import { route } from "../router";
import { buildConfig } from "../config-validate";
import { MODULES } from "../../seed/ids";

const WRAPPER = "record_locking_configurations";

export function presentConfig(ctx: Ctx, c: LockConfig): Record<string, unknown> {
  return {
    id: c.id,
    feature_type: "record_locking",
    lock_type: c.lock_type,
    locked_for: c.locked_for,
    lock_excluded_profiles: c.lock_excluded_profiles,
    excluded_fields: c.excluded_fields,
    restricted_actions: c.restricted_actions,
    restricted_communications: c.restricted_communications,
    restricted_custom_buttons: c.restricted_custom_buttons,
    lock_for_portal_users: c.lock_for_portal_users,
    system_defined: c.system_defined,
    locking_rules: c.locking_rules.map((r) => ({
      id: r.id,
      name: r.name,
      lock_existing_records: r.lock_existing_records,
      criteria: r.criteria,
    })),
    created_time: c.created_time,
    modified_time: c.modified_time,
    created_by: userRef(ctx.state, c.created_by),
    modified_by: userRef(ctx.state, c.modified_by),
  };
}

/** Modules that support record locking: standard ones (except Notes) and user-created custom modules. */
export function supportsLocking(mod: ModuleDef): boolean {
  return (mod.kind === "standard" && mod.api_name !== MODULES.notes) || mod.kind === "custom";
}

/** Request-level checks shared by every verb: edition, module param, support. */
function targetModule(ctx: Ctx): ModuleDef {
  if (ctx.options.edition === "standard") throw featureNotSupported();
  const name = ctx.query["module"];
  if (!name) throw requiredParam("module");
  const mod = findModule(ctx.state, name);
  if (!mod) throw new ApiError(400, "INVALID_MODULE", "the module name given seems to be invalid", { param_name: "module" });
  if (!supportsLocking(mod)) {
    throw new ApiError(400, "NOT_SUPPORTED", "record locking is not supported for this module", { param_name: "module", api_name: mod.api_name });
  }
  const featureType = ctx.query["feature_type"];
  if (featureType !== undefined && featureType !== "record_locking") {
    throw new ApiError(400, "INVALID_DATA", "invalid feature_type", { param_name: "feature_type", supported_values: ["record_locking"] });
  }
  return mod;
}

function configInPath(ctx: Ctx, mod: ModuleDef): LockConfig {
  const config = configFor(ctx.state, mod.api_name);
  if (!config || config.id !== param(ctx, "id")) throw invalidPathId(2);
  return config;
}

function bodyItems(ctx: Ctx): unknown[] {
  const items = isObject(ctx.req.body) ? ctx.req.body[WRAPPER] : undefined;
  if (!Array.isArray(items) || items.length === 0) {
    throw new ApiError(400, "MANDATORY_NOT_FOUND", "required field not found", { api_name: WRAPPER, json_path: `$.${WRAPPER}` });
  }
  return items;
}

function processItems(items: unknown[], fn: (input: Record<string, unknown>, index: number) => ResultItem): ResultItem[] {
  return items.map((input, i) => {
    try {
      if (!isObject(input)) {
        throw new ItemError("INVALID_DATA", "invalid data", { api_name: WRAPPER, json_path: `$.${WRAPPER}[${i}]`, expected_data_type: "jsonobject" });
      }
      return fn(input, i);
    } catch (err) {
      if (err instanceof ItemError) return err.toItem();
      throw err;
    }
  });
}

function getConfigs(ctx: Ctx): MockResponse {
  const mod = targetModule(ctx);
  const config = configFor(ctx.state, mod.api_name);
  if (!config) return { status: 204 };
  return { status: 200, body: { [WRAPPER]: [presentConfig(ctx, config)] } };
}

function getConfig(ctx: Ctx): MockResponse {
  const mod = targetModule(ctx);
  return { status: 200, body: { [WRAPPER]: [presentConfig(ctx, configInPath(ctx, mod))] } };
}

function createConfig(ctx: Ctx): MockResponse {
  const mod = targetModule(ctx);
  requireCustomize(ctx);
  const results = processItems(bodyItems(ctx), (input, i) => {
    if (configFor(ctx.state, mod.api_name)) {
      throw new ItemError("LIMIT_EXCEEDED", "a record locking configuration already exists for this module", {
        api_name: WRAPPER,
        json_path: `$.${WRAPPER}[${i}]`,
        limit: 1,
        available_limit: 0,
      });
    }
    const config = buildConfig(ctx, mod, input, undefined, i);
    ctx.state.configs.push(config);
    return successItem("record locking configuration created successfully", { id: config.id });
  });
  return itemsResponse(WRAPPER, results, 201);
}

function updateWith(ctx: Ctx, mod: ModuleDef, pathId: string | undefined): MockResponse {
  requireCustomize(ctx);
  const results = processItems(bodyItems(ctx), (input, i) => {
    const id = pathId ?? input["id"];
    if (id === undefined || id === null) throw mandatoryNotFound("id", `$.${WRAPPER}[${i}].id`);
    const existing = configFor(ctx.state, mod.api_name);
    if (!existing || existing.id !== id) {
      throw new ItemError("INVALID_DATA", "the record locking configuration id given seems to be invalid", {
        api_name: "id",
        json_path: `$.${WRAPPER}[${i}].id`,
      });
    }
    const updated = buildConfig(ctx, mod, input, existing, i);
    ctx.state.configs = ctx.state.configs.map((c) => (c === existing ? updated : c));
    return successItem("record locking configuration updated successfully", { id: updated.id });
  });
  return itemsResponse(WRAPPER, results);
}

function updateConfigs(ctx: Ctx): MockResponse {
  return updateWith(ctx, targetModule(ctx), undefined);
}

function updateConfig(ctx: Ctx): MockResponse {
  const mod = targetModule(ctx);
  requireCustomize(ctx);
  return updateWith(ctx, mod, configInPath(ctx, mod).id);
}

/** Remove a configuration; every lock of the module goes with it. */
function removeConfig(ctx: Ctx, config: LockConfig): void {
  if (config.system_defined) throw new ApiError(403, "NOT_ALLOWED", "a system defined configuration cannot be deleted", { id: config.id });
  ctx.state.configs = ctx.state.configs.filter((c) => c !== config);
  ctx.state.locks = ctx.state.locks.filter((l) => l.module !== config.module);
}

function deleteConfig(ctx: Ctx): MockResponse {
  const mod = targetModule(ctx);
  requireCustomize(ctx);
  const config = configInPath(ctx, mod);
  removeConfig(ctx, config);
  return { status: 200, body: { [WRAPPER]: [successItem("record locking configuration deleted", { id: config.id })] } };
}

function deleteConfigs(ctx: Ctx): MockResponse {
  const mod = targetModule(ctx);
  requireCustomize(ctx);
  const ids = ctx.query["ids"]?.split(",").map((s) => s.trim()).filter(Boolean);
  if (!ids || ids.length === 0) throw requiredParam("ids");
  const results = ids.map((id) => {
    const config = configFor(ctx.state, mod.api_name);
    if (!config || config.id !== id) return new ItemError("INVALID_DATA", "the id given seems to be invalid", { id }).toItem();
    removeConfig(ctx, config);
    return successItem("record locking configuration deleted", { id });
  });
  return itemsResponse(WRAPPER, results);
}

const BASE = "settings/record_locking_configurations";
export const lockingConfigRoutes = [
  route("GET", BASE, getConfigs),
  route("POST", BASE, createConfig),
  route("PUT", BASE, updateConfigs),
  route("DELETE", BASE, deleteConfigs),
  route("GET", `${BASE}/:id`, getConfig),
  route("PUT", `${BASE}/:id`, updateConfig),
  route("DELETE", `${BASE}/:id`, deleteConfig),
];
