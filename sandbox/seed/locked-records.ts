/**
 * The scale seed: `SANDBOX_LOCKED=N` (or `lockedRecords: N`) adds N locked
 * records, spread in turn over the modules that have a locking
 * configuration. A module that allows manual locks gets manual ones (and,
 * when it has rules too, every other record is an automatic one); an
 * automatic-only module gets records matching its first rule. Lock dates
 * spread over two years before the seed date, and manual locks vary their
 * locker and reason. Ids come from their own ranges, so the default org is
 * unchanged.
 */
import type { Criteria, CrmRecord, LockConfig, LockRecord, State } from "../api/model";
import type { JsonObject } from "../api/json";
import { MODULES, SEED, zid } from "./ids";
import { person, recordBuilder } from "./records";
import { seedDate, seedTime } from "./time";

/** More would only slow the sandbox down; the scale figures ask for 10,000. */
export const MAX_LOCKED_RECORDS = 100_000;
const RECORD_BASE = 200_000_000;
const LOCK_BASE = 300_000_000;

const U = SEED.users;
/** Active, confirmed users the records are spread over. */
const OWNERS = [U.standard, U.salesManager, U.carla, U.dan, U.eva, U.finn, U.gina, U.hugo, U.aiko, U.jonas, U.kim, U.lou, U.pia];
/** Users who may lock (checked against their profile per module). */
const LOCKERS = [U.admin, U.salesManager, U.standard, U.carla, U.dan, U.gina, U.admin2, U.jonas, U.aiko];
const REASONS = [
  "Pending legal review of the contract.",
  "Credit check in progress.",
  "Customer disputes the invoice.",
  "Audit hold for the quarterly close.",
  "Data migration: do not edit.",
  "Awaiting signature from the customer.",
  "Escalated to the account director.",
  "Compliance review (GDPR request).",
];
const OPEN_STAGES = ["Qualification", "Needs Analysis", "Value Proposition", "Proposal/Price Quote", "Negotiation/Review"];
const FIRST = ["Alex", "Bo", "Chris", "Dana", "Eli", "Fran", "Gale", "Hali", "Ira", "Jo"];
const LAST = ["Scale", "Volume", "Bulk", "Batch", "Many", "Load"];

/** Fields that make a record match `criteria` (AND of equal conditions), or undefined. */
function matchingValues(criteria: Criteria): JsonObject | undefined {
  if ("group" in criteria) {
    if (criteria.group_operator !== "AND") return undefined;
    const parts = criteria.group.map(matchingValues);
    return parts.every((p) => p !== undefined) ? Object.assign({}, ...parts) : undefined;
  }
  return criteria.comparator === "equal" ? { [criteria.field.api_name]: criteria.value } : undefined;
}

/** The fields of the n-th scale record of `module` (its name and a few believable values). */
function fieldsFor(module: string, n: number): JsonObject {
  const label = String(n).padStart(5, "0");
  switch (module) {
    case MODULES.deals:
      return {
        Deal_Name: `Scale deal ${label}`,
        Stage: OPEN_STAGES[n % OPEN_STAGES.length] as string,
        Amount: 1000 + ((n * 7919) % 200) * 500,
        Closing_Date: seedDate(30 + (n % 90)),
        Probability: 40,
        Type: n % 2 === 0 ? "New Business" : "Existing Business",
        Description: null,
      };
    case MODULES.accounts:
      return { Account_Name: `Scale account ${label}`, Industry: "Technology", Rating: "Active", Description: null };
    case MODULES.contacts:
      return person(FIRST[n % FIRST.length] as string, `${LAST[n % LAST.length] as string}${label}`, { Contact_Status: "Active", Description: null });
    case MODULES.leads:
      return person(FIRST[n % FIRST.length] as string, `${LAST[n % LAST.length] as string}${label}`, { Company: "Scale Inc", Description: null });
    case MODULES.tasks:
      return { Subject: `Scale task ${label}`, Status: "Not Started", Priority: "Normal", Due_Date: seedDate(n % 60), Description: null };
    default:
      return { Name: `Scale record ${label}`, Description: null };
  }
}

type Plan = { config: LockConfig; manual: boolean; values: JsonObject | undefined };

/** How each configured module locks its scale records. */
function plans(state: State): Plan[][] {
  return state.configs.map((config) => {
    const rule = config.lock_type === "manual" ? undefined : config.locking_rules[0];
    const values = rule ? matchingValues(rule.criteria) : undefined;
    const manual: Plan = { config, manual: true, values: undefined };
    const automatic: Plan = { config, manual: false, values };
    if (config.lock_type === "manual" || !values) return config.lock_type === "automatic" ? [] : [manual];
    return config.lock_type === "both" ? [manual, automatic] : [automatic];
  }).filter((p) => p.length > 0);
}

export function addLockedRecords(state: State, count: number): void {
  if (!Number.isInteger(count) || count < 0 || count > MAX_LOCKED_RECORDS) {
    throw new Error(`the number of locked records must be a whole number from 0 to ${MAX_LOCKED_RECORDS}, got ${count}`);
  }
  const byModule = plans(state);
  if (count === 0 || byModule.length === 0) return;
  const build = recordBuilder(state.users);
  const perModule = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const modulePlans = byModule[i % byModule.length] as Plan[];
    const n = perModule.get(modulePlans[0]?.config.module ?? "") ?? 0;
    const plan = modulePlans[n % modulePlans.length] as Plan;
    const { config } = plan;
    perModule.set(config.module, n + 1);
    const owner = OWNERS[i % OWNERS.length] as string;
    const record: CrmRecord = build(zid(RECORD_BASE + i + 1), owner, -(i % 700), { ...fieldsFor(config.module, n + 1), ...plan.values });
    (state.records[config.module] ??= []).push(record);
    const lockedTime = seedTime(-((i * 37) % 730), i % 24);
    const lock: LockRecord = plan.manual
      ? manualLock(state, config, record.id, i, lockedTime)
      : {
          id: zid(LOCK_BASE + i + 1),
          module: config.module,
          recordId: record.id,
          configId: config.id,
          source: "Automatic",
          ruleId: config.locking_rules[0]?.id ?? null,
          lockedBy: null,
          reason: null,
          lockedTime,
          createdBy: config.modified_by,
          modifiedBy: config.modified_by,
          modifiedTime: lockedTime,
        };
    state.locks.push(lock);
  }
}

function manualLock(state: State, config: LockConfig, recordId: string, i: number, lockedTime: string): LockRecord {
  const mayLock = LOCKERS.filter((id) => {
    const user = state.users.find((u) => u.id === id);
    const profile = state.profiles.find((p) => p.id === user?.profileId);
    return profile?.perms.lockModules.includes(config.module) ?? false;
  });
  const by = mayLock[i % Math.max(1, mayLock.length)] ?? U.admin;
  return {
    id: zid(LOCK_BASE + i + 1),
    module: config.module,
    recordId,
    configId: config.id,
    source: "Manual",
    ruleId: null,
    lockedBy: by,
    reason: `${REASONS[i % REASONS.length] as string} (ref. ${String(i + 1).padStart(5, "0")})`,
    lockedTime,
    createdBy: by,
    modifiedBy: by,
    modifiedTime: lockedTime,
  };
}
