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

const CATALOGUE = /app[\\/]translations[\\/]en\.json$/;

const COMMON = {
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
 * The catalogue keys a page can show: every key its source files name as a
 * string, and every key under a prefix they build in a template
 * (`error.${code}` keeps all of "error."). A page then carries only its own
 * strings, not every feature's.
 */
export function keysUsed(sources, keys) {
  const literals = new Set();
  const prefixes = [];
  for (const text of sources) {
    for (const match of text.matchAll(/["'`]([a-zA-Z]+(?:\.[\w-]+)+)["'`]/g)) literals.add(match[1]);
    for (const match of text.matchAll(/`([a-zA-Z]+(?:\.[\w-]+)*\.)\$\{/g)) prefixes.push(match[1]);
  }
  return keys.filter((key) => literals.has(key) || prefixes.some((prefix) => key.startsWith(prefix)));
}

/** Every source file a page can run: its entry output and the chunks it imports, statically or on demand. */
function pageInputs(metafile, output, seen = new Set()) {
  const inputs = new Set(Object.keys(output.inputs));
  for (const { path } of output.imports) {
    const chunk = metafile.outputs[path];
    if (!chunk || seen.has(path)) continue;
    seen.add(path);
    for (const input of pageInputs(metafile, chunk, seen)) inputs.add(input);
  }
  return inputs;
}

/** Per page: the catalogue with only the keys that page's own source files can use. */
export async function pageCatalogues() {
  const catalogue = JSON.parse(await readFile(join(root, "app/translations/en.json"), "utf8"));
  const { metafile } = await build({
    ...COMMON,
    entryPoints: Object.fromEntries(PAGES.map(({ name }) => [name, entryOf(name)])),
    outdir: join(root, ".catalogue-scan"),
    write: false,
    metafile: true,
  });
  const result = {};
  for (const output of Object.values(metafile.outputs)) {
    const page = PAGES.find(({ name }) => output.entryPoint?.endsWith(`entries/${name}.tsx`));
    if (!page) continue;
    const sources = await Promise.all(
      [...pageInputs(metafile, output)].filter((input) => input.startsWith("widget-src/")).map((input) => readFile(join(root, input), "utf8")),
    );
    const keys = keysUsed(sources, Object.keys(catalogue));
    result[page.name] = Object.fromEntries(keys.map((key) => [key, catalogue[key]]));
  }
  return result;
}

export async function buildWidget({ minify = true, sourcemap = false } = {}) {
  await mkdir(appDir, { recursive: true });
  await rm(join(appDir, "chunks"), { recursive: true, force: true }); // no stale chunks from earlier builds
  const catalogues = await pageCatalogues();
  await Promise.all(
    PAGES.map(({ name }) =>
      build({
        ...COMMON,
        entryPoints: { [name]: entryOf(name) },
        outdir: appDir,
        minify,
        sourcemap,
        plugins: [
          {
            name: "page-catalogue",
            setup(pluginBuild) {
              pluginBuild.onLoad({ filter: CATALOGUE }, () => ({ contents: JSON.stringify(catalogues[name]), loader: "json" }));
            },
          },
        ],
      }),
    ),
  );
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
