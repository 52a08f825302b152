/**
 * Change owner (api-reference §4): one record, or up to 500 in one bulk call.
 * Pure builders and decoders; a bulk answer is read item by item because it
 * can mix successes and errors.
 */
import type { RawAnswer } from "../crm/decode";
import { envelopeError } from "../crm/decode";
import { LOCAL_CODES, fail, ok, type CrmError, type CrmResult } from "../crm/result";
import type { ApiRequest } from "../crm/transport";
import { id, isRecord } from "./read";

/** The documented maximum of ids per bulk call. */
export const MAX_BULK_IDS = 500;

/** Related activities that can move with the record. */
export const RELATED_ACTIVITY_MODULES = ["Tasks", "Events", "Calls"] as const;
export type RelatedActivityModule = (typeof RELATED_ACTIVITY_MODULES)[number];

export interface OwnerChange {
  ownerId: string;
  notify: boolean;
  /** Open activities of the record whose owner should change too. */
  relatedModules: RelatedActivityModule[];
}

function changeBody(change: OwnerChange): Record<string, unknown> {
  const body: Record<string, unknown> = { owner: { id: change.ownerId }, notify: change.notify };
  if (change.relatedModules.length > 0) body.related_modules = change.relatedModules.map((apiName) => ({ api_name: apiName }));
  return body;
}

export function changeOwnerRequest(module: string, recordId: string, change: OwnerChange): ApiRequest {
  return { method: "POST", path: `/${encodeURIComponent(module)}/${recordId}/actions/change_owner`, body: changeBody(change) };
}

export function bulkChangeOwnerRequest(module: string, recordIds: string[], change: OwnerChange): ApiRequest {
  if (recordIds.length > MAX_BULK_IDS) throw new Error(`at most ${MAX_BULK_IDS} ids per change_owner call`);
  return {
    method: "POST",
    path: `/${encodeURIComponent(module)}/actions/change_owner`,
    body: { ...changeBody(change), ids: recordIds },
  };
}

export type ItemOutcome = { ok: true } | { ok: false; error: CrmError };

/**
 * Per record id, what the bulk call did. Items come in request order; an item
 * naming its id is matched by id. A record the answer says nothing about is
 * an error ("no answer"), never a success.
 */
export function decodeBulkOutcomes(result: CrmResult<RawAnswer>, recordIds: string[]): CrmResult<Map<string, ItemOutcome>> {
  if (!result.ok) return result;
  const { body, status } = result.value;
  const items = isRecord(body) && Array.isArray(body.data) ? body.data : undefined;
  if (!items) return fail(LOCAL_CODES.unreadable, "The CRM's answer to the owner change could not be read", {}, status);
  const outcomes = new Map<string, ItemOutcome>();
  items.forEach((item, index) => {
    const details = isRecord(item) && isRecord(item.details) ? item.details : {};
    const recordId = id(details.id) ?? recordIds[index];
    if (!recordId || outcomes.has(recordId)) return;
    if (isRecord(item) && item.code === "SUCCESS" && item.status === "success") {
      outcomes.set(recordId, { ok: true });
      return;
    }
    const error = envelopeError(item, status ?? 400);
    outcomes.set(recordId, {
      ok: false,
      error: error ?? { code: LOCAL_CODES.unreadable, message: "An item of the answer could not be read", details: {} },
    });
  });
  for (const recordId of recordIds) {
    if (!outcomes.has(recordId)) {
      outcomes.set(recordId, { ok: false, error: { code: LOCAL_CODES.unreadable, message: "The CRM did not answer for this record", details: {} } });
    }
  }
  return ok(outcomes);
}
