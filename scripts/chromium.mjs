// How the tests, the bench and the screenshots start Debian's Chromium.

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/**
 * Chromium's headless mode is the whole browser, and every new context
 * preloads the omnibox popup (a WebUI page in a renderer of its own). That
 * costs about 1.5 s of CPU per context, spent while the page under test
 * loads: on a 2-core machine it slowed every browser test and every bench
 * run. Nothing here has an omnibox, so those two features are off.
 *
 * `siteIsolation: false` keeps the cross-site widget frame in its host's
 * renderer (see launchBrowser in test/e2e/support.ts for why the tests want that).
 */
export function chromiumArgs({ siteIsolation = true, extra = [] } = {}) {
  const disabled = [
    "WebUIOmniboxPopup",
    "WebUIOmniboxAimPopup",
    // Chromium reads only the last --disable-features, so this flag replaces
    // the list Playwright passes; these are the ones from it that matter here
    // (no calls to Google at start, HTTP stays HTTP, paint is not held back).
    "AimEnabled",
    "OptimizationHints",
    "NetworkTimeServiceQuerying",
    "PreconnectToSearch",
    "MediaRouter",
    "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable",
    "PaintHolding",
    ...(siteIsolation ? [] : ["IsolateOrigins", "site-per-process"]),
  ];
  return [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    ...(siteIsolation ? [] : ["--disable-site-isolation-trials"]),
    `--disable-features=${disabled.join(",")}`,
    ...extra,
  ];
}
