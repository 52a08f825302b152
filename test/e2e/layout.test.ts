/**
 * Every screen of `npm run screenshots` (scripts/screens.mjs) fits its frame:
 * in a 400 px wide popup (or web tab) and in a 1280 px window, nothing
 * scrolls sideways. Long lines wrap, tables and toolbars reflow.
 */
import { describe, expect, it } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
// @ts-expect-error: a plain .mjs script without type declarations
import { LANGUAGES, SCREENS } from "../../scripts/screens.mjs";
import { useBrowser, useSandbox } from "./support";

interface Screen {
  name: string;
  kind: "popup" | "tab";
  open: (context: object) => Promise<import("playwright-core").Frame>;
}

const browser = useBrowser();
const sandbox = useSandbox();
const english = (LANGUAGES as { code: string }[]).find((language) => language.code === "en");

/** A window of this width frames a popup about 400 px wide (the host caps it at 95% of the window). */
const NARROW = 420;
const WIDE = 1280;

describe.each([NARROW, WIDE])("at a %i px wide window", (width) => {
  it.each(SCREENS as Screen[])("$name does not scroll sideways", async (screen) => {
    await browser.page.setViewportSize({ width, height: 900 });
    const frame = await screen.open({ page: browser.page, sandbox: sandbox.current, seed: SEED, theme: "day", language: english });
    const size = await frame.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
      body: document.body.scrollWidth,
    }));
    if (width === NARROW) expect(size.client, "the frame is about 400 px wide").toBeLessThanOrEqual(400);
    expect(size.scroll, `${screen.name} scrolls sideways`).toBeLessThanOrEqual(size.client);
    expect(size.body, `${screen.name}'s body is wider than its frame`).toBeLessThanOrEqual(size.client);
  });
});
