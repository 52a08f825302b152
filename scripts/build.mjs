// Builds the widget pages into app/ (fixed, unhashed names, as ZET expects)
// and then the sandbox. It only ever writes or replaces its own outputs:
// ZET-owned files in app/ (translations, images) are left alone.
import { build } from "esbuild";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const appDir = join(root, "app");

export const SDK_URL = "https://live.zwidgets.com/js-sdk/1.5/ZohoEmbededAppSDK.min.js";

/** The widget pages: one entry each, named after the page. */
export const PAGES = [
  { name: "record", title: "Record guard" },
  { name: "list", title: "Record guard: selected records" },
  { name: "settings", title: "Record locking settings" },
];

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

export function pageHtml({ name, title }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="${name}.css">
<script src="${SDK_URL}"></script>
<script type="module" src="${name}.js"></script>
</head>
<body><main id="app"></main></body>
</html>
`;
}

export const TRANSLATIONS = /app[\\/]translations[\\/](\w+)\.json$/;
const PART = /widget-src[\\/]i18n[\\/]part\.ts$/;
/** Strings that load on demand even though the first paint's code names them: the error messages (i18n/error-catalogue.ts). */
const ON_DEMAND_PREFIXES = ["error."];

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
};

const entryOf = (name) => join(root, "widget-src/entries", `${name}.tsx`);

/**
 * The catalogue keys some source files can show: every key they name as a
 * string (with its plural forms), and every key under a prefix they build in
 * a template (`error.${code}` keeps all of "error.").
 */
export function keysUsed(sources, keys) {
  const literals = new Set();
  const prefixes = [];
  for (const text of sources) {
    for (const match of text.matchAll(/["'`]([a-zA-Z]+(?:\.[\w-]+)+)["'`]/g)) literals.add(match[1]);
    for (const match of text.matchAll(/`([a-zA-Z]+(?:\.[\w-]+)*\.)\$\{/g)) prefixes.push(match[1]);
  }
  // A counted message is named without its plural form ("a.b" brings "a.b#one", "a.b#other").
  const named = (key) => literals.has(key) || literals.has(key.replace(/#\w+$/, ""));
  return keys.filter((key) => named(key) || prefixes.some((prefix) => key.startsWith(prefix)));
}

/** Output files reachable from `start` through static imports (and through import() too when `dynamic`). */
function reachable(metafile, start, dynamic) {
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path) || !metafile.outputs[path]) return;
    seen.add(path);
    for (const edge of metafile.outputs[path].imports) if (dynamic || edge.kind === "import-statement") visit(edge.path);
  };
  visit(start);
  return seen;
}

const inputsOf = (metafile, outputs) => new Set([...outputs].flatMap((path) => Object.keys(metafile.outputs[path].inputs)));

const registerStrings = (strings) =>
  `import { addMessages } from ${JSON.stringify(join(root, "widget-src/i18n/messages.ts"))};\naddMessages(${JSON.stringify(strings)});`;

/** Every `i18n/part` import gets its own module path, so each part carries its own strings (also used by scripts/bench.mjs). */
export function partsPlugin(contentsFor) {
  return {
    name: "catalogue-parts",
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /[\\/]part$/ }, ({ importer, resolveDir, path }) => {
        const target = join(resolveDir, `${path}.ts`);
        return PART.test(target) ? { path: importer, namespace: "catalogue-part" } : undefined;
      });
      pluginBuild.onLoad({ filter: /.*/, namespace: "catalogue-part" }, ({ path }) => ({
        contents: contentsFor(path),
        resolveDir: join(root, "widget-src/i18n"),
        loader: "js",
      }));
    },
  };
}

/** A dry build of one page, for its module graph: { metafile, entry } (entry: the page's output path). */
async function scanPage(name) {
  const { metafile } = await build({
    ...COMMON,
    entryPoints: { [name]: entryOf(name) },
    outdir: join(root, ".catalogue-scan"),
    write: false,
    metafile: true,
    plugins: [partsPlugin(() => registerStrings({}))],
  });
  const entry = Object.keys(metafile.outputs).find((path) => metafile.outputs[path].entryPoint?.endsWith(`entries/${name}.tsx`));
  return { metafile, entry };
}

/**
 * The first paint's source modules (absolute paths, without the entry itself)
 * and the modules the page imports on demand (its dynamic `import()` targets).
 */
function firstPaintGraph({ metafile, entry }) {
  const isSource = (input) => /\.(m?js|tsx?)$/.test(input) && !input.includes(":");
  const entryInput = metafile.outputs[entry].entryPoint;
  const modules = [...inputsOf(metafile, reachable(metafile, entry, false))].filter((input) => isSource(input) && input !== entryInput);
  const onDemand = Object.values(metafile.outputs)
    .map((output) => output.entryPoint)
    .filter((input) => input && input !== entryInput && isSource(input));
  return { modules: modules.map((input) => join(root, input)), onDemand: onDemand.map((input) => join(root, input)) };
}

const FIRST_PAINT = "first-paint-graph";

/**
 * esbuild puts code shared by the first paint and the on-demand parts into
 * one chunk per combination of parts using it: for the record page, nine
 * files that the browser fetches and gzip compresses one by one (about 2 KB
 * more than one file). Making every on-demand part import the whole first
 * paint gives all of it the same users, hence a single shared chunk. That
 * import costs nothing: the first paint has loaded those modules already.
 */
function firstPaintChunkPlugin({ modules, onDemand }) {
  const roots = new Set(onDemand);
  return {
    name: "one-first-paint-chunk",
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: new RegExp(`^${FIRST_PAINT}$`) }, () => ({ path: FIRST_PAINT, namespace: FIRST_PAINT }));
      pluginBuild.onLoad({ filter: /.*/, namespace: FIRST_PAINT }, () => ({
        contents: modules.map((path) => `import ${JSON.stringify(path)};`).join("\n"),
        resolveDir: root,
        loader: "js",
      }));
      pluginBuild.onLoad({ filter: /\.(m?js|tsx?)$/, namespace: "file" }, async ({ path }) => {
        if (!roots.has(path)) return undefined;
        const loader = path.endsWith(".tsx") ? "tsx" : path.endsWith(".ts") ? "ts" : "js";
        // Appended, so that source maps keep their lines; an import takes effect wherever it stands.
        return { contents: `${await readFile(path, "utf8")}\nimport "${FIRST_PAINT}";\n`, loader };
      });
    },
  };
}

/**
 * Which English strings go where, for one page (from its scan, see scanPage):
 * - `initial`: the keys its first paint can show (entry and static imports),
 *   without the on-demand prefixes;
 * - `parts`: per module importing i18n/part, the further keys of the chunk it
 *   starts (the part's code and what only it imports);
 * - `all`: every key the page can ever show, for the other languages, which
 *   load as one file.
 * Fails when an on-demand chunk shows strings that no part brings.
 */
async function pageStrings(name, catalogue, { metafile, entry }) {
  const keys = Object.keys(catalogue);
  const source = (input) => (input.startsWith("widget-src/") ? readFile(join(root, input), "utf8") : "");
  const keysOf = async (inputs) => keysUsed(await Promise.all([...inputs].map(source)), keys);
  const firstPaint = reachable(metafile, entry, false);
  const firstInputs = inputsOf(metafile, firstPaint);
  const onDemand = (key) => ON_DEMAND_PREFIXES.some((prefix) => key.startsWith(prefix));
  const initial = new Set((await keysOf(firstInputs)).filter((key) => !onDemand(key)));

  const parts = new Map();
  for (const [path, output] of Object.entries(metafile.outputs)) {
    for (const input of Object.keys(output.inputs)) {
      if (!input.startsWith("catalogue-part:")) continue;
      const importer = input.slice("catalogue-part:".length);
      const chunkInputs = [...inputsOf(metafile, reachable(metafile, path, false))].filter((input) => !firstInputs.has(input));
      parts.set(importer, (await keysOf(chunkInputs)).filter((key) => !initial.has(key)));
    }
  }
  const brought = new Set([...initial, ...[...parts.values()].flat()]);
  for (const path of reachable(metafile, entry, true)) {
    if (firstPaint.has(path)) continue;
    const missing = (await keysOf(Object.keys(metafile.outputs[path].inputs))).filter((key) => !brought.has(key));
    if (missing.length > 0) throw new Error(`${path} (page ${name}) shows strings no i18n/part brings: ${missing.slice(0, 5).join(", ")}`);
  }
  const all = await keysOf(inputsOf(metafile, reachable(metafile, entry, true)));
  return { initial: [...initial], parts, all };
}

const pick = (catalogue, keys) => Object.fromEntries(keys.filter((key) => key in catalogue).map((key) => [key, catalogue[key]]));
const readCatalogue = async (language) => JSON.parse(await readFile(join(root, `app/translations/${language}.json`), "utf8"));

/**
 * What the build needs to know per page: the catalogues it carries (English
 * for its first paint, English per part, every key for the other languages)
 * and its first-paint graph.
 */
export async function pagePlans() {
  const english = await readCatalogue("en");
  const result = {};
  for (const { name } of PAGES) {
    const scan = await scanPage(name);
    const strings = await pageStrings(name, english, scan);
    result[name] = {
      initial: pick(english, strings.initial),
      parts: new Map([...strings.parts].map(([importer, keys]) => [importer, pick(english, keys)])),
      all: strings.all,
      firstPaint: firstPaintGraph(scan),
    };
  }
  return result;
}

export async function buildWidget({ minify = true, sourcemap = false } = {}) {
  await mkdir(appDir, { recursive: true });
  await rm(join(appDir, "chunks"), { recursive: true, force: true }); // no stale chunks from earlier builds
  const plans = await pagePlans();
  await Promise.all(
    PAGES.map(({ name }) => {
      const { initial, parts, all, firstPaint } = plans[name];
      return build({
        ...COMMON,
        entryPoints: { [name]: entryOf(name) },
        outdir: appDir,
        minify,
        sourcemap,
        // The first-paint import names packages that declare no side effects; it only groups them (see above).
        logOverride: { "ignored-bare-import": "silent" },
        plugins: [
          firstPaintChunkPlugin(firstPaint),
          partsPlugin((importer) => registerStrings(parts.get(importer) ?? {})),
          {
            name: "page-catalogue",
            setup(pluginBuild) {
              pluginBuild.onLoad({ filter: TRANSLATIONS }, async ({ path }) => {
                const language = TRANSLATIONS.exec(path)[1];
                const strings = language === "en" ? initial : pick(await readCatalogue(language), all);
                return { contents: JSON.stringify(strings), loader: "json" };
              });
            },
          },
        ],
      });
    }),
  );
  // The styles of the primitives only on-demand parts use, loaded with the first of them (widget-src/ui/on-demand.css).
  await build({ entryPoints: { "on-demand": join(root, "widget-src/ui/on-demand.css") }, bundle: true, minify, outdir: appDir, logLevel: "warning" });
  await Promise.all(PAGES.map((page) => writeFile(join(appDir, `${page.name}.html`), pageHtml(page))));
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
