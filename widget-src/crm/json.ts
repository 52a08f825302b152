/**
 * JSON.parse that keeps long integers as strings. Zoho IDs have 19 digits,
 * beyond Number.MAX_SAFE_INTEGER; a sample or a proxy that sends one unquoted
 * must not silently turn it into a different ID.
 */
export function parseJsonKeepingIds(text: string): unknown {
  // Validate first: quoting numbers must never turn text that is not JSON into JSON.
  JSON.parse(text);
  return JSON.parse(quoteLongIntegers(text));
}

const UNSAFE_DIGITS = 16;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function quoteLongIntegers(text: string): string {
  let out = "";
  let inString = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (inString) {
      out += ch;
      if (ch === "\\") {
        out += text[i + 1] ?? "";
        i += 2;
        continue;
      }
      if (ch === '"') inString = false;
      i += 1;
      continue;
    }
    if (ch === '"') {
      inString = true;
      out += ch;
      i += 1;
      continue;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number) {
      const token = number[0];
      const isLongInteger = /^-?\d+$/.test(token) && token.replace("-", "").length >= UNSAFE_DIGITS;
      out += isLongInteger ? `"${token}"` : token;
      i += token.length;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}
