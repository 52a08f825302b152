/**
 * Transport faults in the browser: the sandbox's host page breaks chosen CRM
 * calls (`fault=`, sandbox/host/faults.ts) and the widget must say the right
 * thing, recover reads where it should, and never send a write twice. The
 * host's call log (window.__sandboxCalls) shows what the widget sent.
 *
 * Timeouts use the widget's real 15 s limit: Playwright's clock runs the
 * pages' timers, and the tests jump it forward instead of waiting.
 */
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { CallLog } from "../../sandbox/host/call-log";
import type { FaultHit } from "../../sandbox/host/faults";
import { SEED } from "../../sandbox/seed/ids";
import { lockSelection, openRecordWidget, recordSettled, untilSized, useBrowser, useSandbox, widgetFrame, waitForFact } from "./support";

const browser = useBrowser();
const sandbox = useSandbox();

/** The widget's per-call limit (widget-src/config.ts requestTimeoutMs) and a little more. */
const PAST_TIMEOUT_MS = 15_500;

const R = SEED.records;
/** What the record popup reads as it opens: the current user, the record, its lock, the module's configuration, the user's profile. */
const RECORD_BOOT_CALLS = 5;
const lockPath = (id: string, module = "Deals") => `/crm/v8/${module}/${id}/Locking_Information__s`;
const sharePath = (id: string) => `/crm/v8/Deals/${id}/actions/share`;
const faultParams = (...faults: string[]) => faults.map((fault) => `&fault=${encodeURIComponent(fault)}`).join("");

function openRecord(id: string, faults: string[], options: { as?: string; module?: string; extra?: string } = {}): Promise<Frame> {
  return openRecordWidget(browser.page, sandbox.current, {
    module: options.module ?? "Deals",
    id,
    as: options.as ?? SEED.users.standard,
    extra: faultParams(...faults) + (options.extra ?? ""),
  });
}

/** Every CRM call the host page received from the widget (host/call-log.ts). */
async function hostCalls(): Promise<CallLog["calls"]> {
  return browser.page.evaluate(() => (window as unknown as { __sandboxCalls: CallLog }).__sandboxCalls.calls);
}

/** REST calls the host page received from the widget (ZRC and connection), as "METHOD /path?query". */
async function restCalls(category?: "zrc_request" | "crm_connection"): Promise<string[]> {
  return (await hostCalls()).flatMap((call) => (call.request && (!category || call.category === category) ? [call.request] : []));
}

/** Whether "METHOD /path?query" is a call to METHOD path, whatever its query. */
const isCallTo = (request: string | undefined, method: string, path: string) => request?.split("?")[0] === `${method} ${path}`;

async function callsTo(method: string, path: string, category?: "zrc_request" | "crm_connection"): Promise<string[]> {
  return (await restCalls(category)).filter((call) => isCallTo(call, method, path));
}

async function faultHits(): Promise<FaultHit[]> {
  return browser.page.evaluate(() => (window as unknown as { __sandboxFaults: FaultHit[] }).__sandboxFaults);
}

/** Waits until the host has received `count` calls to METHOD path (so the widget's timer for it is running); fails after 10 s. */
async function waitForCalls(method: string, path: string, count: number): Promise<void> {
  await expect
    .poll(async () => (await callsTo(method, path)).length, { timeout: 10_000, interval: 25, message: `${count} × ${method} ${path} to reach the host` })
    .toBeGreaterThanOrEqual(count);
}

/**
 * Waits until the host has received the page's `count` first calls and
 * answered all but those to METHOD path, so a jump of the clock times out
 * only the held call (on a busy machine the other reads can still be out);
 * fails after 10 s.
 */
async function waitForOnlyHeld(method: string, path: string, count: number): Promise<void> {
  await expect
    .poll(async () => (await hostCalls()).filter((call) => isCallTo(call.request, method, path) || call.answeredAt !== undefined).length, {
      timeout: 10_000,
      interval: 25,
      message: `${count} calls to reach the host, all but ${method} ${path} answered`,
    })
    .toBeGreaterThanOrEqual(count);
}

/** Waits until `condition` holds; fails after 10 s, saying what it waited for. */
async function waitUntil(condition: () => boolean, what: string): Promise<void> {
  await expect.poll(condition, { timeout: 10_000, interval: 25, message: what }).toBe(true);
}

const lockState = (widget: Frame) => widget.locator("[data-lock-state]").getAttribute("data-lock-state");

