import { readFile, readdir, stat } from "node:fs/promises";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs build script without type declarations
import { PAGES, SDK_URL, buildWidget, keysUsed, pagePlans, pageHtml } from "../../scripts/build.mjs";
// @ts-expect-error: a plain .mjs script without type declarations
import { BUDGETS, pageScripts, pageSize } from "../../scripts/bundle-size.mjs";

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
    expect(catalogue["badge.lock.unlocked"]).toBe("Not locked");
  }, 30_000);

  // Runs after the build above (same file, so no other build races it).
  it("keeps each page's first paint within its size limit (gzip JS + CSS)", async () => {
    type Size = { total: number; onDemandJs: number };
    const sizes = Object.fromEntries(await Promise.all((PAGES as Page[]).map(async ({ name }) => [name, (await pageSize(name)) as Size])));
    for (const { name } of PAGES as Page[]) expect(sizes[name].total, name).toBeLessThanOrEqual(BUDGETS[name as keyof typeof BUDGETS]);
    // Each first paint is its entry and one shared chunk, not a file per combination of parts using the code.
    for (const { name } of PAGES as Page[]) expect(((await pageScripts(name)) as { initial: string[] }).initial).toHaveLength(2);
    // The parts opened on demand are real chunks, not empty files.
    expect(sizes.record.onDemandJs).toBeGreaterThan(5_000);
    expect(sizes.settings.onDemandJs).toBeGreaterThan(5_000);
  });
});

describe("a catalogue per page", () => {
  const keys = ["lock.unlocked", "lock.locked", "share.blocked.owner", "share.blocked.self", "error.RECORD_LOCKED", "owner.heading"];

  it("keeps keys named in the sources and keys under prefixes built in templates", () => {
    const sources = ['t("lock.unlocked")', "t(`share.blocked.${reason}`)", "lookup(`error.${code}.${action}`)"];
    expect(keysUsed(sources, keys)).toEqual(["lock.unlocked", "share.blocked.owner", "share.blocked.self", "error.RECORD_LOCKED"]);
  });

  type Strings = { initial: Record<string, string>; parts: Map<string, Record<string, string>>; all: string[] };

  it("gives each page its own strings, the first paint's apart from those its on-demand parts bring", async () => {
    const catalogues = (await pagePlans()) as Record<string, Strings>;
    const record = catalogues.record!;
    const settings = catalogues.settings!;
    const initial = Object.keys(record.initial);
    const part = (name: string) => Object.keys([...record.parts].find(([importer]) => importer.endsWith(name))?.[1] ?? {});
    // The first paint: the lock status and the section headings, not the sections or the error messages.
    expect(initial).toEqual(expect.arrayContaining(["badge.lock.unlocked", "share.heading", "owner.heading", "app.outsideCrm.noSdk", "app.errorPending"]));
    expect(initial.some((key) => key.startsWith("error."))).toBe(false);
    expect(initial).not.toContain("share.blocked.owner");
    // Built at run time from a reason or an error code, and brought by the part that shows them:
    expect(part("record-share/ShareBody.tsx")).toEqual(expect.arrayContaining(["share.blocked.owner"]));
    expect(part("owner-change/OwnerBody.tsx")).toEqual(expect.arrayContaining(["owner.capacity.denied.backlog"]));
    expect(part("i18n/error-catalogue.ts")).toEqual(expect.arrayContaining(["error.RECORD_LOCKED.changeOwner", "error.unknown"]));
    // Other languages load as one file with every key the page can show.
    expect(record.all).toEqual(expect.arrayContaining(["badge.lock.unlocked", "share.blocked.owner", "error.NO_PERMISSION.config"]));
    // …and no page carries other pages' strings.
    const settingsAll = settings.all;
    expect(settingsAll).toEqual(expect.arrayContaining(["settings.problem.tasksOnlyClosed", "settings.comparator.greater_equal", "error.NO_PERMISSION.config"]));
    expect(settingsAll.some((key) => key.startsWith("share.") || key.startsWith("owner."))).toBe(false);
    expect(record.all.some((key) => key.startsWith("settings.") || key.startsWith("bulk."))).toBe(false);
  }, 30_000);
});

describe("the on-demand stylesheet", () => {
  it("carries the styles of primitives that no page's first paint uses, and nothing else", async () => {
    const source = await readFile("widget-src/ui/on-demand.css", "utf8");
    const sheets = [...source.matchAll(/@import "\.\/([\w-]+\.css)";/g)].map((match) => match[1]);
    expect(sheets.length).toBeGreaterThan(3);
    // A primitive whose styles are here says so and imports no stylesheet itself, so a first paint that used it would show it unstyled.
    const all = await Promise.all(
      (await readdir("widget-src/ui")).filter((file) => file.endsWith(".tsx")).map(async (file) => [file.replace(".tsx", ""), await readFile(`widget-src/ui/${file}`, "utf8")] as const),
    );
    const primitives = all.filter(([, code]) => code.includes("Its styles are in ui/on-demand.css"));
    expect(primitives.map(([name]) => name)).toEqual(expect.arrayContaining(["Field", "Checkbox", "PickList", "ConfirmDialog"]));
    for (const [name, code] of primitives) expect(code, name).not.toMatch(/^import "\.\/.*\.css";/m);
    const plans = (await pagePlans()) as Record<string, { firstPaint: { modules: string[] } }>;
    for (const [page, plan] of Object.entries(plans)) {
      const used = plan.firstPaint.modules.filter((path) => primitives.some(([name]) => path.endsWith(`widget-src/ui/${name}.tsx`)));
      expect(used, page).toEqual([]);
    }
  }, 30_000);
});
