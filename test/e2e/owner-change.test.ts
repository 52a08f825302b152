import type { Frame } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import { openRecordWidget, recordSettled, type Sandbox, untilSized, useBrowser, useSandbox } from "./support";

const browser = useBrowser();

interface SeenRequest {
  method: string;
  path: string;
  body?: unknown;
}

/** Notes every request the mock answers, until restored. */
function watchRequests(sandbox: Sandbox) {
  const seen: SeenRequest[] = [];
  const original = sandbox.mock.handle;
  sandbox.mock.handle = (req) => {
    seen.push({ method: req.method, path: req.path, body: req.body });
    return original.call(sandbox.mock, req);
  };
  return { seen, restore: () => (sandbox.mock.handle = original) };
}

async function openOwner(sandbox: Sandbox, module: string, id: string, as: string = SEED.users.standard): Promise<Frame> {
  const widget = await recordSettled(await openRecordWidget(browser.page, sandbox, { module, id, as }));
  await widget.getByRole("button", { name: "Change owner", exact: true }).click();
  await widget.locator("[data-owner-state]").waitFor();
  await untilSized(widget);
  return widget;
}

async function searchOwner(widget: Frame, query: string, name: string) {
  await widget.getByLabel("Search users to become the owner").fill(query);
  const row = widget.getByRole("button", { name: new RegExp(`^${name}`) });
  await row.waitFor();
  return row;
}

const reassign = (widget: Frame) => widget.getByRole("button", { name: "Reassign", exact: true });

describe("reassigning the owner from the record popup", () => {
  const sandbox = useSandbox();
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  it("reassigns to a user with capacity, notifying them, and shows the owner read again", async () => {
    const watch = watchRequests(sandbox.current);
    restore = watch.restore;
    const widget = await openOwner(sandbox.current, "Deals", SEED.records.dealUnlocked);
    const carla = await searchOwner(widget, "carla", "Carla Closer");
    await widget.getByText("8 more allowed", { exact: true }).waitFor();
    await carla.click();
    expect(await widget.getByLabel("Notify the new owner by e-mail").isChecked()).toBe(true);
    await reassign(widget).click();
    await widget.getByText(/^Carla Closer is now the owner/).waitFor();
    // The header's owner was read again from the CRM.
    await widget.getByText("Deals · Owner: Carla Closer").waitFor();

    const posts = watch.seen.filter((req) => req.method === "POST" && req.path.endsWith("/actions/change_owner"));
    expect(posts.map((req) => req.body)).toEqual([{ owner: { id: SEED.users.carla }, notify: true }]);
    // The capacity was checked again right before the change.
    const checks = watch.seen.filter((req) => req.path.endsWith("/actions/permit_threshold"));
    expect(checks.length).toBeGreaterThanOrEqual(2);
  });

  it("blocks a candidate whose threshold is reached, with the reason", async () => {
    const widget = await openOwner(sandbox.current, "Deals", SEED.records.dealUnlocked);
    const theo = await searchOwner(widget, "theo", "Theo Threshold");
    await widget.getByText("Limit reached", { exact: true }).first().waitFor();
    await theo.click();
    await widget.getByText("New owner: Theo Threshold").waitFor();
    // The reason in words, beside the choice.
    await widget.getByRole("alert").getByText("cannot take it: assignment limit reached").waitFor();
    expect(await reassign(widget).isDisabled()).toBe(true);
    await searchOwner(widget, "bea", "Bea Backlog");
    await widget.getByText("Backlog full", { exact: true }).first().waitFor();
  });

  it("refuses when capacity runs out between the pick and the send", async () => {
    const watch = watchRequests(sandbox.current);
    restore = watch.restore;
    const widget = await openOwner(sandbox.current, "Deals", SEED.records.dealUnlocked);
    const carla = await searchOwner(widget, "carla", "Carla Closer");
    await widget.getByText("8 more allowed", { exact: true }).waitFor();
    await carla.click();
    // Meanwhile an administrator gives Carla eight deals: her limit is reached.
    for (let i = 0; i < 8; i += 1) {
      const answer = sandbox.current.mock.handle({
        method: "POST",
        path: `/crm/v8/Deals/${SEED.records.dealClosedLost}/actions/change_owner`,
        query: {},
        body: { owner: { id: SEED.users.carla } },
        userId: SEED.users.admin,
      });
      expect(answer.status).toBe(200);
    }
    await reassign(widget).click();
    await widget.getByText(/^Not reassigned: cannot take it: assignment limit reached/).waitFor();
    const posts = watch.seen.filter((req) => req.method === "POST" && req.path.includes(SEED.records.dealUnlocked));
    expect(posts).toEqual([]);
  });

  it("says so before offering anything when the lock blocks changing the owner", async () => {
    const widget = await openOwner(sandbox.current, "Deals", SEED.records.dealManualLocked);
    expect(await widget.getByTestId("owner-blocked").textContent()).toMatch(/its lock blocks changing the owner/);
    expect(await widget.getByLabel("Search users to become the owner").count()).toBe(0);
  });

  it("reassigns in a module without thresholds, labelled as unchecked", async () => {
    const widget = await openOwner(sandbox.current, "Tasks", SEED.records.taskOpen);
    const carla = await searchOwner(widget, "carla", "Carla Closer");
    await widget.getByText("No threshold check", { exact: true }).first().waitFor();
    await carla.click();
    await reassign(widget).click();
    await widget.getByText(/^Carla Closer is now the owner/).waitFor();
  });
});
