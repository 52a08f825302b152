/**
 * Keyboard and screen-reader behaviour in Chromium: confirmations trap the
 * focus and give it back, Escape cancels, focus follows sections and views
 * as they open and close (never dropped on <body>), and the result of every
 * action is in a live region. Also: the axe harness itself finds what it
 * should, and the theme follows the CRM, else the system's colour scheme.
 */
import type { Frame, Locator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import { axeViolations } from "./axe";
import { openRecordWidget, recordSettled, type Sandbox, untilSized, useBrowser, useSandbox, widgetFrame, waitForFact } from "./support";

const browser = useBrowser();
const R = SEED.records;
/** The page background of each palette (ui/tokens.css, --canvas). */
const DAY_CANVAS = "rgb(244, 246, 249)";
const NIGHT_CANVAS = "rgb(21, 25, 31)";

/** The focused element in the widget: its role-ish tag and its text (or label). */
async function focused(frame: Frame): Promise<string> {
  return frame.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return "body";
    const text = element.getAttribute("aria-label") || element.textContent?.trim() || (element as HTMLInputElement).labels?.[0]?.textContent?.trim() || "";
    return `${element.tagName.toLowerCase()}: ${text}`;
  });
}

/** Waits until the focused element is `expected` (focus may move a tick after a render). */
async function expectFocus(frame: Frame, expected: string): Promise<void> {
  await expect.poll(() => focused(frame), { timeout: 5_000 }).toBe(expected);
}

/** The text is inside a live region (aria-live, status or alert), so screen readers announce it. */
async function expectAnnounced(locator: Locator): Promise<void> {
  await locator.waitFor();
  const live = await locator.evaluate((element) => {
    const region = element.closest('[aria-live="polite"], [aria-live="assertive"], [role="status"], [role="alert"]');
    return region ? region.getAttribute("role") ?? `aria-live=${region.getAttribute("aria-live")}` : null;
  });
  expect(live, `"${await locator.textContent()}" is not in a live region`).not.toBeNull();
}

/** Activates a button from the keyboard: focus, then Enter. */
async function press(button: Locator): Promise<void> {
  await button.focus();
  await button.press("Enter");
}

async function openRecord(sandbox: Sandbox, id: string, as: string = SEED.users.standard, extra = ""): Promise<Frame> {
  return recordSettled(await openRecordWidget(browser.page, sandbox, { module: "Deals", id, as, extra }));
}

async function openSettings(sandbox: Sandbox): Promise<Frame> {
  await browser.page.goto(`${sandbox.url}/settings?as=${SEED.users.admin}`);
  const frame = await widgetFrame(browser.page, "settings.html");
  await frame.locator('[data-testid="overview"][data-settled="true"]').waitFor();
  return frame;
}

