import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const read = (language: string) => JSON.parse(readFileSync(`app/translations/${language}.json`, "utf8")) as Record<string, unknown>;
const english = read("en") as Record<string, string>;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe.each(["de", "ja"])("the %s catalogue", (language) => {
  const catalogue = read(language);

  it("has every English key and no other", () => {
    expect(Object.keys(catalogue).filter((key) => !(key in english))).toEqual([]);
    expect(Object.keys(english).filter((key) => !(key in catalogue))).toEqual([]);
  });

  it("gives every key a non-empty text with the same placeholders", () => {
    const wrong = Object.entries(english).flatMap(([key, text]) => {
      const translated = catalogue[key];
      if (typeof translated !== "string" || translated.trim() === "") return [`${key}: empty`];
      const expected = placeholders(text).join(",");
      const found = placeholders(translated).join(",");
      return expected === found ? [] : [`${key}: {${found}} instead of {${expected}}`];
    });
    expect(wrong).toEqual([]);
  });

  it("is translated, not copied (beyond names and codes that stay as they are)", () => {
    const copied = Object.keys(english).filter((key) => catalogue[key] === english[key] && /[a-z]{4,} [a-z]{3,}/.test(english[key] ?? ""));
    expect(copied).toEqual([]);
  });
});
