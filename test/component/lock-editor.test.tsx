import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { useState } from "preact/hooks";
import { afterEach, describe, expect, it } from "vitest";
import type { CrmPort } from "../../widget-src/crm/port";
import { fail } from "../../widget-src/crm/result";
import { OverviewModel, type Overview } from "../../widget-src/features/lock-settings/overview-model";
import { SettingsView } from "../../widget-src/features/lock-settings/SettingsView";
import { SessionModel } from "../../widget-src/features/session/model";
import { answer, noContent, restScript, type Scripted, maybe } from "../support/fake-crm";
import { IDS, createFakePort } from "../support/fake-port";
import { ADMIN_PROFILE, CONFIG_ID, RULE_ID, STANDARD_PROFILE, configBody } from "../support/lock-fixtures";

afterEach(cleanup);

const CONFIGS = "/settings/record_locking_configurations";
const ONE_CONFIG = `${CONFIGS}/${CONFIG_ID}`;
const PROFILE = `/settings/profiles/${IDS.standardProfile}`;
const STAGE_ID = "5725767000000002589";
const SECOND_RULE = "5725767000000300102";
const HOSTILE = `<img src=x onerror=alert(1)>`;

const wonCriteria = { comparator: "equal", field: { api_name: "Stage", id: STAGE_ID }, value: "Closed Won" };

const dealsConfig = (overrides: Record<string, unknown> = {}) =>
  answer(
    configBody({
      locking_rules: [{ id: RULE_ID, name: "Closed Won deals", lock_existing_records: true, criteria: wonCriteria }],
      ...overrides,
    }),
  );

const dealsModule = { id: "5725767000000000101", api_name: "Deals", plural_label: "Deals", generated_type: "default" };
const leadsModule = { id: "5725767000000000102", api_name: "Leads", plural_label: "Leads", generated_type: "default" };
const modulesBody = answer({ modules: [dealsModule] });
const fieldsBody = answer({
  fields: [
    {
      id: STAGE_ID,
      api_name: "Stage",
      field_label: "Stage",
      display_label: "Deal stage",
      data_type: "picklist",
      pick_list_values: [
        { display_value: "Won", actual_value: "Closed Won" },
        { display_value: "Lost", actual_value: "Closed Lost" },
      ],
    },
    { id: "5725767000000002591", api_name: "Amount", display_label: "Amount", data_type: "currency" },
    { id: "5725767000000500001", api_name: "Closing_Date", display_label: "Closing date", data_type: "date" },
  ],
});
const profileBody = (customize: boolean) =>
  answer({
    profiles: [
      {
        ...STANDARD_PROFILE,
        permissions_details: [{ name: "Crm_Implied_Customize_Zoho_CRM", display_label: "Customize Zoho CRM", module: null, enabled: customize }],
      },
    ],
  });
const written = (message: string) =>
  answer({ record_locking_configurations: [{ code: "SUCCESS", status: "success", message, details: { id: CONFIG_ID } }] });

/** As entries/settings.tsx: the overview, or the editor of the module picked there. */
function Harness({ port, overview }: { port: CrmPort; overview: Overview }) {
  const [module, setModule] = useState<string | null>(null);
  return <SettingsView port={port} overview={overview} module={module} onOpen={setModule} onClose={() => setModule(null)} />;
}

function setup(routes: Record<string, Scripted[]> = {}, options: { canCustomize?: boolean } = {}) {
  const { rest, unexpected } = restScript({
    "GET /settings/modules": [modulesBody],
    [`GET ${PROFILE}`]: [profileBody(options.canCustomize ?? true)],
    [`GET ${CONFIGS}`]: [dealsConfig()],
    // The editor's lists: a test of the overview alone expects none of them.
    "GET /settings/fields": maybe(fieldsBody),
    "GET /settings/profiles": maybe(answer({ profiles: [ADMIN_PROFILE, STANDARD_PROFILE] })),
    "GET /settings/custom_buttons": maybe(answer({ custom_buttons: [{ id: "5725767000000600001", name: "Send for signature" }] })),
    // Each rule's preview (test/component/rule-preview.test.tsx tests it).
    "GET /Deals/actions/count": maybe(answer({ count: 2 })),
    "GET /Leads/actions/count": maybe(answer({ count: 0 })),
    ...routes,
  });
  const fake = createFakePort({ rest });
  const session = new SessionModel(fake.port);
  const overview = new OverviewModel(fake.port, session);
  void session.load();
  void overview.load();
  render(<Harness port={fake.port} overview={overview} />);
  const writes = () => fake.calls.filter((call) => call.method !== "GET");
  return { ...fake, unexpected, writes, overview };
}

