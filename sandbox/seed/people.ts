/** Seeded profiles, roles, groups and users (all synthetic). */
import type { Group, Profile, ProfilePermissions, Role, User } from "../api/model";
import { MODULES, SEED } from "./ids";
import { seedTime } from "./time";

const LOCKABLE = [MODULES.leads, MODULES.contacts, MODULES.accounts, MODULES.deals, MODULES.tasks, MODULES.projects];

function profile(id: string, name: string, description: string, custom: boolean, perms: ProfilePermissions): Profile {
  return {
    id,
    name,
    description,
    custom,
    default: name === "Standard",
    type: "normal_profile",
    created_time: seedTime(0),
    modified_time: seedTime(1),
    perms,
  };
}

export function seedProfiles(): Profile[] {
  const P = SEED.profiles;
  return [
    profile(P.administrator, "Administrator", "This profile will have all the permissions.", false, {
      lockModules: [...LOCKABLE],
      share: true,
      customize: true,
      changeOwner: true,
      managePortals: true,
      edit: true,
    }),
    profile(P.standard, "Standard", "This profile will have all the permissions except administrative privileges.", false, {
      lockModules: [MODULES.leads, MODULES.contacts, MODULES.accounts, MODULES.deals, MODULES.projects],
      share: true,
      customize: false,
      changeOwner: true,
      managePortals: false,
      edit: true,
    }),
    profile(P.salesManager, "Sales Manager", "Standard permissions plus module customisation.", true, {
      lockModules: [...LOCKABLE],
      share: true,
      customize: true,
      changeOwner: true,
      managePortals: false,
      edit: true,
    }),
    profile(P.readOnly, "Read Only", "View-only access to records.", true, {
      lockModules: [],
      share: false,
      customize: false,
      changeOwner: false,
      managePortals: false,
      edit: false,
    }),
  ];
}

export function seedRoles(): Role[] {
  const R = SEED.roles;
  return [
    { id: R.ceo, name: "CEO", description: "Top of the hierarchy.", reportsTo: null },
    { id: R.salesDirector, name: "Sales Director", description: "Leads the sales teams.", reportsTo: R.ceo },
    { id: R.salesManager, name: "Sales Manager", description: "Manages sales representatives.", reportsTo: R.salesDirector },
    { id: R.salesRep, name: "Sales Representative", description: "Works deals.", reportsTo: R.salesManager },
    { id: R.supportLead, name: "Support Lead", description: "Leads customer support.", reportsTo: R.ceo },
    { id: R.supportAgent, name: "Support Agent", description: "Answers customers.", reportsTo: R.supportLead },
  ];
}

/**
 * Hostile markup used as names of synthetic seeded entities (XSS test data).
 * Each sets `window.__xss` if a page parses it as HTML instead of showing it
 * as text.
 */
export const HOSTILE = {
  /** First name of SEED.users.hostile. */
  firstName: '<img src=x onerror="window.__xss=1">Hostile',
  /** Last name of SEED.users.hostile. */
  lastName: 'Name"><script>window.__xss=1</script>',
  /** full_name of SEED.users.hostile, as the users API answers it. */
  fullName: '<img src=x onerror="window.__xss=1">Hostile Name"><script>window.__xss=1</script>',
  email: "hostile.name@example.test",
  /** Name of SEED.groups.hostile. */
  groupName: '<svg onload="window.__xss=1">Group',
} as const;

export function seedGroups(): Group[] {
  const G = SEED.groups;
  const U = SEED.users;
  return [
    { id: G.emea, name: "EMEA Team", description: "Europe, Middle East and Africa.", memberIds: [U.jonas, U.eva, U.carla] },
    { id: G.apac, name: "APAC Team", description: "Asia-Pacific.", memberIds: [U.aiko, U.finn] },
    { id: G.keyAccounts, name: "Key Accounts", description: "Strategic customers.", memberIds: [U.salesManager, U.standard] },
    // XSS test data: a group whose name is hostile markup.
    { id: G.hostile, name: HOSTILE.groupName, description: "Synthetic group with a hostile name (XSS test data).", memberIds: [U.hostile, U.dan] },
  ];
}

