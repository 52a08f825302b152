/**
 * A scripted CRM for the portal user-type form: the module list, layouts and
 * views per module (?module=), one user type's detail, and the type writes.
 * Layout and view reads can be held to observe how many are in flight.
 */
import type { RawAnswer } from "../../widget-src/crm/decode";
import { fail, ok, type CrmResult } from "../../widget-src/crm/result";
import { createFakePort, type FakeCall } from "./fake-port";

export const PORTAL = "acmehub";
export const TYPES_PATH = `/settings/portals/${PORTAL}/user_type`;

export const MOD = {
  notes: "5725767000000002185",
  contacts: "5725767000000002179",
  accounts: "5725767000000002177",
  cases: "5725767000000002191",
  deals: "5725767000000002181",
  tasks: "5725767000000002193",
  custom: "5725767000000002301",
} as const;

export const LAYOUT = {
  notes: "5725767000000091001",
  contacts: "5725767000000091002",
  contactsPartner: "5725767000000091003",
  cases: "5725767000000091004",
  custom: "5725767000000091005",
} as const;

export const FIELD = {
  lastName: "5725767000000092001",
  email: "5725767000000092002",
  account: "5725767000000092003",
  vendor: "5725767000000092004",
  phone: "5725767000000092005",
  subject: "5725767000000092006",
  partnerCode: "5725767000000092007",
  customName: "5725767000000092008",
} as const;

export const VIEW = {
  allContacts: "5725767000000093001",
  myContacts: "5725767000000093002",
  allCases: "5725767000000093003",
} as const;

export const TYPE_ID = "5725767000000800001";
export const HOSTILE = `<img src=x onerror=alert(1)>`;

export const rawModules = (extra: Record<string, unknown>[] = []) => ({
  modules: [
    { id: MOD.contacts, api_name: "Contacts", plural_label: "Contacts", generated_type: "default" },
    { id: MOD.accounts, api_name: "Accounts", plural_label: "Accounts", generated_type: "default" },
    { id: MOD.notes, api_name: "Notes", plural_label: "Notes", generated_type: "default" },
    { id: MOD.cases, api_name: "Cases", plural_label: "Cases", generated_type: "default" },
    { id: MOD.deals, api_name: "Deals", plural_label: "Deals", generated_type: "default" },
    { id: MOD.tasks, api_name: "Tasks", plural_label: "Tasks", generated_type: "default" },
    ...extra,
  ],
});

const field = (id: string, apiName: string, label: string, dataType: string, required = false, systemMandatory = false) => ({
  id,
  api_name: apiName,
  field_label: label,
  display_label: label,
  data_type: dataType,
  required,
  system_mandatory: systemMandatory,
});

export const rawLayouts: Record<string, unknown> = {
  Notes: { layouts: [{ id: LAYOUT.notes, name: "Standard", display_label: "Standard", sections: [{ fields: [] }] }] },
  Contacts: {
    layouts: [
      {
        id: LAYOUT.contacts,
        name: "Standard",
        display_label: "Standard",
        sections: [
          {
            fields: [
              field(FIELD.lastName, "Last_Name", "Last Name", "text", false, true),
              field(FIELD.email, "Email", "Email", "email", true),
              field(FIELD.phone, "Phone", "Phone", "phone"),
            ],
          },
          { fields: [field(FIELD.account, "Account_Name", "Account Name", "lookup"), field(FIELD.vendor, "Vendor_Name", "Vendor Name", "lookup")] },
        ],
      },
      {
        id: LAYOUT.contactsPartner,
        name: "Partner",
        display_label: "Partner",
        sections: [{ fields: [field(FIELD.partnerCode, "Partner_Code", "Partner Code", "text")] }],
      },
    ],
  },
  Cases: { layouts: [{ id: LAYOUT.cases, name: "Standard", display_label: "Standard", sections: [{ fields: [field(FIELD.subject, "Subject", "Subject", "text", true)] }] }] },
};

export const rawViews: Record<string, unknown> = {
  Contacts: {
    custom_views: [
      { id: VIEW.allContacts, name: "All Contacts", display_value: "All Contacts" },
      { id: VIEW.myContacts, name: "My Contacts", display_value: "My Contacts" },
    ],
  },
  Cases: { custom_views: [{ id: VIEW.allCases, name: "All Cases", display_value: "All Cases" }] },
};

export const rawModule = (id: string, apiName: string, overrides: Record<string, unknown> = {}) => ({
  id,
  api_name: apiName,
  shared_type: "private",
  layouts: [{ id: LAYOUT.contacts }],
  views: { id: VIEW.allContacts, type: "custom_view" },
  filters: null,
  permissions: { view: true, edit: false, create: false },
  fields: [],
  ...overrides,
});

