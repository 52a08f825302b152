/**
 * Browser-test harness: a sandbox on a free port and Debian's Chromium driven
 * by playwright-core. The app must be built first (`npm test` does it).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { startSandbox } from "../../sandbox/server";
import { CHROMIUM, chromiumArgs } from "../../scripts/chromium.mjs";

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

export async function launchBrowser(): Promise<Browser> {
  // The widget frame is cross-site (as in CRM). With site isolation it is a
  // separate renderer, and a click on it is routed by the browser's hit
  // test, which under load can lag a scroll or resize inside the frame and
  // drop the click (rare, seen only with the whole suite running). One
  // renderer keeps the same origins, so postMessage and CSP behave alike.
  return chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs({ siteIsolation: false }) });
}

export async function startTestSandbox(options: Parameters<typeof startSandbox>[0] = {}): Promise<Sandbox> {
  // The default org unless a test asks for the hostile one or the team (SANDBOX_HOSTILE or SANDBOX_TEAM in the environment must not change counts).
  return startSandbox({ port: 0, hostile: false, team: false, faults: "", ...options });
}

/**
 * The widget's iframe once it has loaded record.html, list.html or settings.html; fails after 10 s.
 * Matched by the end of its path: a page's `&file_latency=` adds a segment after /app/.
 */
export async function widgetFrame(page: Page, file: "record.html" | "list.html" | "settings.html"): Promise<Frame> {
  const find = () => page.frames().find((candidate) => candidate.url().startsWith("http") && new URL(candidate.url()).pathname.endsWith(`/${file}`));
  await expect.poll(() => find() !== undefined, { timeout: 10_000, message: `the widget frame ${file} to load` }).toBe(true);
  return find()!;
}

export async function openRecordWidget(
  page: Page,
  sandbox: Sandbox,
  params: { module: string; id: string; as?: string; extra?: string },
): Promise<Frame> {
  const as = params.as ? `&as=${params.as}` : "";
  await page.goto(`${sandbox.url}/record?module=${params.module}&id=${params.id}${as}&open=1${params.extra ?? ""}`);
  return widgetFrame(page, "record.html");
}

/**
 * The record popup once its lock panel has read everything and the host has
 * sized the popup to it. A click any earlier can land beside its target:
 * Playwright scrolls a button into view inside the popup, and a resize that
 * follows moves it away.
 */
export async function recordSettled(widget: Frame): Promise<Frame> {
  await widget.locator("[data-lock-settled=true]").waitFor();
  await untilSized(widget);
  return widget;
}

/**
 * Until the widget's content and its iframe keep the same height for 150 ms:
 * the host has sized the popup to what the widget shows. Fails after 5 s.
 */
export async function untilSized(widget: Frame): Promise<void> {
  const frame = await widget.frameElement();
  const heights = async () =>
    `${await widget.evaluate(() => document.body.scrollHeight)}/${await frame.evaluate((element) => (element as HTMLElement).getBoundingClientRect().height)}`;
  let last = await heights();
  let stillSince = Date.now();
  await expect
    .poll(
      async () => {
        const now = await heights();
        if (now !== last) [last, stillSince] = [now, Date.now()];
        return Date.now() - stillSince >= 150;
      },
      { timeout: 5_000, interval: 30, message: "the popup to keep one size for 150 ms (content/frame heights kept changing)" },
    )
    .toBe(true);
}

/** Fails the test on any uncaught page error, in the host or the widget. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/**
 * What a failed browser test leaves, for failures that only happen on a busy
 * machine: a screenshot and the HTML of every frame in test-results/, and
 * the text of each widget frame in the log (where CI shows it).
 */
async function saveEvidence(page: Page, testName: string): Promise<void> {
  const base = join("test-results", testName.trim().replace(/[^\w-]+/g, "-").slice(0, 160));
  await mkdir("test-results", { recursive: true });
  await page.screenshot({ path: `${base}.png`, fullPage: true }).catch(() => undefined);
  const frames = await Promise.all(
    page.frames().map(async (frame) => `<!-- ${frame.url()} -->\n${await frame.content().catch((error: unknown) => String(error))}`),
  );
  await writeFile(`${base}.html`, frames.join("\n\n"));
  for (const frame of page.frames().filter((candidate) => candidate.url().includes("/app/"))) {
    const text = await frame.evaluate(() => document.body.innerText).catch((error: unknown) => String(error));
    console.error(`${frame.url()} showed:\n${text.slice(0, 2_000)}`);
  }
  console.error(`evidence of the failure: ${base}.png and .html`);
}

/**
 * Registers the hooks every browser test file needs: one Chromium per file,
 * a fresh context and page per test, and no uncaught page error allowed.
 */
export function useBrowser(): BrowserSession {
  const session = {} as BrowserSession;
  let errors: string[] = [];
  beforeAll(async () => {
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    await session.browser?.close();
  });
  beforeEach(async () => {
    session.context = await session.browser.newContext();
    session.page = await session.context.newPage();
    // Fail on the step that waits, with its locator, well before the test's own timeout.
    session.page.setDefaultTimeout(10_000);
    errors = collectPageErrors(session.page);
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === "fail") await saveEvidence(session.page, `${task.suite?.name ?? ""} ${task.name}`);
    await session.context.close();
    expect(errors).toEqual([]);
  });
  return session;
}

/** A sandbox for the enclosing describe block (or file), reset to its seed before each test. */
export function useSandbox(options: Parameters<typeof startSandbox>[0] = {}): { current: Sandbox } {
  const holder = {} as { current: Sandbox };
  beforeAll(async () => {
    holder.current = await startTestSandbox(options);
  });
  afterAll(async () => {
    await holder.current?.close();
  });
  beforeEach(() => holder.current.mock.reset());
  return holder;
}

const literally = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);

/** The value beside `label` in the lock card's facts (Locked by, Since, Reason). */
export function fact(frame: Frame, label: string) {
  return frame.locator("dt", { hasText: literally(label) }).locator("xpath=following-sibling::dd[1]");
}

/** Waits until the lock card's facts show exactly `value` beside `label`. */
export async function waitForFact(frame: Frame, label: string, value: string): Promise<void> {
  await fact(frame, label).filter({ hasText: literally(value) }).waitFor();
}

/** The list view: opens "Lock…", gives the reason and locks the selection. */
export async function lockSelection(widget: Frame, reason: string): Promise<void> {
  await widget.getByRole("button", { name: "Lock…", exact: true }).click();
  await widget.getByLabel("Reason (required)").fill(reason);
  await widget.getByRole("button", { name: "Lock the selected records" }).click();
}
