// `npm run pack`: build, stage only what the marketplace needs (the app/
// folder without source maps, and plugin-manifest.json), then let ZET
// validate and zip it. The zip lands in dist/<package name>.zip.
import { execFileSync } from "node:child_process";
import { cp, mkdir, rm, copyFile, readFile } from "node:fs/promises";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { buildWidget } from "./build.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { name } = JSON.parse(await readFile(join(root, "package.json"), "utf8"));
// ZET names the zip after the project folder, so the staging folder carries our name.
const stage = join(root, ".pack", name);
const zet = join(root, "node_modules", ".bin", "zet");

await buildWidget({ minify: true, sourcemap: false });
await rm(join(root, ".pack"), { recursive: true, force: true });
await mkdir(stage, { recursive: true });
await cp(join(root, "app"), join(stage, "app"), { recursive: true, filter: (path) => !path.endsWith(".map") });
await copyFile(join(root, "plugin-manifest.json"), join(stage, "plugin-manifest.json"));

execFileSync(zet, ["validate"], { cwd: stage, stdio: "inherit" });
execFileSync(zet, ["pack"], { cwd: stage, stdio: "inherit" });

await mkdir(join(root, "dist"), { recursive: true });
await copyFile(join(stage, "dist", `${name}.zip`), join(root, "dist", `${name}.zip`));
console.log(`dist/${name}.zip`);
