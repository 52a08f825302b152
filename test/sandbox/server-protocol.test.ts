/**
 * One real browser run of the protocol: a host page from the sandbox frames a
 * tiny widget page (written here, not the real widget) that uses our
 * stand-in SDK, and we check both the widget's results and the exact
 * messages on the wire.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import { CHROMIUM, chromiumArgs } from "../../scripts/chromium.mjs";
import { startSandbox, type Sandbox } from "../../sandbox/server";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The probe widget: registers PageLoad, calls each API once, stores what it got in window.__probe. */
const PROBE = `
const probe = (window.__probe = { zrcIsWindowProperty: "zrc" in window, zrcType: typeof zrc });
const settle = (promise) => promise.then((value) => ({ ok: true, value }), (error) => ({ ok: false, name: error && error.name, error: error instanceof Error ? { name: error.name, message: error.message, code: error.code } : { errorName: error.error && error.error.name, response: error.response } }));
ZOHO.embeddedApp.on("PageLoad", (data) => { probe.pageLoad = data; });
ZOHO.embeddedApp.init().then(async () => {
  probe.sameInit = ZOHO.embeddedApp.init() === ZOHO.embeddedApp.init();
  probe.user = await settle(ZOHO.CRM.CONFIG.getCurrentUser());
  probe.preference = await settle(ZOHO.CRM.CONFIG.getUserPreference());
  probe.record = await settle(ZOHO.CRM.API.getRecord({ Entity: "Deals", RecordID: "${SEED.records.dealUnlocked}" }));
  probe.zrc = await settle(zrc.get("/crm/v8/users/${SEED.users.admin}", { params: { fields: "id" } }));
  probe.zrcMissing = await settle(zrc.get("/crm/v8/users/1"));
  probe.connection = await settle(ZOHO.CRM.CONNECTION.invoke("recordguardcrm", { url: "https://www.zohoapis.com/crm/v8/users/${SEED.users.admin}", method: "GET", param_type: 1, parameters: {}, headers: {} }));
  probe.resized = await settle(ZOHO.CRM.UI.Resize({ width: 420, height: 333 }));
  probe.done = true;
});
`;

