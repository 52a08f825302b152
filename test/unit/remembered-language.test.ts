import { describe, expect, it } from "vitest";
import { rememberLanguage, rememberedLanguage } from "../../widget-src/i18n/remembered";

/** A storage double that holds what it is given and refuses any other key. */
function memoryStore() {
  const items = new Map<string, string>();
  const only = (key: string) => {
    if (key !== "record-guard:language") throw new Error(`unexpected storage key ${key}`);
  };
  return {
    items,
    getItem: (key: string) => (only(key), items.get(key) ?? null),
    setItem: (key: string, value: string) => (only(key), void items.set(key, value)),
  };
}

const blocked = {
  getItem: (): string | null => {
    throw new DOMException("blocked", "SecurityError");
  },
  setItem: (): void => {
    throw new DOMException("full", "QuotaExceededError");
  },
};

describe("the language this browser showed last", () => {
  it("is remembered and read back", () => {
    const store = memoryStore();
    expect(rememberedLanguage(store)).toBeUndefined();
    rememberLanguage(store, "ja");
    expect(rememberedLanguage(store)).toBe("ja");
    rememberLanguage(store, "en");
    expect(rememberedLanguage(store)).toBe("en");
  });

  it("is unknown when the stored value is not a language the widget speaks", () => {
    const store = memoryStore();
    store.items.set("record-guard:language", "fr");
    expect(rememberedLanguage(store)).toBeUndefined();
  });

  it("is unknown, and nothing fails, where storage is missing or blocked", () => {
    expect(rememberedLanguage(undefined)).toBeUndefined();
    expect(rememberedLanguage(blocked)).toBeUndefined();
    expect(() => rememberLanguage(blocked, "de")).not.toThrow();
    expect(() => rememberLanguage(undefined, "de")).not.toThrow();
  });
});
