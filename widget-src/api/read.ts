/** Small readers shared by the resource decoders: they never throw. */
import type { RawAnswer } from "../crm/decode";
import { LOCAL_CODES, fail, isRecord, ok, type CrmResult } from "../crm/result";

export { isRecord };

export function str(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** A Zoho id: a string of digits. Numbers are refused, they may have lost digits. */
export function id(value: unknown): string | undefined {
  return typeof value === "string" && /^\d+$/.test(value) ? value : undefined;
}

export function named(value: unknown): { id: string; name: string } | undefined {
  if (!isRecord(value)) return undefined;
  const valueId = id(value.id);
  if (!valueId) return undefined;
  return { id: valueId, name: str(value.name) ?? "" };
}

/** The first element of `body[key]`, when it is an object. */
export function firstItem(body: unknown, key: string): Record<string, unknown> | undefined {
  if (!isRecord(body)) return undefined;
  const list = body[key];
  const item: unknown = Array.isArray(list) ? list[0] : undefined;
  return isRecord(item) ? item : undefined;
}

/**
 * The array under `body[key]`: 204 is an empty list, and an answer without
 * that array is an error rather than "none".
 */
export function listUnder(result: CrmResult<RawAnswer>, key: string, what: string): CrmResult<unknown[]> {
  if (!result.ok) return result;
  const { body } = result.value;
  if (body === undefined) return ok([]);
  const list = isRecord(body) ? body[key] : undefined;
  return Array.isArray(list) ? ok(list) : fail(LOCAL_CODES.unreadable, `The ${what} could not be read`);
}

/** Whether the answer says more pages follow (`info.more_records`). */
export function moreRecords(result: CrmResult<RawAnswer>): boolean {
  const body = result.ok ? result.value.body : undefined;
  return isRecord(body) && isRecord(body.info) && body.info.more_records === true;
}

/**
 * A list of named items under `key` (roles, groups): 204 is an empty list, and
 * a list we cannot read is an error rather than "none".
 */
export function decodeNamedList(
  result: CrmResult<RawAnswer>,
  key: string,
  what: string,
): CrmResult<{ items: { id: string; name: string }[]; more: boolean }> {
  const list = listUnder(result, key, what);
  if (!list.ok) return list;
  const items: { id: string; name: string }[] = [];
  for (const raw of list.value) {
    const item = named(raw);
    if (!item) return fail(LOCAL_CODES.unreadable, `An item of the ${what} could not be read`);
    const label = isRecord(raw) ? str(raw.display_label) : undefined;
    items.push({ id: item.id, name: label ?? (item.name || item.id) });
  }
  return ok({ items, more: moreRecords(result) });
}
