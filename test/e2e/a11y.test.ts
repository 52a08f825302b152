/**
 * axe-core over every panel of both widgets (record popup, list view) and
 * the settings tab, each in the day and the night theme: zero violations of
 * WCAG 2.1 A/AA (contrast included) and of axe's best practices.
 */
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import { AxeReport } from "./axe";
import { lockSelection, openRecordWidget, recordSettled, type Sandbox, untilSized, useBrowser, useSandbox, widgetFrame } from "./support";

const browser = useBrowser();
const R = SEED.records;
const PT = SEED.portal;

async function openRecord(sandbox: Sandbox, module: string, id: string, as: string = SEED.users.standard) {
  return recordSettled(await openRecordWidget(browser.page, sandbox, { module, id, as }));
}

async function openSettings(sandbox: Sandbox, as: string = SEED.users.admin, extra = ""): Promise<Frame> {
  await browser.page.goto(`${sandbox.url}/settings?as=${as}${extra}`);
  const frame = await widgetFrame(browser.page, "settings.html");
  await frame.locator('[data-testid="overview"][data-settled="true"]').waitFor();
  return frame;
}

// Every panel is checked in the day and the night theme (AxeReport.check).
describe("accessibility", () => {
  const sandbox = useSandbox();

  it("record popup: lock status, lock form, unlock confirmation, restrictions", async () => {
    const report = new AxeReport();
    let widget = await openRecord(sandbox.current, "Deals", R.dealUnlocked);
    await widget.getByText("Not locked", { exact: true }).waitFor();
    await report.check(widget, "lock status: not locked");

    await widget.getByRole("button", { name: "Lock…", exact: true }).click();
    await widget.getByLabel("Reason (required)").waitFor();
    await report.check(widget, "lock form");
    await widget.getByRole("button", { name: "Lock", exact: true }).click();
    await widget.getByText(/Enter a reason/).waitFor();
    await report.check(widget, "lock form with a problem");
    await widget.getByLabel("Reason (required)").fill("Quarter-end audit");
    await widget.getByRole("button", { name: "Lock", exact: true }).click();
    await widget.getByText(/Record locked/).waitFor();
    await report.check(widget, "lock status: locked by hand, with the outcome");

    await widget.getByRole("button", { name: "Unlock…" }).click();
    await widget.getByRole("alertdialog").waitFor();
    await report.check(widget, "unlock confirmation");

    widget = await openRecord(sandbox.current, "Deals", R.dealAutoLocked);
    await widget.getByText("What this lock restricts").waitFor();
    await report.check(widget, "lock status: locked automatically, restrictions");

    widget = await openRecord(sandbox.current, "Leads", R.leadNoConfig);
    await widget.getByText("Record locking is not set up for this module").waitFor();
    await report.check(widget, "lock status: not configured");

    expect(report.text).toBe("");
    expect(report.panels).toBe(7);
  });

  it("record popup: sharing, the picker with results, the review and revoke all", async () => {
    const report = new AxeReport();
    const widget = await openRecord(sandbox.current, "Deals", R.dealShared);
    await widget.getByRole("button", { name: "Sharing", exact: true }).click();
    await widget.locator("[data-share-state=ready]").waitFor();
    await widget.getByLabel("Search users, groups and roles").waitFor();
    await untilSized(widget);
    await report.check(widget, "sharing: current shares");

    await widget.getByLabel("Search users, groups and roles").fill("admin");
    await widget.getByText(/administrators already see every record/).first().waitFor();
    await report.check(widget, "sharing: picker with results");
    await widget.getByLabel("Search users, groups and roles").fill("eva");
    await widget.getByRole("button", { name: /^Eva Example/ }).click();
    await widget.getByRole("radio", { name: /Read and write/ }).waitFor();
    await report.check(widget, "sharing: chosen, permission");
    await widget.getByRole("button", { name: "Add to the list" }).click();
    await widget.getByRole("button", { name: "Share", exact: true }).waitFor();
    await report.check(widget, "sharing: review");
    await widget.getByRole("button", { name: "Share", exact: true }).click();
    await widget.getByText(/^Shared\. The list above/).waitFor();
    await report.check(widget, "sharing: outcome");

    await widget.getByRole("radio", { name: /Everyone in the organisation/ }).check();
    await report.check(widget, "sharing: public");
    await widget.getByRole("radio", { name: /Particular people/ }).check();

    await widget.getByRole("button", { name: "Revoke all shares…" }).click();
    await widget.getByRole("alertdialog").waitFor();
    await report.check(widget, "sharing: revoke all confirmation");

    expect(report.text).toBe("");
  });

  it("record popup: sharing refused to a read-only profile", async () => {
    const report = new AxeReport();
    const widget = await openRecord(sandbox.current, "Deals", R.dealShared, SEED.users.readOnly);
    await widget.getByRole("button", { name: "Sharing", exact: true }).click();
    await widget.getByTestId("share-blocked").waitFor();
    await report.check(widget, "sharing: blocked");
    expect(report.text).toBe("");
  });

  it("record popup: change owner with candidates and capacities", async () => {
    const report = new AxeReport();
    let widget = await openRecord(sandbox.current, "Deals", R.dealUnlocked);
    await widget.getByRole("button", { name: "Change owner", exact: true }).click();
    await widget.locator("[data-owner-state=allowed]").waitFor();
    await widget.getByLabel("Search users to become the owner").waitFor({ state: "visible" });
    await untilSized(widget);
    await report.check(widget, "owner: suggestions");

    await widget.getByLabel("Search users to become the owner").fill("t");
    await widget.getByText("Limit reached", { exact: true }).first().waitFor();
    await widget.locator("[data-capacity=checking]").first().waitFor({ state: "detached" });
    await report.check(widget, "owner: candidates with capacities");
    await widget.getByRole("button", { name: /^Theo Threshold/ }).click();
    await widget.getByText("New owner: Theo Threshold").waitFor();
    await report.check(widget, "owner: chosen, refused by capacity");
    await widget.getByLabel("Search users to become the owner").fill("carla");
    await widget.getByText("8 more allowed", { exact: true }).waitFor();
    await widget.getByRole("button", { name: /^Carla Closer/ }).click();
    await widget.getByRole("button", { name: "Reassign", exact: true }).click();
    await widget.getByText(/^Carla Closer is now the owner/).waitFor();
    await report.check(widget, "owner: outcome");

    widget = await openRecord(sandbox.current, "Deals", R.dealManualLocked);
    await widget.getByRole("button", { name: "Change owner", exact: true }).click();
    await widget.getByTestId("owner-blocked").waitFor();
    await report.check(widget, "owner: blocked by the lock");

    expect(report.text).toBe("");
  });

  it("list view: selection, bulk forms, the owner plan, the unlock confirmation and results", async () => {
    const report = new AxeReport();
    const ids = [R.dealUnlocked, R.dealManualLocked, R.dealExcluded, R.dealAutoLocked];
    await browser.page.goto(`${sandbox.current.url}/list?module=Deals&ids=${ids.join(",")}&as=${SEED.users.admin}&open=1`);
    const widget = await widgetFrame(browser.page, "list.html");
    await widget.locator(`tr[data-record-id="${R.dealManualLocked}"]`).getByText("Locked · manual", { exact: true }).waitFor();
    await untilSized(widget);
    await report.check(widget, "list: selection and toolbar");

    await widget.getByRole("button", { name: "Lock…", exact: true }).click();
    await widget.getByRole("button", { name: "Lock the selected records" }).click();
    await widget.locator("#bulk-reason-error").waitFor();
    await report.check(widget, "list: lock form with a problem");

    await widget.getByRole("button", { name: /^Unlock 1 manual lock/ }).click();
    await widget.getByRole("alertdialog").waitFor();
    await report.check(widget, "list: unlock confirmation");
    await widget.getByRole("button", { name: "Cancel" }).click();

    await widget.getByRole("button", { name: "Reassign…" }).click();
    await widget.getByLabel("Search users to become the owner").fill("theo");
    await widget.getByRole("button", { name: /^Theo Threshold/ }).click();
    await widget.getByTestId("reassign-plan").waitFor();
    await report.check(widget, "list: reassign plan");

    await lockSelection(widget, "Quarter-end audit");
    await widget.getByTestId("bulk-summary").waitFor();
    await widget.locator('[data-bulk-state="idle"]').waitFor();
    await report.check(widget, "list: results");

    expect(report.text).toBe("");
  });

  it("settings: overview, the editor with rules and criteria, review, delete confirmation", async () => {
    const report = new AxeReport();
    const frame = await openSettings(sandbox.current);
    await report.check(frame, "settings: overview");

    await frame.getByRole("button", { name: "Edit Deals" }).click();
    await frame.locator("[data-editor-module]").waitFor();
    await frame.locator("[data-rule]").first().waitFor();
    await report.check(frame, "editor: Deals with a rule");

    const review = frame.getByRole("button", { name: /· Review…$/ });
    await frame.getByRole("button", { name: "Add a rule" }).click();
    const added = frame.locator("[data-rule]").nth(1);
    await added.getByRole("button", { name: "Add a condition after condition 1" }).click();
    await added.getByRole("button", { name: "Add a group" }).click();
    await added.getByRole("group", { name: /^Conditions: any of these/ }).waitFor();
    await report.check(frame, "editor: a new rule with a nested group");

    await review.click();
    await frame.getByRole("alert").filter({ hasText: /to fix before saving/ }).waitFor();
    await report.check(frame, "editor: problems before review");
    await added.getByRole("button", { name: /^Remove rule/ }).click();

    await frame.getByLabel("Add or remove tags").check();
    await review.click();
    await frame.getByRole("heading", { name: "Changes to save" }).waitFor();
    await report.check(frame, "editor: review");
    await frame.getByRole("button", { name: "Save", exact: true }).click();
    await frame.getByText(/^Saved\./).waitFor();
    await report.check(frame, "editor: saved");

    await frame.getByRole("button", { name: "Delete configuration…" }).click();
    await frame.getByRole("alertdialog").waitFor();
    await report.check(frame, "editor: delete confirmation");
    await frame.getByRole("button", { name: "Cancel" }).click();

    await frame.getByLabel("Add or remove tags").uncheck();
    await frame.getByRole("button", { name: "Back to all modules" }).click();
    await frame.getByRole("alertdialog").waitFor();
    await report.check(frame, "editor: leave without saving");
    await frame.getByRole("button", { name: "Leave and discard" }).click();

    await frame.getByRole("button", { name: "Set up Leads" }).click();
    await frame.locator("[data-editor-module]").waitFor();
    await frame.getByText("Not saved yet").waitFor();
    await report.check(frame, "editor: setting up Leads");

    expect(report.text).toBe("");
  });

  it("settings: the overview with reads that failed, and as blocks in a 400 px window", async () => {
    const report = new AxeReport();
    const frame = await openSettings(sandbox.current, SEED.users.admin, "&fault=GET:lockConfig:500");
    await frame.getByText("Could not be read").first().waitFor();
    await report.check(frame, "settings: overview, every read failed");
    const size = browser.page.viewportSize();
    await browser.page.setViewportSize({ width: 400, height: 800 });
    try {
      await browser.page.goto(`${sandbox.current.url}/settings?as=${SEED.users.admin}`);
      const narrow = await widgetFrame(browser.page, "settings.html");
      await narrow.locator('[data-testid="overview"][data-settled="true"]').waitFor();
      await report.check(narrow, "settings: overview at 400 px");
    } finally {
      if (size) await browser.page.setViewportSize(size);
    }
    expect(report.text).toBe("");
  });

  it("settings: read-only overview and editor for a user who may not customise", async () => {
    const report = new AxeReport();
    const frame = await openSettings(sandbox.current, SEED.users.standard);
    await frame.getByTestId("read-only").waitFor();
    await report.check(frame, "settings: read-only overview");
    await frame.getByRole("button", { name: "View Deals" }).click();
    await frame.locator("[data-editor-module]").waitFor();
    await report.check(frame, "editor: read-only");
    expect(report.text).toBe("");
  });

  it("client portals: types, the type editor, users and their bulk actions", async () => {
    const report = new AxeReport();
    const frame = await openSettings(sandbox.current);
    await frame.getByRole("button", { name: "Client portals" }).click();
    await frame.locator("[data-portals-settled=true]").waitFor();
    await report.check(frame, "portals: user types");

    await frame.getByRole("button", { name: "Delete Partner…" }).click();
    await frame.getByTestId("type-has-users").waitFor();
    await report.check(frame, "portals: type still has users");
    await frame.getByRole("button", { name: "Delete Supplier…" }).click();
    await frame.getByRole("alertdialog").waitFor();
    await report.check(frame, "portals: delete type confirmation");
    await frame.getByRole("button", { name: "Cancel" }).click();

    await frame.getByRole("button", { name: "New user type…" }).click();
    await frame.locator('[data-type-editor="new"][data-type-editor-settled=true]').waitFor();
    await frame.getByRole("button", { name: "Create user type" }).click();
    await frame.getByText("Give the user type a name.").waitFor();
    await frame.getByLabel("Portal users are records of").selectOption({ label: "Contacts" });
    await frame.locator('[data-module-card="Contacts"]').getByLabel("Layout for Contacts").waitFor();
    await frame.locator("[data-type-editor-settled=true]").waitFor();
    await report.check(frame, "portals: new type editor with problems");
    await frame.getByRole("button", { name: "Cancel" }).click();

    await frame.getByRole("button", { name: "Edit Customer" }).click();
    await frame.locator(`[data-type-editor="${PT.userTypes.customer}"][data-type-editor-settled=true]`).waitFor();
    await report.check(frame, "portals: type editor");
    await frame.getByRole("button", { name: "Cancel" }).click();

    await frame.getByRole("button", { name: "Users of Customer" }).click();
    await frame.locator("[data-users-settled=true]").waitFor();
    await report.check(frame, "portals: users");
    await frame.getByRole("button", { name: /^Deactivate / }).first().click();
    await frame.getByText(/ is inactive now\.$/).waitFor();
    await report.check(frame, "portals: users after a deactivation");
    const boxes = frame.getByRole("checkbox", { name: /^Select / });
    await boxes.nth(0).check();
    await frame.getByTestId("portal-bulk").waitFor();
    await report.check(frame, "portals: users with a selection");
    await frame.getByRole("button", { name: /^Delete 1 from the portal/ }).click();
    await frame.getByRole("alertdialog").waitFor();
    await report.check(frame, "portals: remove confirmation");
    await frame.getByRole("button", { name: "Remove from portal" }).click();
    await frame.getByTestId("portal-run-results").waitFor();
    await report.check(frame, "portals: results");

    // A 400 px window: the tables' rows stack.
    await browser.page.setViewportSize({ width: 400, height: 800 });
    await report.check(frame, "portals: results, narrow");
    await frame.getByRole("button", { name: "Back to user types" }).click();
    await frame.locator("[data-portals-settled=true]").waitFor();
    await report.check(frame, "portals: user types, narrow");

    expect(report.text).toBe("");
  });
});
