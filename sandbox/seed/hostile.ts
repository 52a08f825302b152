/**
 * The hostile seed variant (XSS test data, all synthetic): the default org
 * plus hostile strings in record names, user names and e-mails, group, role
 * and profile names, a custom button name, a manual lock reason, a locking
 * rule name, a portal user type name and portal users' names, e-mails and
 * status reason.
 *
 * Opt-in, so the default org stays believable: `startSandbox({ hostile: true })`,
 * `createMockCrm({ hostile: true })`, or `SANDBOX_HOSTILE=1 npm start`.
 * Nothing of the default org changes except where noted on addHostileData
 * (the Deals configuration gains a rule, an exempt profile and a restricted
 * button; the portal gains licences).
 *
 * Every markup payload sets `window.__xss` (or `parent.__xss` from inside an
 * iframe it would create) and calls `alert`, so a page that parses one as
 * HTML, or follows one as a URL, sets a page-level flag or opens a dialog.
 * The widget must show each of them literally, as text.
 */
import type { CrmRecord, State, UserType, UserTypeModule } from "../api/model";
import { MODULES, SEED, zid } from "./ids";
import { HOSTILE } from "./people";
import { person, recordBuilder } from "./records";
import { seedTime } from "./time";

/** The page-level flag every payload sets when it runs. */
export const XSS_FLAG = "__xss";

const RUN = "window.__xss=1;alert(1)";

/** A string of `length` characters without a space (a single unbreakable "word"). */
function unbroken(prefix: string, length: number): string {
  return prefix + "W".repeat(Math.max(0, length - prefix.length));
}

/** The payloads, one per technique. */
export const PAYLOADS = {
  script: `<script>${RUN}</script>`,
  img: `<img src=x onerror="${RUN}">`,
  /** Breaks out of a double-quoted attribute, then a tag. */
  svgBreakout: `"><svg onload="${RUN}">`,
  /** Breaks out of a single-quoted attribute. */
  attrBreakout: `' autofocus onfocus='${RUN}' x='`,
  /** Runs if it ever becomes an href or a src. */
  javascriptUrl: `javascript:${RUN}//`,
  /** An iframe whose document would set the flag on its parent. */
  iframe: `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
  /** U+202E RIGHT-TO-LEFT OVERRIDE, left unterminated: "Invoice‮fdp.exe" reads as "Invoice exe.pdf". */
  rtl: "Invoice\u202Efdp.exe",
  /** Message-catalogue placeholders: must not be filled in a second time. */
  placeholders: "{name}{reason}{rule}",
  /** 5,200 characters without a space. */
  long: unbroken("Long", 5200),
} as const;

/** The hostile strings as seeded, by where they live. */
export const HOSTILE_NAMES = {
  /** Deal_Name of HOSTILE_SEED.records.dealManual. */
  dealManual: `${PAYLOADS.script}Deal${PAYLOADS.svgBreakout} ${PAYLOADS.rtl}`,
  /** Deal_Name of HOSTILE_SEED.records.dealAuto: the long unbroken string. */
  dealAuto: PAYLOADS.long,
  /** Deal_Name of HOSTILE_SEED.records.dealShared. */
  dealShared: PAYLOADS.javascriptUrl,
  lead: { first: PAYLOADS.img, last: `Lead${PAYLOADS.attrBreakout}`, company: PAYLOADS.iframe },
  /** SEED.users.hostile (in every seed) is HOSTILE.fullName; these two exist only in this variant. */
  userLong: { first: PAYLOADS.svgBreakout, last: unbroken("Lengthy", 5100), email: `"><img src=x onerror=${RUN}>@example.test` },
  userRtl: { first: `\u202EEvil${PAYLOADS.placeholders}`, last: PAYLOADS.javascriptUrl, email: `javascript:alert(1)//@example.test` },
  role: `${PAYLOADS.img}Role ${PAYLOADS.rtl}`,
  /** A second hostile group (SEED.groups.hostile is the first): markup then the long string. */
  groupLong: `${PAYLOADS.iframe}${unbroken("Group", 5000)}`,
  profile: `${PAYLOADS.script}Exempt profile`,
  /** Markup, then 5,000 characters without a space. */
  customButton: `${PAYLOADS.svgBreakout}${unbroken("Button", 5000)}`,
  rule: `${PAYLOADS.img}Rule${PAYLOADS.script}`,
  /** Within the CRM's 3,000-character limit: markup on three lines, then 2,500 characters without a space. */
  lockReason: `${PAYLOADS.script}\n${PAYLOADS.img}\n${PAYLOADS.javascriptUrl} ${PAYLOADS.placeholders} ${PAYLOADS.rtl}\n${unbroken("Reason", 2500)}`,
  /** Markup, an RTL override, then 5,000 characters without a space. */
  userType: `${PAYLOADS.script}Type${PAYLOADS.svgBreakout} ${PAYLOADS.rtl} ${unbroken("Type", 5000)}`,
  portalUserLong: { first: PAYLOADS.img, last: unbroken("Portal", 5000), email: `"><svg onload=${RUN}>@example.test` },
  portalUserRtl: { first: `\u202EPortal`, last: PAYLOADS.attrBreakout, email: "javascript:alert(1)//@example.test" },
  portalStatusReason: `${PAYLOADS.script}disabled ${PAYLOADS.rtl}`,
} as const;

