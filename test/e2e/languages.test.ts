import { readFileSync } from "node:fs";
import type { Request } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import { openRecordWidget, recordSettled, untilSized, useBrowser, useSandbox, widgetFrame } from "./support";

const browser = useBrowser();
const sandbox = useSandbox();
const catalogue = (language: string) => JSON.parse(readFileSync(`app/translations/${language}.json`, "utf8")) as Record<string, string>;
const en = catalogue("en");

describe.each([
  { language: "de", user: SEED.users.admin2 },
  { language: "ja", user: SEED.users.readOnly2 },
])("the widget in the user's language ($language)", ({ language, user }) => {
  const strings = catalogue(language);

  it("shows the record popup, its on-demand sections and its errors in that language", async () => {
    const opened = await openRecordWidget(browser.page, sandbox.current, { module: "Deals", id: SEED.records.dealUnlocked, as: user });
    const widget = await recordSettled(opened);
    await widget.getByText(strings["badge.lock.unlocked"]!, { exact: true }).waitFor();
    expect(await widget.locator("html").getAttribute("lang")).toBe(language);
    expect(await widget.getByText(en["badge.lock.unlocked"]!, { exact: true }).count()).toBe(0);
    await widget.getByRole("heading", { level: 2, name: strings["lock.heading"]! }).waitFor();
    // A section that loads on demand speaks the same language.
    await widget.getByRole("button", { name: strings["share.heading"]!, exact: true }).click();
    await widget.locator("[data-share-state]").waitFor();
    await widget.getByText(strings["share.none"]!, { exact: true }).waitFor();
    expect(await widget.getByText(en["share.none"]!, { exact: true }).count()).toBe(0);
  });

  it("explains a refused read in that language", async () => {
    const widget = await openRecordWidget(browser.page, sandbox.current, { module: "Deals", id: "5725767999999999999", as: user });
    await widget.getByText(strings["lock.unknown"]!, { exact: true }).waitFor();
    const alert = await widget.getByRole("alert").first().textContent();
    expect(alert).not.toContain(en["app.retry"]);
    expect(alert).toContain(strings["app.retry"]);
    // The specific message, not the short fallback used until error strings arrive.
    expect(alert).not.toContain(strings["app.errorPending"]!.split("(")[0]);
  });
});

/** A counted message's text for any count, as a pattern: "{count} Treffer" matches "3 Treffer". */
const countedPattern = (template: string) => new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace("{count}", "\\d+")}$`);
const pluralOf = (strings: Record<string, string>, name: string, language: string, count: number) =>
  strings[`${name}#${new Intl.PluralRules(language).select(count)}`] ?? strings[`${name}#other`]!;

describe.each([
  { language: "de", user: SEED.users.admin2 },
  { language: "ja", user: SEED.users.aiko },
])("every section in the user's language ($language): the first paint's strings and each part's", ({ language, user }) => {
  const strings = catalogue(language);

  it("the record popup's owner change and its user picker", async () => {
    const opened = await openRecordWidget(browser.page, sandbox.current, { module: "Deals", id: SEED.records.dealUnlocked, as: user });
    const widget = await recordSettled(opened);
    await widget.getByRole("button", { name: strings["owner.heading"]!, exact: true }).click();
    await widget.locator("[data-owner-state]").waitFor();
    await widget.getByLabel(strings["owner.search"]!).fill("carla");
    await widget.getByText(countedPattern(pluralOf(strings, "users.matches", language, 1))).waitFor();
    expect(await widget.getByText(en["owner.search"]!, { exact: true }).count()).toBe(0);
  });

  it("the list view and its reassign form", async () => {
    const ids = [SEED.records.dealUnlocked, SEED.records.dealExcluded];
    await browser.page.goto(`${sandbox.current.url}/list?module=Deals&ids=${ids.join(",")}&as=${user}&open=1`);
    const widget = await widgetFrame(browser.page, "list.html");
    await widget.getByTestId("bulk-table").waitFor();
    await untilSized(widget);
    await widget.getByText(pluralOf(strings, "bulk.selected", language, 2).replace("{count}", "2"), { exact: true }).waitFor();
    await widget.getByRole("button", { name: strings["bulk.chooseOwner"]!, exact: true }).click();
    await widget.getByRole("heading", { name: strings["bulk.reassignHeading"]!, exact: true }).waitFor();
    await widget.getByLabel(strings["owner.search"]!).fill("carla");
    await widget.getByText(countedPattern(pluralOf(strings, "users.matches", language, 1))).waitFor();
    expect(await widget.getByText(en["bulk.reassignHeading"]!, { exact: true }).count()).toBe(0);
  });
});

