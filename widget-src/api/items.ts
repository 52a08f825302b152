/**
 * Zoho writes answer per item: `{<wrapper>:[{code:"SUCCESS"|…, status, message, details}]}`
 * (share DELETE: a single object). A write succeeded only if every item says
 * SUCCESS; otherwise the first item error is the result.
 */
import type { RawAnswer } from "../crm/decode";
import { envelopeError } from "../crm/decode";
import { LOCAL_CODES, fail, failWith, ok, type CrmError, type CrmResult } from "../crm/result";
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

export type ItemOutcome = { ok: true } | { ok: false; error: CrmError };

const noAnswer = (message: string): CrmError => ({ code: LOCAL_CODES.unreadable, message, details: {} });

/**
 * A bulk write's answer, per id: items name their id in `details[idKey]`,
 * else they come in request order. An id the answer says nothing about is an
 * error, never a success. `messages` keeps the successful items' texts (a
 * scheduled job is only announced there).
 */
export function decodeItemOutcomes(
  result: CrmResult<RawAnswer>,
  wrapper: string,
  idKey: string,
  ids: string[],
): CrmResult<{ byId: Map<string, ItemOutcome>; messages: string[] }> {
  if (!result.ok) return result;
  const { body, status } = result.value;
  const items = isRecord(body) && Array.isArray(body[wrapper]) ? (body[wrapper] as unknown[]) : undefined;
  if (!items) return fail(LOCAL_CODES.unreadable, "The CRM's answer could not be read", {}, status);
  const byId = new Map<string, ItemOutcome>();
  const messages: string[] = [];
  items.forEach((item, index) => {
    const details = isRecord(item) && isRecord(item.details) ? item.details : {};
    const named = details[idKey];
    const itemId = (typeof named === "string" && /^\d+$/.test(named) ? named : undefined) ?? ids[index];
    const succeeded = isRecord(item) && item.code === "SUCCESS" && item.status === "success";
    // Only successes count as announcements: an error's text ("Scheduler is running") is no job.
    if (succeeded && typeof item.message === "string") messages.push(item.message);
    if (!itemId || byId.has(itemId)) return;
    if (succeeded) {
      byId.set(itemId, { ok: true });
      return;
    }
    byId.set(itemId, { ok: false, error: envelopeError(item, status ?? 400) ?? noAnswer("An item of the answer could not be read") });
  });
  for (const itemId of ids) if (!byId.has(itemId)) byId.set(itemId, { ok: false, error: noAnswer("The CRM did not answer for this one") });
  return ok({ byId, messages });
}
