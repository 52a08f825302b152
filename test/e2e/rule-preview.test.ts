/**
 * The rule preview against the sandbox: Deals' rule shows how many records
 * match it (the sandbox's Record Count), the number follows a change of the
 * rule's value, the review says how many existing records saving locks, and
 * a condition the search cannot say is "cannot preview", never a number.
 */
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import { useBrowser, useSandbox, widgetFrame } from "./support";

const browser = useBrowser();
const sandbox = useSandbox();

async function openDeals(): Promise<Frame> {
  await browser.page.goto(`${sandbox.current.url}/settings?as=${SEED.users.admin}`);
  const frame = await widgetFrame(browser.page, "settings.html");
  await frame.getByRole("button", { name: "Edit Deals" }).click();
  await frame.locator("[data-editor-module][data-editor-settled=true]").waitFor();
  return frame;
}

/** How many Deals match, asked of the sandbox directly (past the host page and the widget). */
function sandboxCount(criteria: string): number {
  const answer = sandbox.current.mock.handle({ method: "GET", path: "/crm/v8/Deals/actions/count", query: { criteria } });
  expect(answer.status).toBe(200);
  return Number((answer.body as { count: unknown }).count);
}

const matchLine = (count: number) => (count === 1 ? "1 record in Deals matches this rule now" : `${count} records in Deals match this rule now`);

describe("previewing what a rule locks", () => {
  it("shows how many deals the rule matches, follows a change of its value, and says in the review how many saving locks", async () => {
    const won = sandboxCount("(Stage:equals:Closed Won)");
    const lost = sandboxCount("(Stage:equals:Closed Lost)");
    // Otherwise the change could not be seen.
    expect(lost).not.toBe(won);
    const frame = await openDeals();
    const rule = frame.locator("[data-rule]").first();
    await rule.getByText(matchLine(won), { exact: true }).waitFor();
    await rule.getByText(/a change from the last 10 minutes may not be counted yet/).waitFor();

    await rule.getByLabel("Value").selectOption("Closed Lost");
    await rule.getByText(matchLine(lost), { exact: true }).waitFor();
    expect(await rule.getByText(matchLine(won), { exact: true }).count()).toBe(0);

    // The rule locks existing records when saved: the review says how many.
    await frame.getByRole("button", { name: /· Review…$/ }).click();
    const review = frame.locator("[data-review]");
    await review.getByRole("heading", { name: "Changes to save" }).waitFor();
    expect(await review.getByTestId("changes").textContent()).toBe("Rule changed: Closed Won deals");
    await review.getByText(lost === 1 ? "Saving locks 1 existing record." : `Saving locks ${lost} existing records.`, { exact: true }).waitFor();
  });

  it("says 'cannot preview this rule' for a condition the search cannot say", async () => {
    const frame = await openDeals();
    const rule = frame.locator("[data-rule]").first();
    await rule.getByText(/records? in Deals match/).waitFor();
    const condition = rule.locator("[data-criteria-path]").first();
    await condition.getByLabel("Field").selectOption({ label: "Deal Name" });
    await condition.getByLabel("Comparison").selectOption("equal");
    await condition.getByLabel("Value").fill("Orbit Renewal");
    await rule.getByText("Cannot preview this rule.", { exact: true }).waitFor();
    await rule.getByText(/Zoho CRM's search matches text fields by part of their value/).waitFor();
    expect(await rule.getByText(/records? in Deals match/).count()).toBe(0);
  });
});
