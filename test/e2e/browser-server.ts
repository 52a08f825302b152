/**
 * Global setup of the browser tests: one Chromium for the whole run, which
 * every test file connects to (useBrowser in support.ts). Starting Chromium
 * costs about 2 s of CPU, and the tests are CPU-bound on a 2-core machine.
 * Each test still gets a fresh context, so nothing carries over between tests.
 */
import { chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { CHROMIUM, chromiumArgs } from "../../scripts/chromium.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    chromiumEndpoint: string;
  }
}

export default async function startChromium(project: TestProject): Promise<() => Promise<void>> {
  // The widget frame is cross-site (as in CRM). With site isolation it is a
  // separate renderer, and a click on it is routed by the browser's hit
  // test, which under load can lag a scroll or resize inside the frame and
  // drop the click (rare, seen only with the whole suite running). One
  // renderer keeps the same origins, so postMessage and CSP behave alike.
  const server = await chromium.launchServer({ executablePath: CHROMIUM, args: chromiumArgs({ siteIsolation: false }) });
  project.provide("chromiumEndpoint", server.wsEndpoint());
  return () => server.close();
}