describe("the settings tab in German", () => {
  const de = catalogue("de");
  const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

  it("shows the overview and the editor, which loads on demand, in German", async () => {
    // Bruno Backup is an administrator whose CRM speaks German.
    await browser.page.goto(`${sandbox.current.url}/settings?as=${SEED.users.admin2}`);
    const frame = await widgetFrame(browser.page, "settings.html");
    await frame.getByTestId("overview").waitFor();
    expect(await frame.getByRole("heading", { level: 1 }).textContent()).toBe(de["app.title.settings"]);
    await frame.getByRole("button", { name: fill(de["settings.edit"]!, { module: "Deals" }) }).click();
    await frame.locator("[data-editor-module]").waitFor();
    await frame.getByRole("heading", { name: de["settings.lockTypeLegend"]!, exact: true }).waitFor();
    expect(await frame.getByRole("button", { name: de["settings.back"]! }).count()).toBe(1);
    expect(await frame.getByText(en["settings.lockTypeLegend"]!, { exact: true }).count()).toBe(0);
    // Counted strings take the German plural form: "0 Änderungen · Prüfen…", then "1 Änderung · Prüfen…".
    await frame.getByRole("button", { name: fill(de["settings.reviewCount#other"]!, { count: "0" }) }).waitFor();
    await frame.getByRole("switch", { name: de["settings.portalUsers"]! }).uncheck();
    await frame.getByRole("button", { name: fill(de["settings.reviewCount#one"]!, { count: "1" }) }).waitFor();
  });
});

describe("the settings tab's portals in German", () => {
  const de = catalogue("de");

  it("shows the portals section, which loads on demand, in German", async () => {
    await browser.page.goto(`${sandbox.current.url}/settings?as=${SEED.users.admin2}`);
    const frame = await widgetFrame(browser.page, "settings.html");
    await frame.getByRole("button", { name: de["portals.tab"]! }).click();
    await frame.locator("[data-portals-settled=true]").waitFor();
    await frame.getByRole("heading", { name: de["portals.heading"]!, exact: true }).waitFor();
    await frame.getByTestId("user-types").getByRole("columnheader", { name: de["portals.column.module"]!, exact: true }).waitFor();
    expect(await frame.getByText(en["portals.heading"]!, { exact: true }).count()).toBe(0);
  });
});

describe("English", () => {
  it("is used for a locale the widget does not speak", async () => {
    // Eva Example's locale is fr_FR: the widget has no French, so English.
    const widget = await openRecordWidget(browser.page, sandbox.current, { module: "Deals", id: SEED.records.dealUnlocked, as: SEED.users.eva });
    await widget.getByText(en["badge.lock.unlocked"]!, { exact: true }).waitFor();
    expect(await widget.locator("html").getAttribute("lang")).toBe("en");
  });

  it("loads the error messages with the first error", async () => {
    const widget = await openRecordWidget(browser.page, sandbox.current, { module: "Deals", id: "5725767999999999999", as: SEED.users.eva });
    await widget.getByText(en["lock.unknown"]!, { exact: true }).waitFor();
    const fallback = en["app.errorPending"]!.split("(")[0]!;
    await widget.getByRole("alert").filter({ hasNotText: fallback }).first().waitFor();
    expect(await widget.getByRole("alert").filter({ hasText: fallback }).count()).toBe(0);
  });
});

describe("the strings of the language this browser showed last", () => {
  it("start to load on the next open before the CRM says who the user is", async () => {
    // Bruno Backup's CRM speaks German. The first open learns it; the second fetches the German file at once.
    const params = { module: "Deals", id: SEED.records.dealUnlocked, as: SEED.users.admin2, extra: "&latency=400" };
    await recordSettled(await openRecordWidget(browser.page, sandbox.current, params));
    const germanFiles: Request[] = [];
    const onRequest = (request: Request) => {
      if (/\/chunks\/de-[^/]+\.js$/.test(new URL(request.url()).pathname)) germanFiles.push(request);
    };
    browser.page.on("request", onRequest);
    try {
      const widget = await recordSettled(await openRecordWidget(browser.page, sandbox.current, params));
      await widget.getByText(catalogue("de")["badge.lock.unlocked"]!, { exact: true }).waitFor();
    } finally {
      browser.page.off("request", onRequest);
    }
    // When the host answered the current user's read, on the epoch clock.
    const userAnsweredAt = await browser.page.evaluate(() => {
      const log = (window as unknown as { __sandboxCalls: { calls: { category: string; answeredAt?: number }[] } }).__sandboxCalls;
      const call = log.calls.find((entry) => entry.category === "config_current_user");
      return call?.answeredAt === undefined ? undefined : performance.timeOrigin + call.answeredAt;
    });
    expect(userAnsweredAt, "the host answered the current user's read").toBeDefined();
    expect(germanFiles).toHaveLength(1);
    expect(germanFiles[0]!.timing().startTime).toBeLessThan(userAnsweredAt!);
  });
});