/** Ids of the entities this variant adds (in the seed ranges of sandbox/seed/ids.ts). */
export const HOSTILE_SEED = {
  profile: zid(100005),
  role: zid(100107),
  group: zid(100205),
  users: {
    /** Active, confirmed, Standard profile, hostile role; a 5,100-character last name. */
    long: zid(101027),
    /** Active, confirmed, Standard profile, hostile role; RTL override and a javascript: URL. */
    rtl: zid(101028),
  },
  customButton: zid(105005),
  records: {
    /** Deal with markup and an RTL override in its name, owned by users.rtl, manually locked by SEED.users.hostile. */
    dealManual: zid(113101),
    /** Deal named by the long string, owned by users.long, locked automatically by the hostile rule (Amount 13). */
    dealAuto: zid(113102),
    /** Deal named by a javascript: URL, owned by SEED.users.hostile, shared with every hostile user, group and role. */
    dealShared: zid(113103),
    /** Lead (no locking configuration) with markup in its name and company. */
    lead: zid(110101),
    /** Contacts behind the hostile portal users. */
    contactLong: zid(111101),
    contactRtl: zid(111102),
  },
  /** Rule of the Deals configuration: Amount = 13. */
  rule: zid(120104),
  lock: zid(121003),
  userType: zid(123004),
} as const;

/** Amount that the hostile rule locks. */
export const HOSTILE_RULE_AMOUNT = 13;

