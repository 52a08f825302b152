/**
 * Zoho writes answer per item: `{<wrapper>:[{code:"SUCCESS"|…, status, message, details}]}`.
 * A single-item write succeeded only if its one item says SUCCESS.
 */
import type { RawAnswer } from "../crm/decode";
import { envelopeError } from "../crm/decode";
import { LOCAL_CODES, fail, failWith, ok, type CrmResult } from "../crm/result";
import { isRecord } from "./read";

export interface ItemSuccess {
  details: Record<string, unknown>;
}

export function decodeSingleItem(result: CrmResult<RawAnswer>, wrapper: string): CrmResult<ItemSuccess> {
  if (!result.ok) return result;
  const { body, status } = result.value;
  const list = isRecord(body) ? body[wrapper] : undefined;
  const item: unknown = Array.isArray(list) ? list[0] : list;
  if (!isRecord(item)) return fail(LOCAL_CODES.unreadable, "The CRM's answer to the change could not be read", {}, status);
  if (item.code === "SUCCESS" && item.status === "success") {
    return ok({ details: isRecord(item.details) ? item.details : {} });
  }
  const error = envelopeError(item, status ?? 400);
  return error ? failWith(error) : fail(LOCAL_CODES.unreadable, "The CRM's answer to the change could not be read", {}, status);
}
