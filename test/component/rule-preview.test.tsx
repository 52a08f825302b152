/**
 * The rule preview in the editor: each rule card's count (counting, N records,
 * cannot preview, refused, failed) and the review's "Saving locks N existing
 * records". The models are the real ones over the strict scripted CRM; the
 * preview waits 20 ms for edits to pause instead of 500, to keep tests short.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { computed } from "@preact/signals";
import { afterEach, describe, expect, it } from "vitest";
import { fail } from "../../widget-src/crm/result";
import { EditorModel, type Editor } from "../../widget-src/features/lock-settings/editor-model";
import { RulePreviewModel, type RulePreviews } from "../../widget-src/features/lock-settings/preview-model";
import { ReviewCard } from "../../widget-src/features/lock-settings/ReviewCard";
import { RulesEditor } from "../../widget-src/features/lock-settings/RulesEditor";
import { answer, restScript, type Scripted } from "../support/fake-crm";
import { createFakePort } from "../support/fake-port";
import { ADMIN_PROFILE, RULE_ID, STANDARD_PROFILE, configBody } from "../support/lock-fixtures";

afterEach(cleanup);

const COUNT = "GET /Deals/actions/count";
const SECOND_RULE = "5725767000000300102";
const won = { comparator: "equal", field: { api_name: "Stage" }, value: "Closed Won" };
const big = { comparator: "greater_than", field: { api_name: "Amount" }, value: "50000" };

const fieldsBody = answer({
  fields: [
    {
      id: "5725767000000002589",
      api_name: "Stage",
      display_label: "Stage",
      data_type: "picklist",
      pick_list_values: [
        { display_value: "Won", actual_value: "Closed Won" },
        { display_value: "Lost", actual_value: "Closed Lost" },
      ],
    },
    { id: "5725767000000002591", api_name: "Amount", display_label: "Amount", data_type: "currency" },
    { id: "5725767000000002593", api_name: "Deal_Name", display_label: "Deal name", data_type: "text" },
  ],
});

function deferred() {
  let release!: () => void;
  const promise = new Promise<void>((done) => (release = done));
  return { promise, release };
}

/** The editor (its draft and the review) as ConfigForm shows them, without the other cards. */
function Form({ editor, preview }: { editor: Editor; preview: RulePreviews }) {
  const draft = editor.draft.value;
  if (!draft) return null;
  return (
    <form>
      <RulesEditor model={editor} preview={preview} draft={draft} label="Deals" />
      {editor.reviewing.value && <ReviewCard model={editor} preview={preview} />}
    </form>
  );
}

/**
 * `counts`: the count's answer for each criteria string the test expects
 * (asked again, it answers the same); any other criteria fail the test.
 */
async function setup(rules: unknown[], counts: Record<string, Scripted>) {
  let criteriaOf = () => "";
  const byCriteria: Scripted = () => {
    const criteria = criteriaOf();
    const scripted = counts[criteria];
    if (!scripted) throw new Error(`no count scripted for ${criteria}`);
    return typeof scripted === "function" ? scripted() : scripted;
  };
  const { rest } = restScript({
    "GET /settings/record_locking_configurations": [answer(configBody({ locking_rules: rules }))],
    "GET /settings/fields": [fieldsBody],
    "GET /settings/profiles": [answer({ profiles: [ADMIN_PROFILE, STANDARD_PROFILE] })],
    "GET /settings/custom_buttons": [answer({ custom_buttons: [] })],
    ...(Object.keys(counts).length > 0 ? { [COUNT]: [byCriteria] } : {}),
  });
  const fake = createFakePort({ rest });
  criteriaOf = () => String(fake.calls.at(-1)?.options.query?.criteria);
  const editor = new EditorModel(fake.port, "Deals");
  await editor.load();
  const preview = new RulePreviewModel(
    fake.port,
    "Deals",
    { rules: computed(() => editor.draft.value?.rules ?? []), fields: editor.fields, locksOnSave: editor.locksOnSave },
    { delay: 20 },
  );
  render(<Form editor={editor} preview={preview} />);
  const counted = () => fake.calls.filter((call) => call.path === "/Deals/actions/count").map((call) => call.options.query?.criteria);
  return { editor, preview, counted };
}

const ruleCard = (key: string) => {
  const element = document.querySelector<HTMLElement>(`[data-rule="${key}"]`);
  if (!element) throw new Error(`no rule ${key}`);
  return within(element);
};