/** Opens the Deals editor from the overview, as someone who may edit (or only view). */
async function openDeals(editable = true) {
  const open = await screen.findByRole("button", { name: editable ? "Edit Deals" : "View Deals" });
  // The button waits for the row's read.
  await waitFor(() => expect(open.hasAttribute("disabled")).toBe(false));
  fireEvent.click(open);
  // The editor's code loads on demand: the first import (vite transforming it) can take more than a second on a busy machine.
  await screen.findByRole("heading", { name: "Record locking for Deals" }, { timeout: 5_000 });
  await screen.findByRole("radio", { name: /^Manual and automatic/ });
}

/** The save bar's primary button: "N changes · Review…". */
const reviewButton = () => screen.getByRole("button", { name: /· Review…$/ });
/** Radios are named by their label and the sentence under it. */
const MANUAL = /^Manual(?! and)/;

const section = (name: string) => {
  const element = document.querySelector<HTMLElement>(`[data-section="${name}"]`);
  if (!element) throw new Error(`no section ${name}`);
  return element;
};
const ruleBlock = (key: string) => {
  const element = document.querySelector<HTMLElement>(`[data-rule="${key}"]`);
  if (!element) throw new Error(`no rule ${key}`);
  return element;
};
const selectedText = (select: HTMLElement) => {
  const element = select as HTMLSelectElement;
  return element.options[element.selectedIndex]?.textContent;
};

