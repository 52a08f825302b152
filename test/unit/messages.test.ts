import { afterEach, describe, expect, it } from "vitest";
import { addMessages, applyLocale, currentLanguage, formatNumber, languageOf, lookup, t } from "../../widget-src/i18n/messages";

afterEach(async () => {
  await applyLocale("en_US", "en-US");
});

describe("languages", () => {
  it("picks German or Japanese from Zoho's locale, English for anything else", () => {
    expect(languageOf("de_DE")).toBe("de");
    expect(languageOf("de_CH")).toBe("de");
    expect(languageOf("ja_JP")).toBe("ja");
    expect(languageOf("fr_FR")).toBe("en");
    expect(languageOf("en_GB")).toBe("en");
    expect(languageOf(undefined)).toBe("en");
    expect(languageOf("")).toBe("en");
  });

  it("switches every string to the user's language and back", async () => {
    expect(t("app.close")).toBe("Close");
    expect(await applyLocale("de_DE", "de-DE")).toBe("de");
    expect(currentLanguage()).toBe("de");
    expect(t("app.close")).not.toBe("Close");
    await applyLocale("ja_JP", "ja-JP");
    expect(t("app.close")).not.toBe("Close");
    await applyLocale("en_US", "en-US");
    expect(t("app.close")).toBe("Close");
  });

  it("counts in the plural form each language needs", async () => {
    expect(t("bulk.unlockManual", { count: 1 })).toBe("Unlock 1 manual lock…");
    expect(t("bulk.unlockManual", { count: 2 })).toBe("Unlock 2 manual locks…");
    expect(t("bulk.unlockManual", { count: 0 })).toBe("Unlock 0 manual locks…");
    await applyLocale("de_DE", "de-DE");
    expect(t("bulk.unlockManual", { count: 1 })).toBe("1 manuelle Sperre aufheben…");
    expect(t("bulk.unlockManual", { count: 1500 })).toBe("1.500 manuelle Sperren aufheben…");
    await applyLocale("ja_JP", "ja-JP");
    // Japanese has one form for every count.
    expect(t("bulk.unlockManual", { count: 1 })).toBe("1件の手動ロックを解除…");
  });

  it("falls back to the general form when a language lacks the one asked for", () => {
    addMessages({ "test.things#other": "{count} things" });
    expect(lookup("test.things", { count: 1 })).toBe("1 things");
    expect(lookup("test.things", {})).toBeUndefined();
  });

  it("writes numbers in the user's locale", async () => {
    addMessages({ "test.count": "{count} records" });
    await applyLocale("en_US", "en-US");
    expect(lookup("test.count", { count: 12345 })).toBe("12,345 records");
    await applyLocale("en_US", "de-DE");
    expect(lookup("test.count", { count: 12345 })).toBe("12.345 records");
    expect(formatNumber(1234567)).toBe("1.234.567");
  });

  it("writes small whole numbers as each of its languages would before the user's locale is known, and uses that locale once it is", async () => {
    for (const [zohoLocale, bcp47] of [["en_US", "en"], ["de_DE", "de"], ["ja_JP", "ja"]] as const) {
      await applyLocale(zohoLocale, undefined);
      for (const value of [0, 7, -42, 999, 1000, 12345, 2.5]) expect(formatNumber(value), `${value} in ${bcp47}`).toBe(new Intl.NumberFormat(bcp47).format(value));
    }
    await applyLocale("en_US", "ar-EG");
    expect(formatNumber(7)).toBe(new Intl.NumberFormat("ar-EG").format(7));
    expect(formatNumber(7)).not.toBe("7");
  });

  it("keeps ids and other strings as they are, and unknown placeholders visible", () => {
    addMessages({ "test.id": "Record {id} ({missing})" });
    expect(lookup("test.id", { id: "5725767000000123456" })).toBe("Record 5725767000000123456 ({missing})");
  });

  it("isolates a value whose direction could reorder the sentence around it", () => {
    addMessages({ "test.owner": "{name} is now the owner." });
    expect(lookup("test.owner", { name: "Eva" })).toBe("Eva is now the owner.");
    expect(lookup("test.owner", { name: "\u202Eevil" })).toBe("\u2068\u202Eevil\u2069 is now the owner.");
    expect(lookup("test.owner", { name: "דנה" })).toBe("\u2068דנה\u2069 is now the owner.");
  });

  it("falls back to English for a key a language lacks, and to the key itself", async () => {
    addMessages({ "test.onlyEnglish": "Only in English" });
    await applyLocale("de_DE", "de-DE");
    expect(lookup("test.onlyEnglish")).toBe("Only in English");
    expect(lookup("test.nowhere")).toBeUndefined();
  });
});
