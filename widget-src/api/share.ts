/**
 * Record sharing, v8 (docs/crm-api.md#share). PUT replaces the record's whole list
 * of direct shares, so callers always send the complete intended list (see
 * features/record-share/plan.ts). Pure builders and decoders only.
 */
import type { RawAnswer } from "../crm/decode";
import { LOCAL_CODES, fail, ok, type CrmResult } from "../crm/result";
import type { ApiRequest } from "../crm/transport";
import { id, isRecord, str } from "./read";

export type SharePermission = "read_only" | "read_write" | "full_access";
export type ShareTargetType = "users" | "groups" | "roles";

export interface ShareTarget {
  id: string;
  name: string;
  type: ShareTargetType;
}

export interface ShareEntry {
  /** Undefined for public sharing (the whole organisation). */
  sharedWith?: ShareTarget;
  permission: SharePermission;
  shareRelatedRecords: boolean;
  type: "private" | "public";
  /** The record through which access comes: this record, or a parent. */
  sharedThrough?: { id: string; name: string; module?: string };
  sharedBy?: { id: string; name: string };
  sharedTime?: string;
}

const PERMISSIONS: readonly string[] = ["read_only", "read_write", "full_access"];
const TARGET_TYPES: readonly string[] = ["users", "groups", "roles"];

export function sharePath(module: string, recordId: string): string {
  return `/${encodeURIComponent(module)}/${recordId}/actions/share`;
}

export function getSharesRequest(module: string, recordId: string): ApiRequest {
  return { method: "GET", path: sharePath(module, recordId) };
}

/** The request body form of an entry: only the keys the API accepts. */
export function entryBody(entry: ShareEntry): Record<string, unknown> {
  const body: Record<string, unknown> = {
    permission: entry.permission,
    share_related_records: entry.shareRelatedRecords,
    type: entry.type,
  };
  if (entry.type === "private" && entry.sharedWith) {
    body.shared_with = { id: entry.sharedWith.id, type: entry.sharedWith.type };
  }
  return body;
}

/** PUT: the complete list; anyone left out loses access. */
export function replaceSharesRequest(module: string, recordId: string, entries: ShareEntry[], notify: boolean): ApiRequest {
  return { method: "PUT", path: sharePath(module, recordId), body: { share: entries.map(entryBody), notify } };
}

export function revokeAllSharesRequest(module: string, recordId: string): ApiRequest {
  return { method: "DELETE", path: sharePath(module, recordId) };
}

/** 204 is "shared with nobody"; an answer we cannot read is an error, never "no shares". */
export function decodeShares(result: CrmResult<RawAnswer>): CrmResult<ShareEntry[]> {
  if (!result.ok) return result;
  const { body } = result.value;
  if (body === undefined) return ok([]);
  if (!isRecord(body) || !Array.isArray(body.share)) return fail(LOCAL_CODES.unreadable, "The shares could not be read");
  const entries: ShareEntry[] = [];
  for (const item of body.share) {
    const entry = decodeEntry(item);
    if (!entry) return fail(LOCAL_CODES.unreadable, "A share could not be read");
    entries.push(entry);
  }
  return ok(entries);
}

function decodeEntry(item: unknown): ShareEntry | undefined {
  if (!isRecord(item)) return undefined;
  const permission = str(item.permission);
  const type = item.type === "public" ? "public" : "private";
  if (!permission || !PERMISSIONS.includes(permission)) return undefined;
  const entry: ShareEntry = {
    permission: permission as SharePermission,
    shareRelatedRecords: item.share_related_records === true,
    type,
  };
  const target = isRecord(item.shared_with) ? item.shared_with : isRecord(item.user) ? { ...item.user, type: "users" } : undefined;
  if (target) {
    const targetId = id(target.id);
    const targetType = str(target.type) ?? "users";
    if (!targetId || !TARGET_TYPES.includes(targetType)) return undefined;
    entry.sharedWith = { id: targetId, name: str(target.name) ?? str(target.full_name) ?? targetId, type: targetType as ShareTargetType };
  } else if (type === "private") {
    return undefined;
  }
  if (isRecord(item.shared_through)) {
    const through = item.shared_through;
    const throughId = id(through.id);
    if (throughId) {
      const module = isRecord(through.module) ? str(through.module.api_name) ?? str(through.module.name) : undefined;
      entry.sharedThrough = {
        id: throughId,
        name: str(through.name) ?? str(through.entity_name) ?? "",
        ...(module ? { module } : {}),
      };
    }
  }
  // The documentation's samples name the sharer with `name`, Zoho's OpenAPI file with a user's `full_name` (docs/crm-api.md#share).
  const by = isRecord(item.shared_by) ? item.shared_by : undefined;
  const byId = by ? id(by.id) : undefined;
  if (by && byId) entry.sharedBy = { id: byId, name: str(by.name) ?? str(by.full_name) ?? "" };
  const time = str(item.shared_time);
  if (time) entry.sharedTime = time;
  return entry;
}
