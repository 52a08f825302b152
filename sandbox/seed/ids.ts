/**
 * Deterministic ids of the synthetic seeded org. Every id is a 19-digit
 * decimal string: a fixed 7-digit org prefix followed by a 12-digit counter.
 * Ranges: 100xxx profiles/roles/groups, 101xxx users, 102xxx modules,
 * 103xxx fields, 104xxx picklist values, 105xxx custom buttons, 11xxxx
 * records, 120xxx-122xxx locking and thresholds, 123xxx portals (user
 * types), 124001-124099 layouts, 124101-124499 layout sections, 124501+
 * custom views, 200000001+ records and 300000001+ locks of the scale seed
 * (locked-records.ts), 101101-101122 users and 400000001+ deals of the team
 * seed (team.ts), 900000000+ ids created at run time.
 */
const ORG_PREFIX = "5725767";

export function zid(n: number): string {
  return ORG_PREFIX + String(n).padStart(12, "0");
}

/** First counter value used for ids created at run time. */
export const RUNTIME_ID_START = 900_000_000;

export const MODULES = {
  leads: "Leads",
  contacts: "Contacts",
  accounts: "Accounts",
  deals: "Deals",
  tasks: "Tasks",
  /** User-created custom module. */
  projects: "Projects__c",
  /** Custom module created by an extension: record locking NOT_SUPPORTED. */
  extension: "shipx__Shipments",
  /** Linking module between Projects__c and Contacts. */
  linking: "Project_Contacts",
  lockingInformation: "Locking_Information__s",
  /** Every portal user type must include Notes (docs/crm-api.md#user-types). */
  notes: "Notes",
} as const;

