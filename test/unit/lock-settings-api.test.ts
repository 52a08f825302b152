import { describe, expect, it } from "vitest";
import { decodeFields, listFieldsRequest } from "../../widget-src/api/fields";
import {
  CONFIG_WRAPPER,
  createConfigRequest,
  decodeCustomButtons,
  deleteConfigRequest,
  listCustomButtonsRequest,
  updateConfigRequest,
} from "../../widget-src/api/locking-configurations";
import { LOCKING_MODULES, decodeModules, listModulesRequest, lockingCandidates, type ModuleInfo } from "../../widget-src/api/modules";
import { decodeProfileList, listProfilesRequest, mayCustomize, type ProfilePermission } from "../../widget-src/api/profiles";
import { send } from "../../widget-src/api/send";
import { LOCAL_CODES, fail } from "../../widget-src/crm/result";
import { answer, noContent, restScript } from "../support/fake-crm";
import { createFakePort } from "../support/fake-port";
import { CONFIG_ID } from "../support/lock-fixtures";

const UNREADABLE = LOCAL_CODES.unreadable;
const refused = fail("NO_PERMISSION", "permission denied", { permissions: ["Crm_Implied_Customize_Zoho_CRM"] }, 403);

const module = (api_name: string, generated_type: string, extra: Record<string, unknown> = {}) => ({
  id: `57257670000000${String(api_name.length).padStart(5, "0")}`,
  api_name,
  module_name: api_name,
  plural_label: api_name.replace(/_/g, " "),
  generated_type,
  api_supported: true,
  ...extra,
});

describe("modules", () => {
  it("asks for the org's modules", () => {
    expect(listModulesRequest()).toEqual({ method: "GET", path: "/settings/modules" });
  });

  it("reads api name, plural label and generated type, falling back to the module name then the api name", () => {
    const decoded = decodeModules(
      answer({
        modules: [
          module("Sales_Orders", "default"),
          { api_name: "Vendors", module_name: "Suppliers", generated_type: "default" },
          { api_name: "Projects" },
        ],
      }),
    );
    expect(decoded).toEqual({
      ok: true,
      value: [
        { id: "5725767000000000012", apiName: "Sales_Orders", label: "Sales Orders", generatedType: "default" },
        { id: "", apiName: "Vendors", label: "Suppliers", generatedType: "default" },
        { id: "", apiName: "Projects", label: "Projects", generatedType: "" },
      ],
    });
  });

  it("reads 204 as no modules", () => {
    expect(decodeModules(noContent())).toEqual({ ok: true, value: [] });
  });

  it("refuses a body without a module list, or with a module it cannot name", () => {
    expect(decodeModules(answer({ data: [] }))).toMatchObject({ ok: false, error: { code: UNREADABLE } });
    expect(decodeModules(answer("<html>"))).toMatchObject({ ok: false, error: { code: UNREADABLE } });
    expect(decodeModules(answer({ modules: [module("Leads", "default"), { module_name: "Nameless" }] }))).toMatchObject({
      ok: false,
      error: { code: UNREADABLE },
    });
    expect(decodeModules(answer({ modules: ["Leads"] }))).toMatchObject({ ok: false, error: { code: UNREADABLE } });
  });

  it("passes a failed read through unchanged", () => {
    expect(decodeModules(refused)).toBe(refused);
  });

  it("offers the documented modules and user-created custom ones, in the org's order, and nothing else", () => {
    const all: ModuleInfo[] = [
      { id: "", apiName: "Home", label: "Home", generatedType: "default" },
      { id: "", apiName: "Leads", label: "Leads", generatedType: "default" },
      { id: "", apiName: "Deals_X_Contacts", label: "Contact roles", generatedType: "linking" },
      { id: "", apiName: "Projects", label: "Projects", generatedType: "custom" },
      { id: "", apiName: "Campaigns", label: "Campaigns", generatedType: "default" },
      { id: "", apiName: "Web_Forms", label: "Forms", generatedType: "web" },
      { id: "", apiName: "Locking_Information__s", label: "Locking information", generatedType: "default" },
      { id: "", apiName: "Products", label: "Products", generatedType: "default" },
      { id: "", apiName: "Tasks", label: "Tasks", generatedType: "default" },
      { id: "", apiName: "Invoice_Lines", label: "Invoice lines", generatedType: "linking" },
    ];
    expect(lockingCandidates(all).map((entry) => entry.apiName)).toEqual(["Leads", "Projects", "Products", "Tasks"]);
  });

  it("knows every module the v8 docs list, Products included", () => {
    expect([...LOCKING_MODULES].sort()).toEqual(
      [
        "Leads",
        "Contacts",
        "Accounts",
        "Deals",
        "Quotes",
        "Sales_Orders",
        "Purchase_Orders",
        "Invoices",
        "Vendors",
        "Price_Books",
        "Cases",
        "Solutions",
        "Tasks",
        "Products",
      ].sort(),
    );
  });
});