async function lockWith(widget: Frame, reason: string) {
  await widget.getByRole("button", { name: "Lock…" }).click();
  await widget.getByLabel("Reason (required)").fill(reason);
  await widget.getByRole("button", { name: "Lock", exact: true }).click();
}

/** How many shares the mock holds for a record, read past the host page. */
function storedShareCount(id: string): number {
  const answer = sandbox.current.mock.handle({ method: "GET", path: sharePath(id), query: {} });
  const body = answer.body as { share?: unknown[] } | undefined;
  return answer.status === 204 ? 0 : (body?.share?.length ?? -1);
}

/** The lock of a record as the mock holds it, read past the host page (no faults there). */
function storedLockStatus(id: string): number {
  return sandbox.current.mock.handle({ method: "GET", path: lockPath(id), query: { fields: "Lock_Source__s" } }).status;
}

describe("reading the lock status", () => {
  it("retries a read that got 500 once and shows the status it then reads", async () => {
    const widget = await openRecord(R.dealUnlocked, ["GET:lock:500*1"]);
    await widget.getByText("Not locked", { exact: true }).waitFor();
    expect(await callsTo("GET", lockPath(R.dealUnlocked))).toHaveLength(2);
    expect((await faultHits()).map((hit) => hit.kind)).toEqual(["500"]);
  });

  it("says the status is unknown, never 'not locked', when every attempt gets 500, and Try again recovers", async () => {
    // The widget tries a read three times (two retries); the fourth read, from Try again, works.
    const widget = await openRecord(R.dealUnlocked, ["GET:lock:500*3"]);
    await widget.getByText("Lock status unknown").waitFor();
    await widget.getByText("Zoho CRM had an internal error. Try again in a moment.").waitFor();
    expect(await lockState(widget)).toBe("unknown");
    expect(await widget.getByText("Not locked", { exact: true }).count()).toBe(0);
    expect(await callsTo("GET", lockPath(R.dealUnlocked))).toHaveLength(3);
    // Nothing is offered on a status nobody knows.
    expect(await widget.getByRole("button", { name: "Lock…" }).count()).toBe(0);

    await widget.getByRole("button", { name: "Try again" }).click();
    await widget.getByText("Not locked", { exact: true }).waitFor();
    expect(await callsTo("GET", lockPath(R.dealUnlocked))).toHaveLength(4);
  });

  it("waits out 429 with growing pauses and shows the status once the CRM lets it through", async () => {
    const widget = await openRecord(R.dealManualLocked, ["GET:lock:429*2"]);
    await widget.getByText("Locked by hand").waitFor();
    const starts = (await hostCalls()).filter((call) => isCallTo(call.request, "GET", lockPath(R.dealManualLocked))).map((call) => call.startedAt);
    expect(starts).toHaveLength(3);
    const [first = 0, second = 0, third = 0] = starts;
    // Backoff 400 ms, then 1200 ms (widget-src/config.ts backoffMs, tripled per retry).
    expect(second - first).toBeGreaterThanOrEqual(390);
    expect(third - second).toBeGreaterThanOrEqual(1190);
  });

  it("gives up on a lasting 429 after three tries and says the API limit is reached", async () => {
    const widget = await openRecord(R.dealUnlocked, ["GET:lock:429"]);
    await widget.getByText(/too many calls from your organisation right now \(API limit\)/).waitFor();
    expect(await lockState(widget)).toBe("unknown");
    expect(await callsTo("GET", lockPath(R.dealUnlocked))).toHaveLength(3);
  });

  it("says the CRM did not answer in 15 seconds when a read is held too long, and Try again recovers", async () => {
    await browser.context.clock.install();
    const widget = await openRecord(R.dealUnlocked, ["GET:lock:delay*1"]);
    await waitForOnlyHeld("GET", lockPath(R.dealUnlocked), RECORD_BOOT_CALLS);
    expect(await widget.locator("[data-lock-state]").count()).toBe(0); // still waiting, nothing claimed
    await browser.page.clock.fastForward(PAST_TIMEOUT_MS);
    await widget.getByText("Zoho CRM did not answer within 15 seconds. Check your connection and try again.").waitFor();
    expect(await lockState(widget)).toBe("unknown");
    // A timeout is not retried by itself: the answer may still be coming.
    expect(await callsTo("GET", lockPath(R.dealUnlocked))).toHaveLength(1);

    await widget.getByRole("button", { name: "Try again" }).click();
    await widget.getByText("Not locked", { exact: true }).waitFor();
    expect(await callsTo("GET", lockPath(R.dealUnlocked))).toHaveLength(2);
  });

  it("does not hang when the host never answers the read", async () => {
    await browser.context.clock.install();
    const widget = await openRecord(R.dealManualLocked, ["GET:lock:silent*1"]);
    await waitForOnlyHeld("GET", lockPath(R.dealManualLocked), RECORD_BOOT_CALLS);
    await browser.page.clock.fastForward(PAST_TIMEOUT_MS);
    await widget.getByText("Lock status unknown").waitFor();
    await widget.getByText(/did not answer within 15 seconds/).waitFor();

    await widget.getByRole("button", { name: "Try again" }).click();
    await widget.getByText("Locked by hand").waitFor();
  });

  it("says the CRM could not be reached when the host rejects the read", async () => {
    const widget = await openRecord(R.dealUnlocked, ["GET:lock:reject*1"]);
    await widget.getByText("Zoho CRM could not be reached. Check your network connection and try again.").waitFor();
    expect(await lockState(widget)).toBe("unknown");
    await widget.getByRole("button", { name: "Try again" }).click();
    await widget.getByText("Not locked", { exact: true }).waitFor();
  });
});

