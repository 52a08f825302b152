/**
 * /{module}/{id}/actions/share: GET, POST (add), PUT (replace the whole
 * list), DELETE (revoke all). Writes start a share "job" that runs for
 * options.shareJobMs; while it runs GET answers INVALID_DATA "Scheduler is
 * running" and writes answer CANNOT_PROCESS.
 */
import type { Ctx } from "../context";
import type { CrmRecord, ModuleDef, ShareEntry, SharePermission, ShareTargetType, State, User } from "../model";
import type { MockResponse } from "../types";
import type { ResultItem } from "../errors";
import { findUser, fullName, isActiveConfirmed, iso, param, profileOf, recordName, recordOwnerId, resolveModule, resolveRecord } from "../context";
import { ApiError, ItemError, invalidField, itemsResponse, mandatoryNotFound, noPermission, successItem } from "../errors";
import { isObject } from "../json";
import { isAdminProfile, requireShare } from "../permissions";
import { route } from "../router";
import { MODULES } from "../../seed/ids";

export const SHARE_LIMITS: Record<ShareTargetType, number> = { users: 10, groups: 5, roles: 5 };
const PERMISSIONS: SharePermission[] = ["read_only", "read_write", "full_access"];
const TARGET_TYPES: ShareTargetType[] = ["users", "groups", "roles"];

interface Target {
  mod: ModuleDef;
  record: CrmRecord;
}

function target(ctx: Ctx): Target {
  const mod = resolveModule(ctx.state, param(ctx, "module"));
  if (mod.api_name === MODULES.tasks || mod.kind === "linking" || mod.kind === "system") {
    throw new ApiError(401, "OAUTH_SCOPE_MISMATCH", "invalid oauth scope to access this URL", {});
  }
  return { mod, record: resolveRecord(ctx.state, mod, param(ctx, "id")) };
}

function jobRunning(ctx: Ctx, recordId: string): boolean {
  const until = ctx.state.shareJobs[recordId];
  return until !== undefined && ctx.now.getTime() < until;
}

function startJob(ctx: Ctx, recordId: string): void {
  ctx.state.shareJobs[recordId] = ctx.now.getTime() + ctx.options.shareJobMs;
}

function sharesOf(state: State, recordId: string): ShareEntry[] {
  return state.shares[recordId] ?? [];
}

/** Owner and administrators always see the record; sharing to them is refused. */
function hasImplicitAccess(state: State, user: User, record: CrmRecord): boolean {
  return recordOwnerId(record) === user.id || isAdminProfile(profileOf(state, user));
}

/** Does this share entry give `user` access (directly, via a group or via the role)? */
function entryReaches(state: State, s: ShareEntry, user: User): boolean {
  if (!s.sharedWith) return s.type === "public";
  const { id, type } = s.sharedWith;
  if (type === "users") return id === user.id;
  if (type === "groups") return state.groups.some((g) => g.id === id && g.memberIds.includes(user.id));
  return id === user.roleId;
}

function isSharedToUser(state: State, user: User, record: CrmRecord): boolean {
  return sharesOf(state, record.id).some((s) => s.sharedWith !== null && entryReaches(state, s, user));
}

function requireMayShare(ctx: Ctx, t: Target): void {
  requireShare(ctx);
  if (!hasImplicitAccess(ctx.state, ctx.user, t.record) && isSharedToUser(ctx.state, ctx.user, t.record)) {
    throw noPermission("records shared with you cannot be shared further");
  }
}

function targetKey(s: ShareEntry): string {
  return s.sharedWith ? `${s.sharedWith.type}:${s.sharedWith.id}` : "public";
}

function presentTarget(state: State, s: ShareEntry): Record<string, unknown> | null {
  if (!s.sharedWith) return null;
  const { id, type } = s.sharedWith;
  if (type === "users") {
    const u = findUser(state, id);
    return { id, name: u ? fullName(u) : null, type, zuid: u?.zuid ?? null };
  }
  const named = type === "groups" ? state.groups.find((g) => g.id === id) : state.roles.find((r) => r.id === id);
  return { id, name: named?.name ?? null, type, zuid: null };
}

function presentEntry(ctx: Ctx, t: Target, s: ShareEntry): Record<string, unknown> {
  const by = findUser(ctx.state, s.sharedBy);
  const name = recordName(t.mod, t.record);
  return {
    shared_with: presentTarget(ctx.state, s),
    permission: s.permission,
    share_related_records: s.share_related_records,
    type: s.type,
    shared_through: {
      module: { name: t.mod.plural_label, id: t.mod.id, api_name: t.mod.api_name },
      id: t.record.id,
      name,
      entity_name: name,
    },
    shared_time: s.sharedTime,
    shared_by: by ? { id: by.id, name: fullName(by), zuid: by.zuid } : null,
  };
}

