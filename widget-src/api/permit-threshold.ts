/**
 * Assignment thresholds (docs/crm-api.md#assignment-thresholds, v8 only): may this user receive
 * the record now? Zoho enforces thresholds only for automated assignment, so
 * the widget asks before a hand-made owner change. Pure builders and decoders.
 */
import type { RawAnswer } from "../crm/decode";
import { LOCAL_CODES, fail, ok, type CrmResult } from "../crm/result";
import type { ApiRequest } from "../crm/transport";
import { isRecord } from "./read";

export const PERMIT_REASONS = [
  "RECORD_ALLOWED",
  "RECORD_DENIED_BY_BACKLOG",
  "RECORD_DENIED_BY_ALLOWCOUNT",
  "NO_RESTRICTION",
  "RESTRICTION_DISABLED",
  "RECORD_EXCLUDED",
] as const;

export type PermitReason = (typeof PERMIT_REASONS)[number];

export interface Permit {
  allow: boolean;
  reason: PermitReason;
  /** How many more records fit; only meaningful with RECORD_ALLOWED. */
  remaining: number;
}

/** For one record, so the threshold's exclude criteria are applied. */
export function recordPermitRequest(module: string, recordId: string, ownerId: string): ApiRequest {
  return { method: "GET", path: `/${encodeURIComponent(module)}/${recordId}/actions/permit_threshold`, query: { owner_id: ownerId } };
}

/** For the module, without a record: the user's capacity in general (bulk reassignment). */
export function modulePermitRequest(module: string, ownerId: string): ApiRequest {
  return { method: "GET", path: `/${encodeURIComponent(module)}/actions/permit_threshold`, query: { owner_id: ownerId } };
}

/**
 * An answer we cannot read, or one whose allow and reason disagree, is an
 * error: a check that failed must never read as "allowed".
 */
export function decodePermit(result: CrmResult<RawAnswer>): CrmResult<Permit> {
  if (!result.ok) return result;
  const body = result.value.body;
  const permit = isRecord(body) ? body.permit_threshold : undefined;
  const unreadable = fail<Permit>(LOCAL_CODES.unreadable, "The threshold check could not be read");
  if (!isRecord(permit) || typeof permit.allow !== "boolean") return unreadable;
  const reason = PERMIT_REASONS.find((known) => known === permit.reason);
  if (!reason) return unreadable;
  const denied = reason === "RECORD_DENIED_BY_BACKLOG" || reason === "RECORD_DENIED_BY_ALLOWCOUNT";
  if (permit.allow === denied) return unreadable;
  const remaining = typeof permit.remaining_allow_count === "number" && Number.isFinite(permit.remaining_allow_count)
    ? Math.max(0, Math.floor(permit.remaining_allow_count))
    : 0;
  return ok({ allow: permit.allow, reason, remaining });
}
