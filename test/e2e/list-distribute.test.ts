import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import { teamDealId } from "../../sandbox/seed/team";
import type { MockRequest } from "../../sandbox/api/types";
import { AxeReport } from "./axe";
import { type Sandbox, untilSized, useBrowser, useSandbox, widgetFrame } from "./support";

const browser = useBrowser();
const T = SEED.team.users;
const deals = (from: number, count: number) => Array.from({ length: count }, (_, i) => teamDealId(from + i));

async function openList(sandbox: Sandbox, ids: string[], as: string): Promise<Frame> {
  await browser.page.goto(`${sandbox.url}/list?module=Deals&ids=${ids.join(",")}&as=${as}&open=1`);
  const widget = await widgetFrame(browser.page, "list.html");
  await widget.getByTestId("bulk-table").waitFor();
  await widget.locator("[data-bulk-settled=true]").waitFor();
  await untilSized(widget);
  return widget;
}

/** Opens "Distribute among several owners…" and chooses the people by name. */
async function distributeTo(widget: Frame, names: string[]): Promise<void> {
  await widget.getByRole("button", { name: "Distribute among several owners…" }).click();
  const search = widget.getByLabel("Search users to add");
  for (const name of names) {
    await search.fill(name.split(" ")[0] as string);
    await widget.getByRole("button", { name: new RegExp(`^${name}`) }).click();
    await widget.getByTestId("distribute-chosen").locator("li", { hasText: name }).waitFor();
  }
  await widget.getByTestId("distribute-plan").waitFor();
}

/** A person's count in the review ("2 records"). */
const share = (widget: Frame, userId: string) => widget.getByTestId("distribute-shares").locator(`tr[data-user-id="${userId}"]`).getByRole("button");

async function resultOf(widget: Frame, id: string): Promise<string> {
  return (await widget.locator(`tr[data-record-id="${id}"] td[data-result]`).innerText()).replace(/\s+/g, " ").trim();
}

/** Every change_owner call the widget makes, as the mock receives it. */
function watchChanges(sandbox: Sandbox) {
  const seen: { owner: string; ids: string[] }[] = [];
  const original = sandbox.mock.handle;
  sandbox.mock.handle = (req: MockRequest) => {
    if (req.method === "POST" && req.path === "/crm/v8/Deals/actions/change_owner") {
      const body = req.body as { owner: { id: string }; ids: string[] };
      seen.push({ owner: body.owner.id, ids: body.ids });
    }
    return original(req);
  };
  return { seen, restore: () => (sandbox.mock.handle = original) };
}

const ownerOf = (sandbox: Sandbox, id: string): string =>
  (sandbox.mock.handle({ method: "GET", path: `/crm/v8/Deals/${id}`, query: {} }).body as { data: { Owner: { id: string } }[] }).data[0]?.Owner.id ?? "";

const remaining = (sandbox: Sandbox, userId: string): number =>
  (sandbox.mock.handle({ method: "GET", path: "/crm/v8/Deals/actions/permit_threshold", query: { owner_id: userId } }).body as {
    permit_threshold: { remaining_allow_count: number };
  }).permit_threshold.remaining_allow_count;