describe("keyboard and announcements", () => {
  const sandbox = useSandbox();

  it("the unlock confirmation traps Tab, Escape cancels and returns focus, and the result is announced", async () => {
    const widget = await openRecord(sandbox.current, R.dealManualLocked);
    await press(widget.getByRole("button", { name: "Unlock…" }));
    const dialog = widget.getByRole("alertdialog", { name: "Unlock this record?" });
    await dialog.waitFor();
    expect(await dialog.getAttribute("aria-modal")).toBe("true");
    expect(await dialog.getAttribute("aria-describedby")).toBeTruthy();
    // Focus starts on the safe choice, and Tab cycles within the dialog both ways.
    await expectFocus(widget, "button: Cancel");
    await widget.page().keyboard.press("Tab");
    await expectFocus(widget, "button: Unlock");
    await widget.page().keyboard.press("Tab");
    await expectFocus(widget, "button: Cancel");
    await widget.page().keyboard.press("Shift+Tab");
    await expectFocus(widget, "button: Unlock");
    await widget.page().keyboard.press("Shift+Tab");
    await expectFocus(widget, "button: Cancel");

    await widget.page().keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await expectFocus(widget, "button: Unlock…");
    await widget.getByText("Locked · manual", { exact: true }).waitFor();

    // Confirming from the keyboard: the outcome is announced and focus stays in the lock section.
    await widget.page().keyboard.press("Enter");
    await dialog.waitFor();
    await expectFocus(widget, "button: Cancel");
    await widget.page().keyboard.press("Shift+Tab");
    await expectFocus(widget, "button: Unlock");
    await widget.page().keyboard.press("Enter");
    await expectAnnounced(widget.getByText(/^Record unlocked/));
    await widget.getByText("Not locked", { exact: true }).waitFor();
    await expectFocus(widget, "h2: Lock status");
  });

  it("the lock form takes the focus, keeps it on a refused reason, cancels on Escape and announces the lock", async () => {
    const widget = await openRecord(sandbox.current, R.dealUnlocked);
    await press(widget.getByRole("button", { name: "Lock…" }));
    await expectFocus(widget, "textarea: Reason (required)");
    await widget.page().keyboard.press("Escape");
    await widget.getByLabel("Reason (required)").waitFor({ state: "detached" });
    await expectFocus(widget, "button: Lock…");

    await widget.page().keyboard.press("Enter");
    await expectFocus(widget, "textarea: Reason (required)");
    await widget.page().keyboard.press("Tab");
    await expectFocus(widget, "button: Cancel");
    await widget.page().keyboard.press("Tab");
    await expectFocus(widget, "button: Lock");
    await widget.page().keyboard.press("Enter");
    // A refused send: focus back in the reason, which is invalid and described by the problem.
    await expectFocus(widget, "textarea: Reason (required)");
    const reason = widget.getByLabel("Reason (required)");
    expect(await reason.getAttribute("aria-invalid")).toBe("true");
    const described = await reason.evaluate((element) =>
      (element.getAttribute("aria-describedby") ?? "")
        .split(" ")
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" | "),
    );
    expect(described).toMatch(/Enter a reason/);

    await widget.page().keyboard.type("Board review");
    await widget.page().keyboard.press("Tab");
    await widget.page().keyboard.press("Tab");
    await expectFocus(widget, "button: Lock");
    await widget.page().keyboard.press("Enter");
    await expectAnnounced(widget.getByText(/^Record locked/));
    await waitForFact(widget, "Reason", "Board review");
    expect(await focused(widget)).not.toBe("body");
  });

  it("the sharing and owner sections open from their headers and keep the focus there; results are announced", async () => {
    const widget = await openRecord(sandbox.current, R.dealUnlocked);
    const sharing = widget.getByRole("button", { name: "Sharing", exact: true });
    await press(sharing);
    await expectFocus(widget, "button: Sharing");
    expect(await sharing.getAttribute("aria-expanded")).toBe("true");
    await widget.locator("[data-share-state=ready]").waitFor();

    // A picked row stays focused and shows it is chosen; who is chosen is announced.
    const search = widget.getByLabel("Search users, groups and roles");
    await search.fill("eva");
    const eva = widget.getByRole("button", { name: /^Eva Example/ });
    await press(eva);
    await expect.poll(() => focused(widget)).toMatch(/^button: Eva Example.*Chosen$/);
    expect(await eva.getAttribute("aria-pressed")).toBe("true");
    await expectAnnounced(widget.getByText(/^To add: Eva Example/));
    await press(widget.getByRole("button", { name: "Add to the list" }));
    await expectFocus(widget, "h3: Changes to send");
    await press(widget.getByRole("button", { name: "Share", exact: true }));
    await expectAnnounced(widget.getByText(/^Shared\. The list above/));

    // Removing a share takes its controls away: focus moves to the list of changes.
    await press(widget.getByRole("button", { name: "Remove Eva Example" }));
    await expectFocus(widget, "h3: Changes to send");
    await widget.getByText("Remove Eva Example", { exact: true }).waitFor();

    // Revoke all: Escape gives the focus back to its button.
    await press(widget.getByRole("button", { name: "Revoke all shares…" }));
    await expectFocus(widget, "button: Cancel");
    await widget.page().keyboard.press("Escape");
    await expectFocus(widget, "button: Revoke all shares…");

    await press(widget.getByRole("button", { name: "Change owner", exact: true }));
    await expectFocus(widget, "button: Change owner");
    const owner = widget.getByLabel("Search users to become the owner");
    await owner.fill("carla");
    await widget.getByText("8 more allowed", { exact: true }).waitFor();
    await press(widget.getByRole("button", { name: /^Carla Closer/ }));
    await press(widget.getByRole("button", { name: "Reassign", exact: true }));
    await expectAnnounced(widget.getByText(/^Carla Closer is now the owner/));
    // How many users match is announced too.
    await owner.fill("zzzz-nobody");
    await expectAnnounced(widget.getByText(/^0 matches/));
  });

  it("list view: the unlock confirmation returns focus, problems and results are announced", async () => {
    const ids = [R.dealUnlocked, R.dealManualLocked];
    await browser.page.goto(`${sandbox.current.url}/list?module=Deals&ids=${ids.join(",")}&as=${SEED.users.admin}&open=1`);
    const widget = await widgetFrame(browser.page, "list.html");
    await widget.locator(`tr[data-record-id="${R.dealManualLocked}"]`).getByText("Locked · manual", { exact: true }).waitFor();
    await untilSized(widget);

    // The toolbar opens the lock form; a refused reason is announced and marks the field.
    await press(widget.getByRole("button", { name: "Lock…", exact: true }));
    await press(widget.getByRole("button", { name: "Lock the selected records" }));
    await expectAnnounced(widget.getByText(/Enter a reason/));
    expect(await widget.getByLabel("Reason (required)").getAttribute("aria-invalid")).toBe("true");

    const unlock = widget.getByRole("button", { name: "Unlock 1 manual lock…" });
    await press(unlock);
    await expectFocus(widget, "button: Cancel");
    await widget.page().keyboard.press("Tab");
    await widget.page().keyboard.press("Tab");
    await expectFocus(widget, "button: Cancel");
    await widget.page().keyboard.press("Escape");
    await expectFocus(widget, "button: Unlock 1 manual lock…");

    await press(widget.getByRole("button", { name: "Reassign…" }));
    await widget.getByLabel("Search users to become the owner").fill("theo");
    await press(widget.getByRole("button", { name: /^Theo Threshold/ }));
    await expectAnnounced(widget.getByText(/will be reassigned, \d+ skipped/));
    // Cancelling the plan closes the panel: focus goes back to the toolbar button that opened it.
    await press(widget.getByTestId("reassign-plan").getByRole("button", { name: "Cancel" }));
    await expectFocus(widget, "button: Reassign…");
    expect(await widget.getByTestId("reassign-plan").count()).toBe(0);

    await press(widget.getByRole("button", { name: "Lock…", exact: true }));
    await widget.getByLabel("Reason (required)").fill("Audit");
    await press(widget.getByRole("button", { name: "Lock the selected records" }));
    await expectAnnounced(widget.getByTestId("bulk-summary"));
  });

  it("settings: the editor takes the focus, Back returns it to the module, the delete confirmation traps and returns it", async () => {
    const frame = await openSettings(sandbox.current);
    await press(frame.getByRole("button", { name: "Edit Accounts" }));
    await expectFocus(frame, "h2: Record locking for Accounts");

    await press(frame.getByRole("button", { name: "Delete configuration…" }));
    await expectFocus(frame, "button: Cancel");
    await frame.page().keyboard.press("Tab");
    await expectFocus(frame, "button: Delete and unlock all");
    await frame.page().keyboard.press("Tab");
    await expectFocus(frame, "button: Cancel");
    await frame.page().keyboard.press("Escape");
    await expectFocus(frame, "button: Delete configuration…");

    await frame.getByLabel("Add or remove tags").check();
    // The review takes the focus (so it scrolls into view); the result gives it to the heading above it.
    await press(frame.getByRole("button", { name: "1 change · Review…" }));
    await expectFocus(frame, "h2: Changes to save");
    await press(frame.getByRole("button", { name: "Save", exact: true }));
    await expectAnnounced(frame.getByText(/^Saved\./));
    await expectFocus(frame, "h2: Record locking for Accounts");

    await press(frame.getByRole("button", { name: "Back to all modules" }));
    await expectFocus(frame, "button: Edit Accounts");
  });

  it("settings: the criteria builder's + moves the focus into the new row, × keeps it in the rule, and removing a rule leaves it on the rules' heading", async () => {
    const frame = await openSettings(sandbox.current);
    await press(frame.getByRole("button", { name: "Edit Deals" }));
    await frame.locator("[data-editor-module]").waitFor();
    const rule = frame.locator("[data-rule]").first();
    /** The focused control and the condition it belongs to (its child indexes in the rule's criteria). */
    const focusedCondition = () =>
      frame.evaluate(() => {
        const active = document.activeElement;
        const path = active?.closest("[data-criteria-path]")?.getAttribute("data-criteria-path") ?? "";
        return `${active?.tagName.toLowerCase()} in ${path.split(".").slice(3).join(".") || "none"}`;
      });
    // + on the rule's single condition: it becomes the first of a group, and the new second row takes the focus.
    await press(rule.getByRole("button", { name: "Add a condition after condition 1" }));
    await expect.poll(focusedCondition, { timeout: 5_000 }).toBe("select in 1");
    await press(rule.getByRole("button", { name: "Add a condition after condition 2" }));
    await expect.poll(focusedCondition, { timeout: 5_000 }).toBe("select in 2");
    expect(await rule.getByRole("combobox", { name: "Field" }).count()).toBe(3);
    // × on the last row: the focus goes to the row before it, not to the page.
    await press(rule.getByRole("button", { name: "Remove condition 3" }));
    await expect.poll(focusedCondition, { timeout: 5_000 }).toBe("select in 1");
    expect(await rule.getByRole("combobox", { name: "Field" }).count()).toBe(2);
    await press(rule.getByRole("button", { name: /^Remove rule/ }));
    await expectFocus(frame, "h2: Locking rules (at most 5)");
  });

  it("portals: the users view takes the focus and gives it back; the removal confirmation traps it; results are announced", async () => {
    const frame = await openSettings(sandbox.current);
    await press(frame.getByRole("button", { name: "Client portals" }));
    await frame.getByTestId("user-types").waitFor();

    await press(frame.getByRole("button", { name: "Users of Customer" }));
    await expectFocus(frame, "h2: Users of Customer");
    await frame.getByTestId("portal-users").waitFor();
    // The table is read again after a status change: focus comes back to that user's button, now saying the opposite.
    const first = frame.locator("tr[data-personality]").first();
    const name = (await first.locator("td").nth(1).textContent()) ?? "";
    await press(first.getByRole("button", { name: `Deactivate ${name}` }));
    await expectFocus(frame, `button: Activate ${name}`);
    await expectAnnounced(frame.getByText(`${name} is inactive now.`));
    // Space selects a user; the bar of what can be done with the selection appears.
    await frame.getByRole("checkbox", { name: /^Select / }).first().focus();
    await frame.page().keyboard.press("Space");
    await frame.getByTestId("portal-bulk").getByText("1 selected", { exact: true }).waitFor();
    const remove = frame.getByRole("button", { name: "Delete 1 from the portal…" });
    await press(remove);
    await expectFocus(frame, "button: Cancel");
    await frame.page().keyboard.press("Shift+Tab");
    await expectFocus(frame, "button: Remove from portal");
    await frame.page().keyboard.press("Shift+Tab");
    await expectFocus(frame, "button: Cancel");
    await frame.page().keyboard.press("Escape");
    await expectFocus(frame, "button: Delete 1 from the portal…");
    await press(remove);
    await expectFocus(frame, "button: Cancel");
    await frame.page().keyboard.press("Shift+Tab");
    await expectFocus(frame, "button: Remove from portal");
    await frame.page().keyboard.press("Enter");
    await expectAnnounced(frame.getByTestId("portal-run-summary"));

    await press(frame.getByRole("button", { name: "Back to user types" }));
    await expectFocus(frame, "button: Users of Customer");

    await press(frame.getByRole("button", { name: "Edit Customer" }));
    await expectFocus(frame, "h2: Edit the user type Customer");
    await press(frame.getByRole("button", { name: "Cancel" }));
    await expectFocus(frame, "button: Edit Customer");

    await press(frame.getByRole("button", { name: "New user type…" }));
    await expectFocus(frame, "h2: New user type");
    await press(frame.getByRole("button", { name: "Cancel" }));
    await expectFocus(frame, "button: New user type…");

    // Deleting a type asks first; the question keeps the focus, and Escape gives it back.
    await press(frame.getByRole("button", { name: "Delete Supplier…" }));
    await expectFocus(frame, "button: Cancel");
    await frame.page().keyboard.press("Tab");
    await expectFocus(frame, "button: Delete user type");
    await frame.page().keyboard.press("Tab");
    await expectFocus(frame, "button: Cancel");
    await frame.page().keyboard.press("Escape");
    await expectFocus(frame, "button: Delete Supplier…");
    await press(frame.getByRole("button", { name: "Delete Supplier…" }));
    await frame.page().keyboard.press("Shift+Tab");
    await frame.page().keyboard.press("Enter");
    await expectAnnounced(frame.getByText("User type Supplier deleted."));
    // Its row (and button) went: focus goes to the section's heading, not to <body>.
    await expectFocus(frame, "h2: Client portal user types");
  });
});

