/**
 * Builds the local CRM sandbox into sandbox/dist/:
 *   ZohoEmbededAppSDK.min.js  our stand-in SDK (browser IIFE)
 *   host.js                   the CRM host page script (browser IIFE)
 *   main.mjs                  the sandbox server (Node ESM), run by `npm start`
 *   server.mjs                startSandbox() and helpers for node scripts such
 *                             as scripts/bench.mjs (Node ESM, sandbox/node-api.ts)
 * scripts/build.mjs calls buildSandbox() after building the widget into app/;
 * `node scripts/build-sandbox.mjs` builds on its own.
 */
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const defaultOutDir = path.join(root, "sandbox", "dist");

/** `outDir` lets tests build into a folder of their own instead of sandbox/dist. */
export async function buildSandbox({ minify = true, outDir = defaultOutDir } = {}) {
  const browser = { bundle: true, format: "iife", platform: "browser", target: "es2020", minify, logLevel: "warning" };
  const node = { bundle: true, format: "esm", platform: "node", target: "node20", packages: "external", logLevel: "warning" };
  await Promise.all([
    build({
      ...browser,
      entryPoints: [path.join(root, "sandbox/sdk/index.ts")],
      outfile: path.join(outDir, "ZohoEmbededAppSDK.min.js"),
      // SDK 1.5 declares `zrc` as a top-level const (not a window property); recreate that.
      footer: { js: "const zrc = window.__standInZrc; delete window.__standInZrc;" },
    }),
    build({
      ...browser,
      entryPoints: [path.join(root, "sandbox/host/index.ts")],
      outfile: path.join(outDir, "host.js"),
    }),
    build({ ...node, entryPoints: [path.join(root, "sandbox/main.ts")], outfile: path.join(outDir, "main.mjs") }),
    build({ ...node, entryPoints: [path.join(root, "sandbox/node-api.ts")], outfile: path.join(outDir, "server.mjs") }),
  ]);
  return outDir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outFlag = process.argv.indexOf("--out");
  const outDir = outFlag > 0 && process.argv[outFlag + 1] ? path.resolve(process.argv[outFlag + 1]) : defaultOutDir;
  await buildSandbox({ outDir });
  console.log(`sandbox built into ${path.relative(process.cwd(), outDir) || "."}`);
}
