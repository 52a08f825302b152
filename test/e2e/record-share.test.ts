import { readFile } from "node:fs/promises";
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import { openRecordWidget, recordSettled, type Sandbox, untilSized, useBrowser, useSandbox } from "./support";

const browser = useBrowser();

async function openSharing(sandbox: Sandbox, id: string, as: string = SEED.users.standard): Promise<Frame> {
  const widget = await recordSettled(await openRecordWidget(browser.page, sandbox, { module: "Deals", id, as }));
  await widget.getByRole("button", { name: "Sharing", exact: true }).click();
  await widget.locator("[data-share-state]").waitFor();
  await untilSized(widget);
  return widget;
}

async function pick(widget: Frame, query: string, name: string) {
  await widget.getByLabel("Search users, groups and roles").fill(query);
  await widget.getByRole("button", { name: new RegExp(`^${name}`) }).click();
}

function sharedNames(widget: Frame) {
  return widget.locator("[data-share-name]").evaluateAll((items) => items.map((item) => item.getAttribute("data-share-name") ?? ""));
}

describe("sharing from the record popup", () => {
  const sandbox = useSandbox();

  it("loads the section's code with one import when it opens, and none of it before", async () => {
    const chunks: string[] = [];
    browser.page.on("request", (request) => {
      if (request.url().includes("/app/chunks/") && request.url().endsWith(".js")) chunks.push(new URL(request.url()).pathname.split("/").pop()!);
    });
    const widget = await recordSettled(await openRecordWidget(browser.page, sandbox.current, { module: "Deals", id: SEED.records.dealUnlocked, as: SEED.users.standard }));
    const atFirstPaint = chunks.length;
    expect(chunks.some((file) => file.startsWith("create-"))).toBe(false);
    await widget.getByRole("button", { name: "Sharing", exact: true }).click();
    await widget.locator("[data-share-state]").waitFor();
    const opened = chunks.slice(atFirstPaint);
    // One import() (its models and its view together); the chunks it shares with other parts come as its static imports.
    const part = opened.filter((file) => file.startsWith("create-"));
    expect(part).toHaveLength(1);
    const code = await readFile(`app/chunks/${part[0]}`, "utf8");
    const imported = new Set([...code.matchAll(/from\s*"\.\/([^"]+\.js)"/g)].map((match) => match[1]));
    expect(opened.filter((file) => file !== part[0] && !imported.has(file))).toEqual([]);
    expect(code).not.toMatch(/import\(/);
  });

  it("shares with two users, changes one permission, removes one, then revokes all", async () => {
    const widget = await openSharing(sandbox.current, SEED.records.dealUnlocked);
    await widget.getByText("Not shared with anyone directly.").waitFor();

    await pick(widget, "eva", "Eva Example");
    await pick(widget, "finn", "Finn Field");
    await widget.getByRole("radio", { name: /Read and write/ }).check();
    await widget.getByRole("button", { name: "Add to the list" }).click();
    await widget.getByText("Add Eva Example (Read and write)").waitFor();
    await widget.getByRole("button", { name: "Share", exact: true }).click();
    await widget.getByText(/^Shared\. The list above/).waitFor();
    expect((await sharedNames(widget)).sort()).toEqual(["Eva Example", "Finn Field"]);

    await widget.getByLabel("Permission for Eva Example").selectOption("full_access");
    await widget.getByText("Change Eva Example to Full access").waitFor();
    await widget.getByRole("button", { name: "Share", exact: true }).click();
    await widget.getByText(/^Shared\. The list above/).waitFor();
    expect(await widget.getByLabel("Permission for Eva Example").inputValue()).toBe("full_access");
    expect(await widget.getByLabel("Permission for Finn Field").inputValue()).toBe("read_write");

    await widget.getByRole("button", { name: "Remove Finn Field" }).click();
    await widget.getByText("Remove Finn Field", { exact: true }).waitFor();
    await widget.getByRole("button", { name: "Share", exact: true }).click();
    await widget.getByText(/^Shared\. The list above/).waitFor();
    expect(await sharedNames(widget)).toEqual(["Eva Example"]);

    await widget.getByRole("button", { name: "Revoke all shares…" }).click();
    await widget.getByRole("alertdialog", { name: "Revoke every share of this record?" }).waitFor();
    await widget.getByRole("button", { name: "Revoke all", exact: true }).click();
    await widget.getByText(/^Shares revoked/).waitFor();
    await widget.getByText("Not shared with anyone directly.").waitFor();
  });

  it("blocks an 11th user before sending", async () => {
    const widget = await openSharing(sandbox.current, SEED.records.dealShareLimit, SEED.users.admin);
    await pick(widget, "hugo", "Hugo Hunter");
    await widget.getByRole("button", { name: "Add to the list" }).click();
    await widget.getByText(/11 users: a record can be shared with at most 10 users/).waitFor();
    expect(await widget.getByRole("button", { name: "Share", exact: true }).isDisabled()).toBe(true);
  });

  it("tells a read-only profile up front that it cannot share, and offers no controls", async () => {
    const widget = await openSharing(sandbox.current, SEED.records.dealShared, SEED.users.readOnly);
    await widget.getByText("Carla Closer").waitFor();
    expect(await widget.getByTestId("share-blocked").textContent()).toMatch(/does not have the Share permission/);
    expect(await widget.getByLabel("Search users, groups and roles").count()).toBe(0);
    expect(await widget.getByRole("button", { name: "Revoke all shares…" }).count()).toBe(0);
    expect(await widget.getByRole("button", { name: "Remove Carla Closer" }).count()).toBe(0);
  });

  it("says why the owner, administrators and people already on the list cannot be picked", async () => {
    const widget = await openSharing(sandbox.current, SEED.records.dealShared, SEED.users.standard);
    const search = widget.getByLabel("Search users, groups and roles");
    await search.fill("admin");
    await widget.getByText(/administrators already see every record/).first().waitFor();
    await search.fill("mia");
    await widget.getByText(/owns this record/).waitFor();
    await search.fill("carla");
    await widget.getByText(/already on the list/).first().waitFor();
    await search.fill("emea");
    await widget.getByRole("button", { name: /^EMEA Team.*already on the list/ }).waitFor();
  });

  it("shares with a group and a role", async () => {
    const widget = await openSharing(sandbox.current, SEED.records.dealUnlocked);
    await pick(widget, "apac", "APAC Team");
    await pick(widget, "support lead", "Support Lead");
    await widget.getByRole("button", { name: "Add to the list" }).click();
    await widget.getByRole("button", { name: "Share", exact: true }).click();
    await widget.getByText(/^Shared\. The list above/).waitFor();
    expect((await sharedNames(widget)).sort()).toEqual(["APAC Team", "Support Lead"]);
  });

  it("switches the record to public and back to private", async () => {
    const widget = await openSharing(sandbox.current, SEED.records.dealShared, SEED.users.salesManager);
    await widget.getByLabel("Everyone in the organisation").check();
    await widget.getByLabel("Permission for everyone").selectOption("read_write");
    await widget.getByText("Share with everyone in the organisation (Read and write)").waitFor();
    await widget.getByText("Remove Carla Closer", { exact: true }).waitFor();
    await widget.getByRole("button", { name: "Share", exact: true }).click();
    await widget.getByText(/^Shared\. The list above/).waitFor();
    await widget.getByText("Shared with everyone in the organisation (Read and write).").waitFor();
    expect(await sharedNames(widget)).toEqual([]);

    await widget.getByLabel("Particular people, groups or roles").check();
    await widget.getByText("Stop sharing with everyone in the organisation").waitFor();
    await pick(widget, "eva", "Eva Example");
    await widget.getByRole("button", { name: "Add to the list" }).click();
    await widget.getByRole("button", { name: "Share", exact: true }).click();
    await widget.getByText(/^Shared\. The list above/).waitFor();
    expect(await sharedNames(widget)).toEqual(["Eva Example"]);
    expect(await widget.getByTestId("public-share").count()).toBe(0);
  });
});

describe("sharing while Zoho's share job runs", () => {
  const sandbox = useSandbox({ shareJobMs: 1200 });

  it("waits for the job, then shows the shared list", async () => {
    const widget = await openSharing(sandbox.current, SEED.records.dealUnlocked);
    await pick(widget, "eva", "Eva Example");
    await widget.getByRole("button", { name: "Add to the list" }).click();
    await widget.getByRole("button", { name: "Share", exact: true }).click();
    await widget.getByText("Zoho CRM is applying the share…").first().waitFor();
    await widget.getByText(/^Shared\. The list above/).waitFor({ timeout: 15_000 });
    expect(await sharedNames(widget)).toEqual(["Eva Example"]);
  });
});
