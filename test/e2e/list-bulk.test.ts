import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import { lockSelection, type Sandbox, untilSized, useBrowser, useSandbox, widgetFrame } from "./support";

const browser = useBrowser();
const R = SEED.records;
/** A well-formed id of a record that does not exist: its actions must fail, visibly. */
const MISSING = "5725767000000199999";

async function openList(sandbox: Sandbox, ids: string[], as: string): Promise<Frame> {
  await browser.page.goto(`${sandbox.url}/list?module=Deals&ids=${ids.join(",")}&as=${as}&open=1`);
  const widget = await widgetFrame(browser.page, "list.html");
  await widget.getByTestId("bulk-table").waitFor();
  await untilSized(widget);
  return widget;
}

/** A record's result cell as a person reads it: the badge, then the reason or message. */
async function resultOf(widget: Frame, id: string): Promise<string> {
  return (await widget.locator(`tr[data-record-id="${id}"] td[data-result]`).innerText()).replace(/\s+/g, " ").trim();
}

describe("bulk actions from the list view", () => {
  const sandbox = useSandbox();

  it("locks with one reason, then reassigns within the owner's threshold, with a result per record", async () => {
    const ids = [R.dealUnlocked, R.dealManualLocked, R.dealExcluded, R.dealClosedLost, R.dealClosedWon2, MISSING];
    const widget = await openList(sandbox.current, ids, SEED.users.admin);
    await widget.getByText("6 records selected").waitFor();
    await widget.locator(`tr[data-record-id="${R.dealManualLocked}"]`).getByText("Locked · manual", { exact: true }).waitFor();

    await lockSelection(widget, "Quarter-end audit");
    await widget.getByText("Finished: 3 done, 2 skipped, 1 failed. Each record's result is in the table.").waitFor();
    expect(await resultOf(widget, R.dealUnlocked)).toBe("Locked");
    expect(await resultOf(widget, R.dealManualLocked)).toBe("Skipped already locked");
    expect(await resultOf(widget, R.dealClosedWon2)).toBe("Skipped already locked");
    expect(await resultOf(widget, MISSING)).toMatch(/^Failed \S/);
    // The lock column was read again from the CRM.
    await widget.locator(`tr[data-record-id="${R.dealUnlocked}"]`).getByText("Locked · manual", { exact: true }).waitFor();

    // Theo's Deals threshold is full: only the record excluded from the threshold can go to him.
    await widget.getByRole("button", { name: "Reassign…" }).click();
    await widget.getByLabel("Search users to become the owner").fill("theo");
    await widget.getByRole("button", { name: /^Theo Threshold/ }).click();
    const plan = widget.getByTestId("reassign-plan");
    await plan.getByText("1 will be reassigned, 5 skipped.").waitFor();
    await plan.getByText("4 skipped: their assignment threshold does not allow it").waitFor();
    await widget.getByRole("button", { name: "Reassign 1 record" }).click();
    await widget.getByText("Finished: 1 done, 5 skipped, 0 failed. Each record's result is in the table.").waitFor();
    expect(await resultOf(widget, R.dealExcluded)).toBe("Reassigned");
    expect(await resultOf(widget, R.dealUnlocked)).toBe("Skipped their assignment threshold does not allow it");
    // Owners were read again from the CRM.
    await widget.locator(`tr[data-record-id="${R.dealExcluded}"]`).getByText("Theo Threshold").waitFor();
  });

  it("unlocks manual locks only, after confirming", async () => {
    const widget = await openList(sandbox.current, [R.dealManualLocked, R.dealAutoLocked, R.dealUnlocked], SEED.users.admin);
    await widget.getByRole("button", { name: "Unlock 1 manual lock…" }).click();
    await widget.getByRole("alertdialog").getByRole("button", { name: "Unlock", exact: true }).click();
    await widget.getByText("Finished: 1 done, 2 skipped, 0 failed. Each record's result is in the table.").waitFor();
    expect(await resultOf(widget, R.dealAutoLocked)).toBe("Skipped automatic lock (ends with its rule)");
    expect(await resultOf(widget, R.dealUnlocked)).toBe("Skipped not locked");
    await widget.locator(`tr[data-record-id="${R.dealManualLocked}"]`).getByText("Not locked", { exact: true }).waitFor();
  });

  it("skips records whose lock blocks the owner change for a user who is not exempt", async () => {
    const widget = await openList(sandbox.current, [R.dealManualLocked, R.dealUnlocked], SEED.users.salesManager);
    await widget.getByRole("button", { name: "Reassign…" }).click();
    await widget.getByLabel("Search users to become the owner").fill("nico");
    await widget.getByRole("button", { name: /^Nico Free/ }).click();
    await widget.getByTestId("reassign-plan").getByText("2 will be reassigned, 0 skipped.").waitFor();
    await widget.getByRole("button", { name: "Reassign 2 records" }).click();
    await widget.getByText("Finished: 1 done, 1 skipped, 0 failed. Each record's result is in the table.").waitFor();
    expect(await resultOf(widget, R.dealManualLocked)).toBe("Skipped locked, and the lock blocks this");
  });
});
