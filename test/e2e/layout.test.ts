/**
 * Every screen of `npm run screenshots` (scripts/screenshots.mjs) fits its frame:
 * in a 1280 px window and in a 400 px wide popup (or web tab), nothing
 * scrolls sideways. Long lines wrap, tables and toolbars reflow. Each screen
 * is opened once and checked at both widths (the window is narrowed in place).
 */
import type { Frame } from "playwright-core";
import { expect, it } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
// @ts-expect-error: a plain .mjs script without type declarations
import { LANGUAGES, SCREENS } from "../../scripts/screens.mjs";
import { useBrowser, useSandbox } from "./support";

interface Screen {
  name: string;
  kind: "popup" | "tab";
  open: (context: object) => Promise<Frame>;
}

const browser = useBrowser();
const sandbox = useSandbox();
const english = (LANGUAGES as { code: string }[]).find((language) => language.code === "en");

const WIDE = 1280;
/** A window of this width frames a popup about 400 px wide (the host caps it at 95% of the window). */
const NARROW = 420;

const widths = (frame: Frame) =>
  frame.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, body: document.body.scrollWidth }));

it.each(SCREENS as Screen[])("$name does not scroll sideways at 1280 px or at 400 px", async (screen) => {
  await browser.page.setViewportSize({ width: WIDE, height: 900 });
  const frame = await screen.open({ page: browser.page, sandbox: sandbox.current, seed: SEED, theme: "day", language: english });
  const wide = await widths(frame);
  expect(wide.scroll, `${screen.name} scrolls sideways at ${WIDE} px`).toBeLessThanOrEqual(wide.client);
  expect(wide.body, `${screen.name}'s body is wider than its frame at ${WIDE} px`).toBeLessThanOrEqual(wide.client);

  await browser.page.setViewportSize({ width: NARROW, height: 900 });
  await expect.poll(async () => (await widths(frame)).client, { message: `${screen.name}'s frame to narrow to about 400 px` }).toBeLessThanOrEqual(400);
  // Reflowed: two reads in a row agree (a layout that is still moving would not).
  await expect.poll(async () => JSON.stringify([await widths(frame), await widths(frame)].map((size) => size.scroll)), { message: "the narrow layout to settle" }).toMatch(/^\[(\d+),\1\]$/);
  const narrow = await widths(frame);
  expect(narrow.scroll, `${screen.name} scrolls sideways at 400 px`).toBeLessThanOrEqual(narrow.client);
  expect(narrow.body, `${screen.name}'s body is wider than its frame at 400 px`).toBeLessThanOrEqual(narrow.client);
});