describe("fields", () => {
  const STAGE = "5725767000000002589";
  const AMOUNT = "5725767000000002591";

  it("asks for one module's fields", () => {
    expect(listFieldsRequest("Deals")).toEqual({ method: "GET", path: "/settings/fields", query: { module: "Deals" } });
  });

  it("reads fields with their labels and picklist values (actual value, shown label)", () => {
    const decoded = decodeFields(
      answer({
        fields: [
          {
            id: STAGE,
            api_name: "Stage",
            field_label: "Stage",
            display_label: "Deal stage",
            data_type: "picklist",
            pick_list_values: [
              { display_value: "Gewonnen", actual_value: "Closed Won", id: "5725767000000002600" },
              { display_value: "Closed Lost", actual_value: "Closed Lost" },
              { display_value: "Only shown" },
              { actual_value: "" },
              "garbage",
            ],
          },
          { id: AMOUNT, api_name: "Amount", field_label: "Amount", data_type: "currency", pick_list_values: [] },
          { id: "5725767000000002592", api_name: "Description" },
        ],
      }),
    );
    expect(decoded).toEqual({
      ok: true,
      value: [
        {
          id: STAGE,
          apiName: "Stage",
          label: "Deal stage",
          dataType: "picklist",
          picklist: [
            { value: "Closed Won", label: "Gewonnen" },
            { value: "Closed Lost", label: "Closed Lost" },
            { value: "Only shown", label: "Only shown" },
          ],
        },
        { id: AMOUNT, apiName: "Amount", label: "Amount", dataType: "currency" },
        { id: "5725767000000002592", apiName: "Description", label: "Description", dataType: "text" },
      ],
    });
  });

  it("reads 204 as no fields", () => {
    expect(decodeFields(noContent())).toEqual({ ok: true, value: [] });
  });

  it("refuses garbage instead of showing no fields", () => {
    expect(decodeFields(answer({ modules: [] }))).toMatchObject({ ok: false, error: { code: UNREADABLE } });
    expect(decodeFields(answer([]))).toMatchObject({ ok: false, error: { code: UNREADABLE } });
    // A numeric id may have lost digits already: refused rather than guessed.
    expect(decodeFields(answer({ fields: [{ id: 5725767000000002589, api_name: "Stage" }] }))).toMatchObject({
      ok: false,
      error: { code: UNREADABLE },
    });
    expect(decodeFields(answer({ fields: [{ id: STAGE }] }))).toMatchObject({ ok: false, error: { code: UNREADABLE } });
  });

  it("passes a failed read through", () => {
    expect(decodeFields(refused)).toBe(refused);
  });
});

describe("profiles", () => {
  const SALES = "5725767000000026014";
  const SUPPORT = "5725767000000026015";

  it("asks for the profile list", () => {
    expect(listProfilesRequest()).toEqual({ method: "GET", path: "/settings/profiles" });
  });

  it("reads the profiles with their display labels", () => {
    const decoded = decodeProfileList(
      answer({
        profiles: [
          { id: SALES, name: "Sales", display_label: "Sales team", type: "normal_profile" },
          { id: SUPPORT, name: "Support" },
          { id: "5725767000000026016", name: "" },
        ],
      }),
    );
    expect(decoded).toEqual({
      ok: true,
      value: [
        { id: SALES, name: "Sales team" },
        { id: SUPPORT, name: "Support" },
        { id: "5725767000000026016", name: "5725767000000026016" },
      ],
    });
  });

  it("reads 204 as none and refuses an unreadable list or profile", () => {
    expect(decodeProfileList(noContent())).toEqual({ ok: true, value: [] });
    expect(decodeProfileList(answer({ users: [] }))).toMatchObject({ ok: false, error: { code: UNREADABLE } });
    expect(decodeProfileList(answer({ profiles: [{ id: 5725767000000026014, name: "Sales" }] }))).toMatchObject({
      ok: false,
      error: { code: UNREADABLE },
    });
    expect(decodeProfileList(refused)).toMatchObject({ ok: false, error: { code: "NO_PERMISSION" } });
  });

  describe("mayCustomize", () => {
    const permission = (name: string, enabled: boolean, extra: Partial<ProfilePermission> = {}): ProfilePermission => ({
      name,
      enabled,
      ...extra,
    });

    it("is true with the Customize Zoho CRM permission enabled", () => {
      expect(mayCustomize([permission("Crm_Implied_Share", true), permission("Crm_Implied_Customize_Zoho_CRM", true)])).toBe(true);
    });

    it("recognises the permission by its label when the name differs", () => {
      expect(mayCustomize([permission("Crm_Customize", true, { label: "Customize Zoho CRM" })])).toBe(true);
    });

    it("is false when the permission is disabled, missing, or only other permissions are enabled", () => {
      expect(mayCustomize([permission("Crm_Implied_Customize_Zoho_CRM", false)])).toBe(false);
      expect(mayCustomize([permission("Crm_Implied_Customize_Zoho_CRM", false, { label: "Customize Zoho CRM" })])).toBe(false);
      expect(mayCustomize([permission("Crm_Implied_Share", true), permission("Deals_Lock", true, { module: "Deals", label: "Lock" })])).toBe(
        false,
      );
      expect(mayCustomize([])).toBe(false);
    });
  });
});

