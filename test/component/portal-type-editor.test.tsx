import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import en from "../../app/translations/en.json";
import type { UserType } from "../../widget-src/api/portals";
import { ok } from "../../widget-src/crm/result";
import { TypeEditorView } from "../../widget-src/features/portals/TypeEditorView";
import {
  FIELD,
  HOSTILE,
  LAYOUT,
  MOD,
  PORTAL,
  TYPES_PATH,
  TYPE_ID,
  VIEW,
  rawLayouts,
  rawModules,
  rawViews,
  refusal,
  typeCrm,
  type TypeCrmOptions,
} from "../support/portal-type-fixtures";

afterEach(cleanup);

const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (match, name: string) => (params[name] === undefined ? match : String(params[name])));

const CUSTOMER: UserType = { id: TYPE_ID, name: "Customer", personalityModule: { apiName: "Contacts", label: "Contacts" }, active: true, isDefault: false, users: 3 };
const PARTNER: UserType = { id: "5725767000000800009", name: "Partner", personalityModule: { apiName: "Contacts", label: "Contacts" }, active: true, isDefault: true, users: 2 };

function renderEditor(type: UserType | null = null, options: TypeCrmOptions = {}) {
  const crm = typeCrm(options);
  const done: (string | null)[] = [];
  render(<TypeEditorView port={crm.port} portal={PORTAL} type={type} others={type ? [type, PARTNER] : [PARTNER]} onDone={(saved) => void done.push(saved)} />);
  return { crm, done };
}

const card = async (apiName: string) => {
  await waitFor(() => expect(document.querySelector(`[data-module-card="${apiName}"]`)).not.toBeNull());
  return document.querySelector(`[data-module-card="${apiName}"]`) as HTMLElement;
};
const optionTexts = (select: HTMLElement) => [...(select as HTMLSelectElement).options].map((option) => option.textContent);
const personality = () => screen.getByLabelText(en["portals.personality"], { exact: false }) as HTMLSelectElement;
/** A list of a module's card, by its label, which names the module ("Layout for Contacts"); "(required)" may follow. */
const list = (card: HTMLElement, key: "portals.layoutFor" | "portals.viewFor" | "portals.filterFieldFor", module = "Contacts") =>
  within(card).getByLabelText(fill(en[key], { module }), { exact: false }) as HTMLSelectElement;
const noList = (card: HTMLElement, key: "portals.filterFieldFor", module = "Contacts") =>
  within(card).queryByLabelText(fill(en[key], { module }), { exact: false });
/** A field's label as it reads, without the control. */
const nameField = () => screen.getByLabelText(en["portals.typeName"], { exact: false }) as HTMLInputElement;
const labelText = (control: HTMLElement) => document.querySelector(`label[for="${control.id}"]`)?.textContent;

/** New type, Contacts chosen as the personality, its card showing its layouts. */
async function withContacts(options: TypeCrmOptions = {}) {
  const ctx = renderEditor(null, options);
  await screen.findByRole("heading", { name: en["portals.newTypeHeading"] });
  fireEvent.change(personality(), { target: { value: "Contacts" } });
  const contacts = await card("Contacts");
  // The layouts have been read: more than "No layout" is offered.
  await waitFor(() => expect(optionTexts(list(contacts, "portals.layoutFor")).length).toBeGreaterThan(1));
  return { ...ctx, contacts };
}

const chooseLayout = async (contacts: HTMLElement, layoutId: string) => {
  fireEvent.change(list(contacts, "portals.layoutFor"), { target: { value: layoutId } });
  await waitFor(() => expect(list(contacts, "portals.layoutFor").value).toBe(layoutId));
};

