/**
 * Why a record is locked: an automatic lock's rule, condition by condition,
 * beside the record's current values, in the record popup against the
 * sandbox. The record's values come from the popup's own record read, in the
 * same wave as the lock; only the field labels are read afterwards.
 */
import { describe, expect, it } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import type { CallLog } from "../../sandbox/host/call-log";
import { AxeReport } from "./axe";
import { openRecordWidget, recordSettled, useBrowser, useSandbox } from "./support";

const browser = useBrowser();
const R = SEED.records;

describe("why this record is locked", () => {
  const sandbox = useSandbox();

  it("shows the matching rule's condition beside the record's value, without delaying the lock status", async () => {
    // The labels' read is held back: the lock status must show without it.
    const widget = await openRecordWidget(browser.page, sandbox.current, {
      module: "Deals",
      id: R.dealAutoLocked,
      as: SEED.users.standard,
      // With every answer 300 ms late, two reads of one wave are in flight together.
      extra: "&latency=300&fault=GET:/settings/fields:delay=1500",
    });
    await widget.getByText("Locked automatically by the rule “Closed Won deals”").waitFor();
    expect(await widget.locator("[data-lock-settled=true]").count()).toBe(0);
    await recordSettled(widget);
    const why = widget.locator("[data-why-state]");
    expect(await why.getAttribute("data-why-state")).toBe("match");
    await why.getByText("Stage is Closed Won · this record: Closed Won", { exact: true }).waitFor();
    await why.getByText("This record still matches the rule's conditions.").waitFor();
    expect(await why.locator("[data-verdict]").evaluateAll((badges) => badges.map((badge) => badge.getAttribute("data-verdict")))).toEqual(["match"]);

    const log = await browser.page.evaluate(() => (window as unknown as { __sandboxCalls: CallLog }).__sandboxCalls);
    const lockRead = log.calls.find((call) => call.request?.includes("/Locking_Information__s"));
    const recordRead = log.calls.find((call) => call.category === "read");
    const fieldsRead = log.calls.find((call) => call.request?.includes("/settings/fields"));
    if (!lockRead?.answeredAt || !recordRead?.answeredAt || !fieldsRead) throw new Error(`missing calls in ${JSON.stringify(log.calls)}`);
    // The record (and so its values) is read together with the lock: each starts before the other is answered.
    expect(recordRead.startedAt).toBeLessThan(lockRead.answeredAt);
    expect(lockRead.startedAt).toBeLessThan(recordRead.answeredAt);
    // The labels are read only after the lock status arrived, and only once.
    expect(fieldsRead.startedAt).toBeGreaterThanOrEqual(lockRead.answeredAt);
    expect(log.calls.filter((call) => call.request?.includes("/settings/fields"))).toHaveLength(1);

    const report = new AxeReport();
    await report.check(widget, "why locked: still matches");
    expect(report.text).toBe("");
  });

  it("says which condition the record no longer matches, and that the lock stays", async () => {
    // The rule is narrowed after the deal was locked: only deals above 50,000 match now, and this one is 48,000.
    const put = sandbox.current.mock.handle({
      method: "PUT",
      path: `/crm/v8/settings/record_locking_configurations/${SEED.configs.deals}`,
      query: { module: "Deals" },
      body: {
        record_locking_configurations: [
          {
            id: SEED.configs.deals,
            locking_rules: [
              {
                id: SEED.rules.dealsClosedWon,
                criteria: {
                  group_operator: "AND",
                  group: [
                    { comparator: "equal", field: { api_name: "Stage" }, value: "Closed Won" },
                    { comparator: "greater_than", field: { api_name: "Amount" }, value: "50000" },
                  ],
                },
              },
            ],
          },
        ],
      },
    });
    expect(put.status).toBe(200);

    const widget = await recordSettled(await openRecordWidget(browser.page, sandbox.current, { module: "Deals", id: R.dealAutoLocked, as: SEED.users.standard }));
    await widget.getByText("Locked automatically by the rule “Closed Won deals”").waitFor();
    const why = widget.locator("[data-why-state]");
    expect(await why.getAttribute("data-why-state")).toBe("noMatch");
    await why.getByText("Stage is Closed Won · this record: Closed Won", { exact: true }).waitFor();
    await why.getByText("Amount is greater than 50,000 · this record: 48,000", { exact: true }).waitFor();
    await why.getByText("This record no longer matches the rule's conditions. It stays locked until it is unlocked.").waitFor();
    await why.getByRole("group", { name: "Conditions: All of these (AND)" }).waitFor();
    // The group, then each condition.
    expect(await why.locator("[data-verdict]").evaluateAll((badges) => badges.map((badge) => badge.getAttribute("data-verdict")))).toEqual([
      "noMatch",
      "match",
      "noMatch",
    ]);
    // The badge in the header still says what the CRM says: locked.
    await widget.getByText("Locked · automatic", { exact: true }).waitFor();

    const report = new AxeReport();
    await report.check(widget, "why locked: no longer matches (nested groups)");
    expect(report.text).toBe("");
  });

  it("explains nothing for a manual lock", async () => {
    const widget = await recordSettled(await openRecordWidget(browser.page, sandbox.current, { module: "Deals", id: R.dealManualLocked, as: SEED.users.standard }));
    await widget.getByText("Locked by hand").waitFor();
    expect(await widget.locator("[data-why-state]").count()).toBe(0);
    const log = await browser.page.evaluate(() => (window as unknown as { __sandboxCalls: CallLog }).__sandboxCalls);
    expect(log.calls.filter((call) => call.request?.includes("/settings/fields"))).toEqual([]);
  });
});