describe("custom buttons", () => {
  const SIGN = "5725767000000600001";
  const QUOTE = "5725767000000600002";

  it("asks for one module's buttons", () => {
    expect(listCustomButtonsRequest("Deals")).toEqual({ method: "GET", path: "/settings/custom_buttons", query: { module: "Deals" } });
  });

  it("reads id and the shown label, skipping buttons without a usable id", () => {
    const decoded = decodeCustomButtons(
      answer({
        custom_buttons: [
          { id: SIGN, name: "send_sign", display_label: "Send for signature" },
          { id: QUOTE, name: "Quote" },
          { id: "5725767000000600003" },
          { id: 5725767000000600004, name: "Numeric id" },
          { name: "No id" },
        ],
      }),
    );
    expect(decoded).toEqual({
      ok: true,
      value: [
        { id: SIGN, name: "Send for signature" },
        { id: QUOTE, name: "Quote" },
        { id: "5725767000000600003", name: "5725767000000600003" },
      ],
    });
  });

  it("reads 204 as none, refuses garbage and passes failures through", () => {
    expect(decodeCustomButtons(noContent())).toEqual({ ok: true, value: [] });
    expect(decodeCustomButtons(answer({ buttons: [] }))).toMatchObject({ ok: false, error: { code: UNREADABLE } });
    expect(decodeCustomButtons(refused)).toBe(refused);
  });
});

describe("configuration writes", () => {
  const PATH = "/settings/record_locking_configurations";

  it("creates with POST, the module as query and the configuration in the wrapper", () => {
    const config = { lock_type: "manual", locked_for: "all_profiles", restricted_actions: ["update"] };
    expect(createConfigRequest("Sales_Orders", config)).toEqual({
      method: "POST",
      path: PATH,
      query: { module: "Sales_Orders" },
      body: { record_locking_configurations: [config] },
    });
    expect(CONFIG_WRAPPER).toBe("record_locking_configurations");
  });

  it("updates with PUT on the configuration's id", () => {
    const changes = { id: CONFIG_ID, lock_for_portal_users: false };
    expect(updateConfigRequest("Deals", CONFIG_ID, changes)).toEqual({
      method: "PUT",
      path: `${PATH}/${CONFIG_ID}`,
      query: { module: "Deals" },
      body: { record_locking_configurations: [changes] },
    });
  });

  it("deletes with DELETE on the configuration's id, without a body", () => {
    const request = deleteConfigRequest("Deals", CONFIG_ID);
    expect(request).toEqual({ method: "DELETE", path: `${PATH}/${CONFIG_ID}`, query: { module: "Deals" } });
    expect("body" in request).toBe(false);
  });

  it("reach the port as built", async () => {
    const { rest } = restScript({
      [`PUT ${PATH}/${CONFIG_ID}`]: [answer({ record_locking_configurations: [{ code: "SUCCESS", status: "success", message: "updated", details: { id: CONFIG_ID } }] })],
      [`DELETE ${PATH}/${CONFIG_ID}`]: [answer({ record_locking_configurations: [{ code: "SUCCESS", status: "success", message: "deleted", details: { id: CONFIG_ID } }] })],
    });
    const fake = createFakePort({ rest });
    await send(fake.port, updateConfigRequest("Deals", CONFIG_ID, { id: CONFIG_ID, lock_type: "both" }));
    await send(fake.port, deleteConfigRequest("Deals", CONFIG_ID));
    expect(fake.calls).toEqual([
      {
        method: "PUT",
        path: `${PATH}/${CONFIG_ID}`,
        options: { query: { module: "Deals" }, body: { record_locking_configurations: [{ id: CONFIG_ID, lock_type: "both" }] } },
      },
      { method: "DELETE", path: `${PATH}/${CONFIG_ID}`, options: { query: { module: "Deals" } } },
    ]);
  });
});
