// `npm run screenshots`: every screen of the widget, opened in Chromium
// against the sandbox, written as PNGs to docs/screenshots/ as
// <screen>-<theme>-<language>.png (day and night, English and German).
//
//   npm run screenshots                 build, then every screen
//   npm run screenshots -- --no-build   use the app/ and sandbox/dist/ already built
//   npm run screenshots -- record       only screens whose name contains "record"
//
// Popups are photographed as the CRM frames them (the widget's iframe at the
// host's popup width, in a window tall enough for all of it); the settings
// tab at a 1280 px window, stretched to its content. A screen that
// cannot be reached fails the run: a missing picture must not pass unseen.
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM, chromiumArgs } from "./chromium.mjs";
import { SCREENS, LANGUAGES, THEMES } from "./screens.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "docs/screenshots");
const CHROMIUM_ARGS = chromiumArgs({ extra: ["--hide-scrollbars"] });

async function main() {
  const args = process.argv.slice(2);
  const filters = args.filter((arg) => !arg.startsWith("--"));
  if (!args.includes("--no-build")) {
    const { buildWidget } = await import("./build.mjs");
    const { buildSandbox } = await import("./build-sandbox.mjs");
    await buildWidget();
    await buildSandbox();
  }
  const { startSandbox, SEED } = await import(pathToFileURL(join(root, "sandbox/dist/server.mjs")).href);
  const sandbox = await startSandbox({ port: 0, latencyMs: 0, hostile: false, faults: "" });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  await mkdir(outDir, { recursive: true });
  const screens = SCREENS.filter((screen) => filters.length === 0 || filters.some((filter) => screen.name.includes(filter)));
  let written = 0;
  try {
    for (const language of LANGUAGES) {
      for (const theme of THEMES) {
        for (const screen of screens) {
          sandbox.mock.reset();
          // A popup gets a window tall enough for the host to fit it to its whole content.
          const viewport = screen.kind === "popup" ? { width: 1280, height: 3000 } : { width: 1280, height: 900 };
          const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
          const page = await context.newPage();
          page.setDefaultTimeout(10_000);
          const file = join(outDir, `${screen.name}-${theme}-${language.code}.png`);
          try {
            const frame = await screen.open({ page, sandbox, seed: SEED, theme, language });
            await photograph(frame, screen.kind, file);
            written++;
            console.log(`wrote docs/screenshots/${screen.name}-${theme}-${language.code}.png`);
          } catch (error) {
            throw new Error(`screen ${screen.name} (${theme}, ${language.code}): ${error instanceof Error ? error.message : error}`);
          } finally {
            await context.close();
          }
        }
      }
    }
  } finally {
    await browser.close();
    await sandbox.close();
  }
  console.log(`${written} screenshots in docs/screenshots/`);
}

/** The widget as the CRM frames it, at its whole height (a web tab is stretched to its content; the sandbox's is shorter). */
async function photograph(frame, kind, file) {
  const element = await frame.frameElement();
  if (kind === "tab") {
    const height = await frame.evaluate(() => document.documentElement.scrollHeight);
    await element.evaluate((node, px) => (node.style.height = `${px}px`), height);
    // The widget's frame is cross-site, so Chromium paints only the part of it inside the window: make the window tall enough.
    const page = frame.page();
    const box = await element.boundingBox();
    const viewport = page.viewportSize();
    if (box && viewport && box.y + box.height > viewport.height) await page.setViewportSize({ width: viewport.width, height: Math.ceil(box.y + box.height) });
  }
  await element.screenshot({ path: file, animations: "disabled" });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
