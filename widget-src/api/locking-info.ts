/**
 * Locking_Information__s (docs/crm-api.md#lock-information): one lock record per locked
 * record. Pure request builders and the decoder; no I/O here.
 */
import type { RawAnswer } from "../crm/decode";
import { LOCAL_CODES, fail, ok, type CrmResult } from "../crm/result";
import type { ApiRequest } from "../crm/transport";
import { id, isRecord, named, str } from "./read";

export const LOCK_FIELDS = [
  "Lock_Source__s",
  "Locked_By__s",
  "Locked_Reason__s",
  "Locked_Time__s",
  "Locked_For__s",
  "Record_Locking_Configuration_Id__s",
  "Record_Locking_Rule_Id__s",
] as const;

export interface Lock {
  id: string;
  source: "manual" | "automatic" | "unknown";
  lockedBy?: { id: string; name: string };
  reason?: string;
  /** ISO 8601 with offset, as sent. */
  lockedAt?: string;
  configurationId?: string;
  ruleId?: string;
}

/**
 * `notConfigured`: the module has no record-locking configuration, so no
 * record in it can be locked (the API answers NOT_ALLOWED, 400).
 */
export type LockState = { kind: "unlocked" } | { kind: "locked"; lock: Lock } | { kind: "notConfigured" };

export function lockInfoPath(module: string, recordId: string): string {
  return `/${encodeURIComponent(module)}/${recordId}/Locking_Information__s`;
}

export function getLockInfoRequest(module: string, recordId: string): ApiRequest {
  // `fields` is mandatory on the list GET (REQUIRED_PARAM_MISSING otherwise).
  return { method: "GET", path: lockInfoPath(module, recordId), query: { fields: LOCK_FIELDS.join(",") } };
}

/** The documented cap on a lock reason [3P]; the server answers INVALID_DATA beyond it. */
export const MAX_REASON_LENGTH = 3000;

function reasonBody(reason: string) {
  return { data: [{ Locked_Reason__s: reason }] };
}

export function lockRequest(module: string, recordId: string, reason: string): ApiRequest {
  return { method: "POST", path: lockInfoPath(module, recordId), body: reasonBody(reason) };
}

export function editReasonRequest(module: string, recordId: string, lockId: string, reason: string): ApiRequest {
  return { method: "PUT", path: `${lockInfoPath(module, recordId)}/${lockId}`, body: reasonBody(reason) };
}

export function unlockRequest(module: string, recordId: string, lockId: string): ApiRequest {
  return { method: "DELETE", path: `${lockInfoPath(module, recordId)}/${lockId}` };
}

/** 204 means "not locked"; anything unreadable is an error, never "unlocked". */
export function decodeLockInfo(result: CrmResult<RawAnswer>): CrmResult<LockState> {
  if (!result.ok) {
    const { code, status } = result.error;
    // The only documented NOT_ALLOWED on a read; 403 would be something else.
    const noConfiguration = code === "NOT_ALLOWED" && (status === undefined || status === 400);
    return noConfiguration ? ok({ kind: "notConfigured" }) : result;
  }
  const answer = result.value;
  if (answer.body === undefined) return ok({ kind: "unlocked" });
  if (!isRecord(answer.body) || !Array.isArray(answer.body.data)) {
    return fail(LOCAL_CODES.unreadable, "The lock information could not be read");
  }
  if (answer.body.data.length === 0) return ok({ kind: "unlocked" });
  // A hole or null where the lock should be is unreadable, never "unlocked".
  const first: unknown = answer.body.data[0];
  const lock = decodeLock(first);
  return lock ? ok({ kind: "locked", lock }) : fail(LOCAL_CODES.unreadable, "The lock information could not be read");
}

function decodeLock(item: unknown): Lock | undefined {
  if (!isRecord(item)) return undefined;
  const lockId = id(item.id);
  if (!lockId) return undefined;
  const source = str(item.Lock_Source__s)?.toLowerCase();
  const lock: Lock = { id: lockId, source: source === "manual" || source === "automatic" ? source : "unknown" };
  const lockedBy = named(item.Locked_By__s);
  if (lockedBy) lock.lockedBy = lockedBy;
  const reason = str(item.Locked_Reason__s);
  if (reason) lock.reason = reason;
  const lockedAt = str(item.Locked_Time__s);
  if (lockedAt) lock.lockedAt = lockedAt;
  const configurationId = id(item.Record_Locking_Configuration_Id__s);
  if (configurationId) lock.configurationId = configurationId;
  const ruleId = id(item.Record_Locking_Rule_Id__s);
  if (ruleId) lock.ruleId = ruleId;
  return lock;
}
