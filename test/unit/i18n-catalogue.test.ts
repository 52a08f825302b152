import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const read = (language: string) => JSON.parse(readFileSync(`app/translations/${language}.json`, "utf8")) as Record<string, unknown>;
const english = read("en") as Record<string, string>;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
/** "bulk.selected#one" → "bulk.selected": a counted message's forms share its name. */
const base = (key: string) => key.replace(/#\w+$/, "");
const isForm = (key: string) => key.includes("#");
/** The plural forms a language needs, as Intl names them (English: one, other; Japanese: other). */
const formsOf = (language: string) => [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort();
const formsIn = (catalogue: Record<string, unknown>, name: string) =>
  Object.keys(catalogue)
    .filter((key) => isForm(key) && base(key) === name)
    .map((key) => key.slice(name.length + 1))
    .sort();

const counted = [...new Set(Object.keys(english).filter(isForm).map(base))];

describe.each(["en", "de", "ja"])("the %s catalogue", (language) => {
  const catalogue = read(language);

  it("has every English message and no other", () => {
    const names = (keys: string[]) => [...new Set(keys.map(base))].sort();
    expect(names(Object.keys(catalogue))).toEqual(names(Object.keys(english)));
  });

  it("gives each counted message exactly the plural forms the language needs", () => {
    expect(counted.length).toBeGreaterThan(10);
    const wrong = counted.filter((name) => formsIn(catalogue, name).join() !== formsOf(language).join());
    expect(wrong.map((name) => `${name}: ${formsIn(catalogue, name).join()} instead of ${formsOf(language).join()}`)).toEqual([]);
  });

  it("gives every message a non-empty text with the same placeholders as English", () => {
    const wrong = Object.entries(catalogue).flatMap(([key, translated]) => {
      if (typeof translated !== "string" || translated.trim() === "") return [`${key}: empty`];
      const expected = placeholders(english[key] ?? english[`${base(key)}#other`] ?? "").join(",");
      const found = placeholders(translated).join(",");
      return expected === found ? [] : [`${key}: {${found}} instead of {${expected}}`];
    });
    expect(wrong).toEqual([]);
  });

  it("counts only through plural forms: a message with {count} is a counted message", () => {
    const uncounted = Object.entries(catalogue).filter(([key, text]) => !isForm(key) && typeof text === "string" && text.includes("{count}"));
    expect(uncounted.map(([key]) => key)).toEqual([]);
  });
});

describe.each(["de", "ja"])("the %s translation", (language) => {
  it("is translated, not copied (beyond names and codes that stay as they are)", () => {
    const catalogue = read(language);
    const copied = Object.keys(english).filter((key) => catalogue[key] === english[key] && /[a-z]{4,} [a-z]{3,}/.test(english[key] ?? ""));
    expect(copied).toEqual([]);
  });
});
