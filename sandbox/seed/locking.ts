/** Seeded record locking configurations and manual locks. */
import { configDefaults, type FieldDef, type LockConfig, type LockRecord } from "../api/model";
import { MODULES, SEED } from "./ids";
import { seedTime } from "./time";

const U = SEED.users;

function fieldRef(fields: Record<string, FieldDef[]>, module: string, apiName: string): { api_name: string; id: string } {
  const f = (fields[module] ?? []).find((x) => x.api_name === apiName);
  if (!f) throw new Error(`seed: no field ${module}.${apiName}`);
  return { api_name: f.api_name, id: f.id };
}

function base(id: string, module: string, day: number): Omit<LockConfig, "lock_type" | "locking_rules"> {
  return {
    id,
    module,
    ...configDefaults(),
    created_time: seedTime(day),
    modified_time: seedTime(day, 1),
    created_by: U.admin,
    modified_by: U.admin,
  };
}

export function seedConfigs(fields: Record<string, FieldDef[]>): LockConfig[] {
  const C = SEED.configs;
  return [
    {
      ...base(C.deals, MODULES.deals, 2),
      lock_type: "both",
      locked_for: "all_profiles_except_excluded_profiles",
      lock_excluded_profiles: [{ id: SEED.profiles.administrator, name: "Administrator" }],
      excluded_fields: [fieldRef(fields, MODULES.deals, "Description")],
      restricted_actions: ["update", "delete", "change_owner"],
      restricted_communications: ["send_mail"],
      restricted_custom_buttons: [{ id: SEED.customButtons.dealsGenerateInvoice, name: "Generate Invoice" }],
      locking_rules: [
        {
          id: SEED.rules.dealsClosedWon,
          name: "Closed Won deals",
          lock_existing_records: true,
          criteria: { comparator: "equal", field: fieldRef(fields, MODULES.deals, "Stage"), value: "Closed Won" },
        },
      ],
    },
    {
      ...base(C.accounts, MODULES.accounts, 2),
      lock_type: "manual",
      restricted_actions: ["update", "delete"],
      locking_rules: [],
    },
    {
      ...base(C.contacts, MODULES.contacts, 3),
      lock_type: "automatic",
      restricted_actions: ["update", "change_owner"],
      locking_rules: [
        {
          id: SEED.rules.contactsDoNotContact,
          name: "Do not contact",
          lock_existing_records: true,
          criteria: {
            comparator: "equal",
            field: fieldRef(fields, MODULES.contacts, "Contact_Status"),
            value: "Do Not Contact",
          },
        },
      ],
    },
    {
      ...base(C.tasks, MODULES.tasks, 3),
      lock_type: "automatic",
      locking_rules: [
        {
          id: SEED.rules.tasksClosed,
          name: "Closed tasks",
          lock_existing_records: true,
          criteria: { comparator: "equal", field: fieldRef(fields, MODULES.tasks, "Status"), value: "Closed" },
        },
      ],
    },
  ];
}

export function seedManualLocks(): LockRecord[] {
  const lock = (id: string, module: string, recordId: string, configId: string, by: string, reason: string, day: number): LockRecord => ({
    id,
    module,
    recordId,
    configId,
    source: "Manual",
    ruleId: null,
    lockedBy: by,
    reason,
    lockedTime: seedTime(day),
    createdBy: by,
    modifiedBy: by,
    modifiedTime: seedTime(day),
  });
  return [
    lock(SEED.locks.dealManualLocked, MODULES.deals, SEED.records.dealManualLocked, SEED.configs.deals, U.salesManager,
      "Pending legal review of the contract amendment.", 12),
    lock(SEED.locks.accountManualLocked, MODULES.accounts, SEED.records.accountManualLocked, SEED.configs.accounts, U.standard,
      "Account under credit review.", 13),
  ];
}
