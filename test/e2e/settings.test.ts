import type { Frame } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import { openRecordWidget, useBrowser, useSandbox, widgetFrame, type Sandbox } from "./support";

const browser = useBrowser();
const CONFIGS = "/crm/v8/settings/record_locking_configurations";

interface Seen {
  method: string;
  path: string;
  body?: unknown;
}

function watchRequests(sandbox: Sandbox) {
  const seen: Seen[] = [];
  const original = sandbox.mock.handle;
  sandbox.mock.handle = (req) => {
    seen.push({ method: req.method, path: req.path, body: req.body });
    return original.call(sandbox.mock, req);
  };
  return { seen, restore: () => (sandbox.mock.handle = original) };
}

async function openSettings(sandbox: Sandbox, as: string = SEED.users.admin): Promise<Frame> {
  await browser.page.goto(`${sandbox.url}/settings?as=${as}`);
  const frame = await widgetFrame(browser.page, "settings.html");
  await frame.getByTestId("overview").waitFor();
  return frame;
}

async function openModule(frame: Frame, label: string, verb = "Edit"): Promise<void> {
  await frame.getByRole("button", { name: `${verb} ${label}` }).click();
  await frame.locator("[data-editor-module]").waitFor();
}

function rule(frame: Frame, index: number) {
  return frame.locator("[data-rule]").nth(index);
}

/** The save bar's primary button: "N changes · Review…". */
const reviewButton = (frame: Frame) => frame.getByRole("button", { name: /· Review…$/ });

/** Fills the root condition of a rule whose criteria is a single condition. */
async function fillCondition(frame: Frame, ruleIndex: number, field: string, comparator: string, value: string) {
  const condition = rule(frame, ruleIndex).locator("[data-criteria-path]").first();
  await condition.getByLabel("Field").selectOption({ label: field });
  await condition.getByLabel("Comparison").selectOption(comparator);
  const valueBox = condition.getByLabel("Value");
  if ((await valueBox.evaluate((element) => element.tagName)) === "SELECT") await valueBox.selectOption(value);
  else await valueBox.fill(value);
}

async function saveWithReview(frame: Frame) {
  await reviewButton(frame).click();
  await frame.getByRole("heading", { name: "Changes to save" }).waitFor();
  await frame.getByRole("button", { name: "Save", exact: true }).click();
  await frame.getByText(/^Saved\./).waitFor();
}