describe("portal user type editor", () => {
  it("heads a new type 'New user type' and starts with the Notes card", async () => {
    renderEditor();
    expect(await screen.findByRole("heading", { name: "New user type" })).toBeTruthy();
    const notes = await card("Notes");
    expect(within(notes).getByText(en["portals.badge.included"])).toBeTruthy();
    expect(screen.getByRole("button", { name: en["portals.createType"] })).toBeTruthy();
    // Personality choices: Contacts and Accounts (and custom modules), not Notes or Deals.
    expect(optionTexts(personality())).toEqual([en["portals.choosePersonality"], "Contacts", "Accounts"]);
  });

  it("heads an existing type 'Edit the user type X' and shows its modules", async () => {
    const { crm } = renderEditor(CUSTOMER);
    expect(await screen.findByRole("heading", { name: "Edit the user type Customer" })).toBeTruthy();
    expect(crm.calls.filter((call) => call.method === "GET" && call.path === `${TYPES_PATH}/${TYPE_ID}`)).toHaveLength(1);
    expect((screen.getByLabelText(en["portals.typeName"], { exact: false }) as HTMLInputElement).value).toBe("Customer");
    expect(personality().value).toBe("Contacts");
    expect(personality().disabled).toBe(true);
    expect([...document.querySelectorAll("[data-module-card]")].map((element) => element.getAttribute("data-module-card"))).toEqual(["Contacts", "Notes", "Cases"]);
    expect(screen.getByRole("button", { name: en["portals.saveType"] })).toBeTruthy();
  });

  it("clicking 'Create user type' empty shows what is missing and sends nothing", async () => {
    const { crm, done } = renderEditor();
    await card("Notes");
    fireEvent.click(screen.getByRole("button", { name: "Create user type" }));
    expect(await screen.findByText("Give the user type a name.")).toBeTruthy();
    expect(screen.getByText("Choose the module whose records are the portal users.")).toBeTruthy();
    // The count is said at the foot of the form, as an alert (field errors may be alerts too).
    expect(screen.getAllByRole("alert").map((alert) => alert.textContent)).toContain(fill(en["settings.fixProblems#other"], { count: 2 }));
    expect(crm.writesSent()).toEqual([]);
    expect(done).toEqual([]);
  });

  it("choosing Contacts shows its card with layout, view, permissions, filter field and read-only fields", async () => {
    const { contacts } = await withContacts();
    expect(within(contacts).getByText(en["portals.badge.included"])).toBeTruthy();
    expect(optionTexts(list(contacts, "portals.layoutFor"))).toEqual([en["portals.chooseLayout"], "Standard", "Partner"]);
    await waitFor(() => expect(optionTexts(list(contacts, "portals.viewFor"))).toEqual([en["portals.noView"], "All Contacts", "My Contacts"]));

    const permissions = within(contacts).getByRole("group", { name: fill(en["portals.permissions"], { module: "Contacts" }) });
    const view = within(permissions).getByLabelText(en["portals.permission.view"]) as HTMLInputElement;
    expect(view.checked).toBe(true);
    expect(view.disabled).toBe(true);
    expect((within(permissions).getByLabelText(en["portals.permission.edit"]) as HTMLInputElement).disabled).toBe(false);

    // No layout chosen yet: no fields to filter on or to make read-only.
    expect(noList(contacts, "portals.filterFieldFor")).toBeNull();
    expect(within(contacts).queryByRole("group", { name: fill(en["portals.readOnlyFields"], { module: "Contacts" }) })).toBeNull();

    await chooseLayout(contacts, LAYOUT.contacts);
    const filter = list(contacts, "portals.filterFieldFor");
    expect(optionTexts(filter)).toEqual([en["portals.noFilter"], "Account Name", "Vendor Name"]);
    const readOnly = within(contacts).getByRole("group", { name: fill(en["portals.readOnlyFields"], { module: "Contacts" }) });
    const box = (name: string) => within(readOnly).getByLabelText(name) as HTMLInputElement;
    expect(within(readOnly).getAllByRole("checkbox")).toHaveLength(5);
    expect(box("Last Name (mandatory)").disabled).toBe(true);
    expect(box("Email (mandatory)").disabled).toBe(true);
    expect(box("Phone").disabled).toBe(false);
    expect(box("Account Name").disabled).toBe(false);

    // Another layout: its own fields, and no lookup to filter on.
    await chooseLayout(contacts, LAYOUT.contactsPartner);
    expect(noList(contacts, "portals.filterFieldFor")).toBeNull();
    const partnerFields = within(contacts).getByRole("group", { name: fill(en["portals.readOnlyFields"], { module: "Contacts" }) });
    expect(within(partnerFields).getAllByRole("checkbox").map((input) => input.closest("label")?.textContent?.trim())).toEqual(["Partner Code"]);
  });

  it("creates the type with what the form says", async () => {
    const { contacts, crm, done } = await withContacts();
    fireEvent.input(nameField(), { target: { value: "Customer" } });
    await chooseLayout(contacts, LAYOUT.contacts);
    await waitFor(() => expect(optionTexts(list(contacts, "portals.viewFor"))).toContain("My Contacts"));
    fireEvent.change(list(contacts, "portals.viewFor"), { target: { value: VIEW.myContacts } });
    fireEvent.change(list(contacts, "portals.filterFieldFor"), { target: { value: FIELD.account } });
    fireEvent.click(within(contacts).getByLabelText(en["portals.permission.edit"]));
    fireEvent.click(within(contacts).getByLabelText("Phone"));
    fireEvent.click(screen.getByRole("button", { name: en["portals.createType"] }));
    await waitFor(() => expect(done).toEqual(["Customer"]));
    expect(crm.writesSent()).toHaveLength(1);
    expect(crm.writesSent()[0]?.options.body).toEqual({
      user_type: [
        {
          name: "Customer",
          personality_module: { api_name: "Contacts" },
          active: false,
          modules: [
            { id: MOD.notes, shared_type: "public", layouts: null, views: null, filters: null, permissions: { view: true, edit: false, create: false }, fields: [] },
            {
              id: MOD.contacts,
              shared_type: "private",
              layouts: [{ id: LAYOUT.contacts }],
              views: { id: VIEW.myContacts, type: "custom_view" },
              filters: [{ id: FIELD.account }],
              permissions: { view: true, edit: true, create: false },
              fields: [{ id: FIELD.phone, read_only: true }],
            },
          ],
        },
      ],
    });
  });

  it("offers no remove button for required modules, and one for an added optional module", async () => {
    const { contacts } = await withContacts();
    const notes = await card("Notes");
    fireEvent.change(screen.getByLabelText(en["portals.addModule"]), { target: { value: MOD.cases } });
    fireEvent.click(screen.getByRole("button", { name: en["portals.add"] }));
    const cases = await card("Cases");
    expect(within(contacts).queryByRole("button", { name: /^Remove/ })).toBeNull();
    expect(within(notes).queryByRole("button", { name: /^Remove/ })).toBeNull();
    fireEvent.click(within(cases).getByRole("button", { name: fill(en["portals.removeModule"], { module: "Cases" }) }));
    await waitFor(() => expect(document.querySelector('[data-module-card="Cases"]')).toBeNull());
    expect(document.querySelector('[data-module-card="Contacts"]')).not.toBeNull();
  });

  it("keeps the saved modules of an existing type, but lets a newly added one go", async () => {
    renderEditor(CUSTOMER);
    const cases = await card("Cases");
    expect(within(cases).queryByRole("button", { name: /^Remove/ })).toBeNull();
    fireEvent.change(screen.getByLabelText(en["portals.addModule"]), { target: { value: MOD.deals } });
    fireEvent.click(screen.getByRole("button", { name: en["portals.add"] }));
    const deals = await card("Deals");
    expect(within(deals).getByRole("button", { name: "Remove Deals" })).toBeTruthy();
  });

  it("saving an unchanged type says so and sends nothing", async () => {
    const { crm, done } = renderEditor(CUSTOMER);
    await card("Cases");
    fireEvent.click(screen.getByRole("button", { name: en["portals.saveType"] }));
    expect(await screen.findByText(en["portals.typeUnchanged"])).toBeTruthy();
    expect(crm.writesSent()).toEqual([]);
    expect(done).toEqual([]);
  });

  it("shows a refusal whose json_path points at a module inside that module's card", async () => {
    const { contacts, done } = await withContacts({ writes: [refusal("$.user_type[0].modules[1].layouts")] });
    fireEvent.input(nameField(), { target: { value: "Customer" } });
    await chooseLayout(contacts, LAYOUT.contacts);
    fireEvent.click(screen.getByRole("button", { name: en["portals.createType"] }));
    const message = en["error.DEPENDENT_FIELD_MISSING.portal"];
    expect(await within(contacts).findByText(message)).toBeTruthy();
    expect(screen.getAllByText(message)).toHaveLength(1);
    expect(within(await card("Notes")).queryByText(message)).toBeNull();
    expect(screen.getByText(en["settings.failedAt"])).toBeTruthy();
    expect(done).toEqual([]);
  });

  it("shows a refusal of the personality module where the form says it is", async () => {
    const { contacts } = await withContacts({ writes: [refusal("$.user_type[0].personality_module", "INVALID_DATA")] });
    fireEvent.input(nameField(), { target: { value: "Customer" } });
    await chooseLayout(contacts, LAYOUT.contacts);
    fireEvent.click(screen.getByRole("button", { name: en["portals.createType"] }));
    expect(await screen.findByText(en["settings.failedAt"])).toBeTruthy();
    // "The reason is shown where it belongs below": it must be shown somewhere.
    expect(screen.getByText(en["error.INVALID_DATA.portal"])).toBeTruthy();
  });

  it("renders hostile module, layout, view and field names as text", async () => {
    const hostileLayouts = {
      ...rawLayouts,
      Contacts: {
        layouts: [
          {
            id: LAYOUT.contacts,
            name: HOSTILE,
            display_label: HOSTILE,
            sections: [
              {
                fields: [
                  { id: FIELD.phone, api_name: "Phone", field_label: HOSTILE, display_label: HOSTILE, data_type: "phone", required: false, system_mandatory: false },
                  { id: FIELD.account, api_name: "Account_Name", field_label: `${HOSTILE}!`, display_label: `${HOSTILE}!`, data_type: "lookup", required: false, system_mandatory: false },
                ],
              },
            ],
          },
        ],
      },
    };
    const hostileViews = { ...rawViews, Contacts: { custom_views: [{ id: VIEW.allContacts, name: HOSTILE, display_value: HOSTILE }] } };
    const modules = ok({ status: 200, body: rawModules([{ id: MOD.custom, api_name: "Widgets__c", plural_label: HOSTILE, generated_type: "custom" }]) });
    const { contacts } = await withContacts({ modules, layouts: hostileLayouts, views: hostileViews });
    expect(optionTexts(personality())).toContain(HOSTILE);
    expect(optionTexts(screen.getByLabelText(en["portals.addModule"]))).toContain(HOSTILE);
    expect(optionTexts(list(contacts, "portals.layoutFor"))).toContain(HOSTILE);
    await waitFor(() => expect(optionTexts(list(contacts, "portals.viewFor"))).toContain(HOSTILE));
    await chooseLayout(contacts, LAYOUT.contacts);
    expect(optionTexts(list(contacts, "portals.filterFieldFor"))).toContain(`${HOSTILE}!`);
    expect(within(contacts).getByLabelText(HOSTILE)).toBeTruthy();
    expect(document.querySelector("img")).toBeNull();
  });

  it("marks what is required before anything is sent: the name, the module, and the layout of a private module", async () => {
    const { contacts, crm } = await withContacts();
    const notes = await card("Notes");
    const required = ` ${en["app.required"]}`;
    expect(labelText(nameField())).toBe(`${en["portals.typeName"]}${required}`);
    expect(labelText(personality())).toBe(`${en["portals.personality"]}${required}`);
    // Contacts is private: its layout is required, and its list asks for one instead of offering none.
    const contactsLayout = list(contacts, "portals.layoutFor");
    expect(labelText(contactsLayout)).toBe(`${fill(en["portals.layoutFor"], { module: "Contacts" })}${required}`);
    expect(contactsLayout.getAttribute("aria-required")).toBe("true");
    expect(contactsLayout.options[0]?.textContent).toBe(en["portals.chooseLayout"]);
    // Notes is public: no layout needed.
    const notesLayout = list(notes, "portals.layoutFor", "Notes");
    expect(labelText(notesLayout)).toBe(fill(en["portals.layoutFor"], { module: "Notes" }));
    expect(notesLayout.getAttribute("aria-required")).toBeNull();
    expect(notesLayout.options[0]?.textContent).toBe(en["portals.noLayout"]);
    // Marked, not yet complained about: nothing was sent, and no problem is shown yet.
    expect(screen.queryByText(en["portals.problem.layoutRequired"])).toBeNull();
    expect(crm.writesSent()).toEqual([]);
  });

  it("says a missing layout at the layout's list once Create is pressed", async () => {
    const { contacts, crm } = await withContacts();
    fireEvent.input(nameField(), { target: { value: "Customer" } });
    fireEvent.click(screen.getByRole("button", { name: en["portals.createType"] }));
    const layout = list(contacts, "portals.layoutFor");
    const error = await within(contacts).findByText(en["portals.problem.layoutRequired"]);
    expect(layout.getAttribute("aria-invalid")).toBe("true");
    expect(layout.getAttribute("aria-describedby")?.split(" ")).toContain(error.id);
    expect(crm.writesSent()).toEqual([]);
  });

  it("names every module's lists after their module, so that they can be told apart", async () => {
    await withContacts();
    const names = (pattern: RegExp) => screen.getAllByRole("combobox", { name: pattern }).map((select) => labelText(select));
    expect(names(/^Layout for/)).toEqual([fill(en["portals.layoutFor"], { module: "Notes" }), `${fill(en["portals.layoutFor"], { module: "Contacts" })} ${en["app.required"]}`]);
    expect(names(/^View for/)).toEqual([fill(en["portals.viewFor"], { module: "Notes" }), fill(en["portals.viewFor"], { module: "Contacts" })]);
  });
});