/** Record-only first, higher permission first, most recent first. */
function sortEntries(entries: ShareEntry[]): ShareEntry[] {
  return [...entries].sort(
    (a, b) =>
      Number(a.share_related_records) - Number(b.share_related_records) ||
      PERMISSIONS.indexOf(b.permission) - PERMISSIONS.indexOf(a.permission) ||
      b.sharedTime.localeCompare(a.sharedTime),
  );
}

function getShares(ctx: Ctx): MockResponse {
  const t = target(ctx);
  const view = ctx.query["view"];
  if (view !== undefined && view !== "summary" && view !== "manage") {
    throw new ApiError(400, "PATTERN_NOT_MATCHED", "invalid value for view", { param_name: "view", regex: "summary|manage" });
  }
  let viewer: User | undefined;
  const sharedTo = ctx.query["sharedTo"];
  if (sharedTo !== undefined) {
    viewer = findUser(ctx.state, sharedTo);
    if (!viewer) throw new ApiError(400, "INVALID_DATA", "the user id given seems to be invalid", { param_name: "sharedTo" });
  }
  if (jobRunning(ctx, t.record.id)) throw new ApiError(400, "INVALID_DATA", "Scheduler is running", { id: t.record.id });
  let entries = sortEntries(sharesOf(ctx.state, t.record.id));
  if (viewer) {
    const v = viewer;
    entries = entries.filter((s) => entryReaches(ctx.state, s, v));
  }
  if (entries.length === 0) return { status: 204 };
  const body: Record<string, unknown> = { share: entries.map((s) => presentEntry(ctx, t, s)) };
  if (view === "manage") {
    const taken = new Set(entries.map(targetKey));
    body["shareable_user"] = ctx.state.users
      .filter((u) => isActiveConfirmed(u) && !hasImplicitAccess(ctx.state, u, t.record) && !taken.has(`users:${u.id}`))
      .map((u) => ({ id: u.id, full_name: fullName(u), email: u.email, zuid: u.zuid }));
  }
  return { status: 200, body };
}

function parseTarget(ctx: Ctx, t: Target, raw: Record<string, unknown>, path: string): { id: string; type: ShareTargetType } {
  const legacyUser = isObject(raw["user"]) ? { id: raw["user"]["id"], type: "users" } : undefined;
  const sw = raw["shared_with"] ?? legacyUser;
  if (!isObject(sw)) throw mandatoryNotFound("shared_with", `${path}.shared_with`);
  const type = sw["type"] ?? "users";
  if (typeof type !== "string" || !(TARGET_TYPES as string[]).includes(type)) {
    throw invalidField("type", `${path}.shared_with.type`, "invalid data", { supported_values: TARGET_TYPES });
  }
  const id = sw["id"];
  const idPath = `${path}.shared_with.id`;
  if (typeof id !== "string" || id === "") throw mandatoryNotFound("id", idPath);
  if (type === "users") {
    const user = findUser(ctx.state, id);
    if (!user) throw invalidField("id", idPath, "the user id given seems to be invalid");
    if (!isActiveConfirmed(user)) throw invalidField("id", idPath, "cannot share to the user");
    if (user.id === ctx.user.id || hasImplicitAccess(ctx.state, user, t.record)) {
      throw invalidField("id", idPath, "record is already visible to the user");
    }
    return { id, type: "users" };
  }
  const exists = type === "groups" ? ctx.state.groups.some((g) => g.id === id) : ctx.state.roles.some((r) => r.id === id);
  if (!exists) throw invalidField("id", idPath, `the ${type === "groups" ? "group" : "role"} id given seems to be invalid`);
  return { id, type: type as ShareTargetType };
}

function parseEntry(ctx: Ctx, t: Target, raw: unknown, j: number): ShareEntry {
  const path = `$.share[${j}]`;
  if (!isObject(raw)) throw invalidField("share", path, "invalid data", { expected_data_type: "jsonobject" });
  const type = raw["type"] ?? "private";
  if (type !== "private" && type !== "public") {
    throw invalidField("type", `${path}.type`, "invalid data", { supported_values: ["private", "public"] });
  }
  const permission = raw["permission"] ?? "full_access";
  if (typeof permission !== "string" || !(PERMISSIONS as string[]).includes(permission)) {
    throw invalidField("permission", `${path}.permission`, "Permission is invalid", { supported_values: PERMISSIONS });
  }
  const related = raw["share_related_records"] ?? false;
  if (typeof related !== "boolean") {
    throw invalidField("share_related_records", `${path}.share_related_records`, "invalid data", { expected_data_type: "boolean" });
  }
  return {
    sharedWith: type === "public" ? null : parseTarget(ctx, t, raw, path),
    permission: permission as SharePermission,
    share_related_records: related,
    type,
    sharedTime: iso(ctx.now),
    sharedBy: ctx.user.id,
  };
}

