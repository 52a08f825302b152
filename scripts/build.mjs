// Builds the widget pages into app/ (fixed, unhashed names, as ZET expects)
// and then the sandbox. It only ever writes or replaces its own outputs:
// ZET-owned files in app/ (translations, images) are left alone.
import { build } from "esbuild";
import { mkdir, writeFile } from "node:fs/promises";
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
<script src="${name}.js" defer></script>
</head>
<body><main id="app"></main></body>
</html>
`;
}

export async function buildWidget({ minify = true, sourcemap = false } = {}) {
  await mkdir(appDir, { recursive: true });
  await build({
    entryPoints: Object.fromEntries(PAGES.map(({ name }) => [name, join(root, "widget-src/entries", `${name}.tsx`)])),
    outdir: appDir,
    bundle: true,
    format: "iife",
    target: ["es2020", "chrome100", "firefox100", "safari15"],
    jsx: "automatic",
    jsxImportSource: "preact",
    minify,
    sourcemap,
    legalComments: "none",
    logLevel: "warning",
  });
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
