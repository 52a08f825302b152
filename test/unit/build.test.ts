import { readFile, stat } from "node:fs/promises";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs build script without type declarations
import { PAGES, SDK_URL, buildWidget, keysUsed, pageCatalogues, pageHtml } from "../../scripts/build.mjs";

type Page = { name: string; title: string };

describe("production pages", () => {
  it.each(PAGES as Page[])("$name.html loads only the pinned SDK and its own bundle", (page) => {
    const html: string = pageHtml(page);
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((match) => match[1]);
    expect(scripts).toEqual([SDK_URL, `${page.name}.js`]);
    expect(SDK_URL).toBe("https://live.zwidgets.com/js-sdk/1.5/ZohoEmbededAppSDK.min.js");
    expect(html).not.toMatch(/<script>(?!<)/);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self' https://live.zwidgets.com;");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
  });

  it("builds fixed names into app/ and leaves ZET's translations alone", async () => {
    await buildWidget();
    for (const { name } of PAGES as Page[]) {
      for (const ext of ["html", "js", "css"]) expect((await stat(`app/${name}.${ext}`)).size).toBeGreaterThan(0);
    }
    const catalogue = JSON.parse(await readFile("app/translations/en.json", "utf8")) as Record<string, string>;
    expect(catalogue["lock.unlocked"]).toBe("Not locked");
  }, 30_000);
});

describe("a catalogue per page", () => {
  const keys = ["lock.unlocked", "lock.locked", "share.blocked.owner", "share.blocked.self", "error.RECORD_LOCKED", "owner.heading"];

  it("keeps keys named in the sources and keys under prefixes built in templates", () => {
    const sources = ['t("lock.unlocked")', "t(`share.blocked.${reason}`)", "lookup(`error.${code}.${action}`)"];
    expect(keysUsed(sources, keys)).toEqual(["lock.unlocked", "share.blocked.owner", "share.blocked.self", "error.RECORD_LOCKED"]);
  });

  it("gives each page its own strings, including those it builds at run time", async () => {
    const catalogues = (await pageCatalogues()) as Record<string, Record<string, string>>;
    const record = Object.keys(catalogues.record ?? {});
    const settings = Object.keys(catalogues.settings ?? {});
    // Built at run time from a reason or an error code:
    expect(record).toEqual(expect.arrayContaining(["share.blocked.owner", "owner.capacity.denied.backlog", "error.RECORD_LOCKED.changeOwner", "app.outsideCrm.noSdk"]));
    expect(settings).toEqual(expect.arrayContaining(["settings.problem.tasksOnlyClosed", "settings.comparator.greater_equal", "error.NO_PERMISSION.config"]));
    // …and not other pages' strings.
    expect(settings.some((key) => key.startsWith("share.") || key.startsWith("owner."))).toBe(false);
    expect(record.some((key) => key.startsWith("settings.") || key.startsWith("bulk."))).toBe(false);
  }, 30_000);
});
