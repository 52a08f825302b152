/**
 * Zoho writes answer per item: `{<wrapper>:[{code:"SUCCESS"|…, status, message, details}]}`
 * (share DELETE: a single object). A write succeeded only if every item says
 * SUCCESS; otherwise the first item error is the result.
 */
import type { RawAnswer } from "../crm/decode";
import { envelopeError } from "../crm/decode";
import { LOCAL_CODES, fail, failWith, ok, type CrmResult } from "../crm/result";
import { isRecord } from "./read";

export interface ItemSuccess {
  details: Record<string, unknown>;
}

export function decodeWriteResult(result: CrmResult<RawAnswer>, wrapper: string): CrmResult<ItemSuccess> {
  if (!result.ok) return result;
  const { body, status } = result.value;
  const list = isRecord(body) ? body[wrapper] : undefined;
  const items: unknown[] = Array.isArray(list) ? list : list === undefined ? [] : [list];
  const unreadable = fail<ItemSuccess>(LOCAL_CODES.unreadable, "The CRM's answer to the change could not be read", {}, status);
  if (items.length === 0) return unreadable;
  for (const item of items) {
    if (isRecord(item) && item.code === "SUCCESS" && item.status === "success") continue;
    const error = envelopeError(item, status ?? 400);
    return error ? failWith(error) : unreadable;
  }
  const first = items[0];
  return ok({ details: isRecord(first) && isRecord(first.details) ? first.details : {} });
}
