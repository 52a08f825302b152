/**
 * /{module}/{id}/Locking_Information__s[/{lock_id}]: lock status, manual
 * lock (POST), reason edit (PUT) and unlock (DELETE).
 */
import type { Ctx } from "../context";
import type { CrmRecord, LockRecord, ModuleDef } from "../model";
import type { MockResponse } from "../types";
import { findRecord, findUser, iso, isZohoId, ownerValue, param, recordName, resolveModule, resolveRecord, userRef } from "../context";
import { isObject } from "../json";
import {
  ApiError,
  ItemError,
  featureNotSupported,
  invalidField,
  invalidPathId,
  mandatoryNotFound,
  requiredParam,
  successItem,
} from "../errors";
import { configFor, lockForRecord } from "../locks";
import { canLock, requireLock } from "../permissions";
import { route } from "../router";
import { MODULES } from "../../seed/ids";

export const MAX_REASON_LENGTH = 3000;

const LOCK_FIELDS = [
  "Name",
  "Locked_For__s",
  "Lock_Source__s",
  "Locked_By__s",
  "Locked_Reason__s",
  "Locked_Time__s",
  "Record_Locking_Configuration_Id__s",
  "Record_Locking_Rule_Id__s",
  "Feature_Type__s",
  "Owner",
  "Parent_Id",
  "Created_Time",
  "Modified_Time",
  "Created_By",
  "Modified_By",
];

export function presentLock(ctx: Ctx, lock: LockRecord, fields?: string[]): Record<string, unknown> {
  const { state } = ctx;
  const mod = state.modules.find((m) => m.api_name === lock.module);
  const record = findRecord(state, lock.module, lock.recordId);
  const name = mod && record ? recordName(mod, record) : "";
  const lockedFor = { module: { api_name: lock.module, id: mod?.id ?? null }, name, id: lock.recordId };
  const owner = findUser(state, lock.lockedBy ?? lock.createdBy);
  const full: Record<string, unknown> = {
    id: lock.id,
    Name: name,
    Locked_For__s: lockedFor,
    Lock_Source__s: lock.source,
    Locked_By__s: userRef(state, lock.lockedBy),
    Locked_Reason__s: lock.reason,
    Locked_Time__s: lock.lockedTime,
    Record_Locking_Configuration_Id__s: lock.configId,
    Record_Locking_Rule_Id__s: lock.ruleId,
    Feature_Type__s: "record_locking",
    Owner: owner ? ownerValue(owner) : null,
    Parent_Id: lockedFor,
    Created_Time: lock.lockedTime,
    Modified_Time: lock.modifiedTime,
    Created_By: userRef(state, lock.createdBy),
    Modified_By: userRef(state, lock.modifiedBy),
    $editable: lock.source === "Manual" && canLock(ctx.profile, lock.module),
    $sharing_permission: "full_access",
  };
  if (!fields) return full;
  const picked: Record<string, unknown> = { id: lock.id };
  for (const f of fields) if (f in full) picked[f] = full[f];
  return picked;
}

interface Target {
  mod: ModuleDef;
  record: CrmRecord;
}

function target(ctx: Ctx): Target {
  if (ctx.options.edition === "standard") throw featureNotSupported();
  const mod = resolveModule(ctx.state, param(ctx, "module"));
  if (mod.api_name === MODULES.lockingInformation) throw new ApiError(400, "INVALID_MODULE", "the module name given seems to be invalid", { resource_path_index: 0 });
  return { mod, record: resolveRecord(ctx.state, mod, param(ctx, "id")) };
}

/** Every lock call on a module without a configuration is refused [D7]. */
function requireConfig(ctx: Ctx, t: Target) {
  const config = configFor(ctx.state, t.mod.api_name);
  if (!config) throw new ApiError(400, "NOT_ALLOWED", "required record locking configuration is not present");
  return config;
}

function lockInPath(ctx: Ctx, t: Target): LockRecord {
  const lockId = param(ctx, "lockId");
  const lock = isZohoId(lockId) ? lockForRecord(ctx.state, t.record.id) : undefined;
  if (!lock || lock.id !== lockId) throw invalidPathId(3);
  return lock;
}

function splitFields(value: string | undefined): string[] | undefined {
  return value?.split(",").map((s) => s.trim()).filter(Boolean);
}

function validateFields(fields: string[]): void {
  const bad = fields.find((f) => f !== "id" && !LOCK_FIELDS.includes(f));
  if (bad !== undefined) {
    throw new ApiError(400, "INVALID_DATA", "invalid field name given in fields", { param_name: "fields", api_name: bad });
  }
}

function getLocks(ctx: Ctx): MockResponse {
  const t = target(ctx);
  const fields = splitFields(ctx.query["fields"]);
  if (!fields || fields.length === 0) throw requiredParam("fields");
  validateFields(fields);
  requireConfig(ctx, t);
  const lock = lockForRecord(ctx.state, t.record.id);
  if (!lock) return { status: 204 };
  return {
    status: 200,
    body: {
      data: [presentLock(ctx, lock, fields)],
      info: {
        per_page: 200,
        count: 1,
        page: 1,
        more_records: false,
        next_page_token: null,
        previous_page_token: null,
        page_token_expiry: null,
      },
    },
  };
}

