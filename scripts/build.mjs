// Builds the widget pages into app/ (fixed, unhashed names, as ZET expects)
// and then the sandbox. It only ever writes or replaces its own outputs:
// ZET-owned files in app/ (translations, images) are left alone.
//
// Read it top to bottom:
//   1. PAGES: the three pages, and which strings each one carries.
//   2. pageOptions: one esbuild build per page, its entry and a chunk per part
//      it loads on demand (`import()`). The `catalogues` plugin gives it its
//      strings: English for the first paint, an English catalogue per key
//      prefix for the part that imports it (`import "catalogue:owner"`), and
//      German and Japanese as one file each. `inject` keeps the first paint
//      in two files (firstPaintInOneChunk says why).
//   3. pageHtml: each page's HTML.
//   4. buildWidget: the page builds, the on-demand stylesheet, the formatting
//      warm-up worker, the HTML.
import { build } from "esbuild";
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { dirname, join, relative } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const appDir = join(root, "app");

// ---------------------------------------------------------------------------
// 1. The pages and their strings
// ---------------------------------------------------------------------------

/**
 * The widget pages: one entry each (widget-src/entries/<name>.tsx), named
 * after the page.
 *
 * Strings are grouped by key prefix (`lock.`, `share.`, `owner.`, …) in
 * app/translations/{en,de,ja}.json. Per page:
 * - `firstPaint`: the English strings bundled with the page. An entry ending
 *   in "." is a prefix (all its keys); any other entry is one key (with its
 *   plural forms), for a prefix whose other strings load with a part.
 * - `onDemand`: the catalogues its on-demand parts bring. A part says which
 *   it needs with a plain import at its top, `import "catalogue:owner"`,
 *   and gets the English strings under that prefix that the first paint does
 *   not carry. The error messages (`error.`) are such a catalogue, imported
 *   by i18n/error-catalogue.ts, which loads with the first error shown.
 * German and Japanese load as one file per page: every key of both lists.
 *
 * The build fails when a part imports a catalogue its page does not list,
 * or a page lists one that no part imports. test/unit/build.test.ts fails
 * when a page or a part shows a string these lists do not bring.
 */
export const PAGES = [
  {
    name: "record",
    title: "Record guard",
    // The header, the lock card (all lock strings, the lock forms' few included), the restrictions, the closed owner and sharing cards.
    firstPaint: ["app.", "badge.", "record.", "lock.", "reason.", "restrictions.", "owner.heading", "share.heading", "share.cannot.module"],
    onDemand: ["owner", "share", "users", "why", "error"],
  },
  {
    name: "list",
    title: "Record guard: selected records",
    // The selection table, the toolbar and the results, and the lock form's reason field (the rest of lock. is the record popup's); the distribute form's strings load with it.
    firstPaint: ["app.", "badge.", "record.", "bulk.", "lock.lockEllipsis", "lock.reasonLabel", "reason.", "result.", "distribute.open"],
    onDemand: ["owner", "users", "distribute", "error"],
  },
  {
    name: "settings",
    title: "Record locking settings",
    firstPaint: [
      "app.",
      // The overview: every module with its lock type, rules and blocked actions.
      "settings.heading",
      "settings.tab",
      "settings.sections",
      "settings.overviewHeading",
      "settings.overviewIntro",
      "settings.readOnly",
      "settings.column.",
      "settings.lockType.",
      "settings.state.none",
      "settings.state.unreadable",
      "settings.setUp",
      "settings.edit",
      "settings.view",
      "restrictions.action.",
      "portals.tab",
      "console.tab",
      // Shown by both editors (locking and portal user types), which load on demand.
      "settings.failedAt",
      "settings.fixProblems",
    ],
    onDemand: ["settings", "copy", "console", "badge", "result", "reason", "portals", "error"],
  },
];

/** Whether a `firstPaint` entry covers a key: a prefix ("lock.") its keys, a key ("owner.heading") itself and its plural forms. */
const covers = (entry, key) => (entry.endsWith(".") ? key.startsWith(entry) : key === entry || key.startsWith(`${entry}#`));

const readCatalogue = async (language) => JSON.parse(await readFile(join(root, `app/translations/${language}.json`), "utf8"));
const pick = (catalogue, keep) => Object.fromEntries(Object.entries(catalogue).filter(([key]) => keep(key)));

/**
 * A page's English strings, from its declarations: `firstPaint`, each
 * catalogue its parts may import (`catalogue:<prefix>`, without what the
 * first paint carries), and `all`, every key the page can show (German and
 * Japanese). Fails on a declaration that brings nothing.
 */
export function pageStrings(page, english) {
  const inFirstPaint = (key) => page.firstPaint.some((entry) => covers(entry, key));
  const firstPaint = pick(english, inFirstPaint);
  const catalogues = Object.fromEntries(page.onDemand.map((name) => [name, pick(english, (key) => key.startsWith(`${name}.`) && !inFirstPaint(key))]));
  for (const entry of page.firstPaint) {
    if (!Object.keys(english).some((key) => covers(entry, key))) throw new Error(`page ${page.name}: firstPaint "${entry}" matches no key in app/translations/en.json`);
  }
  for (const [name, strings] of Object.entries(catalogues)) {
    if (Object.keys(strings).length === 0) throw new Error(`page ${page.name}: catalogue "${name}" brings no string its first paint lacks`);
  }
  const all = Object.keys(english).filter((key) => inFirstPaint(key) || page.onDemand.some((name) => key.startsWith(`${name}.`)));
  return { firstPaint, catalogues, all };
}