export const SEED = {
  modules: MODULES,
  moduleIds: {
    Leads: zid(102001),
    Contacts: zid(102002),
    Accounts: zid(102003),
    Deals: zid(102004),
    Tasks: zid(102005),
    Projects__c: zid(102006),
    shipx__Shipments: zid(102007),
    Project_Contacts: zid(102008),
    Locking_Information__s: zid(102009),
    Notes: zid(102010),
  },
  profiles: {
    administrator: zid(100001),
    standard: zid(100002),
    salesManager: zid(100003),
    readOnly: zid(100004),
  },
  roles: {
    ceo: zid(100101),
    salesDirector: zid(100102),
    salesManager: zid(100103),
    salesRep: zid(100104),
    supportLead: zid(100105),
    supportAgent: zid(100106),
  },
  groups: {
    emea: zid(100201),
    apac: zid(100202),
    keyAccounts: zid(100203),
    /**
     * Synthetic group whose name is hostile markup (XSS test data): it must
     * only ever be shown as text, never parsed as HTML.
     */
    hostile: zid(100204),
  },
  users: {
    /** Ada Admin: Administrator profile, the default acting user. */
    admin: zid(101001),
    /** Bruno Backup: second administrator. */
    admin2: zid(101002),
    /** Sam Standard: Standard profile (may lock, share, change owner). */
    standard: zid(101003),
    /** Mia Manager: "Sales Manager" profile (Standard + customize). */
    salesManager: zid(101004),
    /** Theo Threshold: Deals threshold reached (RECORD_DENIED_BY_ALLOWCOUNT). */
    atThreshold: zid(101005),
    /** Bea Backlog: Deals backlog limit reached (RECORD_DENIED_BY_BACKLOG). */
    backlog: zid(101006),
    /** Tess Paused: Deals threshold entry disabled (RESTRICTION_DISABLED). */
    thresholdDisabled: zid(101007),
    /** Nico Free: no Deals threshold (NO_RESTRICTION). */
    noRestriction: zid(101008),
    carla: zid(101009),
    dan: zid(101010),
    eva: zid(101011),
    finn: zid(101012),
    gina: zid(101013),
    hugo: zid(101014),
    aiko: zid(101015),
    jonas: zid(101016),
    kim: zid(101017),
    lou: zid(101018),
    /** Rita Readonly: Read Only profile (no lock, share, customize, change owner). */
    readOnly: zid(101019),
    readOnly2: zid(101020),
    /** Ian Inactive: disabled user. */
    inactive: zid(101021),
    inactive2: zid(101022),
    inactive3: zid(101023),
    /** Una Unconfirmed: active but confirm:false. */
    unconfirmed: zid(101024),
    pia: zid(101025),
    /**
     * Synthetic hostile user for XSS tests: active, confirmed, Standard
     * profile, Sales Representative role. First and last name are hostile
     * markup (`<img src=x onerror=…>`, `"><script>…</script>`) that sets
     * `window.__xss` if a page ever parses it as HTML; every page must show it
     * literally, as text. E-mail: hostile.name@example.test.
     */
    hostile: zid(101026),
  },
  customButtons: {
    dealsSendForSignature: zid(105001),
    dealsGenerateInvoice: zid(105002),
    accountsSyncErp: zid(105003),
    contactsSendSurvey: zid(105004),
  },
  records: {
    /** Deal in Stage "Closed Won", automatically locked by rule "Closed Won deals". */
    dealAutoLocked: zid(113001),
    /** Deal manually locked by Mia Manager with a reason. */
    dealManualLocked: zid(113002),
    /** Open deal owned by Sam Standard, not locked, not shared. */
    dealUnlocked: zid(113003),
    /** Deal with seeded shares (two users and one group). */
    dealShared: zid(113004),
    /** Deal already shared with 10 users (the per-record limit). */
    dealShareLimit: zid(113005),
    /** Deal matching the Deals threshold exclude criteria (Amount < 1000). */
    dealExcluded: zid(113006),
    /** A second Closed Won deal (also automatically locked). */
    dealClosedWon2: zid(113007),
    dealClosedLost: zid(113008),
    /** Lead: Leads has no locking configuration. */
    leadNoConfig: zid(110001),
    /** Contact in a module whose configuration is lock_type "automatic" only (not locked). */
    contactAutomaticOnly: zid(111001),
    /** Contact automatically locked (Contact_Status "Do Not Contact"). */
    contactAutoLocked: zid(111011),
    /** Account in a manual-only module, not locked. */
    accountManualOnly: zid(112002),
    /** Account manually locked. */
    accountManualLocked: zid(112001),
    /** Task with Status "Closed", automatically locked. */
    taskClosed: zid(114001),
    /** Open task related to dealUnlocked. */
    taskOpen: zid(114002),
    /** Record of the user-created custom module (no locking configuration yet). */
    project: zid(115001),
    /** Record of the extension-created module. */
    shipment: zid(116001),
    /** Record of the linking module. */
    projectContact: zid(117001),
  },
  configs: {
    deals: zid(120001),
    accounts: zid(120002),
    contacts: zid(120003),
    tasks: zid(120004),
  },
  rules: {
    dealsClosedWon: zid(120101),
    contactsDoNotContact: zid(120102),
    tasksClosed: zid(120103),
  },
  locks: {
    dealManualLocked: zid(121001),
    accountManualLocked: zid(121002),
  },
  /**
   * Layouts (GET /settings/layouts). Every module except
   * Locking_Information__s has a "Standard" layout; Contacts also has
   * "Partner portal", where Email is required (not system mandatory).
   */
  layouts: {
    /** Contacts "Standard" (Customer user type). */
    contacts: zid(124001),
    /** Deals "Standard" (Customer user type). */
    deals: zid(124002),
    /** Contacts "Partner portal" (Partner user type): fewer fields, Email required. */
    contactsPartner: zid(124003),
    /** Accounts "Standard" (Supplier user type). */
    accounts: zid(124004),
    notes: zid(124005),
    leads: zid(124006),
    tasks: zid(124007),
    projects: zid(124008),
    shipments: zid(124009),
    projectContacts: zid(124010),
  },
  /** Custom views (GET /settings/custom_views). */
  views: {
    /** "All Contacts", the Contacts default view (Customer user type). */
    contacts: zid(124501),
    /** "All Deals", the Deals default view (Customer user type). */
    deals: zid(124502),
    /** "Partner Contacts" (Partner user type). */
    contactsPartner: zid(124503),
    /** "All Accounts", the Accounts default view (Supplier user type). */
    accounts: zid(124504),
    /** "All Notes", the Notes default view. */
    notes: zid(124505),
    contactsMine: zid(124506),
    dealsOpen: zid(124507),
    dealsMine: zid(124508),
    accountsMine: zid(124509),
    notesMine: zid(124510),
    leads: zid(124511),
    leadsMine: zid(124512),
    tasks: zid(124513),
    tasksMine: zid(124514),
    projects: zid(124515),
    shipments: zid(124516),
    projectContacts: zid(124517),
  },
  /**
   * The team seed (`team: true`, SANDBOX_TEAM=1; seed/team.ts): 22 more
   * users in a second Deals threshold without exclude criteria, and 500 open
   * deals of Ian Inactive to hand over. Not in the default org.
   */
  team: {
    threshold: zid(122003),
    users: {
      /** Room for 2 more deals. */
      olive: zid(101101),
      /** Room for 20. */
      aaron: zid(101102),
      /** Room for 20. */
      bella: zid(101103),
      /** Backlog limit reached (RECORD_DENIED_BY_BACKLOG). */
      tina: zid(101121),
      /** Threshold entry switched off (RESTRICTION_DISABLED). */
      uwe: zid(101122),
    },
  },
  portal: {
    name: "ExamplePortal",
    userTypes: {
      /** Default user type (Contacts), 6 users. */
      customer: zid(123001),
      /** Contacts, 4 users. */
      partner: zid(123002),
      /** Accounts, no users (deletable). */
      supplier: zid(123003),
    },
    /** Personality ids (Contact record ids) of a few portal users. */
    users: {
      customerActive: zid(111001),
      customerUnconfirmed: zid(111005),
      customerInactive: zid(111006),
      partnerActive: zid(111007),
    },
  },
} as const;
