/** POST /{module}/{id}/actions/change_owner and bulk POST /{module}/actions/change_owner. */
import type { Ctx } from "../context";
import type { CrmRecord, ModuleDef, User } from "../model";
import type { MockResponse } from "../types";
import type { ResultItem } from "../errors";
import { findModule, findRecord, isActiveConfirmed, isZohoId, iso, moduleRecords, ownerValue, param, resolveModule, resolveRecord } from "../context";
import { ApiError, errorItem, itemsResponse, successItem } from "../errors";
import { isNonEmptyString, isObject } from "../json";
import { isActionRestricted } from "../locks";
import { requireChangeOwner } from "../permissions";
import { thresholdOf } from "../thresholds";
import { route } from "../router";
import { MODULES } from "../../seed/ids";

export const MAX_BULK_IDS = 500;
/** Related activity modules whose records can move with the parent. */
const RELATED_MODULES = [MODULES.tasks, "Events", "Calls"];

interface OwnerChange {
  owner: User;
  related: string[];
}

function targetModule(ctx: Ctx): ModuleDef {
  const mod = resolveModule(ctx.state, param(ctx, "module"));
  if (mod.kind === "linking" || mod.kind === "system") {
    throw new ApiError(400, "NOT_SUPPORTED", "change owner is not supported for this module", { api_name: mod.api_name });
  }
  return mod;
}

function parseRelated(ctx: Ctx, raw: unknown): string[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    throw new ApiError(400, "INVALID_DATA", "invalid data", { api_name: "related_modules", json_path: "$.related_modules", expected_data_type: "jsonarray" });
  }
  return raw.map((item, j) => {
    const path = `$.related_modules[${j}]`;
    const apiName = isObject(item) ? item["api_name"] : undefined;
    const id = isObject(item) ? item["id"] : undefined;
    if (!isNonEmptyString(apiName) && !isNonEmptyString(id)) {
      throw new ApiError(400, "EXPECTED_FIELD_MISSING", "api_name or id of the related module is missing", {
        expected_fields: [
          { api_name: "api_name", json_path: `${path}.api_name` },
          { api_name: "id", json_path: `${path}.id` },
        ],
      });
    }
    const byName = isNonEmptyString(apiName) && RELATED_MODULES.includes(apiName) ? apiName : undefined;
    const byIdModule = isNonEmptyString(id) ? ctx.state.modules.find((m) => m.id === id) : undefined;
    const byId = byIdModule && RELATED_MODULES.includes(byIdModule.api_name) ? byIdModule.api_name : undefined;
    if (byName && byId && byName !== byId) {
      throw new ApiError(400, "AMBIGUITY_DURING_PROCESSING", "api_name and id point to different modules", {
        ambiguity_due_to: [
          { api_name: "api_name", json_path: `${path}.api_name` },
          { api_name: "id", json_path: `${path}.id` },
        ],
      });
    }
    const resolved = byName ?? byId;
    if (!resolved) throw new ApiError(400, "NOT_SUPPORTED", "the related module is not supported", { api_name: "related_modules", json_path: path });
    return resolved;
  });
}

function parseChange(ctx: Ctx): OwnerChange {
  requireChangeOwner(ctx);
  const body = isObject(ctx.req.body) ? ctx.req.body : {};
  const owner = body["owner"];
  if (!isObject(owner)) {
    throw new ApiError(400, "MANDATORY_NOT_FOUND", "required field not found", { api_name: "owner", json_path: "$.owner" });
  }
  const user = ctx.state.users.find((u) => u.id === owner["id"]);
  if (!user || !isActiveConfirmed(user)) {
    throw new ApiError(400, "INVALID_DATA", "the owner id given is invalid", { param_name: "owner", api_name: "id", json_path: "$.owner.id" });
  }
  const notify = body["notify"];
  if (notify !== undefined && typeof notify !== "boolean") {
    throw new ApiError(400, "INVALID_DATA", "invalid data", { api_name: "notify", json_path: "$.notify", expected_data_type: "boolean" });
  }
  return { owner: user, related: parseRelated(ctx, body["related_modules"]) };
}

function setOwner(ctx: Ctx, record: CrmRecord, owner: User): void {
  record["Owner"] = ownerValue(owner);
  record["Modified_By"] = ownerValue(ctx.user);
  record["Modified_Time"] = iso(ctx.now);
}

function applyChange(ctx: Ctx, mod: ModuleDef, record: CrmRecord, change: OwnerChange): ResultItem {
  if (isActionRestricted(ctx.state, ctx.profile, mod.api_name, record.id, "change_owner")) {
    return errorItem("RECORD_LOCKED", "the record is locked", { id: record.id, action: "change_owner" });
  }
  setOwner(ctx, record, change.owner);
  if (change.related.includes(MODULES.tasks) && findModule(ctx.state, MODULES.tasks)) {
    for (const task of moduleRecords(ctx.state, MODULES.tasks)) {
      const what = task["What_Id"];
      if (isObject(what) && what["id"] === record.id) setOwner(ctx, task, change.owner);
    }
  }
  const found = thresholdOf(ctx.state, mod.api_name, change.owner.id);
  if (found) found.entry.assigned += 1;
  return successItem("owner is successfully updated", { id: record.id });
}

function changeOwnerOne(ctx: Ctx): MockResponse {
  const mod = targetModule(ctx);
  const record = resolveRecord(ctx.state, mod, param(ctx, "id"));
  const change = parseChange(ctx);
  return itemsResponse("data", [applyChange(ctx, mod, record, change)]);
}

function changeOwnerBulk(ctx: Ctx): MockResponse {
  const mod = targetModule(ctx);
  const change = parseChange(ctx);
  const ids = isObject(ctx.req.body) ? ctx.req.body["ids"] : undefined;
  if (!Array.isArray(ids) || ids.length === 0) {
    throw new ApiError(400, "MANDATORY_NOT_FOUND", "required field not found", { api_name: "ids", json_path: "$.ids" });
  }
  if (ids.length > MAX_BULK_IDS) {
    throw new ApiError(400, "LIMIT_EXCEEDED", `at most ${MAX_BULK_IDS} ids can be given`, {
      api_name: "ids",
      json_path: "$.ids",
      limit: MAX_BULK_IDS,
      available_limit: MAX_BULK_IDS,
    });
  }
  const items = ids.map((id: unknown) => {
    const record = isZohoId(id) ? findRecord(ctx.state, mod.api_name, id) : undefined;
    if (!record) return errorItem("INVALID_DATA", "the id given seems to be invalid", { id: typeof id === "string" ? id : String(id) });
    return applyChange(ctx, mod, record, change);
  });
  return itemsResponse("data", items);
}

export const changeOwnerRoutes = [
  route("POST", ":module/actions/change_owner", changeOwnerBulk),
  route("POST", ":module/:id/actions/change_owner", changeOwnerOne),
];
