import type { Theme } from "./port";
import { isRecord } from "./result";

/**
 * CONFIG.getUserPreference() (SDK 1.4+) reports Day or Night. Its exact shape
 * is not documented, so look for the word rather than a key path.
 */
export function themeFromPreference(preference: unknown): Theme | undefined {
  const text = flatten(preference).toLowerCase();
  if (/\b(night|dark)\b/.test(text)) return "night";
  if (/\b(day|light)\b/.test(text)) return "day";
  return undefined;
}

function flatten(value: unknown, depth = 0): string {
  if (typeof value === "string") return value;
  if (depth > 3 || !isRecord(value)) return "";
  return Object.entries(value)
    .filter(([key]) => /theme|mode|preference/i.test(key) || isRecord(value[key]))
    .map(([, inner]) => flatten(inner, depth + 1))
    .join(" ");
}
