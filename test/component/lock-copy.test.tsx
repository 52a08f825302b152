import { signal } from "@preact/signals";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { decodeLockConfig, type LockConfig } from "../../widget-src/api/locking-configurations";
import type { ModuleInfo } from "../../widget-src/api/modules";
import { ok } from "../../widget-src/crm/result";
import CopyScreen from "../../widget-src/features/lock-settings/CopyScreen";
import { answer, noContent, restScript, type MaybeCalled, type Scripted } from "../support/fake-crm";
import { createFakePort, type FakeCall } from "../support/fake-port";
import { ADMIN_PROFILE, RULE_ID, configBody } from "../support/lock-fixtures";

afterEach(cleanup);

const CONFIGS = "/settings/record_locking_configurations";
const STAGE = { api_name: "Stage", id: "5725767000000002589" };
const SIGN = { id: "5725767000000600001", name: "Send for signature" };

/** Deals' configuration, as the editor read it: manual and automatic, one rule on Stage, one blocked button. */
function dealsConfig(overrides: Record<string, unknown> = {}): LockConfig {
  const decoded = decodeLockConfig(
    ok({
      status: 200,
      body: configBody({
        ...overrides,
        excluded_fields: [{ api_name: "Description", id: "5725767000000002600" }],
        restricted_custom_buttons: [SIGN],
        locking_rules: [{ id: RULE_ID, name: "Closed deals", lock_existing_records: true, criteria: { comparator: "equal", field: STAGE, value: "Closed Won" } }],
      }),
    }),
  );
  if (!decoded.ok || !decoded.value) throw new Error("fixture");
  return decoded.value;
}

const moduleInfo = (apiName: string, n: number): ModuleInfo => ({ id: `57257670000000001${n}0`, apiName, label: apiName, generatedType: "default" });
const MODULES = [moduleInfo("Deals", 1), moduleInfo("Leads", 2), moduleInfo("Contacts", 3), moduleInfo("Accounts", 4)];

const field = (apiName: string, n: number, extra: Record<string, unknown> = {}) => ({ id: `57257670000021000${n}`, api_name: apiName, display_label: apiName, data_type: "text", ...extra });
const fields = (...list: ReturnType<typeof field>[]) => answer({ fields: list });
const stageField = (n: number) => field("Stage", n, { data_type: "picklist", pick_list_values: [{ display_value: "Closed Won", actual_value: "Closed Won" }] });
const buttons = (...list: { id: string; name: string }[]) => answer({ custom_buttons: list });

/** A module's configuration as the CRM answers it. */
const existing = (id: string, modified: string, overrides: Record<string, unknown> = {}) =>
  answer(
    configBody({
      id,
      lock_type: "automatic",
      locked_for: "all_profiles",
      lock_excluded_profiles: null,
      excluded_fields: [],
      restricted_actions: ["update", "tags"],
      restricted_communications: [],
      restricted_custom_buttons: [],
      locking_rules: [{ id: "5725767000000300201", name: "Do not contact", lock_existing_records: true, criteria: {} }],
      modified_time: modified,
      ...overrides,
    }),
  );
const CONTACTS_CONFIG = "5725767000000300002";
const ACCOUNTS_CONFIG = "5725767000000300003";
const written = (id: string) => answer({ record_locking_configurations: [{ code: "SUCCESS", status: "success", message: "ok", details: { id } }] }, 201);

/**
 * The screen over a scripted CRM whose routes name the module
 * ("GET /settings/fields Leads"): every target is read and written on its own.
 */