describe("the axe harness and the themes", () => {
  const sandbox = useSandbox();

  it("axe runs inside the widget's frame despite its CSP, and finds what it should", async () => {
    const widget = await openRecord(sandbox.current, R.dealUnlocked);
    expect(await axeViolations(widget)).toEqual([]);
    await widget.evaluate(() => {
      const probe = document.createElement("div");
      probe.id = "axe-probe";
      // Set through the CSSOM: the page's CSP refuses inline style attributes.
      const faint = document.createElement("p");
      faint.textContent = "faint";
      faint.style.color = "#999";
      faint.style.background = "#aaa";
      probe.append(faint, document.createElement("input"));
      document.getElementById("app")?.append(probe);
    });
    const found = (await axeViolations(widget)).map((violation) => violation.id).sort();
    expect(found).toEqual(expect.arrayContaining(["color-contrast", "label"]));
  });

  it("the CRM's day theme wins over a dark system scheme", async () => {
    await browser.page.emulateMedia({ colorScheme: "dark" });
    const widget = await openRecord(sandbox.current, R.dealAutoLocked, SEED.users.standard, "&theme=day");
    await widget.locator('html[data-theme="day"]').waitFor({ state: "attached" });
    expect(await widget.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(DAY_CANVAS);
  });

  it("without a CRM preference, follows the system scheme as it changes, and passes axe there too", async () => {
    await browser.page.emulateMedia({ colorScheme: "dark" });
    const widget = await openRecord(sandbox.current, R.dealAutoLocked, SEED.users.standard, "&theme=none");
    await widget.locator('html[data-theme="night"]').waitFor({ state: "attached" });
    expect(await widget.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(NIGHT_CANVAS);
    expect(await axeViolations(widget)).toEqual([]);
    await browser.page.emulateMedia({ colorScheme: "light" });
    await widget.locator('html[data-theme="day"]').waitFor({ state: "attached" });
    expect(await widget.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(DAY_CANVAS);
  });

  it("the CRM's night theme wins over a light system scheme", async () => {
    await browser.page.emulateMedia({ colorScheme: "light" });
    const widget = await openRecord(sandbox.current, R.dealAutoLocked, SEED.users.standard, "&theme=night");
    await widget.locator('html[data-theme="night"]').waitFor({ state: "attached" });
    expect(await widget.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(NIGHT_CANVAS);
  });
});
