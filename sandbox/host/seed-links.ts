/**
 * The seeded records worth opening from the sandbox index, each with the
 * situation it shows.
 */
import { SEED } from "../seed/ids";

export interface SampleLink {
  label: string;
  module: string;
  id: string;
}

const { records, modules } = SEED;

export const SAMPLE_RECORDS: SampleLink[] = [
  { label: "Deal locked automatically (Closed Won rule)", module: modules.deals, id: records.dealAutoLocked },
  { label: "Deal locked manually, with a reason", module: modules.deals, id: records.dealManualLocked },
  { label: "Deal not locked, not shared", module: modules.deals, id: records.dealUnlocked },
  { label: "Deal shared with two users and a group", module: modules.deals, id: records.dealShared },
  { label: "Deal at the share limit (10 users)", module: modules.deals, id: records.dealShareLimit },
  { label: "Deal excluded from the Deals threshold", module: modules.deals, id: records.dealExcluded },
  { label: "Account in a manual-only module", module: modules.accounts, id: records.accountManualOnly },
  { label: "Contact locked automatically", module: modules.contacts, id: records.contactAutoLocked },
  { label: "Lead: module without a locking configuration", module: modules.leads, id: records.leadNoConfig },
  { label: "Custom module record (no configuration yet)", module: modules.projects, id: records.project },
  { label: "Extension module record (locking not supported)", module: modules.extension, id: records.shipment },
];

/** Users worth acting as; the index marks them in the picker. */
export const NOTABLE_USERS: Record<string, string> = {
  [SEED.users.admin]: "administrator",
  [SEED.users.standard]: "standard profile",
  [SEED.users.salesManager]: "sales manager",
  [SEED.users.readOnly]: "read only: no lock, share or owner change",
  [SEED.users.atThreshold]: "at the Deals assignment threshold",
  [SEED.users.inactive]: "inactive",
};

export const DEFAULT_USER_ID: string = SEED.users.admin;
export const LIST_SAMPLE = { module: modules.deals, ids: [records.dealAutoLocked, records.dealUnlocked, records.dealShared] };
