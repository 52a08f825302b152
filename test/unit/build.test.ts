import { mkdtempSync } from "node:fs";
import { readFile, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runInNewContext } from "node:vm";
import { build, type Metafile } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { WARM_UP_SCRIPT } from "../../widget-src/i18n/warm-up";
// @ts-expect-error: a plain .mjs build script without type declarations
import { PAGES, SDK_URL, buildWidget, pageHtml, pageOptions, pageStrings } from "../../scripts/build.mjs";
// @ts-expect-error: a plain .mjs script without type declarations
import { BUDGETS, pageScripts, pageSize } from "../../scripts/bundle-size.mjs";

type Page = { name: string; title: string; firstPaint: string[]; onDemand: string[] };
type Strings = { firstPaint: Record<string, string>; catalogues: Record<string, Record<string, string>>; all: string[] };
const pages = PAGES as Page[];
const pageNamed = (name: string) => pages.find((page) => page.name === name)!;
const english = JSON.parse(await readFile("app/translations/en.json", "utf8")) as Record<string, string>;
const stringsOf = (page: Page) => pageStrings(page, english) as Strings;

/**
 * A page's module graph as the build bundles it (esbuild's metafile, nothing
 * written): the inputs of its first paint (the entry file and what it imports
 * statically), and per part it loads on demand (each `import()` target) the
 * further inputs that part loads. Catalogues appear as "catalogue:<prefix>".
 */
async function pageGraph(page: Page) {
  const options = await pageOptions(page, { minify: false });
  const { metafile } = (await build({ ...options, write: false, metafile: true })) as { metafile: Metafile };
  const outputs = metafile.outputs;
  const closure = (start: string) => {
    const seen = new Set<string>();
    const visit = (path: string) => {
      if (seen.has(path) || !outputs[path]) return;
      seen.add(path);
      for (const edge of outputs[path].imports) if (edge.kind === "import-statement") visit(edge.path);
    };
    visit(start);
    return [...seen].flatMap((path) => Object.keys(outputs[path]!.inputs));
  };
  const scripts = Object.entries(outputs).filter(([path, output]) => path.endsWith(".js") && output.entryPoint);
  const [entry] = scripts.find(([, output]) => output.entryPoint === `widget-src/entries/${page.name}.tsx`)!;
  const firstPaint = new Set(closure(entry));
  const parts = scripts
    .filter(([path, output]) => path !== entry && !output.entryPoint!.includes("translations/"))
    .map(([path, output]) => ({ root: output.entryPoint!, inputs: [...new Set(closure(path))].filter((input) => !firstPaint.has(input)) }));
  return { firstPaint: [...firstPaint], parts };
}
type Graph = Awaited<ReturnType<typeof pageGraph>>;

const graphs = new Map<string, Promise<Graph>>();
const graphOf = (page: Page) => graphs.get(page.name) ?? graphs.set(page.name, pageGraph(page)).get(page.name)!;

/**
 * The catalogue keys some sources can show: every key they name in quotes (a
 * counted key by its name, "bulk.selected" for "bulk.selected#one"), and every
 * key under a prefix they complete at run time (`share.blocked.${reason}`).
 */
