/**
 * The message catalogue. English lives in app/translations/en.json (the ZET
 * convention) and is bundled, so no request is spent on it.
 */
import en from "../../app/translations/en.json";

export type MessageKey = keyof typeof en;
export type MessageParams = Record<string, string | number>;

const catalogue: Record<string, string> = en;

export function t(key: MessageKey, params: MessageParams = {}): string {
  return fill(catalogue[key] ?? key, params);
}

/** For keys built at run time (error codes); undefined when the key is absent. */
export function lookup(key: string, params: MessageParams = {}): string | undefined {
  const template = catalogue[key];
  return template === undefined ? undefined : fill(template, params);
}

function fill(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    params[name] === undefined ? match : String(params[name]),
  );
}