describe("locking the record", () => {
  it("sends the lock once when the CRM answers 500, says so, and shows the status read again", async () => {
    const widget = await openRecord(R.dealUnlocked, ["POST:lock:500"]);
    await widget.getByText("Not locked", { exact: true }).waitFor();
    await lockWith(widget, "Audit");
    await widget.getByText("Zoho CRM had an internal error. Try again in a moment.").waitFor();
    await widget.getByText("Not locked", { exact: true }).waitFor();
    expect(await callsTo("POST", lockPath(R.dealUnlocked))).toHaveLength(1);
    // Read at open and read again after the failed write.
    expect(await callsTo("GET", lockPath(R.dealUnlocked))).toHaveLength(2);
    expect(storedLockStatus(R.dealUnlocked)).toBe(204);
  });

  it("does not resend a lock refused with 429 (writes are never retried by themselves)", async () => {
    const widget = await openRecord(R.dealUnlocked, ["POST:lock:429"]);
    await widget.getByText("Not locked", { exact: true }).waitFor();
    await lockWith(widget, "Audit");
    await widget.getByText(/too many calls from your organisation right now/).waitFor();
    await widget.getByText("Not locked", { exact: true }).waitFor();
    expect(await callsTo("POST", lockPath(R.dealUnlocked))).toHaveLength(1);
  });

  it("says the outcome of a timed-out lock is unknown, reads the status again and shows it saved, without resending", async () => {
    await browser.context.clock.install();
    // The CRM takes the lock at once but its answer comes after the widget gave up.
    const widget = await openRecord(R.dealUnlocked, ["POST:lock:delay"]);
    await widget.getByText("Not locked", { exact: true }).waitFor();
    await lockWith(widget, "Slow network");
    await waitForCalls("POST", lockPath(R.dealUnlocked), 1);
    await waitUntil(() => storedLockStatus(R.dealUnlocked) === 200, "the lock to reach the CRM");
    expect(await widget.getByRole("button", { name: "Lock", exact: true }).isDisabled()).toBe(true);
    await browser.page.clock.fastForward(PAST_TIMEOUT_MS);
    await widget.getByText(/did not answer within 15 seconds\. The change may or may not have been saved; the current state is read again/).waitFor();
    await waitForFact(widget, "Reason", "Slow network");
    expect(await lockState(widget)).toBe("locked");
    // The late answer arrives and changes nothing.
    await browser.page.clock.fastForward(20_000);
    await waitForFact(widget, "Reason", "Slow network");
    expect(await callsTo("POST", lockPath(R.dealUnlocked))).toHaveLength(1);
    expect(await callsTo("GET", lockPath(R.dealUnlocked))).toHaveLength(2);
  });

  it("says the outcome is unknown when the host never answers the lock, and shows the record still unlocked", async () => {
    await browser.context.clock.install();
    const widget = await openRecord(R.dealUnlocked, ["POST:lock:silent"]);
    await widget.getByText("Not locked", { exact: true }).waitFor();
    await widget.getByRole("button", { name: "Lock…" }).click();
    await widget.getByLabel("Reason (required)").fill("Lost on the way");
    // A double click: the second click can come before the button is shown disabled, and must send nothing.
    await widget.getByRole("button", { name: "Lock", exact: true }).dblclick();
    await waitForCalls("POST", lockPath(R.dealUnlocked), 1);
    await browser.page.clock.fastForward(PAST_TIMEOUT_MS);
    await widget.getByText(/The change may or may not have been saved/).waitFor();
    await widget.getByText("Not locked", { exact: true }).waitFor();
    expect(await callsTo("POST", lockPath(R.dealUnlocked))).toHaveLength(1);
    expect(storedLockStatus(R.dealUnlocked)).toBe(204);
  });

  it("says the CRM could not be reached when the host rejects the lock, and sends it once", async () => {
    const widget = await openRecord(R.dealUnlocked, ["POST:lock:reject"]);
    await widget.getByText("Not locked", { exact: true }).waitFor();
    await lockWith(widget, "Audit");
    await widget.getByText(/Zoho CRM could not be reached/).waitFor();
    await widget.getByText("Not locked", { exact: true }).waitFor();
    expect(await callsTo("POST", lockPath(R.dealUnlocked))).toHaveLength(1);
  });

  it("unlocks once under a timeout and shows the record unlocked after reading it again", async () => {
    await browser.context.clock.install();
    const widget = await openRecord(R.dealManualLocked, ["DELETE:lock:delay"]);
    await widget.getByText("Locked by hand").waitFor();
    await widget.getByRole("button", { name: "Unlock…" }).click();
    await widget.getByRole("button", { name: "Unlock", exact: true }).click();
    const deletes = () => restCalls().then((calls) => calls.filter((call) => call.startsWith(`DELETE ${lockPath(R.dealManualLocked)}/`)));
    await expect.poll(async () => (await deletes()).length, { timeout: 10_000, interval: 25, message: "the unlock to reach the host" }).toBe(1);
    await browser.page.clock.fastForward(PAST_TIMEOUT_MS);
    await widget.getByText(/The change may or may not have been saved/).waitFor();
    await widget.getByText("Not locked", { exact: true }).waitFor();
    expect(await deletes()).toHaveLength(1);
  });
});

