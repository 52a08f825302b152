/**
 * The locked-records console in the settings tab, against the sandbox: it
 * lists the seeded locks, unlocks manual ones with a result per record (one
 * unlock made to fail on the way), and exports what it shows as CSV.
 */
import { readFile } from "node:fs/promises";
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import { useBrowser, useSandbox, widgetFrame } from "./support";

const browser = useBrowser();
const sandbox = useSandbox();

const R = SEED.records;

async function openConsole(extra = ""): Promise<Frame> {
  await browser.page.goto(`${sandbox.current.url}/settings?as=${SEED.users.admin}${extra}`);
  const frame = await widgetFrame(browser.page, "settings.html");
  await frame.getByRole("button", { name: "Locked records" }).click();
  await frame.getByTestId("locked-records").waitFor();
  return frame;
}

const row = (frame: Frame, name: string) => frame.getByRole("row").filter({ has: frame.getByText(name, { exact: true }) });

/** The names of the records the sandbox has locked now, read past the host page. */
function lockedInSandbox(module: string, id: string): number {
  return sandbox.current.mock.handle({ method: "GET", path: `/crm/v8/${module}/${id}/Locking_Information__s`, query: { fields: "Lock_Source__s" } }).status;
}

function recordName(module: string, id: string): string {
  const answer = sandbox.current.mock.handle({ method: "GET", path: `/crm/v8/${module}/${id}`, query: {} });
  const record = (answer.body as { data: Record<string, unknown>[] }).data[0]!;
  return String(record.Deal_Name ?? record.Account_Name ?? record.Full_Name ?? record.Subject);
}

describe("the locked-records console", () => {
  it("lists manual and automatic locks with their details, and unlocks the manual ones with a result for each, one failing", async () => {
    const frame = await openConsole(`&fault=${encodeURIComponent("DELETE:lock:500*1")}`);
    const manualDeal = recordName("Deals", R.dealManualLocked);
    const manualAccount = recordName("Accounts", R.accountManualLocked);
    const autoDeal = recordName("Deals", R.dealAutoLocked);
    await row(frame, manualDeal).getByText("Pending legal review of the contract amendment.").waitFor();
    await row(frame, autoDeal).getByText("Closed Won deals").waitFor();
    await row(frame, manualAccount).getByText("Account under credit review.").waitFor();
    await expect.poll(() => frame.getByTestId("console-loaded").textContent(), { message: "the loaded line" }).toMatch(/^Loaded (\d+) of \1 · /);
    // An automatic lock cannot be chosen; a manual one can.
    expect(await row(frame, autoDeal).getByRole("checkbox").count()).toBe(0);

    await frame.getByRole("button", { name: /^Select the 2 manual locks shown$/ }).click();
    await frame.getByRole("button", { name: "Unlock…" }).click();
    await frame.getByRole("button", { name: "Unlock", exact: true }).click();
    await frame.getByText(/^Finished: 1 done, 0 skipped, 1 failed\./).waitFor();

    // One unlock got the injected 500 and says so; the other is done, and the sandbox agrees.
    const results = [manualDeal, manualAccount].map((name) => row(frame, name));
    const texts = await Promise.all(results.map((result) => result.textContent()));
    expect(texts.filter((text) => text?.includes("Unlocked"))).toHaveLength(1);
    // The failed one says so, with the CRM's answer in words after the badge.
    const failed = texts.filter((text) => text?.includes("Failed"));
    expect(failed).toHaveLength(1);
    expect(failed[0]!.length).toBeGreaterThan(manualAccount.length + "Failed".length + 10);
    const statuses = [lockedInSandbox("Deals", R.dealManualLocked), lockedInSandbox("Accounts", R.accountManualLocked)];
    expect(statuses.sort()).toEqual([200, 204]);
    // The automatic lock was never touched.
    expect(lockedInSandbox("Deals", R.dealAutoLocked)).toBe(200);
  });

  it("filters by source and exports what it shows as a CSV a spreadsheet opens correctly", async () => {
    const frame = await openConsole();
    const manualDeal = recordName("Deals", R.dealManualLocked);
    await row(frame, manualDeal).getByText("Pending legal review of the contract amendment.").waitFor();
    await frame.getByLabel("Lock", { exact: true }).selectOption("manual");
    await expect.poll(() => frame.getByRole("row").count(), { message: "the manual locks only (and the header)" }).toBe(3);

    const [download] = await Promise.all([browser.page.waitForEvent("download"), frame.getByRole("button", { name: "Export CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^locked-records-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile((await download.path())!);
    // UTF-8 with a byte-order mark, CRLF lines, ids kept as text.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("Module,Record id,Record,Lock,Rule,Locked by,Since,Reason");
    expect(lines).toHaveLength(3);
    const deal = lines.find((line) => line.includes(R.dealManualLocked));
    expect(deal).toContain(`Deals,"=""${R.dealManualLocked}""",${manualDeal},Manual,,`);
    expect(deal).toContain("Pending legal review of the contract amendment.");
  });
});