describe("distributing the selection among several owners", () => {
  const sandbox = useSandbox({ team: true });

  it("distributes 30 records among three people, one of whom has room for 2", async () => {
    const ids = deals(1, 30);
    const widget = await openList(sandbox.current, ids, SEED.users.salesManager);
    await distributeTo(widget, ["Olive Twist", "Aaron Able", "Bella Broad"]);
    const plan = widget.getByTestId("distribute-plan");
    await plan.getByText("30 of 30 records get a new owner; 0 not assigned.").waitFor();
    expect(await share(widget, T.olive).innerText()).toBe("2 records");
    expect(await share(widget, T.aaron).innerText()).toBe("14 records");
    await widget.getByRole("button", { name: "Reassign 30 records" }).click();
    await widget.getByText("Finished: 30 done, 0 skipped, 0 failed. Each record's result is in the table.").waitFor();
    expect(await resultOf(widget, ids[0] as string)).toBe("Reassigned");
    const owners = ids.map((id) => ownerOf(sandbox.current, id));
    expect(owners.filter((owner) => owner === T.olive)).toHaveLength(2);
    expect(owners.filter((owner) => owner === T.aaron)).toHaveLength(14);
    expect(remaining(sandbox.current, T.olive)).toBe(0);
    // The table shows the owners read again from the CRM.
    await widget.locator(`tr[data-record-id="${ids[0]}"]`).getByText(/^(Olive Twist|Aaron Able|Bella Broad)$/).waitFor();
  });

  it("checks each owner again right before sending, and re-plans the records of one whose capacity shrank meanwhile", async () => {
    const ids = deals(1, 30);
    const widget = await openList(sandbox.current, ids, SEED.users.salesManager);
    await distributeTo(widget, ["Olive Twist", "Aaron Able", "Bella Broad"]);
    expect(await share(widget, T.aaron).innerText()).toBe("14 records");
    // Meanwhile someone gives Aaron 15 other deals: his room goes from 20 to 5.
    const elsewhere = sandbox.current.mock.handle({
      method: "POST",
      path: "/crm/v8/Deals/actions/change_owner",
      query: {},
      body: { owner: { id: T.aaron }, ids: deals(101, 15) },
    });
    expect(elsewhere.status).toBe(200);
    expect(remaining(sandbox.current, T.aaron)).toBe(5);
    const changes = watchChanges(sandbox.current);
    try {
      await widget.getByRole("button", { name: "Reassign 30 records" }).click();
      await widget.getByText("Finished: 27 done, 3 skipped, 0 failed. Each record's result is in the table.").waitFor();
    } finally {
      changes.restore();
    }
    await widget
      .getByTestId("distribute-notes")
      .getByText("Aaron Able now has room for 5, not the 14 planned: 6 of their records went to others, 3 got no new owner.")
      .waitFor();
    expect(changes.seen.map(({ owner, ids: sent }) => [owner, sent.length])).toEqual([
      [T.olive, 2],
      [T.aaron, 5],
      [T.bella, 20],
    ]);
    expect(remaining(sandbox.current, T.aaron)).toBe(0);
    const skipped = ids.filter((id) => !changes.seen.some(({ ids: sent }) => sent.includes(id)));
    expect(skipped).toHaveLength(3);
    for (const id of skipped) expect(await resultOf(widget, id)).toBe("Skipped everyone chosen is at the limit of their assignment threshold");
  });

  it("never sends a record whose lock blocks changing the owner, and lists it with the lock's reason", async () => {
    const locked = SEED.records.dealManualLocked;
    const ids = [...deals(1, 6), locked];
    const widget = await openList(sandbox.current, ids, SEED.users.salesManager);
    await distributeTo(widget, ["Aaron Able", "Bella Broad"]);
    const reason = "locked, and the lock blocks this: Pending legal review of the contract amendment.";
    const notAssigned = widget.getByTestId("distribute-not-assigned");
    await notAssigned.locator(`tr[data-record-id="${locked}"]`).getByText(reason).waitFor();
    await widget.getByTestId("distribute-plan").getByText("6 of 7 records get a new owner; 1 not assigned.").waitFor();
    // The review, with one person's records open, passes axe in both themes.
    await share(widget, T.aaron).click();
    await widget.getByTestId("distribute-records").waitFor();
    const report = new AxeReport();
    await report.check(widget, "list: distribute review");
    expect(report.text).toBe("");
    const changes = watchChanges(sandbox.current);
    try {
      await widget.getByRole("button", { name: "Reassign 6 records" }).click();
      await widget.getByText("Finished: 6 done, 1 skipped, 0 failed. Each record's result is in the table.").waitFor();
    } finally {
      changes.restore();
    }
    expect(changes.seen.flatMap(({ ids: sent }) => sent)).not.toContain(locked);
    expect(await resultOf(widget, locked)).toBe(`Skipped ${reason}`);
    expect(ownerOf(sandbox.current, locked)).toBe(SEED.users.carla);
  });
});
