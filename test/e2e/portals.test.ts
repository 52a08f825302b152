import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import { useBrowser, useSandbox, widgetFrame, type Sandbox } from "./support";

const browser = useBrowser();
const PT = SEED.portal;

async function openPortals(sandbox: Sandbox): Promise<Frame> {
  await browser.page.goto(`${sandbox.url}/settings?as=${SEED.users.admin}`);
  const frame = await widgetFrame(browser.page, "settings.html");
  await frame.getByRole("button", { name: "Client portals" }).click();
  await frame.locator("[data-portals-settled=true]").waitFor();
  await frame.getByTestId("user-types").waitFor();
  return frame;
}

const typeRow = (frame: Frame, id: string) => frame.locator(`tr[data-user-type="${id}"]`);

function usersOf(sandbox: Sandbox, typeId: string): number {
  const answer = sandbox.mock.handle({
    method: "GET",
    path: `/crm/v8/settings/portals/${PT.name}/user_type/${typeId}/users`,
    query: { type: "AllUsers" },
    userId: SEED.users.admin,
  });
  return answer.status === 204 ? 0 : ((answer.body as { users: unknown[] }).users.length ?? 0);
}

describe("portal user types and their users", () => {
  const sandbox = useSandbox();

  it("lists the portal's user types with their module, state and number of users", async () => {
    const frame = await openPortals(sandbox.current);
    await typeRow(frame, PT.userTypes.customer).getByText("Default", { exact: true }).waitFor();
    expect(await typeRow(frame, PT.userTypes.partner).locator("td").allTextContents()).toEqual(
      expect.arrayContaining(["Partner", "Contacts", "Active", "4"]),
    );
    // Row actions are buttons that say which type, the visible word being part of the name.
    await typeRow(frame, PT.userTypes.partner).getByRole("button", { name: "Users of Partner" }).getByText("Users", { exact: true }).waitFor();
    await typeRow(frame, PT.userTypes.partner).getByRole("button", { name: "Edit Partner" }).getByText("Edit", { exact: true }).waitFor();
  });

  it("blocks deleting a type that has users, moves them, then deletes it", async () => {
    const frame = await openPortals(sandbox.current);
    await frame.getByRole("button", { name: "Delete Partner…" }).click();
    await frame.getByTestId("type-has-users").getByText(/Partner still has 4 users/).waitFor();
    expect(usersOf(sandbox.current, PT.userTypes.partner)).toBe(4);

    await frame.getByRole("button", { name: "Move its users…" }).click();
    await frame.getByTestId("portal-bulk").getByText("4 selected", { exact: true }).waitFor();
    // Only types built on the same module (Contacts) are offered.
    expect(await frame.getByLabel("Move to").locator("option").allTextContents()).toEqual(["Customer"]);
    await frame.getByRole("button", { name: "Move 4 users" }).click();
    await frame.getByTestId("portal-run-summary").getByText("Moved 4; 0 failed.").waitFor();
    expect(usersOf(sandbox.current, PT.userTypes.customer)).toBe(10);

    await frame.getByRole("button", { name: "Back to user types" }).click();
    await typeRow(frame, PT.userTypes.partner).getByText("0", { exact: true }).waitFor();
    await frame.getByRole("button", { name: "Delete Partner…" }).click();
    await frame.getByRole("alertdialog", { name: "Delete the user type Partner?" }).waitFor();
    await frame.getByRole("button", { name: "Delete user type" }).click();
    await frame.getByText("User type Partner deleted.").waitFor();
    expect(await typeRow(frame, PT.userTypes.partner).count()).toBe(0);
  });

  it("deactivates a user, and filters by status", async () => {
    const frame = await openPortals(sandbox.current);
    await frame.getByRole("button", { name: "Users of Customer" }).click();
    await frame.getByTestId("portal-users").waitFor();
    const first = frame.locator("tr[data-personality]").first();
    const id = await first.getAttribute("data-personality");
    const deactivate = first.getByRole("button", { name: /^Deactivate / });
    await deactivate.click();
    await frame.locator(`tr[data-personality="${id}"]`).getByRole("button", { name: /^Activate / }).waitFor();
    await frame.getByLabel("Show").selectOption("DeactiveUsers");
    await frame.locator(`tr[data-personality="${id}"]`).waitFor();
    expect(await frame.locator("tr[data-personality]").count()).toBe(2);
  });

  it("asks before removing users from the portal, naming how many", async () => {
    const frame = await openPortals(sandbox.current);
    await frame.getByRole("button", { name: "Users of Customer" }).click();
    await frame.getByTestId("portal-users").waitFor();
    const boxes = frame.getByRole("checkbox", { name: /^Select / });
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await frame.getByRole("button", { name: "Delete 2 from the portal…" }).click();
    const dialog = frame.getByRole("alertdialog", { name: "Remove 2 users from the portal?" });
    await dialog.getByText("2 people lose access to the portal. Their CRM records stay.").waitFor();
    await dialog.getByRole("button", { name: "Remove from portal" }).click();
    await frame.getByTestId("portal-run-summary").getByText("Removed 2; 0 failed.").waitFor();
    expect(usersOf(sandbox.current, PT.userTypes.customer)).toBe(4);
  });

  it("creates a user type after the checks a server would make", async () => {
    const frame = await openPortals(sandbox.current);
    await frame.getByRole("button", { name: "New user type…" }).click();
    await frame.locator('[data-type-editor="new"][data-type-editor-settled=true]').waitFor();
    await frame.getByRole("button", { name: "Create user type" }).click();
    await frame.getByText("Give the user type a name.").waitFor();
    await frame.getByText("Choose the module whose records are the portal users.").waitFor();

    await frame.getByRole("textbox", { name: "Name (required)" }).fill("Resellers");
    await frame.getByLabel("Portal users are records of").selectOption({ label: "Contacts" });
    const contacts = frame.locator('[data-module-card="Contacts"]');
    await contacts.waitFor();
    // Contacts is private: its layout is marked required before anything is sent.
    const layout = contacts.getByRole("combobox", { name: "Layout for Contacts (required)" });
    expect(await layout.getAttribute("aria-required")).toBe("true");
    await frame.getByRole("combobox", { name: "Layout for Notes", exact: true }).waitFor();
    await frame.getByRole("button", { name: "Create user type" }).click();
    await contacts.getByText("Choose a layout: private modules need one.").waitFor();
    await layout.selectOption({ index: 1 });
    await contacts.getByRole("checkbox", { name: "Edit" }).check();
    await contacts.getByLabel("Filter for Contacts").selectOption({ label: "Account Name" });
    await frame.getByRole("button", { name: "Create user type" }).click();

    await frame.getByText(/^User type Resellers saved/).waitFor();
    await frame.locator("tr[data-user-type]").getByText("Resellers", { exact: true }).waitFor();
    const types = sandbox.current.mock.handle({
      method: "GET",
      path: `/crm/v8/settings/portals/${PT.name}/user_type`,
      query: {},
      userId: SEED.users.admin,
    });
    const created = (
      types.body as { user_type: { name: string; personality_module: { api_name: string }; modules: { api_name: string; filters: unknown; permissions: { edit: boolean } }[] }[] }
    ).user_type.find((type) => type.name === "Resellers");
    expect(created?.personality_module.api_name).toBe("Contacts");
    const contactsModule = created?.modules.find((module) => module.api_name === "Contacts");
    expect(contactsModule?.permissions.edit).toBe(true);
    expect(contactsModule?.filters).toEqual([{ id: expect.any(String) }]);
    expect(created?.modules.map((module) => module.api_name).sort()).toEqual(["Contacts", "Notes"]);
  });

  it("shows one result at a time: deleting a type just saved replaces 'saved' with 'deleted'", async () => {
    const frame = await openPortals(sandbox.current);
    await frame.getByRole("button", { name: "Edit Supplier" }).click();
    await frame.locator(`[data-type-editor="${PT.userTypes.supplier}"][data-type-editor-settled=true]`).waitFor();
    await frame.getByRole("textbox", { name: "Name (required)" }).fill("Suppliers");
    await frame.getByRole("button", { name: "Save user type" }).click();
    const saved = frame.getByText("User type Suppliers saved. The list below was read again from Zoho CRM.");
    await saved.waitFor();
    await frame.getByRole("button", { name: "Delete Suppliers…" }).click();
    await frame.getByRole("alertdialog", { name: "Delete the user type Suppliers?" }).getByRole("button", { name: "Delete user type" }).click();
    await frame.getByText("User type Suppliers deleted.").waitFor();
    expect(await saved.count()).toBe(0);
    expect(await frame.locator('[aria-live="polite"]').innerText()).toBe("User type Suppliers deleted.");
  });

  it("fits a 400 px window: no screen of the section scrolls sideways", async () => {
    await browser.page.setViewportSize({ width: 400, height: 800 });
    const frame = await openPortals(sandbox.current);
    const sideways = () => frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await sideways()).toBe(0);
    await frame.getByRole("button", { name: "Users of Customer" }).click();
    await frame.locator("[data-users-settled=true]").waitFor();
    await frame.getByRole("checkbox", { name: /^Select / }).first().check();
    await frame.getByTestId("portal-bulk").waitFor();
    expect(await sideways()).toBe(0);
    await frame.getByRole("button", { name: "Back to user types" }).click();
    await frame.getByRole("button", { name: "Edit Customer" }).click();
    await frame.locator("[data-type-editor-settled=true]").waitFor();
    expect(await sideways()).toBe(0);
  });
});
