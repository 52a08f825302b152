/** Seeded client portal, user types and portal users. */
import type { ModuleDef, Portal, PortalUser, UserType, UserTypeModule } from "../api/model";
import { MODULES, SEED, zid } from "./ids";
import { seedTime } from "./time";

const PT = SEED.portal;

function moduleId(modules: ModuleDef[], api: string): string {
  const m = modules.find((x) => x.api_name === api);
  if (!m) throw new Error(`seed: no module ${api}`);
  return m.id;
}

/** A private module of a user type, shown through one layout and one custom view. */
function utModule(id: string, layoutId: string, viewId: string, edit: boolean): UserTypeModule {
  return {
    id,
    shared_type: "private",
    layouts: [{ id: layoutId }],
    views: { id: viewId, type: "custom_view" },
    filters: null,
    permissions: { view: true, edit, create: edit, delete: false },
    fields: [],
  };
}

/** Notes, which every user type includes (docs/crm-api.md#user-types): public, no layout needed. */
function utNotes(id: string, create: boolean): UserTypeModule {
  return {
    id,
    shared_type: "public",
    layouts: null,
    views: null,
    filters: null,
    permissions: { view: true, edit: false, create, delete: false },
    fields: [],
  };
}

export function seedPortals(): Portal[] {
  return [
    {
      name: PT.name,
      zaid: "60000001",
      active: true,
      created_time: seedTime(1),
      modified_time: seedTime(5),
      createdBy: SEED.users.admin,
      modifiedBy: SEED.users.admin,
      licences: 9,
    },
  ];
}

export function seedUserTypes(modules: ModuleDef[]): UserType[] {
  const contacts = moduleId(modules, MODULES.contacts);
  const accounts = moduleId(modules, MODULES.accounts);
  const deals = moduleId(modules, MODULES.deals);
  const notes = moduleId(modules, MODULES.notes);
  const L = SEED.layouts;
  const V = SEED.views;
  const ut = (id: string, name: string, personality: string, active: boolean, isDefault: boolean, mods: UserTypeModule[], day: number): UserType => ({
    id,
    portal: PT.name,
    name,
    personalityModule: personality,
    active,
    default: isDefault,
    modules: mods,
    created_time: seedTime(day),
    modified_time: seedTime(day + 1),
    createdBy: SEED.users.admin,
    modifiedBy: SEED.users.admin,
  });
  return [
    ut(PT.userTypes.customer, "Customer", MODULES.contacts, true, true, [
      utModule(contacts, L.contacts, V.contacts, true),
      utModule(deals, L.deals, V.deals, false),
      utNotes(notes, true),
    ], 2),
    ut(PT.userTypes.partner, "Partner", MODULES.contacts, true, false, [utModule(contacts, L.contactsPartner, V.contactsPartner, true), utNotes(notes, false)], 3),
    ut(PT.userTypes.supplier, "Supplier", MODULES.accounts, false, false, [utModule(accounts, L.accounts, V.accounts, false), utNotes(notes, false)], 4),
  ];
}

export function seedPortalUsers(): PortalUser[] {
  const contact = (n: number) => zid(111000 + n);
  const user = (n: number, type: string, active: boolean, confirm: boolean, reason: string | null = null): PortalUser => ({
    personalityId: contact(n),
    portal: PT.name,
    userTypeId: type,
    active,
    confirm,
    invited_time: seedTime(5 + n),
    status_reason__s: reason,
  });
  const C = PT.userTypes.customer;
  const P = PT.userTypes.partner;
  return [
    user(1, C, true, true),
    user(2, C, true, true),
    user(3, C, true, true),
    user(4, C, true, true),
    user(5, C, true, false),
    user(6, C, false, true),
    user(7, P, true, true),
    user(8, P, true, true),
    user(9, P, true, false),
    user(10, P, false, true, "disabled on updation of email"),
  ];
}
