/** Small readers shared by the resource decoders: they never throw. */
import { isRecord } from "../crm/result";

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