async function openSharing(id: string, faults: string[]): Promise<Frame> {
  const widget = await recordSettled(await openRecord(id, faults));
  await widget.getByRole("button", { name: "Sharing", exact: true }).click();
  await widget.locator("[data-share-state]").waitFor();
  await untilSized(widget);
  return widget;
}

async function shareWithEva(widget: Frame) {
  await widget.getByText("Not shared with anyone directly.").waitFor();
  await widget.getByLabel("Search users, groups and roles").fill("eva");
  await widget.getByRole("button", { name: /^Eva Example/ }).click();
  await widget.getByRole("button", { name: "Add to the list" }).click();
  await widget.getByText(/^Add Eva Example/).waitFor();
  await widget.getByRole("button", { name: "Share", exact: true }).click();
}

const review = (widget: Frame) => widget.getByText(/^Add Eva Example/);

describe("sharing the record", () => {
  it("sends the share once when the CRM answers 500 and keeps the change to send again", async () => {
    const widget = await openSharing(R.dealUnlocked, ["PUT:share:500"]);
    await shareWithEva(widget);
    await widget.getByText("Zoho CRM had an internal error. Try again in a moment.").waitFor();
    expect(await callsTo("PUT", sharePath(R.dealUnlocked))).toHaveLength(1);
    await widget.getByText("Not shared with anyone directly.").waitFor();
    await review(widget).waitFor();
  });

  it("after a timed-out share, says the outcome is unknown, reads the list again and shows the share applied, sending it once", async () => {
    await browser.context.clock.install();
    const widget = await openSharing(R.dealUnlocked, ["PUT:share:delay"]);
    await shareWithEva(widget);
    await waitForCalls("PUT", sharePath(R.dealUnlocked), 1);
    await waitUntil(() => storedShareCount(R.dealUnlocked) === 1, "the share to reach the CRM");
    await browser.page.clock.fastForward(PAST_TIMEOUT_MS);
    await widget.getByText(/did not answer within 15 seconds\. The change may or may not have been saved/).waitFor();
    // The list was read again: Eva is shared, and nothing is left to send.
    await widget.locator('[data-share-name="Eva Example"]').waitFor();
    expect(await review(widget).count()).toBe(0);
    expect(await widget.getByText(/Someone changed this record's shares/).count()).toBe(0);
    // GET when the panel opened, GET before the send, GET after the timeout.
    expect(await callsTo("GET", sharePath(R.dealUnlocked))).toHaveLength(3);
    await browser.page.clock.fastForward(20_000);
    expect(await callsTo("PUT", sharePath(R.dealUnlocked))).toHaveLength(1);
  });

  it("when the host never answers the share, reads the list again, keeps the change, and sends again only when asked", async () => {
    await browser.context.clock.install();
    const widget = await openSharing(R.dealUnlocked, ["PUT:share:silent*1"]);
    await shareWithEva(widget);
    await waitForCalls("PUT", sharePath(R.dealUnlocked), 1);
    await browser.page.clock.fastForward(PAST_TIMEOUT_MS);
    await widget.getByText(/The change may or may not have been saved/).waitFor();
    await waitForCalls("GET", sharePath(R.dealUnlocked), 3);
    await widget.getByText("Not shared with anyone directly.").waitFor();
    await review(widget).waitFor();
    expect(await callsTo("PUT", sharePath(R.dealUnlocked))).toHaveLength(1);

    // The user sends again: read first, then exactly one more PUT.
    await widget.getByRole("button", { name: "Share", exact: true }).click();
    await widget.getByText(/^Shared\. The list above/).waitFor();
    await widget.locator('[data-share-name="Eva Example"]').waitFor();
    expect(await callsTo("PUT", sharePath(R.dealUnlocked))).toHaveLength(2);
  });
});

async function openSettings(faults: string[]): Promise<Frame> {
  await browser.page.goto(`${sandbox.current.url}/settings?as=${SEED.users.admin}${faultParams(...faults)}`);
  return widgetFrame(browser.page, "settings.html");
}

const CONFIGS = "/crm/v8/settings/record_locking_configurations";

describe("settings overview", () => {
  it("says the module list could not be read after three 500s, and Try again shows the overview", async () => {
    const frame = await openSettings(["GET:modules:500*3"]);
    await frame.getByText("Zoho CRM had an internal error. Try again in a moment.").waitFor();
    expect(await callsTo("GET", "/crm/v8/settings/modules")).toHaveLength(3);
    expect(await frame.getByTestId("overview").count()).toBe(0);
    await frame.getByRole("button", { name: "Try again" }).click();
    await frame.locator("[data-testid=overview][data-settled=true]").waitFor();
    await frame.locator("tr[data-module=Deals]").getByText(/Manual and automatic/).waitFor();
  });

  it("shows each configuration it could not read as an error, never as 'not configured'", async () => {
    const frame = await openSettings(["GET:lockConfig:500"]);
    await frame.locator("[data-testid=overview][data-settled=true]").waitFor();
    const rows = frame.locator("tr[data-module]");
    expect(await rows.count()).toBeGreaterThan(3);
    // Each row says in words that it could not be read, and why.
    for (const row of await rows.all()) {
      await row.getByText("Could not be read", { exact: true }).waitFor();
      await row.getByText("Zoho CRM had an internal error. Try again in a moment.", { exact: true }).waitFor();
    }
    expect(await frame.getByText("Not configured").count()).toBe(0);
  });

  it("recovers the overview when one configuration read first gets 429", async () => {
    const frame = await openSettings(["GET:lockConfig:429*1"]);
    await frame.locator("[data-testid=overview][data-settled=true]").waitFor();
    expect(await frame.getByText(/too many calls/).count()).toBe(0);
    expect((await faultHits()).map((hit) => hit.kind)).toEqual(["429"]);
    // One configuration was read twice, every other once.
    const reads = await callsTo("GET", CONFIGS);
    expect(reads.length - new Set(reads).size).toBe(1);
  });

  it("does not hang when the host never answers the module list, and Try again recovers", async () => {
    await browser.context.clock.install();
    const frame = await openSettings(["GET:modules:silent*1"]);
    // The current user, the module list and the user's profile.
    await waitForOnlyHeld("GET", "/crm/v8/settings/modules", 3);
    await browser.page.clock.fastForward(PAST_TIMEOUT_MS);
    // A read: nothing can have been saved, so the message does not say so.
    await frame.getByText("Zoho CRM did not answer within 15 seconds. Check your connection and try again.", { exact: true }).waitFor();
    await frame.getByRole("button", { name: "Try again" }).click();
    await frame.locator("[data-testid=overview][data-settled=true]").waitFor();
  });
});

async function openList(ids: string[], faults: string[]): Promise<Frame> {
  await browser.page.goto(`${sandbox.current.url}/list?module=Deals&ids=${ids.join(",")}&as=${SEED.users.admin}&open=1${faultParams(...faults)}`);
  return widgetFrame(browser.page, "list.html");
}

const row = (widget: Frame, id: string) => widget.locator(`tr[data-record-id="${id}"]`);

describe("list view", () => {
  it("says a lock it could not read is unknown and offers no unlock for it; locking lets the CRM decide, once per record", async () => {
    // Only this record's lock read fails (three tries); the other record needs no lock read.
    const widget = await openList([R.dealManualLocked, R.dealUnlocked], [`GET:${lockPath(R.dealManualLocked)}:500`]);
    await row(widget, R.dealManualLocked).getByText("Unknown", { exact: true }).waitFor();
    await row(widget, R.dealUnlocked).getByText("Not locked", { exact: true }).waitFor();
    expect(await callsTo("GET", lockPath(R.dealManualLocked))).toHaveLength(3);
    expect(await widget.getByRole("button", { name: "Unlock 0 manual locks…" }).isDisabled()).toBe(true);

    await lockSelection(widget, "Audit");
    await widget.getByText("Finished: 1 done, 1 skipped, 0 failed. Each record's result is in the table.").waitFor();
    // Not known to be locked, so the lock is sent; the CRM refuses a second lock and the row says why.
    expect((await row(widget, R.dealManualLocked).locator("td[data-result]").innerText()).replace(/\s+/g, " ")).toBe("Skipped already locked");
    expect(await callsTo("POST", lockPath(R.dealManualLocked))).toHaveLength(1);
    expect(await callsTo("POST", lockPath(R.dealUnlocked))).toHaveLength(1);
  });

  it("sends each lock once when the answers time out, then shows what the CRM holds", async () => {
    await browser.context.clock.install();
    const ids = [R.dealUnlocked, R.dealExcluded];
    const widget = await openList(ids, ["POST:lock:delay"]);
    await widget.getByText("2 records selected").waitFor();
    await lockSelection(widget, "Audit");
    for (const id of ids) await waitForCalls("POST", lockPath(id), 1);
    await waitUntil(() => ids.every((id) => storedLockStatus(id) === 200), "both locks to reach the CRM");
    await browser.page.clock.fastForward(PAST_TIMEOUT_MS);
    await widget.getByText("Finished: 0 done, 0 skipped, 2 failed. Each record's result is in the table.").waitFor();
    for (const id of ids) {
      await row(widget, id).locator('td[data-result="failed"]').getByText(/may or may not have been saved/).waitFor();
      // Read again after the write: the lock is there.
      await row(widget, id).getByText("Locked · manual", { exact: true }).waitFor();
    }
    await browser.page.clock.fastForward(20_000);
    for (const id of ids) expect(await callsTo("POST", lockPath(id))).toHaveLength(1);
  });
});

describe("the same faults through the other transports", () => {
  it("retries a lock read that got 500 when CRM errors reject ZRC calls", async () => {
    const widget = await openRecord(R.dealUnlocked, ["GET:lock:500*1"], { extra: "&zrcErrors=reject" });
    await widget.getByText("Not locked", { exact: true }).waitFor();
    expect(await callsTo("GET", lockPath(R.dealUnlocked))).toHaveLength(2);
  });

  it("through the fallback connection: says the status is unknown after three 500s and sends a lock once under 500", async () => {
    // The connection hides the HTTP status; the error body still says INTERNAL_ERROR.
    const widget = await openRecord(R.dealUnlocked, ["GET:lock:500*3", "POST:lock:500"], { extra: "&zrc=refuse" });
    await widget.getByText("Lock status unknown").waitFor();
    expect(await callsTo("GET", lockPath(R.dealUnlocked), "crm_connection")).toHaveLength(3);
    await widget.getByRole("button", { name: "Try again" }).click();
    await widget.getByText("Not locked", { exact: true }).waitFor();

    await lockWith(widget, "Audit");
    await widget.getByText("Zoho CRM had an internal error. Try again in a moment.").waitFor();
    expect(await callsTo("POST", lockPath(R.dealUnlocked))).toHaveLength(1);
    expect(await callsTo("POST", lockPath(R.dealUnlocked), "crm_connection")).toHaveLength(1);
  });
});