function setup(routes: Record<string, Scripted[] | MaybeCalled>, options: { unsaved?: boolean; source?: Record<string, unknown> } = {}) {
  const { rest } = restScript(routes);
  const withModule = (call: FakeCall) => ({ ...call, path: `${call.path} ${call.options.query?.module ?? ""}`.trim() });
  const fake = createFakePort({ rest: (call) => rest(withModule(call)) });
  const changed: string[] = [];
  let closed = 0;
  render(
    <CopyScreen
      port={fake.port}
      source={{ module: "Deals", label: "Deals", config: dealsConfig(options.source), fields: [{ id: STAGE.id, apiName: "Stage", label: "Deal stage", dataType: "picklist" }] }}
      rows={signal(MODULES.map((module) => ({ module })))}
      unsaved={options.unsaved ?? false}
      onChanged={(module) => changed.push(module)}
      onClose={() => (closed += 1)}
    />,
  );
  const writes = () => fake.calls.filter((call) => call.method !== "GET").map((call) => ({ method: call.method, path: call.path, module: call.options.query?.module, body: call.options.body }));
  return { ...fake, writes, changed, closed: () => closed };
}

const target = (module: string) => {
  const element = document.querySelector<HTMLElement>(`[data-copy-target="${module}"]`);
  if (!element) throw new Error(`no card for ${module}`);
  return element;
};
const stateOf = (module: string) => target(module).getAttribute("data-copy-state");

async function pick(...modules: string[]) {
  const group = await screen.findByRole("group", { name: "Modules to apply it to" });
  // Every module the overview lists but the source.
  expect(within(group).getAllByRole("checkbox").map((box) => box.closest("label")?.textContent)).toEqual(["Leads", "Contacts", "Accounts"]);
  for (const module of modules) fireEvent.click(within(group).getByRole("checkbox", { name: module }));
  fireEvent.click(screen.getByRole("button", { name: `Review ${modules.length} ${modules.length === 1 ? "module" : "modules"}…` }));
  await waitFor(() => expect(modules.map(stateOf)).not.toContain("loading"));
}

const lines = (element: HTMLElement, testId: string) => [...within(element).getByTestId(testId).querySelectorAll("li")].map((item) => item.textContent);