describe("record-locking settings", () => {
  const sandbox = useSandbox();
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  it("lists every lockable module with its state", async () => {
    const frame = await openSettings(sandbox.current);
    const row = (module: string) => frame.locator(`tr[data-module="${module}"]`);
    await frame.locator("[data-testid=overview][data-settled=true]").waitFor();
    const cells = (module: string) => row(module).getByRole("cell").allInnerTexts();
    expect((await cells("Deals")).map((text) => text.replace(/\s+/g, " ").trim())).toEqual([
      "Deals",
      "Manual and automatic",
      "1",
      "3 Edit (always), Delete, Change owner",
      "Edit Deals",
    ]);
    expect((await cells("Accounts")).slice(1, 3)).toEqual(["Manual", "0"]);
    // Not configured: said so, and the button sets it up.
    expect((await cells("Leads")).map((text) => text.trim())).toEqual(["Leads", "Not configured", "", "", "Set up Leads"]);
    // The user-created custom module is listed; the extension's module is not (NOT_SUPPORTED).
    expect(await row("Projects__c").count()).toBe(1);
    expect(await row("shipx__Shipments").count()).toBe(0);
  });

  it("creates a configuration with two rules, then edits one rule and deletes the other with a minimal PUT", async () => {
    const watch = watchRequests(sandbox.current);
    restore = watch.restore;
    const frame = await openSettings(sandbox.current);
    // "Set up Leads" opens the form of a new configuration at once.
    await openModule(frame, "Leads", "Set up");
    await frame.getByRole("radio", { name: /Manual and automatic/ }).check();

    await frame.getByRole("button", { name: "Add a rule" }).click();
    await rule(frame, 0).getByLabel("Name (required)").fill("Junk leads");
    await fillCondition(frame, 0, "Lead Status", "equal", "Junk Lead");
    await frame.getByRole("button", { name: "Add a rule" }).click();
    await rule(frame, 1).getByLabel("Name (required)").fill("Lost leads");
    await fillCondition(frame, 1, "Lead Status", "equal", "Lost Lead");
    expect(await reviewButton(frame).textContent()).toBe("4 changes · Review…");
    await reviewButton(frame).click();
    // What the user chose, not the defaults (edit blocked, portal users locked) presented as changes.
    expect(await frame.getByTestId("changes").getByRole("listitem").allInnerTexts()).toEqual([
      "How records are locked: Manual and automatic",
      "Locked for: All profiles",
      "New rule: Junk leads",
      "New rule: Lost leads",
    ]);
    await frame.getByRole("button", { name: "Save", exact: true }).click();
    await frame.getByText(/^Saved\./).waitFor();

    const post = watch.seen.find((req) => req.method === "POST" && req.path === CONFIGS);
    const created = (post?.body as { record_locking_configurations: { lock_type: string; locking_rules: { name: string }[] }[] })
      .record_locking_configurations[0];
    expect(created?.lock_type).toBe("both");
    expect(created?.locking_rules.map((r) => r.name)).toEqual(["Junk leads", "Lost leads"]);

    // Edit the first rule's name, remove the second.
    await rule(frame, 0).getByLabel("Name (required)").fill("Junk or spam leads");
    await rule(frame, 1).getByRole("button", { name: "Remove rule Lost leads" }).click();
    await reviewButton(frame).click();
    await frame.getByText("Rule changed: Junk or spam leads").waitFor();
    await frame.getByText("Rule removed: Lost leads").waitFor();
    await frame.getByRole("button", { name: "Save", exact: true }).click();
    await frame.getByText(/^Saved\./).waitFor();

    const put = watch.seen.find((req) => req.method === "PUT" && req.path.startsWith(CONFIGS));
    const sent = (put?.body as { record_locking_configurations: Record<string, unknown>[] }).record_locking_configurations[0] ?? {};
    // Only the id and the rules: nothing else changed.
    expect(Object.keys(sent).sort()).toEqual(["id", "locking_rules"]);
    const rules = sent.locking_rules as Record<string, unknown>[];
    expect(rules).toHaveLength(2);
    expect(rules.find((r) => r._delete === true)).toEqual({ id: expect.any(String), _delete: true });
    expect(rules.find((r) => r._delete === undefined)).toEqual({ id: expect.any(String), name: "Junk or spam leads" });
  });

  it("locks matching records when a rule is saved, and the record popup shows it", async () => {
    /** A seeded lead whose status is "Junk Lead". */
    const junkLead = "5725767000000110006";
    const frame = await openSettings(sandbox.current);
    await openModule(frame, "Leads", "Set up");
    await frame.getByRole("radio", { name: /^Automatic/ }).check();
    await frame.getByRole("button", { name: "Add a rule" }).click();
    await rule(frame, 0).getByLabel("Name (required)").fill("Junk leads");
    await rule(frame, 0).getByLabel("Also lock records that already match when saving").check();
    await fillCondition(frame, 0, "Lead Status", "equal", "Junk Lead");
    await saveWithReview(frame);
    await frame.getByRole("button", { name: "Back to all modules" }).click();
    await frame.locator('tr[data-module="Leads"]').getByText("Automatic", { exact: true }).waitFor();
    await frame.locator('tr[data-module="Leads"]').getByRole("button", { name: "Edit Leads" }).waitFor();

    const widget = await openRecordWidget(browser.page, sandbox.current, { module: "Leads", id: junkLead, as: SEED.users.standard });
    await widget.getByText("Locked automatically by the rule “Junk leads”").waitFor();
  });

  it("detects a concurrent edit, shows what the other person changed, and saves on top when asked", async () => {
    const frame = await openSettings(sandbox.current);
    await openModule(frame, "Deals");
    await frame.getByLabel("Add or remove tags").check();
    // Meanwhile, another administrator turns off locking for portal users.
    const config = sandbox.current.mock.handle({ method: "GET", path: CONFIGS, query: { module: "Deals" }, userId: SEED.users.admin2 });
    const id = (config.body as { record_locking_configurations: { id: string }[] }).record_locking_configurations[0]?.id;
    const theirs = sandbox.current.mock.handle({
      method: "PUT",
      path: `${CONFIGS}/${id}`,
      query: { module: "Deals" },
      body: { record_locking_configurations: [{ id, lock_for_portal_users: false }] },
      userId: SEED.users.admin2,
    });
    expect(theirs.status).toBe(200);

    await reviewButton(frame).click();
    await frame.getByRole("button", { name: "Save", exact: true }).click();
    await frame.getByText(/^Someone else saved this configuration/).waitFor();
    await frame.getByText("Locking for portal users: off").waitFor();
    await frame.getByRole("button", { name: "Keep my changes on top of theirs" }).click();
    await saveWithReview(frame);
    const after = sandbox.current.mock.handle({ method: "GET", path: CONFIGS, query: { module: "Deals" }, userId: SEED.users.admin });
    const saved = (after.body as { record_locking_configurations: { restricted_actions: string[]; lock_for_portal_users: boolean }[] })
      .record_locking_configurations[0];
    expect(saved?.restricted_actions).toContain("tags");
    expect(saved?.lock_for_portal_users).toBe(false);
  });

  it("asks before deleting, saying every record will be unlocked", async () => {
    const frame = await openSettings(sandbox.current);
    await openModule(frame, "Accounts");
    await frame.getByRole("button", { name: "Delete configuration…" }).click();
    const dialog = frame.getByRole("alertdialog", { name: "Delete record locking for Accounts?" });
    await dialog.getByText(/Every locked record in Accounts is unlocked at once/).waitFor();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect(await frame.getByRole("alertdialog").count()).toBe(0);

    await frame.getByRole("button", { name: "Delete configuration…" }).click();
    await frame.getByRole("button", { name: "Delete and unlock all" }).click();
    await frame.getByText(/^Deleted\./).waitFor();
    await frame.getByTestId("no-config").waitFor();
    // The manually locked account is unlocked.
    const lock = sandbox.current.mock.handle({
      method: "GET",
      path: `/crm/v8/Accounts/${SEED.records.accountManualLocked}/Locking_Information__s`,
      query: { fields: "Lock_Source__s" },
      userId: SEED.users.admin,
    });
    expect(lock.status).not.toBe(200);
  });

  it("shows a standard user the settings read-only, with the reason", async () => {
    const frame = await openSettings(sandbox.current, SEED.users.standard);
    await frame.getByTestId("read-only").waitFor();
    await openModule(frame, "Deals", "View");
    expect(await reviewButton(frame).count()).toBe(0);
    expect(await frame.getByRole("button", { name: "Add a rule" }).count()).toBe(0);
    expect(await frame.getByRole("radio", { name: /Manual and automatic/ }).isDisabled()).toBe(true);
  });

  it("asks before leaving an editor with unsaved changes", async () => {
    const frame = await openSettings(sandbox.current);
    await openModule(frame, "Deals");
    await frame.getByLabel("Add or remove tags").check();
    await frame.getByRole("button", { name: "Back to all modules" }).click();
    await frame.getByRole("alertdialog", { name: "Leave without saving?" }).waitFor();
    await frame.getByRole("button", { name: "Keep editing" }).click();
    expect(await frame.getByLabel("Add or remove tags").isChecked()).toBe(true);
    await frame.getByRole("button", { name: "Back to all modules" }).click();
    await frame.getByRole("button", { name: "Leave and discard" }).click();
    await frame.getByTestId("overview").waitFor();
  });

  it("fits a 400 px window: the overview's rows become blocks and nothing scrolls sideways, in the editor either", async () => {
    await browser.page.setViewportSize({ width: 400, height: 800 });
    const frame = await openSettings(sandbox.current);
    const sideways = () => frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await frame.locator("[data-testid=overview][data-settled=true]").waitFor();
    expect(await sideways()).toBe(0);
    // A row is a block: its cells one under another, the button under the counts.
    const deals = frame.locator('tr[data-module="Deals"]');
    const rules = await deals.getByRole("cell").nth(2).boundingBox();
    const button = await deals.getByRole("button", { name: "Edit Deals" }).boundingBox();
    expect(button && rules && button.y > rules.y + rules.height - 1).toBe(true);
    await openModule(frame, "Deals");
    const first = rule(frame, 0);
    await first.getByRole("button", { name: "Add a condition after condition 1" }).click();
    await first.getByRole("button", { name: "Add a group" }).click();
    await first.getByRole("group", { name: /^Conditions: any of these/ }).waitFor();
    expect(await sideways()).toBe(0);
  });

  it("renders a hostile rule name as text", async () => {
    const hostile = `<img src=x onerror="window.__xss=1">Rule`;
    const frame = await openSettings(sandbox.current);
    let dialogs = 0;
    browser.page.on("dialog", (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    await openModule(frame, "Deals");
    await rule(frame, 0).getByLabel("Name (required)").fill(hostile);
    await saveWithReview(frame);
    expect(await rule(frame, 0).getByLabel("Name (required)").inputValue()).toBe(hostile);
    await browser.page.reload();
    const again = await widgetFrame(browser.page, "settings.html");
    await again.getByTestId("overview").waitFor();
    await openModule(again, "Deals");
    await reviewButton(again).waitFor();
    expect(await again.locator("img").count()).toBe(0);
    expect(await again.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toBe(0);
  });
});
