import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import {
  collectPageErrors,
  launchBrowser,
  openRecordWidget,
  startTestSandbox,
  widgetFrame,
  type Sandbox,
} from "./support";

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  context = await browser.newContext();
  page = await context.newPage();
  errors = collectPageErrors(page);
});
afterEach(async () => {
  await context.close();
  expect(errors).toEqual([]);
});

describe.each(["resolve", "reject"] as const)("record widget (ZRC errors %s)", (zrcErrors) => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox({ zrcErrors });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it("boots and shows an automatically locked deal", async () => {
    const widget = await openRecordWidget(page, sandbox, { module: "Deals", id: SEED.records.dealAutoLocked });
    await widget.getByText("Locked automatically by the rule “Closed Won deals”").waitFor();
    expect(await widget.locator("[data-lock-state]").getAttribute("data-lock-state")).toBe("locked");
    expect(await widget.getByRole("heading", { level: 2 }).first().textContent()).not.toBe("");
  });

  it("shows a manual lock with its reason", async () => {
    const widget = await openRecordWidget(page, sandbox, { module: "Deals", id: SEED.records.dealManualLocked });
    await widget.getByText("Locked by hand").waitFor();
    expect(await widget.getByText(/^Reason: /).count()).toBe(1);
  });

  it("shows an unlocked deal with its owner", async () => {
    const widget = await openRecordWidget(page, sandbox, { module: "Deals", id: SEED.records.dealUnlocked });
    await widget.getByText("Not locked").waitFor();
    expect(await widget.getByText("Owner", { exact: true }).count()).toBe(1);
  });

  it("says record locking is not set up for a module without configuration", async () => {
    const widget = await openRecordWidget(page, sandbox, { module: "Leads", id: SEED.records.leadNoConfig });
    await widget.getByText("Record locking is not set up for this module").waitFor();
    expect(await widget.getByText("Not locked").count()).toBe(0);
  });
});

describe("record widget failures", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it("shows 'unknown', never 'not locked', when the CRM refuses the read", async () => {
    const widget = await openRecordWidget(page, sandbox, { module: "Deals", id: "5725767999999999999" });
    await widget.getByText("Lock status unknown").waitFor();
    expect(await widget.getByText("Not locked").count()).toBe(0);
    expect(await widget.getByRole("alert").count()).toBeGreaterThan(0);
  });
});

describe("record widget transport", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it("falls back to the connection when ZRC is refused, and says so", async () => {
    const widget = await openRecordWidget(page, sandbox, {
      module: "Deals",
      id: SEED.records.dealAutoLocked,
      extra: "&zrc=refuse",
    });
    await widget.getByText("Locked automatically by the rule “Closed Won deals”").waitFor();
    await widget.getByText(/Using the fallback connection/).waitFor();
  });

  it("explains itself when the SDK cannot load", async () => {
    await page.route("**/ZohoEmbededAppSDK.min.js", (route) => route.abort());
    const widget = await openRecordWidget(page, sandbox, { module: "Deals", id: SEED.records.dealUnlocked });
    await widget.getByText("Open this inside Zoho CRM").waitFor();
    await widget.getByText(/SDK did not load/).waitFor();
  });

  it("explains itself when opened outside CRM", async () => {
    await page.goto(`${sandbox.widgetOrigin}/app/record.html`);
    await page.getByText("Open this inside Zoho CRM").waitFor({ timeout: 15_000 });
    await page.getByText(/works only inside Zoho CRM/).waitFor();
  });

  it("shows the settings tab signed in as the acting user", async () => {
    await page.goto(`${sandbox.url}/settings?as=${SEED.users.standard}`);
    const frame = await widgetFrame(page, "settings.html");
    await frame.getByText(/^Signed in as /).waitFor();
  });
});