export type UserRow = [
  id: string,
  first: string,
  last: string,
  profileId: string,
  roleId: string,
  locale: string,
  timeZone: string,
  status?: "active" | "disabled",
  confirm?: boolean,
  /** Default: first.last@example.com in lower case. */
  email?: string,
];

export function seedUsers(): User[] {
  const U = SEED.users;
  const P = SEED.profiles;
  const R = SEED.roles;
  const NY = "America/New_York";
  const rows: UserRow[] = [
    [U.admin, "Ada", "Admin", P.administrator, R.ceo, "en_US", NY],
    [U.admin2, "Bruno", "Backup", P.administrator, R.ceo, "de_DE", "Europe/Berlin"],
    [U.standard, "Sam", "Standard", P.standard, R.salesRep, "en_US", "America/Chicago"],
    [U.salesManager, "Mia", "Manager", P.salesManager, R.salesManager, "en_GB", "Europe/London"],
    [U.atThreshold, "Theo", "Threshold", P.standard, R.salesRep, "en_US", NY],
    [U.backlog, "Bea", "Backlog", P.standard, R.salesRep, "en_US", NY],
    [U.thresholdDisabled, "Tess", "Paused", P.standard, R.salesRep, "en_US", NY],
    [U.noRestriction, "Nico", "Free", P.standard, R.salesRep, "it_IT", "Europe/Rome"],
    [U.carla, "Carla", "Closer", P.standard, R.salesRep, "es_ES", "Europe/Madrid"],
    [U.dan, "Dan", "Dealer", P.standard, R.salesRep, "en_US", NY],
    [U.eva, "Eva", "Example", P.standard, R.salesRep, "fr_FR", "Europe/Paris"],
    [U.finn, "Finn", "Field", P.standard, R.salesRep, "en_AU", "Australia/Sydney"],
    [U.gina, "Gina", "Growth", P.standard, R.salesManager, "en_US", NY],
    [U.hugo, "Hugo", "Hunter", P.standard, R.salesRep, "en_US", NY],
    [U.aiko, "Aiko", "Sample", P.standard, R.salesRep, "ja_JP", "Asia/Tokyo"],
    [U.jonas, "Jonas", "Beispiel", P.standard, R.salesRep, "de_DE", "Europe/Berlin"],
    [U.kim, "Kim", "Support", P.standard, R.supportLead, "en_US", NY],
    [U.lou, "Lou", "Helpdesk", P.standard, R.supportAgent, "en_US", NY],
    [U.readOnly, "Rita", "Readonly", P.readOnly, R.supportAgent, "en_US", NY],
    [U.readOnly2, "Vic", "Viewer", P.readOnly, R.supportAgent, "ja_JP", "Asia/Tokyo"],
    [U.inactive, "Ian", "Inactive", P.standard, R.salesRep, "en_US", NY, "disabled"],
    [U.inactive2, "Dora", "Departed", P.standard, R.salesRep, "de_DE", "Europe/Berlin", "disabled"],
    [U.inactive3, "Walt", "Former", P.salesManager, R.salesManager, "en_US", NY, "disabled"],
    [U.unconfirmed, "Una", "Unconfirmed", P.standard, R.salesRep, "en_US", NY, "active", false],
    [U.pia, "Pia", "Pipeline", P.standard, R.salesRep, "en_US", NY],
    // XSS test data: hostile markup in both names (see HOSTILE); active, confirmed.
    [U.hostile, HOSTILE.firstName, HOSTILE.lastName, P.standard, R.salesRep, "en_US", NY, "active", true, HOSTILE.email],
  ];
  return rows.map(buildUser);
}

/** A seeded user from its row; `i` numbers it (its zuid and creation hour). */
export function buildUser([id, first, last, profileId, roleId, locale, timeZone, status = "active", confirm = true, email]: UserRow, i: number): User {
  return {
    id,
    first_name: first,
    last_name: last,
    email: email ?? `${first}.${last}@example.com`.toLowerCase(),
    status,
    confirm,
    profileId,
    roleId,
    zuid: String(70_000_001 + i),
    locale,
    time_zone: timeZone,
    type__s: "Regular User",
    created_time: seedTime(0, i),
    modified_time: seedTime(2, i),
  };
}
