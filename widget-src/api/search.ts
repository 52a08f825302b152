/** Search Records (docs/crm-api.md#search-records): one page of the records matching a criteria string. */
import type { RawAnswer } from "../crm/decode";
import { LOCAL_CODES, fail, ok, type CrmResult } from "../crm/result";
import type { ApiRequest } from "../crm/transport";
import { isRecord, listUnder } from "./read";
import { decodeRecord, nameFieldOf } from "./records";

/** The documented largest (and default) page. */
export const SEARCH_PER_PAGE = 200;

/**
 * One search reads at most this many records, page after page; asking past
 * them answers LIMIT_REACHED. A caller that needs more must narrow the criteria.
 */
export const MAX_SEARCH_RECORDS = 2000;

/** What Locked__s says: the records that have a lock now (docs/crm-api.md#search-records). */
export function lockedCriteria(): string {
  return "(Locked__s:equals:true)";
}

export interface FoundRecord {
  id: string;
  name: string;
  owner?: { id: string; name: string };
}

export interface SearchPage {
  records: FoundRecord[];
  moreRecords: boolean;
}

/** `criteria` is already in the search grammar (see search-criteria.ts); pages count from 1. */
export function searchRequest(module: string, criteria: string, page: number, perPage: number = SEARCH_PER_PAGE): ApiRequest {
  if (!Number.isInteger(page) || page < 1) throw new Error(`page must be a whole number from 1, got ${page}`);
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > SEARCH_PER_PAGE) {
    throw new Error(`per_page must be a whole number from 1 to ${SEARCH_PER_PAGE}, got ${perPage}`);
  }
  return {
    method: "GET",
    path: `/${encodeURIComponent(module)}/search`,
    // Only what a row shows: the whole record would be hundreds of fields per row.
    query: { criteria, fields: `${nameFieldOf(module)},Owner`, page: String(page), per_page: String(perPage) },
  };
}

/**
 * 204 is a page with nothing on it. A page with records must say whether more
 * follow: without `info.more_records` we could not tell "all loaded" from
 * "stopped early", so such an answer is unreadable.
 */
export function decodeSearchPage(result: CrmResult<RawAnswer>, module: string): CrmResult<SearchPage> {
  const list = listUnder(result, "data", "search results");
  if (!list.ok) return list;
  if (list.value.length === 0) return ok({ records: [], moreRecords: false });
  const body = result.ok ? result.value.body : undefined;
  const more = isRecord(body) && isRecord(body.info) ? body.info.more_records : undefined;
  if (typeof more !== "boolean") return fail(LOCAL_CODES.unreadable, "The search results did not say whether more follow");
  const records: FoundRecord[] = [];
  for (const item of list.value) {
    const decoded = decodeRecord({ data: [item] }, module);
    if (!decoded.ok || !isRecord(item)) return fail(LOCAL_CODES.unreadable, "A record in the search results could not be read");
    const { id, name, owner } = decoded.value;
    records.push(owner ? { id, name, owner } : { id, name });
  }
  return ok({ records, moreRecords: more });
}
