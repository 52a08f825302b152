import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import { openRecordWidget, recordSettled, useBrowser, useSandbox, waitForFact } from "./support";

const browser = useBrowser();
const holder = useSandbox();

const open = async (id: string, as: string = SEED.users.standard, module = "Deals") =>
  recordSettled(await openRecordWidget(browser.page, holder.current, { module, id, as }));

async function lockWith(widget: Frame, reason: string) {
  await widget.getByRole("button", { name: "Lock…" }).click();
  await widget.getByLabel("Reason (required)").fill(reason);
  await widget.getByRole("button", { name: "Lock", exact: true }).click();
}

describe("locking from the record popup", () => {
  it("locks with a reason, edits the reason, then unlocks after confirming", async () => {
    const widget = await open(SEED.records.dealUnlocked);
    await widget.getByText("Not locked", { exact: true }).waitFor();
    await lockWith(widget, "Waiting for legal review");
    await waitForFact(widget, "Reason", "Waiting for legal review");
    await widget.getByText("Locked by hand").waitFor();
    await widget.getByText(/Record locked/).waitFor();

    await widget.getByRole("button", { name: "Edit reason" }).click();
    await widget.getByLabel("Reason (required)").fill("Legal review, round two");
    await widget.getByRole("button", { name: "Save reason" }).click();
    await waitForFact(widget, "Reason", "Legal review, round two");

    await widget.getByRole("button", { name: "Unlock…" }).click();
    await widget.getByRole("alertdialog", { name: "Unlock this record?" }).waitFor();
    await widget.getByRole("button", { name: "Unlock", exact: true }).click();
    await widget.getByText("Not locked", { exact: true }).waitFor();
    await widget.getByText(/Record unlocked/).waitFor();
  });

  it("refuses a blank reason without sending anything", async () => {
    const widget = await open(SEED.records.dealUnlocked);
    await widget.getByRole("button", { name: "Lock…" }).click();
    await widget.getByRole("button", { name: "Lock", exact: true }).click();
    await widget.getByText(/Enter a reason/).waitFor();
    expect(holder.current.mock.handle({ method: "GET", path: `/crm/v8/Deals/${SEED.records.dealUnlocked}/Locking_Information__s`, query: { fields: "Lock_Source__s" } }).status).toBe(204);
  });

  it("explains that an automatic lock cannot be removed by hand", async () => {
    const widget = await open(SEED.records.dealAutoLocked);
    await widget.getByText("Locked automatically by the rule “Closed Won deals”").waitFor();
    await widget.getByText(/cannot be removed by hand/).waitFor();
    expect(await widget.getByRole("button", { name: /Unlock/ }).count()).toBe(0);
    await widget.getByText("What this lock restricts").waitFor();
  });

  it("tells a user without the Lock permission why they cannot lock", async () => {
    const widget = await open(SEED.records.dealUnlocked, SEED.users.readOnly);
    await widget.getByText("Not locked", { exact: true }).waitFor();
    await widget.getByText(/not allowed to lock records in this module/).waitFor();
    expect(await widget.getByRole("button", { name: "Lock…" }).count()).toBe(0);
  });

  it("explains a module without a locking configuration", async () => {
    const widget = await open(SEED.records.leadNoConfig, SEED.users.standard, "Leads");
    await widget.getByText("Record locking is not set up for this module").waitFor();
    await widget.getByText(/the module has no record-locking configuration/).waitFor();
    expect(await widget.getByRole("button", { name: "Lock…" }).count()).toBe(0);
  });

  it("shows a hostile reason literally and runs nothing", async () => {
    const hostile = `<img src=x onerror="window.parent.__pwned=1;alert(1)">`;
    let dialogs = 0;
    browser.page.on("dialog", (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    const widget = await open(SEED.records.dealUnlocked);
    await lockWith(widget, hostile);
    await waitForFact(widget, "Reason", hostile);
    expect(await widget.locator("img").count()).toBe(0);
    expect(await widget.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toBe(0);
  });

  it("shows the other person's lock when someone locked the record meanwhile", async () => {
    const widget = await open(SEED.records.dealUnlocked);
    await widget.getByText("Not locked", { exact: true }).waitFor();
    const path = `/crm/v8/Deals/${SEED.records.dealUnlocked}/Locking_Information__s`;
    const theirs = holder.current.mock.handle({
      method: "POST",
      path,
      query: {},
      userId: SEED.users.salesManager,
      body: { data: [{ Locked_Reason__s: "Mine first" }] },
    });
    expect(theirs.status).toBe(201);
    await lockWith(widget, "Mine");
    await widget.getByText(/Someone else locked this record in the meantime/).waitFor();
    await waitForFact(widget, "Reason", "Mine first");
  });
});
