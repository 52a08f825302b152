/** Record Count (docs/crm-api.md#record-count): how many records of a module match a criteria string. */
import type { RawAnswer } from "../crm/decode";
import { LOCAL_CODES, fail, ok, type CrmResult } from "../crm/result";
import type { ApiRequest } from "../crm/transport";
import { isRecord } from "./read";

/** `criteria` is already in the search grammar (see search-criteria.ts). */
export function countRequest(module: string, criteria: string): ApiRequest {
  return { method: "GET", path: `/${encodeURIComponent(module)}/actions/count`, query: { criteria } };
}

/**
 * `{count}` as a number or, as Zoho's OpenAPI types it, a string of digits.
 * Anything else is unreadable, never 0: a preview must not claim that nothing matches.
 */
export function decodeCount(result: CrmResult<RawAnswer>): CrmResult<number> {
  if (!result.ok) return result;
  const { body } = result.value;
  const raw = isRecord(body) ? body.count : undefined;
  const count = typeof raw === "number" ? raw : typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(count) || count < 0) return fail(LOCAL_CODES.unreadable, "The record count could not be read");
  // A "-0" in JSON parses to -0, which some formatters print with its sign.
  return ok(Math.abs(count));
}