// ---------------------------------------------------------------------------
// 2. One esbuild build per page
// ---------------------------------------------------------------------------

/** esbuild options every page build shares (also used by scripts/bench.mjs). */
export const COMMON = {
  bundle: true,
  // ES modules so that parts opened on demand load as separate chunks.
  format: "esm",
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  target: ["es2020", "chrome100", "firefox100", "safari15"],
  jsx: "automatic",
  jsxImportSource: "preact",
  legalComments: "none",
  logLevel: "warning",
  // The metafile's paths are relative to this (see firstPaintImports), whatever the caller's directory.
  absWorkingDir: root,
};

/** The catalogue files: the English one is bundled (i18n/messages.ts), German and Japanese load on demand. */
const TRANSLATIONS = /app[\\/]translations[\\/](\w+)\.json$/;
const CATALOGUE = /^catalogue:/;
const I18N = join(root, "widget-src/i18n");
const entryOf = (name) => join(root, "widget-src/entries", `${name}.tsx`);

/**
 * Gives a page its strings (see PAGES): the English file as the first paint's
 * strings, `catalogue:<prefix>` as a module that adds that catalogue's
 * strings when its part loads, and German and Japanese as the page's keys.
 */
function catalogues(page, strings) {
  return {
    name: "catalogues",
    setup(pluginBuild) {
      const imported = new Set();
      pluginBuild.onResolve({ filter: CATALOGUE }, ({ path, importer }) => {
        const name = path.replace(CATALOGUE, "");
        if (!(name in strings.catalogues)) {
          return { errors: [{ text: `${importer} imports "${path}", which page ${page.name} does not list in its onDemand catalogues (scripts/build.mjs, PAGES)` }] };
        }
        imported.add(name);
        return { path: name, namespace: "catalogue" };
      });
      pluginBuild.onLoad({ filter: /.*/, namespace: "catalogue" }, ({ path }) => ({
        contents: `import { addMessages } from "./messages";\naddMessages(${JSON.stringify(strings.catalogues[path])});\n`,
        resolveDir: I18N,
        loader: "js",
      }));
      pluginBuild.onLoad({ filter: TRANSLATIONS }, async ({ path }) => {
        const language = TRANSLATIONS.exec(path)[1];
        const keys = new Set(strings.all);
        const contents = language === "en" ? strings.firstPaint : pick(await readCatalogue(language), (key) => keys.has(key));
        return { contents: JSON.stringify(contents), loader: "json" };
      });
      pluginBuild.onEnd((result) => {
        if (result.errors.length > 0) return undefined;
        const unused = page.onDemand.filter((name) => !imported.has(name));
        return { errors: unused.map((name) => ({ text: `page ${page.name} lists catalogue "${name}", but none of its parts imports "catalogue:${name}"` })) };
      });
    },
  };
}

/**
 * Each page's first paint is two files: its entry and one chunk.
 *
 * esbuild's code splitting puts each module into one chunk per *set of entry
 * points that reach it*, and every `import()` target counts as an entry
 * point (https://esbuild.github.io/api/#splitting; "one chunk for each unique
 * overlap of entry points", evanw/esbuild#16). Left alone, the first paint's
 * code comes out as one file per combination of on-demand parts that also use
 * it: 12 files for the record popup (3.2 KiB more, compressed one by one), 5
 * for the list view and the settings tab (1.9 and 2.0 KiB more).
 *
 * esbuild has no option to choose chunks: no manual chunks (evanw/esbuild#207,
 * open), no limit on their number (#1128; #2419: "There is currently no way
 * to do this"), and `chunkNames` only names them ("[name] will currently
 * always be the text chunk", https://esbuild.github.io/api/#chunk-names).
 * What it does have is `inject`: a file that exports nothing is injected "as
 * if every input file contained `import "./file.js"`"
 * (https://esbuild.github.io/api/#inject, "Injecting files without
 * imports"). We inject the page's own entry. Every module, so every
 * on-demand part, then imports the entry, every first-paint module is reached
 * by the same set of entry points (all of them), and the first paint lands in
 * one chunk, which the entry file imports. Nothing else changes: the entry
 * still runs once, after what it imports; the stylesheet keeps the order the
 * imports give it; a part that loads later finds the chunk loaded already.
 * test/unit/build.test.ts checks the two files.
 *
 * One thing `inject` cannot reach: esbuild's own runtime helpers (such as
 * `__publicField`, which lowers a class field for our es2020 target). They
 * count as reached by every entry point, the German and Japanese catalogues
 * (JSON, which nothing is injected into) included, so they get a chunk of
 * their own in the first paint; an unused import once left it empty. Code
 * that needs no helper avoids that: no class fields, no `#private` members
 * (see widget-src/api/search-criteria.ts, CannotSearch).
 */
