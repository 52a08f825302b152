import { cleanup, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { LockPanel } from "../../widget-src/features/record-lock/LockPanel";
import { RecordLockModel } from "../../widget-src/features/record-lock/model";
import { RecordSummaryModel } from "../../widget-src/features/record-summary/model";
import { SessionModel } from "../../widget-src/features/session/model";
import type { RawAnswer } from "../../widget-src/crm/decode";
import { fail, ok, type CrmResult } from "../../widget-src/crm/result";
import { IDS, createFakePort } from "../support/fake-port";
import { answer, maybe, restScript, type Scripted } from "../support/fake-crm";
import { RULE_ID, STANDARD_PROFILE, automaticLockBody, configBody, manualLockBody, profileBody } from "../support/lock-fixtures";

afterEach(cleanup);

const LOCK = `/Deals/${IDS.record}/Locking_Information__s`;
const CONFIG = "/settings/record_locking_configurations";
const PROFILE = `/settings/profiles/${IDS.standardProfile}`;
const FIELDS = "/settings/fields";

const fieldsBody = {
  fields: [
    {
      id: "5725767000000700001",
      api_name: "Stage",
      display_label: "Deal stage",
      data_type: "picklist",
      pick_list_values: [
        { actual_value: "Closed Won", display_value: "Closed Won" },
        { actual_value: "Negotiation/Review", display_value: "Negotiation" },
      ],
    },
    { id: "5725767000000700002", api_name: "Amount", display_label: "Amount", data_type: "currency" },
    { id: "5725767000000700003", api_name: "Closing_Date", display_label: "Closing Date", data_type: "date" },
  ],
};

const stageIsClosedWon = { comparator: "equal", field: { api_name: "Stage", id: "5725767000000700001" }, value: "Closed Won" };
const amountAbove = (value: string) => ({ comparator: "greater_than", field: { api_name: "Amount" }, value });

const ruleWith = (criteria: unknown) => answer(configBody({ locking_rules: [{ id: RULE_ID, name: "Closed Won deals", lock_existing_records: true, criteria }] }));

const recordWith = (fields: Record<string, unknown>) => () =>
  Promise.resolve(ok({ data: [{ id: IDS.record, Deal_Name: "Orbit Renewal", Owner: { id: IDS.owner, name: "Bo Owner" }, ...fields }] }));

interface Setup {
  lock?: Scripted[];
  config: Scripted[];
  fields?: Scripted[];
  record?: () => Promise<CrmResult<unknown>>;
}

function setup({ lock = [answer(automaticLockBody())], config, fields, record }: Setup) {
  const { rest, unexpected } = restScript({
    [`GET ${LOCK}`]: lock,
    [`GET ${CONFIG}`]: config,
    [`GET ${PROFILE}`]: maybe(answer(profileBody(STANDARD_PROFILE, true))),
    // Left out, the strict script proves no field read is made.
    ...(fields ? { [`GET ${FIELDS}`]: fields } : {}),
  });
  const fake = createFakePort({ rest, ...(record ? { record } : {}) });
  const session = new SessionModel(fake.port);
  const summary = new RecordSummaryModel(fake.port, "Deals", IDS.record);
  const lockModel = new RecordLockModel(fake.port, session, "Deals", IDS.record);
  render(<LockPanel model={lockModel} session={session} why={{ port: fake.port, module: "Deals", record: summary.raw }} />);
  void session.load();
  void summary.load();
  void lockModel.load();
  return { ...fake, unexpected };
}

/** The first text of the explanation: its part loads on demand (a module import, slow on a busy machine). */
const appears = (text: string | RegExp) => screen.findByText(text, {}, { timeout: 10_000 });

const settledCard = async () => {
  await waitFor(() => expect(document.querySelector("[data-lock-settled=true]")).not.toBeNull(), { timeout: 10_000 });
  return document.querySelector("[data-lock-settled=true]") as HTMLElement;
};
const whyState = () => document.querySelector("[data-why-state]")?.getAttribute("data-why-state");
const verdicts = () => [...document.querySelectorAll("[data-why-state] .badge[data-verdict]")].map((badge) => badge.getAttribute("data-verdict"));

describe("why this record is locked", () => {
  it("shows the rule's condition beside the record's value, with the field's label, when it still matches", async () => {
    const { calls, unexpected } = setup({ config: [ruleWith(stageIsClosedWon)], fields: [answer(fieldsBody)], record: recordWith({ Stage: "Closed Won" }) });
    expect(await appears("Deal stage is Closed Won · this record: Closed Won")).toBeTruthy();
    expect(screen.getByText("This record still matches the rule's conditions.")).toBeTruthy();
    expect(screen.getByText("matches")).toBeTruthy();
    expect(whyState()).toBe("match");
    await settledCard();
    // The field labels are read after the lock status, not with it; the record came from the popup's own read.
    expect(calls.map((call) => call.path)).toEqual([LOCK, CONFIG, PROFILE, FIELDS].filter((path) => calls.some((call) => call.path === path)));
    expect(calls.find((call) => call.path === FIELDS)?.options.query).toEqual({ module: "Deals" });
    expect(calls.filter((call) => call.path === FIELDS)).toHaveLength(1);
    expect(unexpected).toEqual([]);
  });

  it("says when the record no longer matches, which condition fails, and that the lock stays", async () => {
    setup({
      config: [ruleWith({ group_operator: "AND", group: [stageIsClosedWon, amountAbove("50000")] })],
      fields: [answer(fieldsBody)],
      record: recordWith({ Stage: "Closed Won", Amount: 48000 }),
    });
    expect(await appears("Amount is greater than 50,000 · this record: 48,000")).toBeTruthy();
    expect(screen.getByText("Deal stage is Closed Won · this record: Closed Won")).toBeTruthy();
    expect(screen.getByText(/no longer matches the rule's conditions\. It stays locked until it is unlocked\./)).toBeTruthy();
    expect(screen.getByRole("group", { name: "Conditions: All of these (AND)" })).toBeTruthy();
    expect(whyState()).toBe("noMatch");
    // The group's verdict first, then each condition's.
    expect(verdicts()).toEqual(["noMatch", "match", "noMatch"]);
    expect(screen.queryByText("This record still matches the rule's conditions.")).toBeNull();
  });

  it("says 'cannot tell' for a comparison it does not know or a value it could not read, never a guess", async () => {
    setup({
      config: [
        ruleWith({
          group_operator: "OR",
          group: [
            { comparator: "starts_with", field: { api_name: "Stage" }, value: "Closed" },
            { comparator: "equal", field: { api_name: "Region__c" }, value: "EMEA" },
          ],
        }),
      ],
      fields: [answer(fieldsBody)],
      record: recordWith({ Stage: "Closed Won" }),
    });
    expect(await appears("Deal stage starts_with Closed · this record: Closed Won")).toBeTruthy();
    expect(screen.getByText("Region__c is EMEA · this record: not in the record as read")).toBeTruthy();
    expect(screen.getByText("Whether this record still matches the rule's conditions cannot be told here.")).toBeTruthy();
    expect(whyState()).toBe("unknown");
    expect(verdicts()).toEqual(["unknown", "unknown", "unknown"]);
    expect(screen.queryByText("matches")).toBeNull();
    expect(screen.queryByText("does not match")).toBeNull();
  });

  it("says so when the record's values could not be read, and compares nothing", async () => {
    setup({
      config: [ruleWith({ group_operator: "AND", group: [stageIsClosedWon, amountAbove("50000")] })],
      fields: [answer(fieldsBody)],
      record: () => Promise.resolve(fail("TIMEOUT", "late", { ms: 15000 })),
    });
    expect(await appears(/current values could not be read, so they are not compared/)).toBeTruthy();
    // The conditions are still shown, without a value for this record or any verdict.
    expect(screen.getByText("Deal stage is Closed Won")).toBeTruthy();
    expect(screen.getByText("Amount is greater than 50,000")).toBeTruthy();
    expect(screen.queryByText(/this record:/)).toBeNull();
    expect(verdicts()).toEqual([]);
    expect(whyState()).toBe("noValues");
  });

  it("shows API names when the field labels cannot be read, rather than guessing labels", async () => {
    setup({
      config: [ruleWith({ comparator: "less_than", field: { api_name: "Closing_Date" }, value: "2025-07-01" })],
      fields: [fail("NO_PERMISSION", "no", {}, 403)],
      record: recordWith({ Closing_Date: "2025-06-30" }),
    });
    expect(await appears("Closing_Date is less than Jul 1, 2025 · this record: Jun 30, 2025")).toBeTruthy();
    expect(whyState()).toBe("match");
    const why = document.querySelector("[data-why-state]") as HTMLElement;
    expect(within(why).queryByText(/Closing Date/)).toBeNull();
  });

  it("shows the record's values as text", async () => {
    const hostile = "<img src=x onerror=alert(1)>";
    setup({
      config: [ruleWith({ comparator: "equal", field: { api_name: "Stage" }, value: hostile })],
      fields: [answer(fieldsBody)],
      record: recordWith({ Stage: hostile }),
    });
    expect(await appears(`Deal stage is ${hostile} · this record: ${hostile}`)).toBeTruthy();
    expect(document.querySelector("img")).toBeNull();
  });

  it("keeps the lock card unsettled until the explanation is complete", async () => {
    let answerFields: (value: CrmResult<RawAnswer>) => void = () => undefined;
    const late = new Promise<CrmResult<RawAnswer>>((resolve) => (answerFields = resolve));
    const fake = setup({
      config: [ruleWith(stageIsClosedWon)],
      fields: [() => late],
      record: recordWith({ Stage: "Closed Won" }),
    });
    expect(await screen.findByText("Locked automatically by the rule “Closed Won deals”")).toBeTruthy();
    // The part has loaded and waits for the labels (its placeholder is in the card).
    await waitFor(() => expect(fake.calls.some((call) => call.path === FIELDS)).toBe(true), { timeout: 10_000 });
    expect(document.querySelector("[data-lock-settled=true]")).toBeNull();
    answerFields(answer(fieldsBody));
    const card = await settledCard();
    expect(within(card).getByText("Deal stage is Closed Won · this record: Closed Won")).toBeTruthy();
  });

  it("explains nothing, and reads no fields, for a manual lock or a rule the configuration no longer has", async () => {
    setup({ lock: [answer(manualLockBody("Quarter closed"))], config: [ruleWith(stageIsClosedWon)], record: recordWith({ Stage: "Closed Won" }) });
    expect(await screen.findByText("Locked by hand")).toBeTruthy();
    await settledCard();
    expect(whyState()).toBeUndefined();
    cleanup();
    setup({ lock: [answer(automaticLockBody("5725767000000399999"))], config: [ruleWith(stageIsClosedWon)], record: recordWith({ Stage: "Closed Won" }) });
    expect(await screen.findByText(/a rule that no longer exists/)).toBeTruthy();
    await settledCard();
    expect(whyState()).toBeUndefined();
  });
});
