/**
 * The rule preview's model: counts each rule with the Record Count API, waits
 * for edits to pause, keeps one count in flight per rule, drops answers for
 * criteria the rule no longer has, and says why a rule cannot be previewed.
 * Timers are vitest's fake ones; the CRM is the strict scripted fake.
 */
import { computed, signal } from "@preact/signals";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FieldInfo } from "../../widget-src/api/fields";
import type { RawAnswer } from "../../widget-src/crm/decode";
import { fail, type CrmResult } from "../../widget-src/crm/result";
import { criteriaFromJson } from "../../widget-src/features/lock-settings/criteria";
import { PREVIEW_DELAY_MS, RulePreviewModel } from "../../widget-src/features/lock-settings/preview-model";
import type { CriteriaNode, RuleDraft } from "../../widget-src/features/lock-settings/types";
import type { Load } from "../../widget-src/ui/load";
import { answer, restScript, type Scripted } from "../support/fake-crm";
import { createFakePort } from "../support/fake-port";

const COUNT = "GET /Deals/actions/count";
const FIELDS: FieldInfo[] = [
  { id: "5725767000000002589", apiName: "Stage", label: "Stage", dataType: "picklist" },
  { id: "5725767000000002591", apiName: "Amount", label: "Amount", dataType: "currency" },
  { id: "5725767000000002593", apiName: "Deal_Name", label: "Deal Name", dataType: "text" },
];

const condition = (apiName: string, comparator: string, value: unknown): CriteriaNode =>
  criteriaFromJson({ comparator, field: { api_name: apiName }, value });
const rule = (key: string, criteria: CriteriaNode, lockExistingRecords = false, name = `Rule ${key}`): RuleDraft => ({
  key,
  name,
  lockExistingRecords,
  criteria,
});
const won = condition("Stage", "equal", "Closed Won");
const over = (amount: string) => condition("Amount", "greater_than", amount);

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/** An answer that comes when the test releases it. */
function heldAnswer(result: CrmResult<RawAnswer>) {
  const gate = deferred<void>();
  const scripted: Scripted = () => gate.promise.then(() => result);
  return { scripted, release: () => gate.resolve() };
}

