/**
 * Change owner (docs/crm-api.md#change-owner): one record, or up to 500 in one bulk call.
 * Pure builders and decoders; a bulk answer is read item by item because it
 * can mix successes and errors.
 */
import type { RawAnswer } from "../crm/decode";
import { ok, type CrmResult } from "../crm/result";
import type { ApiRequest } from "../crm/transport";
import { decodeItemOutcomes, type ItemOutcome } from "./items";

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


/** Per record id, what the bulk call did (see decodeItemOutcomes). */
export function decodeBulkOutcomes(result: CrmResult<RawAnswer>, recordIds: string[]): CrmResult<Map<string, ItemOutcome>> {
  const decoded = decodeItemOutcomes(result, "data", "id", recordIds);
  return decoded.ok ? ok(decoded.value.byId) : decoded;
}
