/**
 * GET /{module}/{id}/actions/permit_threshold?owner_id= and the module-level
 * GET /{module}/actions/permit_threshold?owner_id=.
 */
import type { Ctx } from "../context";
import type { CrmRecord, ModuleDef } from "../model";
import type { MockResponse } from "../types";
import { findUser, param, resolveModule, resolveRecord } from "../context";
import { ApiError, featureNotSupported, requiredParam } from "../errors";
import { matches } from "../criteria";
import { thresholdOf } from "../thresholds";
import { route } from "../router";
import { MODULES } from "../../seed/ids";

const SUPPORTED_STANDARD: string[] = [MODULES.leads, MODULES.contacts, MODULES.accounts, MODULES.deals, "Cases"];

export type ThresholdReason =
  | "RECORD_ALLOWED"
  | "RECORD_DENIED_BY_BACKLOG"
  | "RECORD_DENIED_BY_ALLOWCOUNT"
  | "NO_RESTRICTION"
  | "RESTRICTION_DISABLED"
  | "RECORD_EXCLUDED";

interface Permit {
  allow: boolean;
  reason: ThresholdReason;
  remaining_allow_count: number;
}

function targetModule(ctx: Ctx): ModuleDef {
  const mod = resolveModule(ctx.state, param(ctx, "module"));
  const supported = SUPPORTED_STANDARD.includes(mod.api_name) || mod.kind === "custom" || mod.kind === "extension";
  if (!supported) {
    throw new ApiError(400, "NOT_SUPPORTED", "assignment threshold is not supported for this module", { api_name: mod.api_name });
  }
  if (ctx.options.edition === "standard") throw featureNotSupported();
  return mod;
}

/**
 * The decision, in order: no threshold for the user -> NO_RESTRICTION;
 * threshold or user entry switched off -> RESTRICTION_DISABLED; record
 * matches the exclude criteria -> RECORD_EXCLUDED; backlog limit reached ->
 * RECORD_DENIED_BY_BACKLOG; assigned count reached -> RECORD_DENIED_BY_ALLOWCOUNT;
 * else RECORD_ALLOWED. remaining_allow_count is 0 when there is no limit.
 */
function evaluate(ctx: Ctx, mod: ModuleDef, ownerId: string, record: CrmRecord | undefined): Permit {
  const found = thresholdOf(ctx.state, mod.api_name, ownerId);
  if (!found) return { allow: true, reason: "NO_RESTRICTION", remaining_allow_count: 0 };
  const { threshold, entry } = found;
  if (!threshold.active || entry.disabled) return { allow: true, reason: "RESTRICTION_DISABLED", remaining_allow_count: 0 };
  const remaining = Math.max(0, entry.allowCount - entry.assigned);
  if (record && threshold.exclude && matches(threshold.exclude, record, ctx.state.fields[mod.api_name] ?? [])) {
    return { allow: true, reason: "RECORD_EXCLUDED", remaining_allow_count: remaining };
  }
  if (entry.backlogLimit !== null && entry.backlog >= entry.backlogLimit) {
    return { allow: false, reason: "RECORD_DENIED_BY_BACKLOG", remaining_allow_count: remaining };
  }
  if (remaining === 0) return { allow: false, reason: "RECORD_DENIED_BY_ALLOWCOUNT", remaining_allow_count: 0 };
  return { allow: true, reason: "RECORD_ALLOWED", remaining_allow_count: remaining };
}

function ownerParam(ctx: Ctx): string {
  const ownerId = ctx.query["owner_id"];
  if (!ownerId) throw requiredParam("owner_id");
  if (!findUser(ctx.state, ownerId)) {
    throw new ApiError(400, "INVALID_DATA", "the owner id given seems to be invalid", { param_name: "owner_id" });
  }
  return ownerId;
}

function permitForRecord(ctx: Ctx): MockResponse {
  const mod = targetModule(ctx);
  const record = resolveRecord(ctx.state, mod, param(ctx, "id"));
  const ownerId = ownerParam(ctx);
  return { status: 200, body: { permit_threshold: evaluate(ctx, mod, ownerId, record) } };
}

function permitForModule(ctx: Ctx): MockResponse {
  const mod = targetModule(ctx);
  const ownerId = ownerParam(ctx);
  return { status: 200, body: { permit_threshold: evaluate(ctx, mod, ownerId, undefined) } };
}

export const permitThresholdRoutes = [
  route("GET", ":module/actions/permit_threshold", permitForModule),
  route("GET", ":module/:id/actions/permit_threshold", permitForRecord),
];