interface ParsedBody {
  results: (ShareEntry | ItemError)[];
}

function parseBody(ctx: Ctx, t: Target): ParsedBody {
  const body = ctx.req.body;
  const share = isObject(body) ? body["share"] : undefined;
  if (!Array.isArray(share) || share.length === 0) {
    throw new ApiError(400, "MANDATORY_NOT_FOUND", "required field not found", { api_name: "share", json_path: "$.share" });
  }
  const notify = isObject(body) ? body["notify_shared_members"] : undefined;
  if (notify === true && !ctx.options.feedsEnabled) {
    throw new ApiError(403, "NOT_ALLOWED", "Feeds must be enabled to notify the shared members", { api_name: "notify_shared_members" });
  }
  // Public sharing (whole org) must be the only entry of the body, without
  // shared_with (nor the legacy user); anything else next to it is ambiguous.
  const publicIdx = share.flatMap((s, j) => (isObject(s) && s["type"] === "public" ? [j] : []));
  const publicWithTarget = publicIdx.some((j) => {
    const s = share[j];
    return isObject(s) && (s["shared_with"] !== undefined || s["user"] !== undefined);
  });
  if (publicIdx.length > 0 && (share.length > 1 || publicWithTarget)) {
    const ambiguous = share.length > 1 ? share.map((_, j) => j) : publicIdx;
    throw new ApiError(400, "AMBIGUITY_DURING_PROCESSING", "public sharing must be the only entry, without shared_with", {
      ambiguity_due_to: ambiguous.map((j) => ({ api_name: "type", json_path: `$.share[${j}].type` })),
    });
  }
  const results = share.map((raw, j) => {
    try {
      return parseEntry(ctx, t, raw, j);
    } catch (err) {
      if (err instanceof ItemError) return err;
      throw err;
    }
  });
  return { results };
}

/** Merge entries by target (later wins). */
function mergeEntries(base: ShareEntry[], added: ShareEntry[]): ShareEntry[] {
  const byKey = new Map(base.map((s) => [targetKey(s), s]));
  for (const s of added) byKey.set(targetKey(s), s);
  return [...byKey.values()];
}

function checkLimits(entries: ShareEntry[], code: "LIMIT_EXCEEDED" | "SHARE_LIMIT_EXCEEDED"): void {
  for (const type of TARGET_TYPES) {
    const count = entries.filter((s) => s.sharedWith?.type === type).length;
    const limit = SHARE_LIMITS[type];
    if (count > limit) {
      throw new ApiError(403, code, `Cannot share a record to more than ${limit} ${type}.`, {
        api_name: "shared_with",
        type,
        limit,
        available_limit: 0,
      });
    }
  }
}

function writeShares(ctx: Ctx, replace: boolean): MockResponse {
  const t = target(ctx);
  requireMayShare(ctx, t);
  if (jobRunning(ctx, t.record.id)) throw new ApiError(400, "CANNOT_PROCESS", "Scheduler is running", { id: t.record.id });
  const { results } = parseBody(ctx, t);
  const valid = results.filter((r): r is ShareEntry => !(r instanceof ItemError));
  const next = mergeEntries(replace ? [] : sharesOf(ctx.state, t.record.id), valid);
  checkLimits(next, replace ? "SHARE_LIMIT_EXCEEDED" : "LIMIT_EXCEEDED");
  if (valid.length > 0) {
    ctx.state.shares[t.record.id] = next;
    startJob(ctx, t.record.id);
  }
  const items: ResultItem[] = results.map((r) =>
    r instanceof ItemError ? r.toItem() : successItem("record will be shared successfully", {}),
  );
  return itemsResponse("share", items);
}

function revokeShares(ctx: Ctx): MockResponse {
  const t = target(ctx);
  requireMayShare(ctx, t);
  if (jobRunning(ctx, t.record.id)) throw new ApiError(400, "CANNOT_PROCESS", "Scheduler is running", { id: t.record.id });
  if (sharesOf(ctx.state, t.record.id).length === 0) {
    throw new ApiError(400, "BAD_REQUEST", "the record is not shared with anyone", { id: t.record.id });
  }
  delete ctx.state.shares[t.record.id];
  startJob(ctx, t.record.id);
  return { status: 200, body: { share: successItem("Sharing Revoked", { id: t.record.id }) } };
}

const BASE = ":module/:id/actions/share";
export const shareRoutes = [
  route("GET", BASE, getShares),
  route("POST", BASE, (ctx) => writeShares(ctx, false)),
  route("PUT", BASE, (ctx) => writeShares(ctx, true)),
  route("DELETE", BASE, revokeShares),
];
