/**
 * The synthetic seeded org. buildSeedState() returns fresh objects every time
 * (reset() relies on that) and is fully deterministic.
 */
import type { State } from "../api/model";
import { syncAutomaticLocks } from "../api/locks";
import { MODULES, RUNTIME_ID_START, SEED, zid } from "./ids";
import { seedCustomButtons, seedFields, seedModules } from "./modules";
import { seedGroups, seedProfiles, seedRoles, seedUsers } from "./people";
import { seedRecords } from "./records";
import { seedConfigs, seedManualLocks } from "./locking";
import { seedShares } from "./shares";
import { seedThresholds } from "./thresholds";
import { seedPortalUsers, seedPortals, seedUserTypes } from "./portals";
import { seedTime } from "./time";
import { seedCustomViews, seedLayouts } from "./layouts";
import { addHostileData } from "./hostile";
import { addLockedRecords } from "./locked-records";
import { addTeam } from "./team";

export { SEED, MODULES } from "./ids";

/** Time used for automatic locks that already exist in the seed. */
const SEED_LOCK_TIME = seedTime(20);

export interface SeedOptions {
  /** Add the hostile XSS test data of sandbox/seed/hostile.ts to the default org. */
  hostile?: boolean;
  /** Add this many locked records for scale tests (sandbox/seed/locked-records.ts). */
  lockedRecords?: number | undefined;
  /** Add the sales team and the deals to hand over of sandbox/seed/team.ts. */
  team?: boolean | undefined;
}

export function buildSeedState(options: SeedOptions = {}): State {
  const modules = seedModules();
  const fields = seedFields(modules);
  const users = seedUsers();
  const state: State = {
    nextId: RUNTIME_ID_START,
    profiles: seedProfiles(),
    roles: seedRoles(),
    groups: seedGroups(),
    users,
    modules,
    fields,
    customButtons: seedCustomButtons(),
    layouts: seedLayouts(modules, fields),
    customViews: seedCustomViews(),
    records: seedRecords(users),
    configs: seedConfigs(fields),
    locks: seedManualLocks(),
    shares: seedShares(),
    shareJobs: {},
    thresholds: seedThresholds(fields),
    portals: seedPortals(),
    userTypes: seedUserTypes(modules),
    portalUsers: seedPortalUsers(),
  };
  if (options.hostile) addHostileData(state);
  if (options.lockedRecords) addLockedRecords(state, options.lockedRecords);
  if (options.team) addTeam(state);
  // Seeded automatic locks get ids from a dedicated seed range.
  let autoLockCounter = 121100;
  syncAutomaticLocks(state, { nowIso: SEED_LOCK_TIME, newId: () => zid(++autoLockCounter) });
  return state;
}

export interface InterestingRecord {
  label: string;
  module: string;
  id: string;
}

/** Records worth opening from the sandbox index page. */
export function describeSeed(): InterestingRecord[] {
  const R = SEED.records;
  return [
    { label: "Deal automatically locked (Stage Closed Won)", module: MODULES.deals, id: R.dealAutoLocked },
    { label: "Deal manually locked with a reason", module: MODULES.deals, id: R.dealManualLocked },
    { label: "Deal not locked", module: MODULES.deals, id: R.dealUnlocked },
    { label: "Deal shared with two users and a group", module: MODULES.deals, id: R.dealShared },
    { label: "Deal shared with 10 users (share limit)", module: MODULES.deals, id: R.dealShareLimit },
    { label: "Deal excluded from the assignment threshold", module: MODULES.deals, id: R.dealExcluded },
    { label: "Lead (Leads has no locking configuration)", module: MODULES.leads, id: R.leadNoConfig },
    { label: "Contact (automatic-only locking)", module: MODULES.contacts, id: R.contactAutomaticOnly },
    { label: "Contact automatically locked", module: MODULES.contacts, id: R.contactAutoLocked },
    { label: "Account (manual-only locking)", module: MODULES.accounts, id: R.accountManualOnly },
    { label: "Account manually locked", module: MODULES.accounts, id: R.accountManualLocked },
    { label: "Task automatically locked (Status Closed)", module: MODULES.tasks, id: R.taskClosed },
    { label: "Project (custom module, no configuration)", module: MODULES.projects, id: R.project },
    { label: "Shipment (extension module, locking not supported)", module: MODULES.extension, id: R.shipment },
  ];
}

/** Users worth impersonating from the sandbox index page. */
export function describeSeedUsers(): { label: string; id: string }[] {
  const U = SEED.users;
  return [
    { label: "Ada Admin (Administrator)", id: U.admin },
    { label: "Sam Standard (Standard)", id: U.standard },
    { label: "Mia Manager (Sales Manager: may configure locking)", id: U.salesManager },
    { label: "Rita Readonly (Read Only)", id: U.readOnly },
    { label: "Theo Threshold (Deals threshold reached)", id: U.atThreshold },
  ];
}
