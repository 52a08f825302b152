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
 * A list of named items under `key` (roles, groups): 204 is an empty list, and
 * a list we cannot read is an error rather than "none".
 */
export function decodeNamedList(
  result: CrmResult<RawAnswer>,
  key: string,
  what: string,
): CrmResult<{ items: { id: string; name: string }[]; more: boolean }> {
  if (!result.ok) return result;
  const { body } = result.value;
  if (body === undefined) return ok({ items: [], more: false });
  const list = isRecord(body) ? body[key] : undefined;
  if (!isRecord(body) || !Array.isArray(list)) return fail(LOCAL_CODES.unreadable, `The ${what} could not be read`);
  const items: { id: string; name: string }[] = [];
  for (const raw of list) {
    const item = named(raw);
    if (!item) return fail(LOCAL_CODES.unreadable, `An item of the ${what} could not be read`);
    const label = isRecord(raw) ? str(raw.display_label) : undefined;
    items.push({ id: item.id, name: label ?? (item.name || item.id) });
  }
  return ok({ items, more: isRecord(body.info) && body.info.more_records === true });
}