const firstPaintInOneChunk = (page) => ({ inject: [entryOf(page.name)] });

/** The esbuild options of one page (also used by test/unit/build.test.ts). */
export async function pageOptions(page, { minify = true, sourcemap = false, outDir = appDir } = {}) {
  const strings = pageStrings(page, await readCatalogue("en"));
  return {
    ...COMMON,
    entryPoints: { [page.name]: entryOf(page.name) },
    outdir: outDir,
    minify,
    sourcemap,
    ...firstPaintInOneChunk(page),
    plugins: [catalogues(page, strings)],
  };
}

/**
 * For builds that measure code without strings (scripts/bench.mjs): every
 * catalogue import is empty, and so is every translation file.
 */
export const withoutStrings = {
  name: "without-strings",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: CATALOGUE }, ({ path }) => ({ path, namespace: "catalogue" }));
    pluginBuild.onLoad({ filter: /.*/, namespace: "catalogue" }, () => ({ contents: "", loader: "js" }));
    pluginBuild.onLoad({ filter: TRANSLATIONS }, () => ({ contents: "{}", loader: "json" }));
  },
};

// ---------------------------------------------------------------------------
// 3. The HTML pages
// ---------------------------------------------------------------------------

export const SDK_URL = "https://live.zwidgets.com/js-sdk/1.5/ZohoEmbededAppSDK.min.js";

// Only the pinned SDK from Zoho's CDN and our own files may run.
const CSP = [
  "default-src 'none'",
  "script-src 'self' https://live.zwidgets.com",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/**
 * A page's HTML. Everything its first paint needs is named here, so the
 * browser fetches it all at once after the HTML: the stylesheet, the entry
 * and (`preload`) the chunk the entry imports, which the browser would
 * otherwise find only once the entry had arrived. Our module comes before
 * the SDK's classic script so the SDK's download does not hold up its fetch;
 * a module script still runs after the document is parsed, so after the SDK.
 */
export function pageHtml({ name, title }, preload = []) {
  const preloads = preload.map((file) => `<link rel="modulepreload" href="${file}">\n`).join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="${name}.css">
${preloads}<script type="module" src="${name}.js"></script>
<script src="${SDK_URL}"></script>
</head>
<body><main id="app"></main></body>
</html>
`;
}

/** The files the page's entry imports statically (its first-paint chunk), relative to the output folder. */
function firstPaintImports(metafile, name, outDir) {
  const entry = metafile.outputs[relative(root, join(outDir, `${name}.js`))];
  if (!entry) throw new Error(`no output for the ${name} entry`);
  return entry.imports.filter((item) => item.kind === "import-statement").map((item) => relative(outDir, join(root, item.path)));
}

// ---------------------------------------------------------------------------
// 4. The whole widget
// ---------------------------------------------------------------------------

/** The formatting warm-up worker's file, beside the pages (the name widget-src/i18n/warm-up.ts starts it by). */
export const WARM_UP_SCRIPT = "intl-warmup.js";

/**
 * Builds the widget into app/, or into `outDir` (test/unit/build.test.ts
 * builds into a folder of its own: the browser tests, running beside it,
 * load their chunks from app/, and this removes the old chunks first).
 */
export async function buildWidget({ minify = true, sourcemap = false, outDir = appDir } = {}) {
  await mkdir(outDir, { recursive: true });
  await rm(join(outDir, "chunks"), { recursive: true, force: true }); // no stale chunks from earlier builds
  const results = await Promise.all(PAGES.map(async (page) => build({ ...(await pageOptions(page, { minify, sourcemap, outDir })), metafile: true })));
  // esbuild also writes each part's styles beside its chunk; nothing loads those (a page's CSS has every style its
  // code imports, and the primitives only parts use are in on-demand.css), so they do not ship.
  const chunkFiles = await readdir(join(outDir, "chunks"));
  await Promise.all(chunkFiles.filter((file) => /\.css(\.map)?$/.test(file)).map((file) => rm(join(outDir, "chunks", file))));
  // The styles of the primitives only on-demand parts use, loaded with the first of them (widget-src/ui/stylesheet.ts).
  await build({ entryPoints: { "on-demand": join(root, "widget-src/ui/on-demand.css") }, bundle: true, minify, outdir: outDir, logLevel: "warning" });
  // The worker that loads the browser's formatting data while a page waits for the CRM (widget-src/i18n/warm-up.ts):
  // a classic worker script, so one file with no imports.
  await build({ entryPoints: [join(root, "widget-src/i18n/warm-up-worker.ts")], bundle: true, minify, format: "iife", outfile: join(outDir, WARM_UP_SCRIPT), logLevel: "warning" });
  await Promise.all(
    PAGES.map((page, index) => writeFile(join(outDir, `${page.name}.html`), pageHtml(page, firstPaintImports(results[index].metafile, page.name, outDir)))),
  );
}

async function main() {
  await buildWidget({ sourcemap: process.argv.includes("--sourcemap") });
  const { buildSandbox } = await import("./build-sandbox.mjs");
  await buildSandbox();
  console.log("built app/ and sandbox/dist/");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
