/**
 * A host page's `&file_latency=` in Chromium: every file the widget loads,
 * for its first paint and on demand (and the formatting warm-up's worker),
 * comes with the page's delay
 * (sandbox/host/app-files.ts says how the value reaches them).
 */
import { readFileSync } from "node:fs";
import type { Request } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import { openRecordWidget, recordSettled, useBrowser, useSandbox } from "./support";

const browser = useBrowser();
const sandbox = useSandbox();
const de = JSON.parse(readFileSync("app/translations/de.json", "utf8")) as Record<string, string>;
const LATENCY = 300;

describe("file latency on a host page", () => {
  it("delays every widget file, first paint and on demand, the German catalogue and the SDK included", async () => {
    const files: Request[] = [];
    browser.page.on("request", (request) => {
      if (request.url().startsWith(`${sandbox.current.widgetOrigin}/`)) files.push(request);
    });
    const opened = await openRecordWidget(browser.page, sandbox.current, {
      module: "Deals",
      id: SEED.records.dealUnlocked,
      as: SEED.users.admin2,
      extra: `&file_latency=${LATENCY}`,
    });
    const widget = await recordSettled(opened);
    // Sharing loads on demand: its chunks and the on-demand stylesheet.
    await widget.getByRole("button", { name: de["share.heading"]!, exact: true }).click();
    await widget.getByText(de["share.none"]!, { exact: true }).waitFor();

    const paths = files.map((request) => new URL(request.url()).pathname);
    const prefix = `/app/~file_latency=${LATENCY}/`;
    expect(paths.filter((path) => path.startsWith("/app/") && !path.startsWith(prefix))).toEqual([]);
    const seen = (pattern: RegExp) => paths.some((path) => pattern.test(path));
    // The formatting warm-up's worker too: its page-relative name finds it, and the page's policy lets it start.
    const patterns = [/\/record\.html$/, /\/record\.js$/, /\/record\.css$/, /\/on-demand\.css$/, /\/chunks\/chunk-[^/]+\.js$/, /\/chunks\/de-[^/]+\.js$/, /\/intl-warmup\.js$/];
    for (const pattern of patterns) {
      expect(seen(pattern), `a request for ${pattern} in ${paths.join(", ")}`).toBe(true);
    }
    expect(files.map((request) => request.url())).toContain(`${sandbox.current.widgetOrigin}/__sandbox/ZohoEmbededAppSDK.min.js?file_latency=${LATENCY}`);

    for (const request of files) {
      const response = await request.response();
      expect(response?.status(), request.url()).toBe(200);
      // Milliseconds from the request's start to the first byte of its answer.
      expect(request.timing().responseStart, request.url()).toBeGreaterThanOrEqual(LATENCY);
    }
  });
});