/** Adds the hostile entities to a freshly built default seed (before automatic locks are synced). */
export function addHostileData(state: State): void {
  const H = HOSTILE_SEED;
  const N = HOSTILE_NAMES;
  const U = SEED.users;

  const readOnly = state.profiles.find((p) => p.id === SEED.profiles.readOnly);
  if (!readOnly) throw new Error("seed: no Read Only profile");
  state.profiles.push({
    ...readOnly,
    id: H.profile,
    name: N.profile,
    description: "Synthetic profile with a hostile name (XSS test data).",
    default: false,
    perms: { ...readOnly.perms, lockModules: [] },
  });
  state.roles.push({ id: H.role, name: N.role, description: "Synthetic role with a hostile name (XSS test data).", reportsTo: SEED.roles.salesManager });
  state.groups.push({ id: H.group, name: N.groupLong, description: "Synthetic group with a hostile, very long name (XSS test data).", memberIds: [H.users.long, H.users.rtl] });

  const template = state.users.find((u) => u.id === U.hostile);
  if (!template) throw new Error("seed: no hostile user");
  const base = state.users.length;
  state.users.push(
    { ...template, id: H.users.long, first_name: N.userLong.first, last_name: N.userLong.last, email: N.userLong.email, roleId: H.role, zuid: String(70_000_001 + base), created_time: seedTime(0, base), modified_time: seedTime(2, base) },
    { ...template, id: H.users.rtl, first_name: N.userRtl.first, last_name: N.userRtl.last, email: N.userRtl.email, roleId: H.role, zuid: String(70_000_002 + base), created_time: seedTime(0, base + 1), modified_time: seedTime(2, base + 1) },
  );

  state.customButtons.push({ id: H.customButton, name: N.customButton, module: MODULES.deals });

  const rec = recordBuilder(state.users);
  const deal = (id: string, owner: string, day: number, name: string, amount: number): CrmRecord =>
    rec(id, owner, day, {
      Deal_Name: name,
      Stage: "Negotiation/Review",
      Amount: amount,
      Closing_Date: seedTime(day + 30).slice(0, 10),
      Probability: 40,
      Type: "New Business",
      Account_Name: null,
      Description: "Synthetic deal with a hostile name (XSS test data).",
    });
  push(state.records, MODULES.deals, [
    deal(H.records.dealManual, H.users.rtl, 15, N.dealManual, 5000),
    deal(H.records.dealAuto, H.users.long, 16, N.dealAuto, HOSTILE_RULE_AMOUNT),
    deal(H.records.dealShared, U.hostile, 17, N.dealShared, 7000),
  ]);
  push(state.records, MODULES.leads, [
    rec(H.records.lead, U.hostile, 15, person(N.lead.first, N.lead.last, {
      Email: "hostile.lead@example.test",
      Company: N.lead.company,
      Phone: "+1 555 030 999",
      Lead_Status: "Not Contacted",
      Lead_Source: "Web Download",
      Annual_Revenue: 1000,
      Description: null,
    })),
  ]);
  const contact = (id: string, names: { first: string; last: string; email: string }): CrmRecord =>
    rec(id, U.hostile, 15, person(names.first, names.last, {
      Email: names.email,
      Phone: "+1 555 020 999",
      Title: "Synthetic portal user (XSS test data)",
      Account_Name: null,
      Contact_Status: "Active",
      Description: null,
    }));
  push(state.records, MODULES.contacts, [contact(H.records.contactLong, N.portalUserLong), contact(H.records.contactRtl, N.portalUserRtl)]);

  // The Deals configuration: a rule, an exempt profile and a restricted custom button with hostile names.
  const deals = state.configs.find((c) => c.id === SEED.configs.deals);
  const amount = state.fields[MODULES.deals]?.find((f) => f.api_name === "Amount");
  if (!deals || !amount) throw new Error("seed: no Deals configuration");
  deals.locking_rules.push({
    id: H.rule,
    name: N.rule,
    lock_existing_records: true,
    criteria: { comparator: "equal", field: { api_name: amount.api_name, id: amount.id }, value: String(HOSTILE_RULE_AMOUNT) },
  });
  deals.lock_excluded_profiles = [...(deals.lock_excluded_profiles ?? []), { id: H.profile, name: N.profile }];
  deals.restricted_custom_buttons = [...(deals.restricted_custom_buttons ?? []), { id: H.customButton, name: N.customButton }];

  state.locks.push({
    id: H.lock,
    module: MODULES.deals,
    recordId: H.records.dealManual,
    configId: SEED.configs.deals,
    source: "Manual",
    ruleId: null,
    lockedBy: U.hostile,
    reason: N.lockReason,
    lockedTime: seedTime(18),
    createdBy: U.hostile,
    modifiedBy: U.hostile,
    modifiedTime: seedTime(18),
  });

  const share = (id: string, type: "users" | "groups" | "roles", day: number) => ({
    sharedWith: { id, type },
    permission: "read_only" as const,
    share_related_records: false,
    type: "private" as const,
    sharedTime: seedTime(day),
    sharedBy: U.hostile,
  });
  state.shares[H.records.dealShared] = [
    share(U.hostile, "users", 18),
    share(H.users.long, "users", 18),
    share(H.users.rtl, "users", 18),
    share(SEED.groups.hostile, "groups", 19),
    share(H.group, "groups", 19),
    share(H.role, "roles", 19),
  ];

  // A fourth user type (Contacts, like Customer and Partner) with two hostile users.
  const customer = state.userTypes.find((t) => t.id === SEED.portal.userTypes.customer);
  if (!customer) throw new Error("seed: no Customer user type");
  const type: UserType = {
    ...customer,
    id: H.userType,
    name: N.userType,
    default: false,
    modules: customer.modules.map((m): UserTypeModule => ({ ...m, permissions: { ...m.permissions, edit: false, create: false } })),
    created_time: seedTime(6),
    modified_time: seedTime(7),
  };
  state.userTypes.push(type);
  const portal = state.portals.find((p) => p.name === SEED.portal.name);
  if (portal) portal.licences += 2;
  state.portalUsers.push(
    { personalityId: H.records.contactLong, portal: SEED.portal.name, userTypeId: H.userType, active: true, confirm: true, invited_time: seedTime(16), status_reason__s: null },
    { personalityId: H.records.contactRtl, portal: SEED.portal.name, userTypeId: H.userType, active: false, confirm: true, invited_time: seedTime(16), status_reason__s: N.portalStatusReason },
  );
}

function push(records: Record<string, CrmRecord[]>, module: string, added: CrmRecord[]): void {
  records[module] = [...(records[module] ?? []), ...added];
}

/** The hostile strings of the default seed too (SEED.users.hostile, SEED.groups.hostile). */
export { HOSTILE };

/** Full name of a seeded user or person record, as the API answers it. */
export function fullNameOf(names: { first: string; last: string }): string {
  return `${names.first} ${names.last}`;
}