/** A saved "Customer" type on Contacts with Notes and Cases. */
export const rawDetail = (overrides: Record<string, unknown> = {}) => ({
  user_type: [
    {
      id: TYPE_ID,
      name: "Customer",
      personality_module: { api_name: "Contacts", plural_label: "Contacts" },
      active: true,
      default: false,
      no_of_users: 3,
      modules: [
        rawModule(MOD.contacts, "Contacts", { fields: [{ id: FIELD.phone, read_only: true }] }),
        rawModule(MOD.notes, "Notes", { shared_type: "public", layouts: [{ id: LAYOUT.notes }], views: null }),
        rawModule(MOD.cases, "Cases", { layouts: [{ id: LAYOUT.cases }], views: { id: VIEW.allCases, type: "custom_view" } }),
      ],
      ...overrides,
    },
  ],
});

export const writeSuccess = (id = TYPE_ID) =>
  ok({ status: 200, body: { user_type: [{ code: "SUCCESS", status: "success", message: "User type saved", details: { id } }] } });

/** How the transport hands back a 400 whose item names the failing part. */
export const refusal = (jsonPath: string, code = "DEPENDENT_FIELD_MISSING") =>
  fail<RawAnswer>(code, "required field not found", { json_path: jsonPath }, 400);

export interface TypeCrmOptions {
  modules?: CrmResult<RawAnswer>;
  detail?: CrmResult<RawAnswer>;
  layouts?: Record<string, unknown>;
  views?: Record<string, unknown>;
  /** Answers to POST/PUT, in order (the last one repeats). */
  writes?: (CrmResult<RawAnswer> | (() => Promise<CrmResult<RawAnswer>>))[];
  /** Hold layout and view reads until released. */
  hold?: boolean;
}

export function typeCrm(options: TypeCrmOptions = {}) {
  const layouts = options.layouts ?? rawLayouts;
  const views = options.views ?? rawViews;
  const writes = [...(options.writes ?? [writeSuccess()])];
  const held: (() => void)[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const unexpected: string[] = [];
  const meta = async (call: FakeCall, source: Record<string, unknown>, key: string): Promise<CrmResult<RawAnswer>> => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    if (options.hold) await new Promise<void>((resolve) => held.push(resolve));
    inFlight -= 1;
    const module = String(call.options.query?.module ?? "");
    const body = source[module] ?? { [key]: [] };
    return ok({ status: 200, body });
  };
  const rest = async (call: FakeCall): Promise<CrmResult<RawAnswer>> => {
    if (call.method === "GET" && call.path === "/settings/modules") return options.modules ?? ok({ status: 200, body: rawModules() });
    if (call.method === "GET" && call.path === "/settings/layouts") return meta(call, layouts, "layouts");
    if (call.method === "GET" && call.path === "/settings/custom_views") return meta(call, views, "custom_views");
    if (call.method === "GET" && call.path === `${TYPES_PATH}/${TYPE_ID}`) return options.detail ?? ok({ status: 200, body: rawDetail() });
    if ((call.method === "POST" && call.path === TYPES_PATH) || (call.method === "PUT" && call.path === `${TYPES_PATH}/${TYPE_ID}`)) {
      const next = writes.length > 1 ? writes.shift() : writes[0];
      if (next) return typeof next === "function" ? next() : next;
    }
    unexpected.push(`${call.method} ${call.path}`);
    return fail("UNSCRIPTED", `${call.method} ${call.path}`);
  };
  const fake = createFakePort({ rest });
  const writesSent = () => fake.calls.filter((call) => call.method === "POST" || call.method === "PUT");
  const metaCalls = (path: "/settings/layouts" | "/settings/custom_views") =>
    fake.calls.filter((call) => call.method === "GET" && call.path === path).map((call) => call.options.query?.module);
  return {
    ...fake,
    unexpected,
    writesSent,
    metaCalls,
    maxInFlight: () => maxInFlight,
    inFlight: () => inFlight,
    heldCount: () => held.length,
    /** Lets every held read answer. */
    releaseAll: () => {
      for (const resolve of held.splice(0)) resolve();
    },
    /** Lets the oldest held read answer. */
    releaseOne: () => held.shift()?.(),
  };
}

/** Lets queued promise callbacks run. */
export const settle = async (rounds = 20) => {
  for (let i = 0; i < rounds; i += 1) await Promise.resolve();
};
