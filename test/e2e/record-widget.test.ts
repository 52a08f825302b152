import { describe, expect, it } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import { CONFIG } from "../../widget-src/config";
import { fact, openRecordWidget, recordSettled, useBrowser, useSandbox, widgetFrame } from "./support";

const browser = useBrowser();

describe.each(["resolve", "reject"] as const)("record widget (ZRC errors %s)", (zrcErrors) => {
  const sandbox = useSandbox({ zrcErrors });
  const open = (module: string, id: string) => openRecordWidget(browser.page, sandbox.current, { module, id });

  it("boots and shows an automatically locked deal", async () => {
    const widget = await open("Deals", SEED.records.dealAutoLocked);
    await widget.getByText("Locked automatically by the rule “Closed Won deals”").waitFor();
    expect(await widget.locator("[data-lock-state]").getAttribute("data-lock-state")).toBe("locked");
    expect(await widget.getByRole("heading", { level: 2 }).first().textContent()).not.toBe("");
  });

  it("shows a manual lock with its reason", async () => {
    const widget = await open("Deals", SEED.records.dealManualLocked);
    await widget.getByText("Locked by hand").waitFor();
    await widget.getByText("Locked · manual", { exact: true }).waitFor();
    expect(await fact(widget, "Reason").count()).toBe(1);
  });

  it("shows an unlocked deal with its owner", async () => {
    const widget = await open("Deals", SEED.records.dealUnlocked);
    await widget.getByText("Not locked", { exact: true }).waitFor();
    await widget.getByText(/^Deals · Owner: \S/).waitFor();
  });

  it("says record locking is not set up for a module without configuration", async () => {
    const widget = await open("Leads", SEED.records.leadNoConfig);
    await widget.getByText("Record locking is not set up for this module").waitFor();
    expect(await widget.getByText("Not locked", { exact: true }).count()).toBe(0);
  });

  it("shows 'unknown', never 'not locked', when the CRM refuses the read", async () => {
    const widget = await open("Deals", "5725767999999999999");
    await widget.getByText("Lock status unknown").waitFor();
    expect(await widget.getByText("Not locked", { exact: true }).count()).toBe(0);
    expect(await widget.getByRole("alert").count()).toBeGreaterThan(0);
  });
});

describe("record widget transport and boot", () => {
  const sandbox = useSandbox();

  it("falls back to the connection when ZRC is refused, and says so", async () => {
    const widget = await openRecordWidget(browser.page, sandbox.current, {
      module: "Deals",
      id: SEED.records.dealAutoLocked,
      extra: "&zrc=refuse",
    });
    await widget.getByText("Locked automatically by the rule “Closed Won deals”").waitFor();
    await widget.getByText(/Using the fallback connection/).waitFor();
    expect(await widget.getByRole("alert").count()).toBe(0);
  });

  it("follows the CRM's night theme", async () => {
    const widget = await openRecordWidget(browser.page, sandbox.current, {
      module: "Deals",
      id: SEED.records.dealUnlocked,
      extra: "&theme=night",
    });
    await widget.getByText("Not locked", { exact: true }).waitFor();
    await widget.waitForFunction(() => document.documentElement.dataset.theme === "night");
  });

  it("keeps the popup's opening size behind the spinner, then fits it to the page", async () => {
    // Every height the host page gives the popup's frame, in order.
    await browser.page.addInitScript(() => {
      if (window !== window.top) return;
      const heights: string[] = [];
      Object.assign(window, { popupHeights: heights });
      new MutationObserver((records) => {
        for (const { target } of records) {
          const height = target instanceof HTMLIFrameElement ? target.style.height : "";
          if (height && height !== heights.at(-1)) heights.push(height);
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ["style"] });
    });
    const widget = await recordSettled(await openRecordWidget(browser.page, sandbox.current, { module: "Deals", id: SEED.records.dealManualLocked }));
    const heights = await browser.page.evaluate(() => (window as unknown as { popupHeights: string[] }).popupHeights);
    const page = await widget.evaluate(() => Math.ceil(document.getElementById("app")!.getBoundingClientRect().height));
    expect(heights[0]).toBe("560px"); // the opening size
    // Never the height of the spinner (about 50 px) before the page shows.
    expect(Math.min(...heights.map((height) => parseFloat(height)))).toBeGreaterThan(200);
    expect(heights.at(-1)).toBe(`${Math.min(page, browser.page.viewportSize()!.height - 80)}px`);
  });

  it("explains itself when the SDK cannot load", async () => {
    await browser.page.route("**/ZohoEmbededAppSDK.min.js", (route) => route.abort());
    const widget = await openRecordWidget(browser.page, sandbox.current, { module: "Deals", id: SEED.records.dealUnlocked });
    await widget.getByText("Open this inside Zoho CRM").waitFor();
    await widget.getByText(/SDK did not load/).waitFor();
  });

  it("explains itself when opened outside CRM", async () => {
    // The page waits for a CRM that never answers: the clock runs its wait out at once.
    await browser.context.clock.install();
    await browser.page.goto(`${sandbox.current.widgetOrigin}/app/record.html`);
    await browser.page.getByRole("status").waitFor();
    await browser.page.clock.fastForward(CONFIG.bootTimeoutMs);
    await browser.page.getByText("Open this inside Zoho CRM").waitFor();
    await browser.page.getByText(/works only inside Zoho CRM/).waitFor();
  });

  it("shows the settings tab's overview as the acting user", async () => {
    await browser.page.goto(`${sandbox.current.url}/settings?as=${SEED.users.standard}`);
    const frame = await widgetFrame(browser.page, "settings.html");
    await frame.getByTestId("overview").waitFor();
    await frame.getByTestId("read-only").waitFor();
  });

  it("says on the settings tab and in the list view, too, when the fallback connection is in use", async () => {
    await browser.page.goto(`${sandbox.current.url}/settings?as=${SEED.users.admin}&zrc=refuse`);
    const settings = await widgetFrame(browser.page, "settings.html");
    await settings.locator('[data-testid="overview"][data-settled="true"]').waitFor();
    await settings.getByText(/Using the fallback connection/).waitFor();
    await browser.page.goto(`${sandbox.current.url}/list?module=Deals&ids=${SEED.records.dealUnlocked}&as=${SEED.users.admin}&zrc=refuse&open=1`);
    const list = await widgetFrame(browser.page, "list.html");
    await list.getByTestId("bulk-table").waitFor();
    await list.getByText(/Using the fallback connection/).waitFor();
  });
});