function setup(counts: Scripted[], initial: RuleDraft[], fields: Load<FieldInfo[]> = { status: "ready", value: FIELDS }) {
  const { rest } = restScript(counts.length > 0 ? { [COUNT]: counts } : {});
  const fake = createFakePort({ rest });
  const rules = signal<readonly RuleDraft[]>(initial);
  const fieldList = signal(fields);
  const locksOnSave = computed(() => rules.value.filter((entry) => entry.lockExistingRecords));
  const model = new RulePreviewModel(fake.port, "Deals", { rules, fields: fieldList, locksOnSave });
  const sent = () => fake.calls.map((call) => call.options.query?.criteria);
  const edit = (key: string, criteria: CriteriaNode) => {
    rules.value = rules.value.map((entry) => (entry.key === key ? { ...entry, criteria } : entry));
  };
  const preview = (key: string) => model.previews.value.get(key);
  return { model, fake, rules, fieldList, sent, edit, preview };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("rule preview: counting", () => {
  it("counts every rule as read at once, with the rule's criteria in the search grammar", async () => {
    const { fake, sent, preview } = setup([answer({ count: 12 }), answer({ count: "3" })], [rule("a", won), rule("b", over("50000"))]);
    expect(preview("a")).toEqual({ status: "counting" });
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.calls.map((call) => call.path)).toEqual(["/Deals/actions/count", "/Deals/actions/count"]);
    expect(sent()).toEqual(["(Stage:equals:Closed Won)", "(Amount:greater_than:50000)"]);
    expect(preview("a")).toEqual({ status: "counted", count: 12 });
    // Zoho's OpenAPI types the count as a string.
    expect(preview("b")).toEqual({ status: "counted", count: 3 });
  });

  it("waits until edits pause, then counts only the newest criteria", async () => {
    const { sent, edit, preview } = setup([answer({ count: 40 }), answer({ count: 7 })], [rule("a", over("5"))]);
    await vi.advanceTimersByTimeAsync(0);
    expect(preview("a")).toEqual({ status: "counted", count: 40 });
    edit("a", over("50"));
    // The old number belongs to other criteria: it is not shown while the new one is awaited.
    expect(preview("a")).toEqual({ status: "counting" });
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS - 100);
    edit("a", over("500"));
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS - 1);
    expect(sent()).toEqual(["(Amount:greater_than:5)"]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent()).toEqual(["(Amount:greater_than:5)", "(Amount:greater_than:500)"]);
    expect(preview("a")).toEqual({ status: "counted", count: 7 });
  });

  it("keeps one count in flight per rule: an edit made meanwhile goes when the answer is back, and the stale answer is not shown", async () => {
    const first = heldAnswer(answer({ count: 40 }));
    const second = heldAnswer(answer({ count: 7 }));
    const { sent, edit, preview } = setup([first.scripted, second.scripted], [rule("a", over("5"))]);
    await vi.advanceTimersByTimeAsync(0);
    edit("a", over("500"));
    // The wait is over, but the first count is still out.
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS * 3);
    expect(sent()).toEqual(["(Amount:greater_than:5)"]);
    first.release();
    await vi.advanceTimersByTimeAsync(0);
    // 40 was for "> 5": dropped. "> 500" is asked at once.
    expect(preview("a")).toEqual({ status: "counting" });
    expect(sent()).toEqual(["(Amount:greater_than:5)", "(Amount:greater_than:500)"]);
    second.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(preview("a")).toEqual({ status: "counted", count: 7 });
  });

  it("when a stale answer comes back before edits pause, waits for the pause rather than counting at once", async () => {
    const first = heldAnswer(answer({ count: 40 }));
    const { sent, edit, preview } = setup([first.scripted, answer({ count: 7 })], [rule("a", over("5"))]);
    await vi.advanceTimersByTimeAsync(0);
    edit("a", over("500"));
    first.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent()).toHaveLength(1);
    expect(preview("a")).toEqual({ status: "counting" });
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS);
    expect(sent()).toEqual(["(Amount:greater_than:5)", "(Amount:greater_than:500)"]);
    expect(preview("a")).toEqual({ status: "counted", count: 7 });
  });

  it("counts different rules side by side, each on its own", async () => {
    const a = heldAnswer(answer({ count: 1 }));
    const b = heldAnswer(answer({ count: 2 }));
    const { sent, preview } = setup([a.scripted, b.scripted], [rule("a", won), rule("b", over("5"))]);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent()).toHaveLength(2);
    b.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(preview("a")).toEqual({ status: "counting" });
    expect(preview("b")).toEqual({ status: "counted", count: 2 });
    a.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(preview("a")).toEqual({ status: "counted", count: 1 });
  });

  it("does not count again for a new name or the switch, nor for an edit undone within the wait", async () => {
    const { rules, sent, edit, preview } = setup([answer({ count: 40 })], [rule("a", over("5"))]);
    await vi.advanceTimersByTimeAsync(0);
    rules.value = [{ ...rules.value[0]!, name: "Renamed", lockExistingRecords: true }];
    edit("a", over("50"));
    edit("a", over("5"));
    expect(preview("a")).toEqual({ status: "counted", count: 40 });
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS * 2);
    expect(sent()).toEqual(["(Amount:greater_than:5)"]);
  });

  it("counts a rule the user completes only once edits pause, and drops the rule's count when it is removed", async () => {
    const held = heldAnswer(answer({ count: 9 }));
    const { rules, sent, edit, preview } = setup([held.scripted], [rule("new-1", criteriaFromJson({ comparator: "", field: {}, value: "" }))]);
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS);
    expect(preview("new-1")).toEqual({ status: "incomplete" });
    expect(sent()).toEqual([]);
    edit("new-1", over("5"));
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS);
    expect(sent()).toEqual(["(Amount:greater_than:5)"]);
    rules.value = [];
    held.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(preview("new-1")).toBeUndefined();
  });

  it("waits for the module's fields, then counts at once", async () => {
    const { fieldList, sent, preview } = setup([answer({ count: 4 })], [rule("a", won)], { status: "loading" });
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS);
    expect(sent()).toEqual([]);
    expect(preview("a")).toEqual({ status: "counting" });
    fieldList.value = { status: "ready", value: FIELDS };
    await vi.advanceTimersByTimeAsync(0);
    expect(preview("a")).toEqual({ status: "counted", count: 4 });
  });

  it("shows nothing and sends nothing after it is disposed", async () => {
    const held = heldAnswer(answer({ count: 40 }));
    const { model, edit, sent, preview } = setup([held.scripted], [rule("a", over("5"))]);
    await vi.advanceTimersByTimeAsync(0);
    edit("a", over("50"));
    model[Symbol.dispose]();
    held.release();
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS * 2);
    expect(sent()).toEqual(["(Amount:greater_than:5)"]);
    expect(preview("a")).toEqual({ status: "counting" });
  });
});