describe("settings editor", () => {
  it("shows the configuration: lock type, blocked actions, rules and their criteria", async () => {
    setup();
    await openDeals();
    expect((screen.getByRole("radio", { name: /^Manual and automatic/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole("radio", { name: MANUAL }) as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole("radio", { name: /^Manual and automatic/ }).closest("label")?.textContent).toContain("People lock records by hand, and rules lock them too.");

    const actions = within(section("restrictedActions"));
    const edit = actions.getByRole("checkbox", { name: "Edit (always)" }) as HTMLInputElement;
    expect(edit.checked).toBe(true);
    expect(edit.disabled).toBe(true);
    expect((actions.getByRole("checkbox", { name: "Delete" }) as HTMLInputElement).checked).toBe(true);
    expect((actions.getByRole("checkbox", { name: "Delete" }) as HTMLInputElement).disabled).toBe(false);
    expect((actions.getByRole("checkbox", { name: "Add or remove tags" }) as HTMLInputElement).checked).toBe(false);

    const rule = within(ruleBlock(RULE_ID));
    const name = rule.getByRole("textbox", { name: "Name (required)" }) as HTMLInputElement;
    expect(name.value).toBe("Closed Won deals");
    expect(name.getAttribute("aria-required")).toBe("true");
    expect((rule.getByRole("switch", { name: "Also lock records that already match when saving" }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole("switch", { name: "Lock records for portal users too" }) as HTMLInputElement).checked).toBe(true);
    const field = rule.getByRole("combobox", { name: "Field" });
    expect(selectedText(field)).toBe("Deal stage");
    expect(selectedText(rule.getByRole("combobox", { name: "Comparison" }))).toBe("is");
    const value = rule.getByRole("combobox", { name: "Value" }) as HTMLSelectElement;
    expect([...value.options].map((option) => option.textContent)).toEqual(["Choose a value", "Won", "Lost"]);
    expect(value.value).toBe("Closed Won");
    expect(selectedText(value)).toBe("Won");
  });

  it("asks for a rule name beside the new rule when reviewing", async () => {
    const { writes } = setup();
    await openDeals();
    fireEvent.click(screen.getByRole("button", { name: "Add a rule" }));
    const added = document.querySelectorAll<HTMLElement>("[data-rule]")[1];
    expect(added).toBeDefined();
    expect(within(added!).queryByText("Give the rule a name.")).toBeNull();
    fireEvent.click(reviewButton());
    expect(within(added!).getByText("Give the rule a name.")).toBeTruthy();
    // Each problem of the new condition under its own control.
    expect(within(added!).getByRole("combobox", { name: "Field" }).getAttribute("aria-invalid")).toBe("true");
    expect(within(added!).getByText("Choose a field.")).toBeTruthy();
    expect(within(added!).getByText("Enter a value.")).toBeTruthy();
    expect(within(ruleBlock(RULE_ID)).queryByText("Give the rule a name.")).toBeNull();
    // The count is announced, beside each problem's own announcement.
    expect(screen.getAllByRole("alert").some((alert) => /things to fix before saving/.test(alert.textContent ?? ""))).toBe(true);
    expect(screen.queryByRole("heading", { name: "Changes to save" })).toBeNull();
    expect(writes()).toEqual([]);
  });

  it("lists a valid change for review, then Save PUTs it", async () => {
    const { writes, unexpected } = setup({
      // The overview's read, the editor's, the re-read before saving, and the one after.
      [`GET ${CONFIGS}`]: [dealsConfig(), dealsConfig(), dealsConfig(), dealsConfig({ restricted_actions: ["update", "delete", "change_owner", "tags"], modified_time: "2026-01-02T10:00:00+00:00" })],
      [`PUT ${ONE_CONFIG}`]: [written("record locking configuration updated successfully")],
    });
    await openDeals();
    expect(reviewButton().textContent).toBe("0 changes · Review…");
    expect((reviewButton() as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(section("restrictedActions")).getByRole("checkbox", { name: "Add or remove tags" }));
    expect(reviewButton().textContent).toBe("1 change · Review…");
    fireEvent.click(reviewButton());
    expect(await screen.findByRole("heading", { name: "Changes to save" })).toBeTruthy();
    expect(screen.getByTestId("changes").textContent).toBe("Blocked actions changed");
    expect(writes()).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Saved. The settings above were read again from Zoho CRM.")).toBeTruthy();
    expect(writes()).toEqual([
      {
        method: "PUT",
        path: ONE_CONFIG,
        options: {
          query: { module: "Deals" },
          body: { record_locking_configurations: [{ id: CONFIG_ID, restricted_actions: ["update", "delete", "change_owner", "tags"] }] },
        },
      },
    ]);
    expect(unexpected).toEqual([]);
  });

  it("builds A and (B or C): a condition becomes a group, then a nested group", async () => {
    const { writes } = setup();
    await openDeals();
    const rule = () => within(ruleBlock(RULE_ID));
    const groups = () => rule().queryAllByRole("group", { name: /^Conditions:/ });
    expect(groups()).toHaveLength(0);
    fireEvent.click(rule().getByRole("button", { name: "Add a condition after condition 1" }));
    expect(groups().map((group) => group.getAttribute("aria-label"))).toEqual(["Conditions: all of these (AND)"]);
    fireEvent.click(rule().getByRole("button", { name: "Add a group" }));
    expect(groups()).toHaveLength(2);
    // The nested group offers the other operator and no further nesting.
    const nested = within(groups()[1]!);
    expect(groups()[1]!.getAttribute("aria-label")).toBe("Conditions: any of these (OR)");
    expect((nested.getByRole("combobox", { name: /Match/ }) as HTMLSelectElement).value).toBe("OR");
    expect(nested.queryByRole("button", { name: "Add a group" })).toBeNull();
    // The rows are joined by their group's word.
    expect(within(groups()[0]!).getAllByText("AND").length).toBeGreaterThan(0);
    fireEvent.click(nested.getByRole("button", { name: "Remove group" }));
    expect(groups()).toHaveLength(1);
    expect(writes()).toEqual([]);
  });

  it("shows a server refusal beside the section it concerns", async () => {
    setup({
      [`PUT ${ONE_CONFIG}`]: [
        answer(
          {
            record_locking_configurations: [
              { code: "DEPENDENT_FIELD_MISSING", status: "error", message: "locking_rules required", details: { api_name: "locking_rules" } },
            ],
          },
          400,
        ),
      ],
    });
    await openDeals();
    fireEvent.click(screen.getByRole("radio", { name: /^Automatic/ }));
    fireEvent.click(reviewButton());
    fireEvent.click(await screen.findByRole("button", { name: "Save" }));
    expect(await screen.findByText("Zoho CRM refused the save; the reason is shown where it belongs below.")).toBeTruthy();
    // The reason is shown once, in the rules' card.
    expect(screen.getAllByText(/Something this setting depends on is missing/)).toHaveLength(1);
    expect(within(section("rules")).getByText(/Something this setting depends on is missing/)).toBeTruthy();
  });

  it("shows the reason of a refusal about portal users somewhere", async () => {
    setup({
      [`PUT ${ONE_CONFIG}`]: [
        answer(
          {
            record_locking_configurations: [
              {
                code: "INVALID_DATA",
                status: "error",
                message: "invalid data",
                details: { api_name: "lock_for_portal_users", json_path: "$.record_locking_configurations[0].lock_for_portal_users", expected_data_type: "boolean" },
              },
            ],
          },
          400,
        ),
      ],
    });
    await openDeals();
    fireEvent.click(screen.getByRole("switch", { name: "Lock records for portal users too" }));
    fireEvent.click(reviewButton());
    fireEvent.click(await screen.findByRole("button", { name: "Save" }));
    expect(await screen.findByText("Zoho CRM refused the save; the reason is shown where it belongs below.")).toBeTruthy();
    // "the reason is shown where it belongs below" must be true: Zoho's reason has to be on screen.
    expect(screen.getByText("Zoho CRM rejected a value as invalid.")).toBeTruthy();
  });

  it("shows a saved picklist value that is no longer among the field's values, rather than 'Choose a value'", async () => {
    setup({
      [`GET ${CONFIGS}`]: [
        dealsConfig({
          locking_rules: [
            { id: RULE_ID, name: "Negotiating", lock_existing_records: false, criteria: { ...wonCriteria, value: "Negotiation/Review" } },
          ],
        }),
      ],
    });
    await openDeals();
    const value = within(ruleBlock(RULE_ID)).getByRole("combobox", { name: "Value" }) as HTMLSelectElement;
    expect(selectedText(value)).toBe("Negotiation/Review");
  });

  it("is read-only without the Customize Zoho CRM permission: inputs disabled, no save bar", async () => {
    const { writes } = setup({}, { canCustomize: false });
    expect(await screen.findByTestId("read-only")).toBeTruthy();
    await openDeals(false);
    // The editor says why nothing can be changed, as the overview does.
    expect(screen.getByText(/^You can look at these settings but not change them/)).toBeTruthy();
    const form = document.querySelector<HTMLFormElement>("[data-editor-module] form")!;
    const inputs = [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input, select")];
    expect(inputs.length).toBeGreaterThan(10);
    expect(inputs.filter((input) => !input.disabled)).toEqual([]);
    // The only button is the way back: no save bar, no rule or condition buttons.
    expect(screen.getAllByRole("button").map((button) => button.textContent)).toEqual(["Back to all modules"]);
    expect(writes()).toEqual([]);
  });

  it("shows a nested group it did not create, with its operator, and unknown criteria as JSON text", async () => {
    const unknown = { formula: "Amount * 2 > 10", note: "<b>kept</b>" };
    setup({
      [`GET ${CONFIGS}`]: [
        dealsConfig({
          locking_rules: [
            {
              id: RULE_ID,
              name: "Mixed",
              lock_existing_records: false,
              criteria: {
                group_operator: "OR",
                group: [
                  wonCriteria,
                  {
                    group_operator: "and",
                    group: [
                      { comparator: "greater_than", field: { api_name: "Amount" }, value: "1000" },
                      { comparator: "less_than", field: { api_name: "Closing_Date" }, value: "2026-01-01T00:00:00+00:00" },
                    ],
                  },
                  unknown,
                ],
              },
            },
          ],
        }),
      ],
    });
    await openDeals();
    const rule = within(ruleBlock(RULE_ID));
    const operators = rule.getAllByRole("combobox", { name: /^Match/ }) as HTMLSelectElement[];
    expect(operators.map((select) => select.value)).toEqual(["OR", "AND"]);
    expect(operators.map(selectedText)).toEqual(["any of these (OR)", "all of these (AND)"]);
    const groups = rule.getAllByRole("group", { name: /^Conditions:/ });
    expect(groups).toHaveLength(2);
    const inner = within(groups[1]!);
    expect(inner.getAllByRole("combobox", { name: "Field" }).map(selectedText)).toEqual(["Amount", "Closing date"]);
    expect(rule.getAllByRole("combobox", { name: "Field" })).toHaveLength(3);
    expect(rule.getByText("A condition this editor cannot show; it is kept as it is:")).toBeTruthy();
    expect(rule.getByText(JSON.stringify(unknown))).toBeTruthy();
    expect(document.querySelector("b")).toBeNull();
  });

  it("renders hostile names as text", async () => {
    setup({
      [`GET ${CONFIGS}`]: [
        dealsConfig({
          locking_rules: [
            { id: RULE_ID, name: HOSTILE, lock_existing_records: false, criteria: wonCriteria },
            { id: SECOND_RULE, name: "Second", lock_existing_records: false, criteria: { comparator: "equal", field: { api_name: "Amount" }, value: HOSTILE } },
          ],
          lock_excluded_profiles: [{ id: ADMIN_PROFILE.id, name: HOSTILE }],
          restricted_custom_buttons: [{ id: "5725767000000600009", name: HOSTILE }],
        }),
      ],
      "GET /settings/profiles": [answer({ profiles: [{ id: ADMIN_PROFILE.id, name: HOSTILE }, STANDARD_PROFILE] })],
      "GET /settings/custom_buttons": [answer({ custom_buttons: [{ id: "5725767000000600009", name: HOSTILE }] })],
    });
    await openDeals();
    expect((within(ruleBlock(RULE_ID)).getByRole("textbox", { name: "Name (required)" }) as HTMLInputElement).value).toBe(HOSTILE);
    expect(within(section("lockedFor")).getByRole("checkbox", { name: HOSTILE })).toBeTruthy();
    expect(within(section("restrictedCustomButtons")).getByRole("checkbox", { name: HOSTILE })).toBeTruthy();
    expect(screen.getByRole("button", { name: `Remove rule ${HOSTILE}` })).toBeTruthy();
    // Removing the rule lists its name in the review, as text.
    fireEvent.click(screen.getByRole("button", { name: `Remove rule ${HOSTILE}` }));
    fireEvent.click(reviewButton());
    expect(await screen.findByText(`Rule removed: ${HOSTILE}`)).toBeTruthy();
    expect(document.querySelector("img")).toBeNull();
  });

  it("confirms before deleting, naming the module and saying its records are unlocked", async () => {
    const { writes } = setup({
      // The overview's read, the editor's, and the one after the delete.
      [`GET ${CONFIGS}`]: [dealsConfig(), dealsConfig(), noContent()],
      [`DELETE ${ONE_CONFIG}`]: [written("record locking configuration deleted")],
    });
    await openDeals();
    fireEvent.click(screen.getByRole("button", { name: "Delete configuration…" }));
    const dialog = screen.getByRole("alertdialog", { name: "Delete record locking for Deals?" });
    expect(within(dialog).getByText(/Every locked record in Deals is unlocked at once/)).toBeTruthy();
    expect(writes()).toEqual([]);

    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(writes()).toEqual([]);

    fireEvent.click(screen.getByRole("button", { name: "Delete configuration…" }));
    fireEvent.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Delete and unlock all" }));
    expect(await screen.findByText("Deleted. Records in this module are no longer locked.")).toBeTruthy();
    expect(screen.getByTestId("no-config")).toBeTruthy();
    expect(writes()).toEqual([{ method: "DELETE", path: ONE_CONFIG, options: { query: { module: "Deals" } } }]);
  });

  it("asks before leaving with unsaved changes, and not without", async () => {
    setup();
    await openDeals();
    // Unchanged: back goes straight to the overview.
    fireEvent.click(screen.getByRole("button", { name: "Back to all modules" }));
    expect(await screen.findByRole("heading", { name: "Record locking by module" })).toBeTruthy();
    expect(screen.queryByRole("alertdialog")).toBeNull();

    await openDeals();
    fireEvent.click(screen.getByRole("switch", { name: "Lock records for portal users too" }));
    const unload = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);

    fireEvent.click(screen.getByRole("button", { name: "Back to all modules" }));
    const dialog = screen.getByRole("alertdialog", { name: "Leave without saving?" });
    expect(within(dialog).getByText("Your changes to Deals have not been saved and will be lost.")).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Keep editing" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect((screen.getByRole("switch", { name: "Lock records for portal users too" }) as HTMLInputElement).checked).toBe(false);

    fireEvent.click(screen.getByRole("button", { name: "Back to all modules" }));
    fireEvent.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Leave and discard" }));
    expect(await screen.findByRole("heading", { name: "Record locking by module" })).toBeTruthy();
    const after = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
  });
});

describe("settings overview", () => {
  it("shows a failed read as an error, never as not configured, and refreshes a row after a save", async () => {
    const { calls } = setup({
      [`GET ${CONFIGS}`]: [fail("INTERNAL_ERROR", "boom", {}, 500), dealsConfig(), dealsConfig(), dealsConfig({ lock_for_portal_users: false, modified_time: "2026-01-02T10:00:00+00:00" })],
      [`PUT ${ONE_CONFIG}`]: [written("record locking configuration updated successfully")],
    });
    const row = await screen.findByRole("row", { name: /Deals/ });
    await waitFor(() => expect(row.textContent).toMatch(/internal error/i));
    expect(within(row).getByText("Could not be read")).toBeTruthy();
    expect(row.textContent).not.toMatch(/Not configured/);
    expect(screen.getByTestId("overview").getAttribute("data-settled")).toBe("true");
    await waitFor(() => expect(within(row).getByRole("button", { name: "Edit Deals" })).toBeTruthy());

    await openDeals();
    fireEvent.click(screen.getByRole("switch", { name: "Lock records for portal users too" }));
    fireEvent.click(reviewButton());
    fireEvent.click(await screen.findByRole("button", { name: "Save" }));
    await screen.findByText("Saved. The settings above were read again from Zoho CRM.");
    fireEvent.click(screen.getByRole("button", { name: "Back to all modules" }));
    const refreshed = await screen.findByRole("row", { name: /Deals/ });
    await waitFor(() => expect(within(refreshed).queryByText("Manual and automatic")).not.toBeNull());
    expect(within(refreshed).getAllByRole("cell").map((cell) => cell.textContent)).toEqual([
      "Deals",
      "Manual and automatic",
      "1",
      "3Edit (always), Delete, Change owner",
      "Edit Deals",
    ]);
    expect(calls.filter((call) => call.path === CONFIGS).length).toBeGreaterThanOrEqual(4);
  });

  it("names each module's button for what it does, with the lock type as a badge and the counts in their own columns", async () => {
    setup({
      "GET /settings/modules": [answer({ modules: [leadsModule, dealsModule] })],
      // Leads is read first (the documented order), then Deals.
      [`GET ${CONFIGS}`]: [noContent(), dealsConfig()],
    });
    await waitFor(() => expect(screen.getByTestId("overview").getAttribute("data-settled")).toBe("true"));
    const leads = within(screen.getByRole("row", { name: /Leads/ }));
    expect(leads.getByText("Not configured")).toBeTruthy();
    expect(leads.getByRole("button", { name: "Set up Leads" })).toBeTruthy();
    expect(leads.queryByRole("button", { name: "Edit Leads" })).toBeNull();
    const deals = within(screen.getByRole("row", { name: /Deals/ }));
    expect(deals.getByRole("button", { name: "Edit Deals" })).toBeTruthy();
    expect(screen.getAllByRole("columnheader").map((header) => header.textContent)).toEqual(["Module", "Lock type", "Rules", "Blocked actions", "Actions"]);
  });

  it("offers only to view each module to a user who may not customise", async () => {
    setup({ "GET /settings/modules": [answer({ modules: [leadsModule, dealsModule] })], [`GET ${CONFIGS}`]: [noContent(), dealsConfig()] }, { canCustomize: false });
    expect(await screen.findByTestId("read-only")).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId("overview").getAttribute("data-settled")).toBe("true"));
    expect(screen.getAllByRole("button", { name: /^(Set up|Edit|View) / }).map((button) => button.textContent)).toEqual(["View Leads", "View Deals"]);
  });

  it("shows placeholder lines, not a spinner, while the module list loads", async () => {
    let release!: () => void;
    const gate = new Promise<void>((done) => (release = done));
    setup({ "GET /settings/modules": [() => gate.then(() => modulesBody)] });
    expect(screen.getByRole("status").textContent).toBe("Loading…");
    expect(screen.queryByTestId("overview")).toBeNull();
    release();
    expect(await screen.findByTestId("overview")).toBeTruthy();
  });
});

describe("setting up a module", () => {
  it("starts the configuration at once from 'Set up Leads', and the review lists what was chosen, not the defaults", async () => {
    const { writes } = setup({
      "GET /settings/modules": [answer({ modules: [leadsModule] })],
      // The overview's read, the editor's, the re-read before saving, and the one after.
      [`GET ${CONFIGS}`]: [noContent(), noContent(), noContent(), dealsConfig()],
      [`POST ${CONFIGS}`]: [written("record locking configuration created successfully")],
    });
    const setUp = await screen.findByRole("button", { name: "Set up Leads" });
    await waitFor(() => expect(setUp.hasAttribute("disabled")).toBe(false));
    fireEvent.click(setUp);
    await screen.findByRole("heading", { name: "Record locking for Leads" }, { timeout: 5_000 });
    // No second "Set up record locking" step: the form is there, with Zoho's defaults chosen.
    expect(await screen.findByRole("radio", { name: MANUAL })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Set up record locking" })).toBeNull();
    expect(screen.getByText("Not saved yet")).toBeTruthy();
    expect(reviewButton().textContent).toBe("2 changes · Review…");

    fireEvent.click(screen.getByRole("radio", { name: /^Manual and automatic/ }));
    fireEvent.click(screen.getByRole("button", { name: "Add a rule" }));
    const rule = within(document.querySelector<HTMLElement>("[data-rule]")!);
    fireEvent.input(rule.getByRole("textbox", { name: "Name (required)" }), { target: { value: "Big deals" } });
    fireEvent.change(rule.getByRole("combobox", { name: "Field" }), { target: { value: "Amount" } });
    fireEvent.change(rule.getByRole("combobox", { name: "Comparison" }), { target: { value: "greater_than" } });
    fireEvent.input(rule.getByRole("textbox", { name: "Value" }), { target: { value: "50000" } });
    expect(reviewButton().textContent).toBe("3 changes · Review…");
    fireEvent.click(reviewButton());
    expect(await screen.findByRole("heading", { name: "Changes to save" })).toBeTruthy();
    // Edit blocked and portal users locked are the defaults: the user did not choose them, so they are not changes.
    expect([...screen.getByTestId("changes").querySelectorAll("li")].map((item) => item.textContent)).toEqual([
      "How records are locked: Manual and automatic",
      "Locked for: All profiles",
      "New rule: Big deals",
    ]);
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Saved. The settings above were read again from Zoho CRM.")).toBeTruthy();
    expect(writes().map((call) => [call.method, call.path])).toEqual([["POST", CONFIGS]]);
  });
});

describe("criteria builder", () => {
  it("adds a condition right after the row whose + was pressed, and removes the row whose × was pressed", async () => {
    setup();
    await openDeals();
    const rule = () => within(ruleBlock(RULE_ID));
    const fields = () => rule().getAllByRole("combobox", { name: "Field" }).map(selectedText);
    // A single condition has no × (it would leave the rule without criteria); its + makes an AND group.
    expect(rule().queryByRole("button", { name: /^Remove condition/ })).toBeNull();
    fireEvent.click(rule().getByRole("button", { name: "Add a condition after condition 1" }));
    fireEvent.change(rule().getAllByRole("combobox", { name: "Field" })[1]!, { target: { value: "Amount" } });
    // The + of the first row puts the new one between the two.
    fireEvent.click(rule().getByRole("button", { name: "Add a condition after condition 1" }));
    expect(fields()).toEqual(["Deal stage", "Choose a field", "Amount"]);
    fireEvent.click(rule().getByRole("button", { name: "Remove condition 3" }));
    expect(fields()).toEqual(["Deal stage", "Choose a field"]);
    fireEvent.click(rule().getByRole("button", { name: "Remove condition 1" }));
    expect(fields()).toEqual(["Choose a field"]);
    expect(reviewButton().textContent).toBe("1 change · Review…");
  });
});

