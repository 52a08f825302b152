/**
 * Seeded layouts and custom views (what a portal user type shows). Ids are
 * named in SEED.layouts / SEED.views; section ids count up from 124101.
 */
import type { CustomViewDef, FieldDef, LayoutDef, LayoutSection, ModuleDef } from "../api/model";
import { MODULES, SEED, zid } from "./ids";

const L = SEED.layouts;
const V = SEED.views;

/** The "Standard" layout of each module (the system module has none). */
const STANDARD_LAYOUTS: Record<string, string> = {
  [MODULES.contacts]: L.contacts,
  [MODULES.deals]: L.deals,
  [MODULES.accounts]: L.accounts,
  [MODULES.notes]: L.notes,
  [MODULES.leads]: L.leads,
  [MODULES.tasks]: L.tasks,
  [MODULES.projects]: L.projects,
  [MODULES.extension]: L.shipments,
  [MODULES.linking]: L.projectContacts,
};

/** Fields of the Contacts "Partner portal" layout; Email is required there only. */
const PARTNER_FIELDS = ["First_Name", "Last_Name", "Email", "Phone", "Account_Name", "Owner"];
const PARTNER_REQUIRED = ["Email"];

/** Fields kept out of layouts (set by the system only). */
const NOT_IN_LAYOUTS = ["Locked__s"];

interface SectionSpec {
  name: string;
  fields: FieldDef[];
}

function layout(
  id: string,
  module: ModuleDef,
  name: string,
  specs: SectionSpec[],
  nextSectionId: () => string,
  layoutRequired: string[] = [],
): LayoutDef {
  const sections: LayoutSection[] = specs
    .filter((s) => s.fields.length > 0)
    .map((s, i) => ({
      id: nextSectionId(),
      name: s.name,
      display_label: s.name,
      sequence_number: i + 1,
      fields: s.fields.map((f) => ({ fieldId: f.id, required: f.system_mandatory || layoutRequired.includes(f.api_name) })),
    }));
  return { id, module: module.api_name, name, display_label: name, sections };
}

export function seedLayouts(modules: ModuleDef[], fields: Record<string, FieldDef[]>): LayoutDef[] {
  let sectionCounter = 124100;
  const nextSectionId = () => zid(++sectionCounter);
  const result: LayoutDef[] = [];
  for (const m of modules) {
    const id = STANDARD_LAYOUTS[m.api_name];
    if (!id) continue;
    const placed = (fields[m.api_name] ?? []).filter((f) => !NOT_IN_LAYOUTS.includes(f.api_name));
    // Two sections when the module has a Description: "<Singular> Information" and "Description Information".
    const description = placed.filter((f) => f.api_name === "Description");
    const main = placed.filter((f) => f.api_name !== "Description");
    result.push(
      layout(id, m, "Standard", [
        { name: `${m.singular_label} Information`, fields: main },
        { name: "Description Information", fields: description },
      ], nextSectionId),
    );
    if (m.api_name === MODULES.contacts) {
      const partner = PARTNER_FIELDS.map((api) => placed.find((f) => f.api_name === api)).filter((f): f is FieldDef => f !== undefined);
      result.push(layout(L.contactsPartner, m, "Partner portal", [{ name: "Partner Details", fields: partner }], nextSectionId, PARTNER_REQUIRED));
    }
  }
  return result;
}

type ViewSpec = [id: string, module: string, name: string, systemName: string | null, isDefault: boolean, criteria?: string];

/** "My …" views show the acting user's records. */
const MINE = "(Owner:equals:${CURRENTUSER})";
const OPEN_DEALS = "((Stage:not_equal:Closed Won)and(Stage:not_equal:Closed Lost)and(Stage:not_equal:Closed-Lost to Competition))";

const VIEW_SPECS: ViewSpec[] = [
  [V.contacts, MODULES.contacts, "All Contacts", "ALLVIEWS", true],
  [V.contactsMine, MODULES.contacts, "My Contacts", "MYVIEWS", false, MINE],
  [V.contactsPartner, MODULES.contacts, "Partner Contacts", null, false, "(Contact_Status:not_equal:Churned)"],
  [V.accounts, MODULES.accounts, "All Accounts", "ALLVIEWS", true],
  [V.accountsMine, MODULES.accounts, "My Accounts", "MYVIEWS", false, MINE],
  [V.deals, MODULES.deals, "All Deals", "ALLVIEWS", true],
  [V.dealsMine, MODULES.deals, "My Deals", "MYVIEWS", false, MINE],
  [V.dealsOpen, MODULES.deals, "Open Deals", null, false, OPEN_DEALS],
  [V.notes, MODULES.notes, "All Notes", "ALLVIEWS", true],
  [V.notesMine, MODULES.notes, "My Notes", "MYVIEWS", false, MINE],
  [V.leads, MODULES.leads, "All Leads", "ALLVIEWS", true],
  [V.leadsMine, MODULES.leads, "My Leads", "MYVIEWS", false, MINE],
  [V.tasks, MODULES.tasks, "All Tasks", "ALLVIEWS", true],
  [V.tasksMine, MODULES.tasks, "My Tasks", "MYVIEWS", false, MINE],
  [V.projects, MODULES.projects, "All Projects", "ALLVIEWS", true],
  [V.shipments, MODULES.extension, "All Shipments", "ALLVIEWS", true],
  [V.projectContacts, MODULES.linking, "All Project Contacts", "ALLVIEWS", true],
];

export function seedCustomViews(): CustomViewDef[] {
  return VIEW_SPECS.map(([id, module, name, systemName, isDefault, criteria]) => ({
    id,
    module,
    name,
    display_value: name,
    system_name: systemName,
    system_defined: systemName !== null,
    default: isDefault,
    criteria: criteria ?? null,
  }));
}
