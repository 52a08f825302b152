import { describe, expect, it } from "vitest";
import { themeFromPreference } from "../../widget-src/crm/theme";
import { formatDateTime, toBcp47 } from "../../widget-src/i18n/format";

describe("locale and dates", () => {
  it("turns Zoho locales into BCP 47 tags", () => {
    expect(toBcp47("en_US")).toBe("en-US");
    expect(toBcp47("ja_JP")).toBe("ja-JP");
    expect(toBcp47(undefined)).toBeUndefined();
    expect(toBcp47("not a locale!")).toBeUndefined();
  });

  it("formats in the user's time zone", () => {
    const iso = "2026-03-01T23:30:00+00:00";
    expect(formatDateTime(iso, "en-US", "Asia/Tokyo")).toMatch(/Mar 2, 2026/);
    expect(formatDateTime(iso, "en-US", "America/New_York")).toMatch(/Mar 1, 2026/);
  });

  it("still shows the date with an unknown time zone, and keeps unparseable text", () => {
    expect(formatDateTime("2026-03-01T12:00:00Z", "en-US", "Nowhere/Atlantis")).toMatch(/2026/);
    expect(formatDateTime("yesterday", "en-US")).toBe("yesterday");
  });
});

describe("theme from the CRM's user preference", () => {
  it.each([
    [{ theme: "Night" }, "night"],
    [{ theme: "Day" }, "day"],
    ["night", "night"],
    [{ user_preference: { theme: "dark" } }, "night"],
    [{ nothing: true }, undefined],
    [undefined, undefined],
  ])("%j → %s", (preference, theme) => {
    expect(themeFromPreference(preference)).toBe(theme);
  });
});