describe("protocol in Chromium with the stand-in SDK", { timeout: 30_000 }, () => {
  let sandbox: Sandbox;
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "sandbox-protocol-"));
    // A build of our own: test files run in parallel and must not race on sandbox/dist.
    execFileSync(process.execPath, [path.join(ROOT, "scripts/build-sandbox.mjs"), "--out", path.join(dir, "dist")], { cwd: ROOT });
    mkdirSync(path.join(dir, "app"));
    const page = `<!doctype html><meta http-equiv="Content-Security-Policy" content="script-src 'self' https://live.zwidgets.com">
<script src="https://live.zwidgets.com/js-sdk/1.5/ZohoEmbededAppSDK.min.js"></script><script src="probe.js"></script>`;
    writeFileSync(path.join(dir, "app", "record.html"), page);
    writeFileSync(path.join(dir, "app", "probe.js"), PROBE);
    writeFileSync(path.join(dir, "app", "blank.html"), "<!doctype html><title>not the CRM</title>");
    sandbox = await startSandbox({ port: 0, latencyMs: 0, appDir: path.join(dir, "app"), distDir: path.join(dir, "dist") });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs() });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function openRecord(query: string): Promise<{ page: Page; probe: Record<string, unknown> }> {
    const page = await browser.newPage();
    await page.goto(`${sandbox.url}/record?module=Deals&id=${SEED.records.dealUnlocked}&as=${SEED.users.standard}&open=1${query}`);
    const frame = await (await page.waitForSelector("#widget-frame")).contentFrame();
    expect(frame).not.toBeNull();
    await frame!.waitForFunction(() => (window as unknown as { __probe?: { done?: boolean } }).__probe?.done === true);
    const probe = await frame!.evaluate(() => (window as unknown as { __probe: Record<string, unknown> }).__probe);
    return { page, probe };
  }

  it("frames the widget cross-origin and answers every call", async () => {
    const { page, probe } = await openRecord("&theme=night");
    const frameUrl = new URL(await page.$eval("#widget-frame", (frame) => (frame as HTMLIFrameElement).src));
    expect(frameUrl.origin).toBe(sandbox.widgetOrigin);
    expect(frameUrl.searchParams.get("serviceOrigin")).toBe(sandbox.url);

    expect(probe).toMatchObject({
      zrcIsWindowProperty: false,
      zrcType: "object",
      sameInit: true,
      pageLoad: { Entity: "Deals", EntityId: [SEED.records.dealUnlocked], ButtonPosition: "DetailView" },
      user: { ok: true, value: { users: [{ id: SEED.users.standard }] } },
      preference: { ok: true, value: { mode: "night" } },
      record: { ok: true, value: { data: [{ id: SEED.records.dealUnlocked }] } },
      zrc: { ok: true, value: { status: 200, data: { users: [{ id: SEED.users.admin }] } } },
      connection: { ok: true, value: { code: "SUCCESS", details: { statusMessage: { users: [{ id: SEED.users.admin }] } } } },
      resized: { ok: true, value: true },
    });
    expect(await page.$eval("#widget-frame", (frame) => [(frame as HTMLElement).style.width, (frame as HTMLElement).style.height])).toEqual(["420px", "333px"]);
    await page.close();
  });

  it("counts the widget's CRM API calls on window.__sandboxCalls", async () => {
    const { page } = await openRecord("");
    type Calls = { counts: Record<string, number>; calls: { category: string; startedAt: number; answeredAt?: number }[] };
    const log = await page.evaluate(() => (window as unknown as { __sandboxCalls: Calls }).__sandboxCalls);
    // The probe: getCurrentUser, getRecord, two zrc.get and one CONNECTION.invoke; preference, parent URL and resize are page-local.
    expect(log.counts).toEqual({ zrc_request: 2, crm_connection: 1, read: 1, user: 0, config_current_user: 1, config_org: 0 });
    expect(log.calls.map((call) => call.category)).toEqual(["config_current_user", "read", "zrc_request", "zrc_request", "crm_connection"]);
    for (const call of log.calls) expect(call.answeredAt).toBeGreaterThanOrEqual(call.startedAt);
    await page.close();
  });

  it("puts exactly the SDK's fields on the wire", async () => {
    const { page } = await openRecord("");
    type Entry = { direction: string; message: Record<string, unknown> };
    const log = await page.evaluate(() => (window as unknown as { __sandboxLog: Entry[] }).__sandboxLog);
    const appOrigin = encodeURIComponent(`${sandbox.widgetOrigin}/app/record.html`);
    expect(log[0]).toEqual({ direction: "in", message: { type: "SDK.EVENT", eventName: "REGISTER", appOrigin } });
    const context = log[1]?.message as { data: { uniqueID: string } };
    expect(log[1]).toMatchObject({ direction: "out", message: { type: "FRAMEWORK.EVENT", eventName: "SET_CONTEXT", data: { uniqueID: expect.any(String), locale: "en_US" } } });
    expect(log[2]).toMatchObject({ direction: "out", message: { type: "FRAMEWORK.EVENT", eventName: "PageLoad" } });

    const requests = log.filter((entry) => entry.message.eventName === "CRM_EVENT").map((entry) => entry.message);
    expect(requests[0]).toEqual({
      type: "SDK.EVENT",
      eventName: "CRM_EVENT",
      uniqueID: context.data.uniqueID,
      time: expect.any(Number),
      promiseid: "Promise100",
      appOrigin,
      data: { category: "CONFIG", type: "CURRENT_USER", sdkVersion: "1.5" },
    });
    const data = requests.map((request) => request.data as Record<string, unknown>);
    expect(data).toContainEqual({ category: "READ", APIData: { Entity: "Deals", RecordID: SEED.records.dealUnlocked }, sdkVersion: "1.5" });
    expect(data).toContainEqual({ category: "GET_PARENT_URL", zrcVersion: "1.0", sdkVersion: "1.5" });
    expect(data).toContainEqual({
      category: "ZRC_REQUEST",
      url: `${sandbox.url}/crm/v8/users/${SEED.users.admin}?fields=id`,
      options: {},
      requestConfig: { method: "GET", params: { fields: "id" }, headers: {} },
      zrcVersion: "1.0",
      sdkVersion: "1.5",
    });
    expect(data).toContainEqual({ category: "UI", action: "RESIZE", data: { width: 420, height: 333 }, sdkVersion: "1.5" });
    expect(data).toContainEqual({
      category: "CRM_CONNECTION",
      connectionName: "recordguardcrm",
      data: { data: { url: `https://www.zohoapis.com/crm/v8/users/${SEED.users.admin}`, method: "GET", param_type: 1, parameters: "{}", headers: "{}" } },
      sdkVersion: "1.5",
    });
    const responses = log.filter((entry) => entry.message.eventName === "EVENT_RESPONSE");
    expect(responses[0]?.message).toMatchObject({ type: "FRAMEWORK.EVENT", promiseid: "Promise100" });
    await page.close();
  });

  it("rejects ZRC calls on CRM errors in zrcErrors=reject mode, and refuses ZRC in zrc=refuse mode", async () => {
    const reject = await openRecord("&zrcErrors=reject");
    expect(reject.probe.zrcMissing).toMatchObject({ ok: false, error: { errorName: "ZRC_API_ERROR", response: { status: expect.any(Number) } } });
    await reject.page.close();
    const refuse = await openRecord("&zrc=refuse");
    expect(refuse.probe.zrc).toMatchObject({ ok: false, error: { message: expect.any(String), code: expect.any(String) } });
    expect(refuse.probe.connection).toMatchObject({ ok: true });
    await refuse.page.close();
  });

  it("ignores a framing page whose origin is not serviceOrigin", async () => {
    const page = await browser.newPage();
    // The parent is on the widget origin, but the widget is told the CRM is on the host origin.
    await page.goto(`${sandbox.widgetOrigin}/app/blank.html`);
    await page.evaluate((src) => {
      const frame = document.createElement("iframe");
      frame.id = "widget";
      frame.src = src;
      document.body.append(frame);
      return new Promise((resolve) => frame.addEventListener("load", resolve));
    }, `/app/record.html?serviceOrigin=${encodeURIComponent(sandbox.url)}`);
    const frame = (await (await page.$("#widget"))!.contentFrame())!;
    // Counts the messages the widget's window receives; the SDK's own listener, added first, has handled each one by then.
    await frame.evaluate(() => {
      const seen = window as unknown as { __seen: number };
      seen.__seen = 0;
      addEventListener("message", () => (seen.__seen += 1));
    });
    await page.evaluate(() => {
      const target = (document.getElementById("widget") as HTMLIFrameElement).contentWindow!;
      target.postMessage({ type: "FRAMEWORK.EVENT", eventName: "SET_CONTEXT", data: { uniqueID: "forged", locale: "en_US" } }, "*");
      target.postMessage({ type: "FRAMEWORK.EVENT", eventName: "PageLoad", data: { Entity: "Forged" } }, "*");
    });
    await expect.poll(() => frame.evaluate(() => (window as unknown as { __seen: number }).__seen), { message: "the forged messages reach the widget" }).toBe(2);
    const probe = await frame.evaluate(() => (window as unknown as { __probe: Record<string, unknown> }).__probe);
    expect(probe.pageLoad).toBeUndefined();
    expect(probe.sameInit).toBeUndefined(); // init() never resolved
    await page.close();
  });

  it("Popup.close hides the popup and removes the widget", async () => {
    const { page } = await openRecord("");
    const frame = await (await page.$("#widget-frame"))!.contentFrame();
    // Not awaited in the page: closing removes the frame, so the call's promise never comes back.
    await frame!.evaluate(() => {
      void (window as unknown as { ZOHO: { CRM: { UI: { Popup: { close(): Promise<unknown> } } } } }).ZOHO.CRM.UI.Popup.close();
    });
    await page.waitForSelector("#widget-popup", { state: "hidden" });
    expect(await page.$("#widget-frame")).toBeNull();
    await page.close();
  });
});