describe("rule preview: cannot preview", () => {
  it.each([
    ["a text field's equal (the search matches parts of values)", condition("Deal_Name", "equal", "Orbit"), "inexact_match"],
    ["a comparison the search lacks", condition("Deal_Name", "contains", "Orbit"), "comparator_not_searchable"],
    ["a field the module lacks", condition("Gone_Field", "equal", "x"), "unknown_field"],
    ["an operator the field type does not take", condition("Stage", "greater_than", "Closed Won"), "operator_not_allowed"],
    ["a value the field type cannot read", condition("Amount", "greater_than", "lots"), "value_not_expressible"],
    ["criteria the editor keeps as they came", criteriaFromJson({ odd: true }), "not_criteria"],
  ])("says why for %s, and asks nothing", async (_, criteria, reason) => {
    const { sent, preview } = setup([], [rule("a", criteria)]);
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS);
    expect(preview("a")).toEqual({ status: "cannot", reason });
    expect(sent()).toEqual([]);
  });

  it("cannot preview without the module's fields: a text field's inexact match would go unnoticed", async () => {
    const { sent, preview } = setup([], [rule("a", won)], { status: "error", error: { code: "INTERNAL_ERROR", message: "boom", details: {} } });
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS);
    expect(preview("a")).toEqual({ status: "cannot", reason: "fields_unavailable" });
    expect(sent()).toEqual([]);
  });

  it("an edit that the grammar cannot say cancels the wait for the previous one", async () => {
    const { sent, edit, preview } = setup([answer({ count: 40 })], [rule("a", over("5"))]);
    await vi.advanceTimersByTimeAsync(0);
    edit("a", over("50"));
    edit("a", condition("Deal_Name", "equal", "Orbit"));
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS * 2);
    expect(preview("a")).toEqual({ status: "cannot", reason: "inexact_match" });
    expect(sent()).toEqual(["(Amount:greater_than:5)"]);
  });

  it("shows a count the CRM refuses as refused (cannot preview), with its message, and does not try again", async () => {
    const refusal = fail("INVALID_QUERY", "invalid query formed", { reason: "operator" }, 400);
    const { sent, model, preview } = setup([refusal], [rule("a", won)]);
    await vi.advanceTimersByTimeAsync(0);
    expect(preview("a")).toEqual({ status: "refused", error: expect.objectContaining({ code: "INVALID_QUERY", message: "invalid query formed" }) });
    model.retry("a");
    await vi.advanceTimersByTimeAsync(0);
    expect(sent()).toHaveLength(1);
  });

  it("shows another failure as failed, never as 0, and counts again on retry", async () => {
    const { sent, model, preview } = setup([fail("INTERNAL_ERROR", "boom", {}, 500), answer({ count: 5 })], [rule("a", won)]);
    await vi.advanceTimersByTimeAsync(0);
    expect(preview("a")).toMatchObject({ status: "failed", error: { code: "INTERNAL_ERROR" } });
    model.retry("a");
    expect(preview("a")).toEqual({ status: "counting" });
    await vi.advanceTimersByTimeAsync(0);
    expect(sent()).toHaveLength(2);
    expect(preview("a")).toEqual({ status: "counted", count: 5 });
  });

  it("reads an answer without a count as failed, never as 0", async () => {
    const { preview } = setup([answer({ count: null })], [rule("a", won)]);
    await vi.advanceTimersByTimeAsync(0);
    expect(preview("a")).toMatchObject({ status: "failed", error: { code: "UNREADABLE_RESPONSE" } });
  });
});

describe("rule preview: what saving locks", () => {
  it("is nothing without a saved rule that locks existing records", async () => {
    const { model } = setup([answer({ count: 3 })], [rule("a", won)]);
    await vi.advanceTimersByTimeAsync(0);
    expect(model.onSave.value).toEqual({ kind: "none" });
  });

  it("sums the counts of the rules that lock existing records, once all are known", async () => {
    const held = heldAnswer(answer({ count: 5 }));
    const { model } = setup([answer({ count: 3 }), held.scripted], [rule("a", won, true), rule("b", over("5"), true)]);
    await vi.advanceTimersByTimeAsync(0);
    expect(model.onSave.value).toEqual({ kind: "counting" });
    held.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(model.onSave.value).toEqual({ kind: "known", count: 8, rules: 2 });
  });

  it("names the rules whose count is unknown rather than give a partial sum", async () => {
    const { model } = setup(
      [answer({ count: 3 }), fail("INTERNAL_ERROR", "boom", {}, 500), answer({ count: 9 })],
      [rule("a", won, true, "Won"), rule("b", over("5"), true, "Big"), rule("c", over("9"), true, "Bigger"), rule("d", condition("Deal_Name", "equal", "x"), true, "Named")],
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(model.onSave.value).toEqual({ kind: "partial", atLeast: 9, unknown: ["Big", "Named"] });
  });
});
