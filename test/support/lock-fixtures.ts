/** Synthetic lock and configuration bodies shaped as the v8 API sends them. */
import { IDS } from "./fake-port";

export const CONFIG_ID = "5725767000000300001";
export const RULE_ID = "5725767000000300101";
export const ADMIN_PROFILE = { id: IDS.adminProfile, name: "Administrator" };
export const STANDARD_PROFILE = { id: IDS.standardProfile, name: "Standard" };

export function configBody(overrides: Record<string, unknown> = {}) {
  return {
    record_locking_configurations: [
      {
        id: CONFIG_ID,
        lock_type: "both",
        locked_for: "all_profiles_except_excluded_profiles",
        lock_excluded_profiles: [ADMIN_PROFILE],
        excluded_fields: [{ api_name: "Closing_Date", id: "5725767000000500001" }],
        restricted_actions: ["update", "delete", "change_owner"],
        restricted_communications: ["send_mail"],
        restricted_custom_buttons: [{ id: "5725767000000600001", name: "Send for signature" }],
        lock_for_portal_users: true,
        system_defined: false,
        locking_rules: [{ id: RULE_ID, name: "Closed Won deals", lock_existing_records: true, criteria: {} }],
        modified_time: "2026-01-01T10:00:00+00:00",
        ...overrides,
      },
    ],
  };
}

export function manualLockBody(reason: string, by = "Ada Admin") {
  return {
    data: [
      {
        id: IDS.lock,
        Lock_Source__s: "Manual",
        Locked_By__s: { id: IDS.user, name: by },
        Locked_Reason__s: reason,
        Locked_Time__s: "2026-05-04T09:30:00+00:00",
        Record_Locking_Configuration_Id__s: CONFIG_ID,
        Record_Locking_Rule_Id__s: null,
      },
    ],
  };
}

export function automaticLockBody(ruleId = RULE_ID) {
  return {
    data: [
      {
        id: IDS.lock,
        Lock_Source__s: "Automatic",
        Locked_By__s: null,
        Locked_Reason__s: null,
        Locked_Time__s: "2026-05-04T09:30:00+00:00",
        Record_Locking_Configuration_Id__s: CONFIG_ID,
        Record_Locking_Rule_Id__s: ruleId,
      },
    ],
  };
}

export function profileBody(profile: { id: string; name: string }, canLock: boolean, module = "Deals", canShare = true) {
  return {
    profiles: [
      {
        ...profile,
        permissions_details: [
          { name: "Crm_Implied_Share", display_label: "Share", module: null, enabled: canShare },
          { name: `${module}_Edit`, display_label: "Edit", module, enabled: true },
          { name: `${module}_Lock`, display_label: "Lock", module, enabled: canLock },
        ],
      },
    ],
  };
}