const wonRule = { id: RULE_ID, name: "Closed Won deals", lock_existing_records: true, criteria: won };
const bigRule = { id: SECOND_RULE, name: "Big deals", lock_existing_records: false, criteria: big };

describe("rule card: how many records the rule matches", () => {
  it("says it is counting, then the number of records in the module, with the counts' lag under it", async () => {
    const gate = deferred();
    const { counted } = await setup([wonRule], { "(Stage:equals:Closed Won)": () => gate.promise.then(() => answer({ count: 12 })) });
    expect(ruleCard(RULE_ID).getByRole("status").textContent).toBe("Counting the records in Deals that match this rule…");
    gate.release();
    expect(await ruleCard(RULE_ID).findByText("12 records in Deals match this rule now")).toBeTruthy();
    expect(ruleCard(RULE_ID).getByText(/a change from the last 10 minutes may not be counted yet/)).toBeTruthy();
    expect(counted()).toEqual(["(Stage:equals:Closed Won)"]);
  });

  it("uses the singular for one record, and shows 0 only when the CRM counted 0", async () => {
    await setup([wonRule, bigRule], { "(Stage:equals:Closed Won)": answer({ count: 1 }), "(Amount:greater_than:50000)": answer({ count: "0" }) });
    expect(await ruleCard(RULE_ID).findByText("1 record in Deals matches this rule now")).toBeTruthy();
    expect(await ruleCard(SECOND_RULE).findByText("0 records in Deals match this rule now")).toBeTruthy();
  });

  it("counts again when the rule's value changes, and shows the new number", async () => {
    const { counted } = await setup([wonRule], { "(Stage:equals:Closed Won)": answer({ count: 12 }), "(Stage:equals:Closed Lost)": answer({ count: 4 }) });
    expect(await ruleCard(RULE_ID).findByText("12 records in Deals match this rule now")).toBeTruthy();
    fireEvent.change(ruleCard(RULE_ID).getByRole("combobox", { name: "Value" }), { target: { value: "Closed Lost" } });
    // The old number is gone at once: it was for other criteria.
    expect(ruleCard(RULE_ID).queryByText("12 records in Deals match this rule now")).toBeNull();
    expect(await ruleCard(RULE_ID).findByText("4 records in Deals match this rule now")).toBeTruthy();
    expect(counted()).toEqual(["(Stage:equals:Closed Won)", "(Stage:equals:Closed Lost)"]);
  });

  it("says 'cannot preview this rule' and why, for a condition the search cannot say, and asks nothing", async () => {
    const { counted } = await setup([{ ...wonRule, criteria: { comparator: "equal", field: { api_name: "Deal_Name" }, value: "Orbit" } }], {});
    const card = ruleCard(RULE_ID);
    expect(card.getByText("Cannot preview this rule.")).toBeTruthy();
    expect(card.getByText(/Zoho CRM's search matches text fields by part of their value/)).toBeTruthy();
    expect(card.queryByText(/records? in Deals match/)).toBeNull();
    expect(counted()).toEqual([]);
  });

  it("says 'cannot preview' for a count the CRM refuses, with the CRM's message behind Technical details", async () => {
    await setup([wonRule], { "(Stage:equals:Closed Won)": fail("INVALID_QUERY", "invalid query formed", {}, 400) });
    const card = ruleCard(RULE_ID);
    expect(await card.findByText("Cannot preview this rule: Zoho CRM refused to count the records that match it.")).toBeTruthy();
    expect(card.queryByRole("button", { name: "Try again" })).toBeNull();
    fireEvent.click(card.getByRole("button", { name: "Technical details" }));
    expect(card.getByText("INVALID_QUERY · 400 · invalid query formed")).toBeTruthy();
    expect(card.queryByText(/records? in Deals match/)).toBeNull();
  });

  it("shows another failure through the error catalogue, never as a number, and counts again on Try again", async () => {
    let calls = 0;
    const { counted } = await setup([wonRule], {
      "(Stage:equals:Closed Won)": () => (++calls === 1 ? fail("INTERNAL_ERROR", "boom", {}, 500) : answer({ count: 3 })),
    });
    const card = ruleCard(RULE_ID);
    expect(await card.findByText("The records that match this rule could not be counted.")).toBeTruthy();
    expect(card.getByRole("alert").textContent).toMatch(/Zoho CRM/);
    expect(card.queryByText(/records? in Deals match/)).toBeNull();
    fireEvent.click(card.getByRole("button", { name: "Try again" }));
    expect(await card.findByText("3 records in Deals match this rule now")).toBeTruthy();
    expect(counted()).toHaveLength(2);
  });

  it("asks for the conditions of a new rule rather than counting an empty one", async () => {
    const { editor, counted } = await setup([wonRule], { "(Stage:equals:Closed Won)": answer({ count: 12 }) });
    editor.addRule();
    await waitFor(() => expect(document.querySelector('[data-rule="new-1"]')).not.toBeNull());
    expect(await ruleCard("new-1").findByText("Complete the conditions to see how many records match this rule.")).toBeTruthy();
    expect(counted()).toEqual(["(Stage:equals:Closed Won)"]);
  });
});

describe("review: what saving locks", () => {
  const reviewOf = async (editor: Editor) => {
    editor.review();
    const heading = await screen.findByRole("heading", { name: "Changes to save" });
    return within(heading.closest<HTMLElement>("[data-review]")!);
  };

  it("says how many existing records saving locks, for the rule saved with 'lock existing records' on", async () => {
    const { editor } = await setup([wonRule, bigRule], { "(Stage:equals:Closed Won)": answer({ count: 12 }), "(Amount:greater_than:50000)": answer({ count: 30 }) });
    await ruleCard(SECOND_RULE).findByText("30 records in Deals match this rule now");
    fireEvent.click(ruleCard(SECOND_RULE).getByRole("switch", { name: "Also lock records that already match when saving" }));
    const review = await reviewOf(editor);
    // "Closed Won deals" is not saved again: it locks nothing new.
    expect(review.getByText("Saving locks 30 existing records.")).toBeTruthy();
    expect(review.getByText(/may not be counted yet/)).toBeTruthy();
  });

  it("gives an upper bound for several rules, since a record may match more than one", async () => {
    const { editor } = await setup([wonRule, bigRule], {
      "(Stage:equals:Closed Won)": answer({ count: 12 }),
      "(Stage:equals:Closed Lost)": answer({ count: 5 }),
      "(Amount:greater_than:50000)": answer({ count: 30 }),
    });
    fireEvent.click(ruleCard(SECOND_RULE).getByRole("switch", { name: "Also lock records that already match when saving" }));
    fireEvent.change(ruleCard(RULE_ID).getByRole("combobox", { name: "Value" }), { target: { value: "Closed Lost" } });
    await ruleCard(RULE_ID).findByText("5 records in Deals match this rule now");
    const review = await reviewOf(editor);
    expect(review.getByText("Saving locks up to 35 existing records (a record that matches several rules is counted once for each).")).toBeTruthy();
  });

  it("names a rule whose count is unknown rather than give a partial sum as the whole", async () => {
    const { editor } = await setup([wonRule, bigRule], {
      "(Stage:equals:Closed Won)": answer({ count: 12 }),
      "(Stage:equals:Closed Lost)": answer({ count: 5 }),
      "(Amount:greater_than:50000)": fail("INVALID_QUERY", "invalid query formed", {}, 400),
    });
    fireEvent.click(ruleCard(SECOND_RULE).getByRole("switch", { name: "Also lock records that already match when saving" }));
    fireEvent.change(ruleCard(RULE_ID).getByRole("combobox", { name: "Value" }), { target: { value: "Closed Lost" } });
    const review = await reviewOf(editor);
    await waitFor(() => expect(review.getByText("Saving locks at least 5 existing records.")).toBeTruthy());
    expect(review.getByText("The count of rule “Big deals” is unknown.")).toBeTruthy();
    expect(review.queryByText(/Saving locks (up to )?35/)).toBeNull();
  });

  it("says nothing about existing records when no rule saved locks them", async () => {
    const { editor } = await setup([wonRule], { "(Stage:equals:Closed Won)": answer({ count: 12 }) });
    await ruleCard(RULE_ID).findByText("12 records in Deals match this rule now");
    editor.setRule(RULE_ID, { name: "Won deals" });
    fireEvent.click(ruleCard(RULE_ID).getByRole("switch", { name: "Also lock records that already match when saving" }));
    const review = await reviewOf(editor);
    expect(review.getByTestId("changes").textContent).toBe("Rule changed: Won deals");
    expect(review.queryByText(/Saving locks/)).toBeNull();
  });
});
