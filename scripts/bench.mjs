// `npm run bench`: measured figures, one per line, as `name: value unit`.
// A benchmark, not a test: it reports numbers and never fails on them.
import { readFile } from "node:fs/promises";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { PAGES, buildWidget } from "./build.mjs";

const appDir = join(dirname(fileURLToPath(import.meta.url)), "..", "app");

export async function bundleFigures() {
  await buildWidget({ minify: true, sourcemap: false });
  const figures = [];
  for (const { name } of PAGES) {
    let total = 0;
    for (const ext of ["js", "css"]) {
      const bytes = gzipSync(await readFile(join(appDir, `${name}.${ext}`)), { level: 9 }).length;
      total += bytes;
      figures.push([`bundle_gzip_${name}_${ext}`, bytes, "bytes"]);
    }
    figures.push([`bundle_gzip_${name}_total`, total, "bytes"]);
  }
  return figures;
}

for (const [name, value, unit] of await bundleFigures()) console.log(`${name}: ${value} ${unit}`);
