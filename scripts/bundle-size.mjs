// Gzip bytes of each widget page, read off the built app/: what the page
// loads before its first paint (its entry file and the chunks that imports
// statically, plus its CSS), and what it loads only when a section is opened
// (import()). Used by `npm run bench` and by the budget test.
import { readFile, readdir } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const appDir = join(dirname(fileURLToPath(import.meta.url)), "..", "app");
/** The languages besides English: one catalogue each in app/translations (their chunks are named after them). */
const OTHER_LANGUAGES = (await readdir(join(appDir, "translations"))).map((file) => basename(file, ".json")).filter((language) => language !== "en");

/**
 * Budgets for each page's first paint, JS + CSS, gzip, design system
 * included (issue #14; the README's "Size" says where the bytes go).
 */
export const BUDGETS = { record: 27 * 1024, list: 27 * 1024, settings: 28 * 1024 };

const gzipBytes = async (file) => gzipSync(await readFile(file), { level: 9 }).length;
const sum = async (files) => (await Promise.all(files.map(gzipBytes))).reduce((a, b) => a + b, 0);

/** The JS files a page loads: statically before its first paint, or on demand (from app/, or a build's `dir`). */
export async function pageScripts(name, dir = appDir) {
  const read = async (file) => readFile(file, "utf8");
  const closure = async (files, seen) => {
    for (const file of files) {
      if (seen.has(file)) continue;
      seen.add(file);
      const code = await read(file);
      const statics = [...code.matchAll(/(?:from|import)\s*"(\.\/[^"]+\.js)"/g)].map((match) => join(dirname(file), match[1]));
      await closure(statics, seen);
    }
    return seen;
  };
  const entry = join(dir, `${name}.js`);
  const initial = await closure([entry], new Set());
  const dynamic = [];
  for (const file of initial) {
    for (const match of (await read(file)).matchAll(/import\(\s*"(\.\/[^"]+\.js)"\s*\)/g)) dynamic.push(join(dirname(file), match[1]));
  }
  // The other languages' strings load only for users who read them.
  const languageOf = (file) => OTHER_LANGUAGES.find((language) => basename(file).startsWith(`${language}-`));
  const isLanguage = (file) => languageOf(file) !== undefined;
  const lazy = [...(await closure(dynamic.filter((file) => !isLanguage(file)), new Set()))].filter((file) => !initial.has(file));
  const languages = Object.fromEntries(dynamic.filter(isLanguage).map((file) => [languageOf(file), file]));
  return { initial: [...initial], lazy, languages };
}

/** { js, css, total, onDemandJs, languages: { de, ja } } in gzip bytes for one built page. */
export async function pageSize(name, dir = appDir) {
  const { initial, lazy, languages } = await pageScripts(name, dir);
  const js = await sum(initial);
  const css = await gzipBytes(join(dir, `${name}.css`));
  const languageBytes = {};
  for (const [language, file] of Object.entries(languages)) languageBytes[language] = await gzipBytes(file);
  return { js, css, total: js + css, onDemandJs: await sum(lazy), languages: languageBytes };
}