describe("applying a configuration to other modules", () => {
  it("reviews per module: created or replaced (with what it replaces), and what is not copied", async () => {
    const { writes } = setup({
      [`GET ${CONFIGS} Leads`]: [noContent()],
      [`GET ${CONFIGS} Contacts`]: [existing(CONTACTS_CONFIG, "2026-02-01T10:00:00+00:00")],
      "GET /settings/fields Leads": [fields(field("Description", 11), field("Lead_Status", 12))],
      "GET /settings/fields Contacts": [fields(field("Description", 21), stageField(22))],
      "GET /settings/custom_buttons Leads": [noContent()],
      "GET /settings/custom_buttons Contacts": [buttons({ id: "5725767000000600031", name: "Send for signature" })],
    });
    await pick("Leads", "Contacts");

    const leads = target("Leads");
    expect(within(leads).getByText("New configuration")).toBeTruthy();
    expect(within(leads).getByText("Leads has no record-locking configuration yet: one is created.")).toBeTruthy();
    expect(lines(leads, "copy-dropped")).toEqual([
      "Rule “Closed deals” dropped: Leads has no field Deal stage (Stage)",
      "Custom button “Send for signature” dropped: Leads has no button of that name",
      "Automatic locking dropped: no rule is left for Leads, so its records are locked by hand only",
    ]);

    const contacts = target("Contacts");
    expect(within(contacts).getByText("Replaces the current one")).toBeTruthy();
    expect(lines(contacts, "copy-existing")).toEqual(["Lock type: Automatic", "Rules: Do not contact", "Blocked: Edit (always), Add or remove tags"]);
    expect(within(contacts).getByText("Everything is copied.")).toBeTruthy();

    expect(screen.getByText("Nothing has been sent yet. Check what each module gets, then apply.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Apply to 2 modules" }).hasAttribute("disabled")).toBe(false);
    expect(writes()).toEqual([]);
  });

  it("does not send to a module that cannot take the configuration, and says why", async () => {
    setup(
      {
        [`GET ${CONFIGS} Leads`]: [noContent()],
        [`GET ${CONFIGS} Accounts`]: [noContent()],
        "GET /settings/fields Leads": [fields(stageField(11), field("Description", 12))],
        "GET /settings/fields Accounts": [fields(field("Description", 41))],
        "GET /settings/custom_buttons Leads": [noContent()],
        // The buttons cannot be read: said so, not guessed.
        "GET /settings/custom_buttons Accounts": [answer({ code: "INTERNAL_ERROR", status: "error", message: "boom", details: {} }, 500)],
      },
      { source: { lock_type: "automatic" } },
    );
    await pick("Leads", "Accounts");
    // Automatic locking without a rule left: the editor's own check says what is wrong.
    const accounts = target("Accounts");
    expect(within(accounts).getByText("Cannot be applied")).toBeTruthy();
    expect(within(accounts).getByText("It cannot be applied to Accounts:")).toBeTruthy();
    expect(within(accounts).getByText("Automatic locking needs at least one rule.")).toBeTruthy();
    expect(lines(accounts, "copy-dropped")).toEqual([
      "Rule “Closed deals” dropped: Accounts has no field Deal stage (Stage)",
      "Custom button “Send for signature” dropped: the custom buttons of Accounts could not be read",
    ]);
    // Leads has Stage, so it keeps the rule.
    expect(lines(target("Leads"), "copy-dropped")).toEqual(["Custom button “Send for signature” dropped: Leads has no button of that name"]);
    expect(screen.getByRole("button", { name: "Apply to 1 module" }).hasAttribute("disabled")).toBe(false);
  });

  it("sends nothing until the admin confirms replacing; then one write per module, each with its own result", async () => {
    const contactsBefore = existing(CONTACTS_CONFIG, "2026-02-01T10:00:00+00:00");
    const { writes, changed } = setup({
      [`GET ${CONFIGS} Leads`]: [noContent()],
      // Read for the review, then again right before writing: someone saved Contacts meanwhile.
      [`GET ${CONFIGS} Contacts`]: [contactsBefore, existing(CONTACTS_CONFIG, "2026-02-01T10:05:00+00:00")],
      [`GET ${CONFIGS} Accounts`]: [existing(ACCOUNTS_CONFIG, "2026-02-02T10:00:00+00:00", { lock_type: "manual", locking_rules: [] })],
      "GET /settings/fields Leads": [fields(field("Description", 11))],
      "GET /settings/fields Contacts": [fields(field("Description", 21), stageField(22))],
      "GET /settings/fields Accounts": [fields(field("Description", 41), stageField(42))],
      "GET /settings/custom_buttons Leads": [noContent()],
      "GET /settings/custom_buttons Contacts": [noContent()],
      "GET /settings/custom_buttons Accounts": [noContent()],
      [`POST ${CONFIGS} Leads`]: [written("5725767000000300009")],
      [`PUT ${CONFIGS}/${ACCOUNTS_CONFIG} Accounts`]: [
        answer(
          {
            record_locking_configurations: [
              { code: "LIMIT_EXCEEDED", status: "error", message: "the maximum limit is exceeded", details: { api_name: "locking_rules", json_path: "$.record_locking_configurations[0].locking_rules" } },
            ],
          },
          400,
        ),
      ],
    });
    await pick("Leads", "Contacts", "Accounts");

    fireEvent.click(screen.getByRole("button", { name: "Apply to 3 modules" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Replace the configurations of 2 modules?" });
    expect(dialog.textContent).toContain("What Contacts, Accounts have now is overwritten with the configuration of Deals");
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(writes()).toEqual([]);

    fireEvent.click(screen.getByRole("button", { name: "Apply to 3 modules" }));
    fireEvent.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Replace and apply" }));
    await screen.findByTestId("copy-summary");

    // Leads: created with what it can take.
    expect(stateOf("Leads")).toBe("created");
    expect(within(target("Leads")).getByText("Done: Leads now has this configuration.")).toBeTruthy();
    // Contacts changed after the review: reported, not overwritten.
    expect(stateOf("Contacts")).toBe("conflict");
    expect(within(target("Contacts")).getByText(/^Not applied: someone changed the configuration of Contacts after your review\./)).toBeTruthy();
    // Accounts: refused, in the catalogue's words.
    expect(stateOf("Accounts")).toBe("failed");
    const refusal = within(target("Accounts")).getByRole("alert");
    expect(refusal.textContent).toContain("It could not be applied to Accounts.");
    expect(refusal.textContent).toContain("This goes over a record-locking limit");
    expect(screen.getByTestId("copy-summary").textContent).toBe("Applied to 1 of 3 modules.");

    expect(writes().map(({ method, module }) => `${method} ${module}`)).toEqual(["POST Leads", "PUT Accounts"]);
    const [post, put] = writes();
    expect(post?.body).toEqual({
      record_locking_configurations: [
        {
          lock_type: "manual",
          locked_for: "all_profiles_except_excluded_profiles",
          lock_excluded_profiles: [ADMIN_PROFILE],
          excluded_fields: [{ api_name: "Description", id: "5725767000002100011" }],
          restricted_actions: ["update", "delete", "change_owner"],
          restricted_communications: ["send_mail"],
          restricted_custom_buttons: [],
          lock_for_portal_users: true,
        },
      ],
    });
    // A replace sends what differs from what the module had, its rules as operations: the old one deleted, the copied one added.
    expect(put?.body).toMatchObject({
      record_locking_configurations: [
        {
          id: ACCOUNTS_CONFIG,
          lock_type: "both",
          locking_rules: [{ name: "Closed deals", lock_existing_records: true, criteria: { comparator: "equal", field: { api_name: "Stage", id: "5725767000002100042" }, value: "Closed Won" } }],
        },
      ],
    });
    expect(changed).toEqual(["Leads"]);
    expect(screen.getByRole("button", { name: "Review the others again" })).toBeTruthy();
  });

  it("reviews the modules that failed or changed meanwhile again, against what they have now", async () => {
    setup({
      [`GET ${CONFIGS} Contacts`]: [existing(CONTACTS_CONFIG, "2026-02-01T10:00:00+00:00"), existing(CONTACTS_CONFIG, "2026-02-01T10:05:00+00:00")],
      "GET /settings/fields Contacts": [fields(stageField(22))],
      "GET /settings/custom_buttons Contacts": [noContent()],
    });
    await pick("Contacts");
    fireEvent.click(screen.getByRole("button", { name: "Apply to 1 module" }));
    fireEvent.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Replace and apply" }));
    await waitFor(() => expect(stateOf("Contacts")).toBe("conflict"));
    fireEvent.click(screen.getByRole("button", { name: "Review the others again" }));
    await waitFor(() => expect(stateOf("Contacts")).toBe("ready"));
    expect(within(target("Contacts")).getByText("Replaces the current one")).toBeTruthy();
  });

  it("shows a module whose state could not be read, with Try again, and sends it nothing", async () => {
    setup({
      [`GET ${CONFIGS} Leads`]: [answer({ code: "NO_PERMISSION", status: "error", message: "permission denied", details: {} }, 403), noContent()],
      "GET /settings/fields Leads": [fields(stageField(11))],
      "GET /settings/custom_buttons Leads": [noContent()],
    });
    await pick("Leads");
    const leads = target("Leads");
    expect(within(leads).getByRole("alert").textContent).toContain("What Leads has now could not be read, so nothing will be sent to it.");
    expect(screen.getByRole("button", { name: "Apply to 0 modules" }).hasAttribute("disabled")).toBe(true);
    fireEvent.click(within(leads).getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(stateOf("Leads")).toBe("ready"));
    expect(screen.getByRole("button", { name: "Apply to 1 module" }).hasAttribute("disabled")).toBe(false);
  });

  it("says that unsaved edits are not copied, and goes back without sending anything", async () => {
    const { writes, closed } = setup({}, { unsaved: true });
    expect(await screen.findByText("Your unsaved changes are not copied: the configuration as it is saved is.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Review 0 modules…" }).hasAttribute("disabled")).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Back to Deals" }));
    expect(closed()).toBe(1);
    expect(writes()).toEqual([]);
  });
});