function keysShown(sources: string[]): string[] {
  const named = new Set<string>();
  const prefixes: string[] = [];
  for (const text of sources) {
    for (const match of text.matchAll(/["'`]([a-zA-Z]+(?:\.[\w-]+)+)["'`]/g)) named.add(match[1]!);
    for (const match of text.matchAll(/`([a-zA-Z]+(?:\.[\w-]+)*\.)\$\{/g)) prefixes.push(match[1]!);
  }
  return Object.keys(english).filter((key) => named.has(key) || named.has(key.replace(/#\w+$/, "")) || prefixes.some((prefix) => key.startsWith(prefix)));
}

const sources = (inputs: string[]) => Promise.all(inputs.filter((input) => input.startsWith("widget-src/")).map((input) => readFile(input, "utf8")));
/** The one first-paint module that names error strings: it shows them only once the error catalogue has loaded (app.errorPending until then). */
const ERROR_MESSAGE = "widget-src/i18n/error-message.ts";

/**
 * The keys a page's first paint or one of its parts shows but its
 * declarations do not bring: the first paint only has its `firstPaint`
 * strings; a part has those and the catalogues it imports.
 */
async function undeclared(graph: Graph, strings: Strings): Promise<string[]> {
  const firstPaint = new Set(Object.keys(strings.firstPaint));
  const missing = (where: string, shown: string[], brought: Set<string>) => shown.filter((key) => !brought.has(key)).map((key) => `${where}: ${key}`);
  const found = missing("first paint", keysShown(await sources(graph.firstPaint.filter((input) => input !== ERROR_MESSAGE))), firstPaint);
  const errors = keysShown(await sources([ERROR_MESSAGE])).filter((key) => !key.startsWith("error."));
  found.push(...missing("first paint", errors, firstPaint));
  for (const part of graph.parts) {
    const catalogues = part.inputs.filter((input) => input.startsWith("catalogue:")).map((input) => input.slice("catalogue:".length));
    const brought = new Set([...firstPaint, ...catalogues.flatMap((name) => Object.keys(strings.catalogues[name] ?? {}))]);
    found.push(...missing(part.root, keysShown(await sources(part.inputs)), brought));
  }
  return found;
}

describe("production pages", () => {
  it.each(pages)("$name.html loads only the pinned SDK and its own bundle", (page) => {
    const html: string = pageHtml(page);
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((match) => match[1]);
    // Our module first: the SDK's download must not hold up its fetch (a module still runs after the SDK's classic script).
    expect(scripts).toEqual([`${page.name}.js`, SDK_URL]);
    expect(SDK_URL).toBe("https://live.zwidgets.com/js-sdk/1.5/ZohoEmbededAppSDK.min.js");
    expect(html).not.toMatch(/<script>(?!<)/);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self' https://live.zwidgets.com;");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
  });

  // A build of its own: the browser tests, running beside this file, load their chunks from app/.
  const out = join(mkdtempSync(join(tmpdir(), "widget-build-")), "app");
  afterAll(() => rm(join(out, ".."), { recursive: true, force: true }));

  it("builds fixed names, and nothing else, into its folder", async () => {
    await buildWidget({ outDir: out });
    const files = pages.flatMap(({ name }) => ["html", "js", "css"].map((ext) => `${name}.${ext}`));
    // ZET's translations (app/translations) are not the build's to write.
    expect((await readdir(out)).sort()).toEqual([...files, "chunks", "intl-warmup.js", "on-demand.css"].sort());
    for (const file of files) expect((await stat(join(out, file))).size, file).toBeGreaterThan(0);
    // Parts' stylesheets, which nothing loads, are not shipped; the on-demand stylesheet is.
    expect((await readdir(join(out, "chunks"))).filter((file) => file.endsWith(".css"))).toEqual([]);
    expect((await stat(join(out, "on-demand.css"))).size).toBeGreaterThan(1_000);
  }, 30_000);

  it("builds the formatting warm-up as a classic worker script that formats, then ends itself", async () => {
    const script = await readFile(join(out, WARM_UP_SCRIPT), "utf8");
    const formatted: string[] = [];
    const spy = <T extends object>(real: T, kind: string) =>
      new Proxy(real, { construct: (target, args) => (formatted.push(kind), Reflect.construct(target as never, args)) });
    let closed = 0;
    // A classic worker runs its file as a plain script: an import or export left in it would throw here.
    runInNewContext(script, { Intl: { DateTimeFormat: spy(Intl.DateTimeFormat, "date"), NumberFormat: spy(Intl.NumberFormat, "number") }, close: () => (closed += 1) });
    expect(formatted).toEqual(["date", "number"]);
    expect(closed).toBe(1);
  });

  it("names the first paint's chunk in each page's HTML, so it is fetched with the entry, not after it", async () => {
    for (const { name } of pages) {
      const html = await readFile(join(out, `${name}.html`), "utf8");
      const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((match) => join(out, match[1]!));
      const { initial } = (await pageScripts(name, out)) as { initial: string[] };
      expect(preloaded, name).toEqual(initial.slice(1));
      expect(preloaded, name).toHaveLength(1);
    }
  });

  // Runs after the build above (same file, so no other build races it).
  it("keeps each page's first paint within its size limit (gzip JS + CSS)", async () => {
    type Size = { total: number; onDemandJs: number };
    const sizes = Object.fromEntries(await Promise.all(pages.map(async ({ name }) => [name, (await pageSize(name, out)) as Size])));
    for (const { name } of pages) expect(sizes[name].total, name).toBeLessThanOrEqual(BUDGETS[name as keyof typeof BUDGETS]);
    // Each first paint is its entry and one chunk (the build's `inject`), not a file per combination of parts using the code.
    for (const { name } of pages) expect(((await pageScripts(name, out)) as { initial: string[] }).initial, name).toHaveLength(2);
    // The parts opened on demand are real chunks, not empty files.
    expect(sizes.record.onDemandJs).toBeGreaterThan(5_000);
    expect(sizes.settings.onDemandJs).toBeGreaterThan(5_000);
  });

  it("gives German and Japanese one file per page, with exactly the keys the page declares", async () => {
    for (const page of pages) {
      const { languages } = (await pageScripts(page.name, out)) as { languages: Record<string, string> };
      expect(Object.keys(languages).sort(), page.name).toEqual(["de", "ja"]);
      for (const file of Object.values(languages)) {
        const { default: strings } = (await import(pathToFileURL(file).href)) as { default: Record<string, string> };
        const forms = (keys: string[]) => [...new Set(keys.map((key) => key.replace(/#\w+$/, "")))].sort();
        expect(forms(Object.keys(strings)), `${page.name}: ${file}`).toEqual(forms(stringsOf(page).all));
      }
    }
  });
});

describe("a catalogue per page", () => {
  it("gives each page's first paint its declared strings, and each catalogue the rest of its prefix", () => {
    const record = stringsOf(pageNamed("record"));
    const initial = Object.keys(record.firstPaint);
    // The first paint: the lock status and the section headings, not the sections or the error messages.
    expect(initial).toEqual(expect.arrayContaining(["badge.lock.unlocked", "lock.unknown", "share.heading", "owner.heading", "app.outsideCrm.noSdk", "app.errorPending"]));
    expect(initial.filter((key) => key.startsWith("error.") || key.startsWith("share.blocked."))).toEqual([]);
    // A catalogue brings its prefix, less what the first paint carries.
    expect(Object.keys(record.catalogues.share!)).toEqual(expect.arrayContaining(["share.blocked.owner", "share.none"]));
    expect(Object.keys(record.catalogues.share!)).not.toContain("share.heading");
    expect(Object.keys(record.catalogues.owner!)).toEqual(expect.arrayContaining(["owner.capacity.denied.backlog"]));
    expect(Object.keys(record.catalogues.error!)).toEqual(expect.arrayContaining(["error.RECORD_LOCKED.changeOwner", "error.unknown"]));
    // Other languages load as one file with every key the page can show…
    expect(record.all).toEqual(expect.arrayContaining(["badge.lock.unlocked", "share.blocked.owner", "users.loading", "error.NO_PERMISSION.config"]));
    // …and no page carries other pages' strings.
    const settings = stringsOf(pageNamed("settings"));
    expect(settings.all).toEqual(expect.arrayContaining(["settings.problem.tasksOnlyClosed", "portals.tab", "error.NO_PERMISSION.config"]));
    expect(settings.all.filter((key) => /^(share|owner|users|bulk)\./.test(key))).toEqual([]);
    // The locked-records console shows lock badges and per-record results, as the list view does.
    expect(settings.all).toEqual(expect.arrayContaining(["badge.lock.manual", "result.skip.automaticLock"]));
    expect(record.all.filter((key) => /^(settings|portals|bulk)\./.test(key))).toEqual([]);
    expect(stringsOf(pageNamed("list")).all.filter((key) => /^(settings|portals|share)\./.test(key))).toEqual([]);
  });

  it.each(pages)("brings every string the $name page shows: its first paint's, and each part's with the part", async (page) => {
    expect(await undeclared(await graphOf(page), stringsOf(page))).toEqual([]);
  }, 30_000);

  it("finds a string that the first paint or a part shows without declaring it (the check itself)", async () => {
    const record = pageNamed("record");
    const graph = await graphOf(record);
    // Without "badge." the first paint lacks its lock badge; without the owner catalogue the owner section lacks its strings.
    const withoutBadge = await undeclared(graph, stringsOf({ ...record, firstPaint: record.firstPaint.filter((entry) => entry !== "badge.") }));
    expect(withoutBadge).toContain("first paint: badge.lock.unlocked");
    const withoutOwner = await undeclared(graph, stringsOf({ ...record, onDemand: record.onDemand.filter((name) => name !== "owner") }));
    // Reported against the part's own import (create.ts brings the owner section's models and view).
    expect(withoutOwner).toContain("widget-src/features/owner-change/create.ts: owner.capacity.denied.backlog");
    expect(withoutOwner.filter((line) => line.startsWith("first paint"))).toEqual([]);
  }, 30_000);

  it("keeps catalogues out of every first paint: its strings are the declared ones", async () => {
    for (const page of pages) expect((await graphOf(page)).firstPaint.filter((input) => input.startsWith("catalogue:")), page.name).toEqual([]);
  }, 30_000);

  it("fails the build on a catalogue a part imports but its page does not list, or one a page lists that no part imports", async () => {
    const list = pageNamed("list");
    const quiet = async (page: Page) => build({ ...(await pageOptions(page)), write: false, logLevel: "silent" });
    await expect(quiet({ ...list, onDemand: list.onDemand.filter((name) => name !== "users") })).rejects.toThrow(/imports "catalogue:users", which page list does not list/);
    await expect(quiet({ ...list, onDemand: [...list.onDemand, "share"] })).rejects.toThrow(/lists catalogue "share", but none of its parts imports/);
  }, 30_000);

  it("refuses a declaration that brings nothing", () => {
    const record = pageNamed("record");
    expect(() => stringsOf({ ...record, firstPaint: [...record.firstPaint, "lock.nonexistent"] })).toThrow(/matches no key/);
    // The record popup's first paint carries every lock string, so a lock catalogue would be empty.
    expect(() => stringsOf({ ...record, onDemand: [...record.onDemand, "lock"] })).toThrow(/brings no string/);
  });
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
    for (const page of pages) {
      const used = (await graphOf(page)).firstPaint.filter((input) => primitives.some(([name]) => input === `widget-src/ui/${name}.tsx`));
      expect(used, page.name).toEqual([]);
    }
  }, 30_000);
});