function getLock(ctx: Ctx): MockResponse {
  const t = target(ctx);
  const lock = lockInPath(ctx, t);
  const fields = splitFields(ctx.query["fields"]);
  if (fields) validateFields(fields);
  return { status: 200, body: { data: [presentLock(ctx, lock, fields)] } };
}

/** Read `Locked_Reason__s` from `{data:[{...}]}`; throws request- or item-level errors. */
function readReason(body: unknown): string {
  const data = isObject(body) ? body["data"] : undefined;
  if (!Array.isArray(data) || data.length === 0) {
    throw new ApiError(400, "MANDATORY_NOT_FOUND", "required field not found", { api_name: "data", json_path: "$.data" });
  }
  if (data.length > 1) {
    throw new ApiError(400, "LIMIT_EXCEEDED", "only one lock can be given", { api_name: "data", json_path: "$.data", limit: 1, available_limit: 1 });
  }
  const item: unknown = data[0];
  const path = "$.data[0].Locked_Reason__s";
  const reason = isObject(item) ? item["Locked_Reason__s"] : undefined;
  if (reason === undefined || reason === null || (typeof reason === "string" && reason.trim() === "")) {
    throw mandatoryNotFound("Locked_Reason__s", path);
  }
  if (typeof reason !== "string") {
    throw invalidField("Locked_Reason__s", path, "invalid data", { expected_data_type: "textarea" });
  }
  if (reason.length > MAX_REASON_LENGTH) {
    throw invalidField("Locked_Reason__s", path, "the reason is too long", { maximum_length: MAX_REASON_LENGTH });
  }
  return reason;
}

function itemErrorResponse(err: unknown): MockResponse {
  if (err instanceof ItemError) return { status: err.httpStatus, body: { data: [err.toItem()] } };
  throw err;
}

function createLock(ctx: Ctx): MockResponse {
  const t = target(ctx);
  requireLock(ctx, t.mod.api_name);
  const config = requireConfig(ctx, t);
  if (config.lock_type === "automatic") {
    throw new ApiError(400, "NOT_ALLOWED", "manual locking is not enabled in the record locking configuration", { lock_type: "automatic" });
  }
  if (lockForRecord(ctx.state, t.record.id)) throw new ApiError(403, "NOT_ALLOWED", "the record is already locked", { id: t.record.id });
  let reason: string;
  try {
    reason = readReason(ctx.req.body);
  } catch (err) {
    return itemErrorResponse(err);
  }
  const now = iso(ctx.now);
  const lock: LockRecord = {
    id: ctx.newId(),
    module: t.mod.api_name,
    recordId: t.record.id,
    configId: config.id,
    source: "Manual",
    ruleId: null,
    lockedBy: ctx.user.id,
    reason,
    lockedTime: now,
    createdBy: ctx.user.id,
    modifiedBy: ctx.user.id,
    modifiedTime: now,
  };
  ctx.state.locks.push(lock);
  const by = userRef(ctx.state, ctx.user.id);
  return {
    status: 201,
    body: {
      data: [
        successItem("record added", { id: lock.id, Created_Time: now, Created_By: by, Modified_Time: now, Modified_By: by }),
      ],
    },
  };
}

function manualLockInPath(ctx: Ctx, t: Target, verb: string): LockRecord {
  const lock = lockInPath(ctx, t);
  requireLock(ctx, t.mod.api_name);
  if (lock.source !== "Manual") {
    throw new ApiError(403, "NOT_ALLOWED", `an automatic lock cannot be ${verb}`, { id: lock.id });
  }
  return lock;
}

function updateLock(ctx: Ctx): MockResponse {
  const t = target(ctx);
  const lock = manualLockInPath(ctx, t, "edited");
  let reason: string;
  try {
    reason = readReason(ctx.req.body);
  } catch (err) {
    return itemErrorResponse(err);
  }
  lock.reason = reason;
  lock.modifiedBy = ctx.user.id;
  lock.modifiedTime = iso(ctx.now);
  return { status: 200, body: { data: [successItem("relation updated", { id: lock.id })] } };
}

function deleteLock(ctx: Ctx): MockResponse {
  const t = target(ctx);
  const lock = manualLockInPath(ctx, t, "removed");
  ctx.state.locks = ctx.state.locks.filter((l) => l !== lock);
  return { status: 200, body: { data: [successItem("relation removed", { id: lock.id })] } };
}

const BASE = ":module/:id/Locking_Information__s";
export const lockingInfoRoutes = [
  route("GET", BASE, getLocks),
  route("POST", BASE, createLock),
  route("GET", `${BASE}/:lockId`, getLock),
  route("PUT", `${BASE}/:lockId`, updateLock),
  route("DELETE", `${BASE}/:lockId`, deleteLock),
];
