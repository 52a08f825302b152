import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LockConfig, LockingRule } from "../../widget-src/api/locking-configurations";
import { canonicalJson, criteriaFromJson, criteriaToJson } from "../../widget-src/features/lock-settings/criteria";
import { draftFromConfig, emptyDraft, newConfigChanges, postBody, putBody, rulesSaved, summarizeChanges, type Change } from "../../widget-src/features/lock-settings/diff";
import type { ConfigDraft, CriteriaNode, RuleDraft } from "../../widget-src/features/lock-settings/types";

const CONFIG_ID = "5725767000000417001";
const RULE_WON = "5725767000000417011";
const RULE_BIG = "5725767000000417012";
const ADMIN = { id: "5725767000000026011", name: "Administrator" };
const SALES = { id: "5725767000000026014", name: "Sales" };
const BUTTON = { id: "5725767000000519001", name: "Send quote" };
const STAGE_ID = "5725767000000002589";

const wonCriteria = {
  group_operator: "AND",
  group: [
    { comparator: "equal", field: { api_name: "Stage", id: STAGE_ID }, value: "Closed Won" },
    { comparator: "greater_than", field: { api_name: "Amount" }, value: "1000" },
  ],
};
const bigCriteria = { comparator: "greater_than", field: { api_name: "Amount" }, value: "50000", note: "kept as is" };

function config(changes: Partial<LockConfig> = {}): LockConfig {
  return {
    id: CONFIG_ID,
    lockType: "both",
    lockedFor: "all_profiles_except_excluded_profiles",
    excludedProfiles: [ADMIN, SALES],
    excludedFields: [{ apiName: "Description", id: "5725767000000002600" }, { apiName: "Next_Step" }],
    restrictedActions: ["update", "delete"],
    restrictedCommunications: ["send_mail"],
    restrictedCustomButtons: [BUTTON],
    lockForPortalUsers: true,
    rules: [
      { id: RULE_WON, name: "Won deals", lockExistingRecords: true, criteria: wonCriteria },
      { id: RULE_BIG, name: "Big deals", lockExistingRecords: false, criteria: bigCriteria },
    ],
    systemDefined: false,
    ...changes,
  };
}

const edit = (original: LockConfig, change: (draft: ConfigDraft) => ConfigDraft) => putBody(original, change(draftFromConfig(original)));
const mapRule = (draft: ConfigDraft, key: string, change: Partial<RuleDraft>): ConfigDraft => ({
  ...draft,
  rules: draft.rules.map((rule) => (rule.key === key ? { ...rule, ...change } : rule)),
});
const cond = (apiName: string, comparator: string, value: string): CriteriaNode => ({ kind: "condition", field: { apiName }, comparator, value, extra: {} });

describe("draftFromConfig / emptyDraft", () => {
  it("copies the configuration, keys rules by id and reads their criteria", () => {
    const draft = draftFromConfig(config());
    expect(draft.rules.map((rule) => [rule.id, rule.key, rule.name, rule.lockExistingRecords])).toEqual([
      [RULE_WON, RULE_WON, "Won deals", true],
      [RULE_BIG, RULE_BIG, "Big deals", false],
    ]);
    expect(draft.rules[0]?.criteria.kind).toBe("group");
    expect(criteriaToJson(draft.rules[1]?.criteria as CriteriaNode)).toEqual(bigCriteria);
    const original = config();
    draftFromConfig(original).excludedProfiles.push(BUTTON);
    expect(original.excludedProfiles).toHaveLength(2);
  });

  it("starts a new configuration with Zoho's defaults", () => {
    expect(emptyDraft()).toEqual({
      lockType: "manual",
      lockedFor: "all_profiles",
      excludedProfiles: [],
      excludedFields: [],
      restrictedActions: ["update"],
      restrictedCommunications: [],
      restrictedCustomButtons: [],
      lockForPortalUsers: true,
      rules: [],
    });
  });
});

describe("postBody", () => {
  it("sends the whole configuration with Zoho's key names", () => {
    const draft: ConfigDraft = { ...draftFromConfig(config()), restrictedActions: ["delete"] };
    draft.rules.push({ key: "new-1", name: "  Lost deals ", lockExistingRecords: false, criteria: cond("Stage", "equal", "Closed Lost") });
    expect(postBody(draft)).toEqual({
      lock_type: "both",
      locked_for: "all_profiles_except_excluded_profiles",
      lock_excluded_profiles: [ADMIN, SALES],
      excluded_fields: [{ api_name: "Description", id: "5725767000000002600" }, { api_name: "Next_Step" }],
      restricted_actions: ["update", "delete"],
      restricted_communications: ["send_mail"],
      restricted_custom_buttons: [BUTTON],
      lock_for_portal_users: true,
      locking_rules: [
        { name: "Won deals", lock_existing_records: true, criteria: wonCriteria },
        { name: "Big deals", lock_existing_records: false, criteria: bigCriteria },
        { name: "Lost deals", lock_existing_records: false, criteria: { comparator: "equal", field: { api_name: "Stage" }, value: "Closed Lost" } },
      ],
    });
  });

  it("leaves out excluded profiles outside the except mode, and rules when there are none", () => {
    const body = postBody({ ...emptyDraft(), excludedProfiles: [ADMIN] });
    expect(body).toEqual({
      lock_type: "manual",
      locked_for: "all_profiles",
      excluded_fields: [],
      restricted_actions: ["update"],
      restricted_communications: [],
      restricted_custom_buttons: [],
      lock_for_portal_users: true,
    });
  });

  it("sends each restricted action once, update first", () => {
    expect(postBody({ ...emptyDraft(), restrictedActions: ["tags", "update", "tags", "delete"] }).restricted_actions).toEqual(["update", "tags", "delete"]);
  });
});

describe("putBody", () => {
  it("is undefined when nothing changed, even with lists reordered or names padded", () => {
    const original = config();
    expect(putBody(original, draftFromConfig(original))).toBeUndefined();
    expect(
      edit(original, (draft) => ({
        ...mapRule(draft, RULE_WON, { name: " Won deals  " }),
        excludedProfiles: [SALES, ADMIN],
        excludedFields: [...draft.excludedFields].reverse(),
        restrictedActions: ["delete"],
      })),
    ).toBeUndefined();
  });

  it.each<[string, (draft: ConfigDraft) => ConfigDraft, Record<string, unknown>]>([
    ["lock type", (d) => ({ ...d, lockType: "automatic" }), { lock_type: "automatic" }],
    ["portal users", (d) => ({ ...d, lockForPortalUsers: false }), { lock_for_portal_users: false }],
    ["restricted actions", (d) => ({ ...d, restrictedActions: ["update", "delete", "convert"] }), { restricted_actions: ["update", "delete", "convert"] }],
    ["communications", (d) => ({ ...d, restrictedCommunications: [] }), { restricted_communications: [] }],
    ["custom buttons", (d) => ({ ...d, restrictedCustomButtons: [] }), { restricted_custom_buttons: [] }],
    ["excluded fields", (d) => ({ ...d, excludedFields: [{ apiName: "Next_Step" }] }), { excluded_fields: [{ api_name: "Next_Step" }] }],
    ["excluded profiles", (d) => ({ ...d, excludedProfiles: [SALES] }), { lock_excluded_profiles: [SALES] }],
  ])("sends only the id and the changed key (%s)", (_, change, expected) => {
    expect(edit(config(), change)).toEqual({ id: CONFIG_ID, ...expected });
  });

  it("switching to all profiles sends the plain spelling and no excluded profiles", () => {
    expect(edit(config(), (d) => ({ ...d, lockedFor: "all_profiles", excludedProfiles: [SALES] }))).toEqual({ id: CONFIG_ID, locked_for: "all_profiles" });
  });

  it("switching to the except mode sends the plural spelling with the profiles, even ones it had before", () => {
    const original = config({ lockedFor: "all_profiles", excludedProfiles: [ADMIN] });
    expect(edit(original, (d) => ({ ...d, lockedFor: "all_profiles_except_excluded_profiles" }))).toEqual({
      id: CONFIG_ID,
      locked_for: "all_profiles_except_excluded_profiles",
      lock_excluded_profiles: [ADMIN],
    });
  });

  it("sends only the changed keys of an edited rule, with its id", () => {
    expect(edit(config(), (d) => mapRule(d, RULE_BIG, { name: "Huge deals" }))).toEqual({ id: CONFIG_ID, locking_rules: [{ id: RULE_BIG, name: "Huge deals" }] });
    expect(edit(config(), (d) => mapRule(d, RULE_WON, { lockExistingRecords: false }))).toEqual({
      id: CONFIG_ID,
      locking_rules: [{ id: RULE_WON, lock_existing_records: false }],
    });
    const criteria = cond("Amount", "greater_than", "90000");
    expect(edit(config(), (d) => mapRule(d, RULE_BIG, { criteria }))).toEqual({
      id: CONFIG_ID,
      locking_rules: [{ id: RULE_BIG, criteria: { comparator: "greater_than", field: { api_name: "Amount" }, value: "90000" } }],
    });
  });

  it("sends a new rule in full, without id", () => {
    const added: RuleDraft = { key: "new-1", name: "Lost", lockExistingRecords: true, criteria: cond("Stage", "equal", "Closed Lost") };
    expect(edit(config(), (d) => ({ ...d, rules: [...d.rules, added] }))).toEqual({
      id: CONFIG_ID,
      locking_rules: [{ name: "Lost", lock_existing_records: true, criteria: { comparator: "equal", field: { api_name: "Stage" }, value: "Closed Lost" } }],
    });
  });

  it("sends a removed rule as its id and _delete only", () => {
    expect(edit(config(), (d) => ({ ...d, rules: d.rules.filter((rule) => rule.id !== RULE_WON) }))).toEqual({
      id: CONFIG_ID,
      locking_rules: [{ id: RULE_WON, _delete: true }],
    });
  });

  it("creates anew a rule whose id the configuration no longer has", () => {
    const original = config({ rules: [] });
    const draft = { ...emptyDraft(), lockType: "automatic" as const, rules: [{ id: RULE_BIG, key: RULE_BIG, name: "Big", lockExistingRecords: false, criteria: criteriaFromJson(bigCriteria) }] };
    expect(putBody(original, { ...draftFromConfig(original), rules: draft.rules })).toEqual({
      id: CONFIG_ID,
      locking_rules: [{ name: "Big", lock_existing_records: false, criteria: bigCriteria }],
    });
  });

  it("deletes before it adds, so a replaced rule frees its name and slot first", () => {
    const replaced: RuleDraft = { key: "new-1", name: "Big deals", lockExistingRecords: false, criteria: cond("Amount", "greater_than", "70000") };
    const body = edit(config(), (d) => ({ ...d, rules: [replaced, ...d.rules.filter((rule) => rule.id !== RULE_BIG)] }));
    expect(body?.locking_rules).toEqual([
      { id: RULE_BIG, _delete: true },
      { name: "Big deals", lock_existing_records: false, criteria: { comparator: "greater_than", field: { api_name: "Amount" }, value: "70000" } },
    ]);
  });
});

// ---------------------------------------------------------------- property: PUT operations reproduce the draft

type SavedRule = { id: string; name: string; lock_existing_records: boolean; criteria: unknown };

/** What a server does with the `locking_rules` of a PUT (docs/crm-api.md#rules-and-criteria): delete by id, edit by id, add without id. */
function applyRuleOperations(saved: SavedRule[], operations: Record<string, unknown>[]): SavedRule[] {
  let rules = saved.map((rule) => ({ ...rule }));
  let next = 0;
  for (const op of operations) {
    if (typeof op.id === "string") {
      const index = rules.findIndex((rule) => rule.id === op.id);
      expect(index).toBeGreaterThanOrEqual(0);
      if (op._delete === true) {
        expect(Object.keys(op).sort()).toEqual(["_delete", "id"]);
        rules = rules.filter((rule) => rule.id !== op.id);
      } else {
        const { id: _id, ...changes } = op;
        const current = rules[index] as SavedRule;
        // Only keys that really change are sent.
        expect(Object.keys(changes).length).toBeGreaterThan(0);
        for (const [key, value] of Object.entries(changes)) expect(canonicalJson(value)).not.toBe(canonicalJson(current[key as keyof SavedRule]));
        rules[index] = { ...current, ...changes };
      }
    } else {
      expect(Object.keys(op).sort()).toEqual(["criteria", "lock_existing_records", "name"]);
      rules.push({ id: `created-${next++}`, ...(op as Omit<SavedRule, "id">) });
    }
  }
  return rules;
}

const criteriaArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ comparator: fc.constantFrom("equal", "greater_than"), field: fc.record({ api_name: fc.constantFrom("Stage", "Amount") }), value: fc.string({ maxLength: 3 }) }),
  fc.record({
    group_operator: fc.constantFrom("AND", "or"),
    group: fc.array(fc.record({ comparator: fc.constant("equal"), field: fc.record({ api_name: fc.constantFrom("Stage", "Amount") }), value: fc.string({ maxLength: 3 }) }), { maxLength: 3 }),
    x: fc.jsonValue({ maxDepth: 1 }),
  }),
  fc.jsonValue({ maxDepth: 2 }),
);
const savedRulesArb = fc
  .uniqueArray(fc.bigInt({ min: 1000000000000000000n, max: 9999999999999999999n }).map(String), { maxLength: 5 })
  .chain((ids) => fc.tuple(...ids.map((id) => fc.record({ id: fc.constant(id), name: fc.string({ maxLength: 4 }), lockExistingRecords: fc.boolean(), criteria: criteriaArb }))));
const ruleEditArb = fc.record({
  action: fc.constantFrom("keep", "edit", "remove"),
  name: fc.option(fc.string({ maxLength: 4 }), { nil: undefined }),
  lock: fc.option(fc.boolean(), { nil: undefined }),
  criteria: fc.option(criteriaArb, { nil: undefined }),
});
const addedArb = fc.record({ name: fc.string({ maxLength: 4 }), lockExistingRecords: fc.boolean(), criteria: criteriaArb, at: fc.nat() });

describe("putBody rule operations", () => {
  it("turn the saved rules into the draft's rules, and say nothing about untouched ones", () => {
    fc.assert(
      fc.property(savedRulesArb, fc.array(ruleEditArb, { minLength: 5, maxLength: 5 }), fc.array(addedArb, { maxLength: 3 }), (savedRules: LockingRule[], edits, added) => {
        const original = config({ rules: savedRules });
        const draft = draftFromConfig(original);
        let rules: RuleDraft[] = draft.rules.flatMap((rule, index) => {
          const change = edits[index];
          if (!change || change.action === "keep") return [rule];
          if (change.action === "remove") return [];
          return [
            {
              ...rule,
              ...(change.name !== undefined ? { name: change.name } : {}),
              ...(change.lock !== undefined ? { lockExistingRecords: change.lock } : {}),
              ...(change.criteria !== undefined ? { criteria: criteriaFromJson(change.criteria) } : {}),
            },
          ];
        });
        added.forEach((rule, index) => {
          const at = rule.at % (rules.length + 1);
          const fresh: RuleDraft = { key: `new-${index}`, name: rule.name, lockExistingRecords: rule.lockExistingRecords, criteria: criteriaFromJson(rule.criteria) };
          rules = [...rules.slice(0, at), fresh, ...rules.slice(at)];
        });

        const body = putBody(original, { ...draft, rules });
        const operations = (body?.locking_rules ?? []) as Record<string, unknown>[];
        const saved: SavedRule[] = savedRules.map((rule) => ({ id: rule.id, name: rule.name, lock_existing_records: rule.lockExistingRecords, criteria: rule.criteria }));
        const result = applyRuleOperations(saved, operations);

        const expected = rules.map((rule) => ({ name: rule.name.trim(), lock_existing_records: rule.lockExistingRecords, criteria: criteriaToJson(rule.criteria) }));
        const normalize = (rule: Omit<SavedRule, "id">) => canonicalJson({ name: rule.name.trim(), lock_existing_records: rule.lock_existing_records, criteria: rule.criteria });
        // Saved rules keep their id and place; new ones come last in the draft's order.
        const kept = rules.filter((rule) => rule.id !== undefined);
        expect(result.filter((rule) => !rule.id.startsWith("created-")).map((rule) => rule.id)).toEqual(kept.map((rule) => rule.id));
        const byId = new Map(result.map((rule) => [rule.id, rule]));
        rules.forEach((rule, index) => {
          if (rule.id !== undefined) expect(normalize(byId.get(rule.id) as SavedRule)).toBe(canonicalJson(expected[index]));
        });
        expect(result.filter((rule) => rule.id.startsWith("created-")).map(normalize)).toEqual(
          rules.flatMap((rule, index) => (rule.id === undefined ? [canonicalJson(expected[index])] : [])),
        );
        if (operations.length === 0) expect(body).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------- summarizeChanges

describe("summarizeChanges", () => {
  it("describes a new configuration by what the user chose, not by the defaults it started from", () => {
    const draft: ConfigDraft = {
      ...emptyDraft(),
      lockType: "automatic",
      lockedFor: "all_profiles_except_excluded_profiles",
      excludedProfiles: [ADMIN],
      restrictedCommunications: ["send_mail"],
      rules: [{ key: "new-1", name: " Won ", lockExistingRecords: false, criteria: cond("Stage", "equal", "Closed Won") }],
    };
    // Blocked actions (edit only) and portal users (on) are the defaults: not listed.
    expect(summarizeChanges(undefined, draft)).toEqual<Change[]>([
      { kind: "lockType", after: "automatic" },
      { kind: "lockedFor", after: "all_profiles_except_excluded_profiles" },
      { kind: "excludedProfiles", before: [], after: [ADMIN] },
      { kind: "restrictedCommunications", before: [], after: ["send_mail"] },
      { kind: "ruleAdded", name: "Won" },
    ]);
  });

  it("describes a new configuration left at its defaults by its lock type and who it locks for, nothing else", () => {
    expect(newConfigChanges(emptyDraft())).toEqual<Change[]>([
      { kind: "lockType", after: "manual" },
      { kind: "lockedFor", after: "all_profiles" },
    ]);
    // The same defaults written out again (edit listed, in another order) are still no change.
    expect(newConfigChanges({ ...emptyDraft(), restrictedActions: [], lockForPortalUsers: true })).toHaveLength(2);
  });

  it("lists each default the user changed for a new configuration, with the default as its before value", () => {
    const draft: ConfigDraft = {
      ...emptyDraft(),
      lockType: "both",
      restrictedActions: ["update", "delete"],
      excludedFields: [{ apiName: "Description" }],
      restrictedCustomButtons: [BUTTON],
      lockForPortalUsers: false,
      rules: [
        { key: "new-1", name: "A", lockExistingRecords: true, criteria: cond("Stage", "equal", "1") },
        { key: "new-2", name: "B", lockExistingRecords: false, criteria: cond("Stage", "equal", "2") },
      ],
    };
    expect(newConfigChanges(draft)).toEqual<Change[]>([
      { kind: "lockType", after: "both" },
      { kind: "lockedFor", after: "all_profiles" },
      { kind: "excludedFields", before: [], after: [{ apiName: "Description" }] },
      { kind: "restrictedActions", before: ["update"], after: ["update", "delete"] },
      { kind: "restrictedCustomButtons", before: [], after: [BUTTON] },
      { kind: "lockForPortalUsers", before: true, after: false },
      { kind: "ruleAdded", name: "A" },
      { kind: "ruleAdded", name: "B" },
    ]);
  });

  it("does not list exempt profiles for a new configuration that locks for all profiles", () => {
    // Profiles ticked in the except mode and then left behind are not sent, so they are no change.
    const draft: ConfigDraft = { ...emptyDraft(), lockedFor: "all_profiles", excludedProfiles: [SALES] };
    expect(newConfigChanges(draft).map((change) => change.kind)).toEqual(["lockType", "lockedFor"]);
  });

  it("lists one line per key the POST sends beyond the defaults, so the review and the request agree", () => {
    fc.assert(
      fc.property(
        fc.record({
          lockType: fc.constantFrom<ConfigDraft["lockType"]>("manual", "automatic", "both"),
          except: fc.boolean(),
          actions: fc.subarray(["delete", "tags", "change_owner", "convert"]),
          communications: fc.subarray(["send_mail", "send_survery"]),
          portal: fc.boolean(),
        }),
        ({ lockType, except, actions, communications, portal }) => {
          const draft: ConfigDraft = {
            ...emptyDraft(),
            lockType,
            lockedFor: except ? "all_profiles_except_excluded_profiles" : "all_profiles",
            excludedProfiles: except ? [ADMIN] : [],
            restrictedActions: ["update", ...actions],
            restrictedCommunications: communications,
            lockForPortalUsers: portal,
          };
          const kinds = newConfigChanges(draft).map((change) => change.kind);
          const body = postBody(draft);
          expect(kinds.includes("restrictedActions")).toBe((body.restricted_actions as string[]).length > 1);
          expect(kinds.includes("restrictedCommunications")).toBe((body.restricted_communications as string[]).length > 0);
          expect(kinds.includes("lockForPortalUsers")).toBe(body.lock_for_portal_users === false);
          expect(kinds.includes("excludedProfiles")).toBe("lock_excluded_profiles" in body);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("lists nothing when nothing changed, also with lists reordered", () => {
    const before = draftFromConfig(config());
    expect(summarizeChanges(before, draftFromConfig(config()))).toEqual([]);
    expect(summarizeChanges(before, { ...before, excludedProfiles: [SALES, ADMIN], restrictedActions: ["delete", "update"] })).toEqual([]);
  });

  it("lists changed keys with before and after values", () => {
    const before = draftFromConfig(config());
    const after: ConfigDraft = { ...before, lockType: "manual", lockForPortalUsers: false, restrictedCustomButtons: [] };
    expect(summarizeChanges(before, after)).toEqual<Change[]>([
      { kind: "lockType", before: "both", after: "manual" },
      { kind: "restrictedCustomButtons", before: [BUTTON], after: [] },
      { kind: "lockForPortalUsers", before: true, after: false },
    ]);
  });

  it("shows profiles that were not in effect as none when the except mode is chosen, and none when it is left", () => {
    const before = draftFromConfig(config({ lockedFor: "all_profiles", excludedProfiles: [] }));
    expect(summarizeChanges(before, { ...before, lockedFor: "all_profiles_except_excluded_profiles", excludedProfiles: [SALES] })).toEqual<Change[]>([
      { kind: "lockedFor", before: "all_profiles", after: "all_profiles_except_excluded_profiles" },
      { kind: "excludedProfiles", before: [], after: [SALES] },
    ]);
    const except = draftFromConfig(config());
    expect(summarizeChanges(except, { ...except, lockedFor: "all_profiles", excludedProfiles: [] })).toEqual<Change[]>([
      { kind: "lockedFor", before: "all_profiles_except_excluded_profiles", after: "all_profiles" },
    ]);
  });

  it("names added, removed and changed rules", () => {
    const before = draftFromConfig(config());
    const after: ConfigDraft = {
      ...before,
      rules: [
        { ...(before.rules[1] as RuleDraft), criteria: cond("Amount", "greater_than", "1") },
        { key: "new-1", name: "Lost", lockExistingRecords: false, criteria: cond("Stage", "equal", "Closed Lost") },
      ],
    };
    expect(summarizeChanges(before, after)).toEqual<Change[]>([
      { kind: "ruleRemoved", name: "Won deals" },
      { kind: "ruleChanged", name: "Big deals" },
      { kind: "ruleAdded", name: "Lost" },
    ]);
  });

  it("matches unsaved rules by key, and shows another person's changes between two reads", () => {
    const draft: ConfigDraft = { ...emptyDraft(), rules: [{ key: "new-1", name: "A", lockExistingRecords: false, criteria: cond("Stage", "equal", "1") }] };
    expect(summarizeChanges(draft, draft)).toEqual([]);
    expect(summarizeChanges(draft, { ...draft, rules: [{ ...(draft.rules[0] as RuleDraft), name: "B" }] })).toEqual([{ kind: "ruleChanged", name: "B" }]);
    const mine = config();
    const theirs = config({ lockType: "automatic", rules: [{ ...(mine.rules[0] as LockingRule), lockExistingRecords: false }, ...mine.rules.slice(1)] });
    expect(summarizeChanges(draftFromConfig(mine), draftFromConfig(theirs))).toEqual<Change[]>([
      { kind: "lockType", before: "both", after: "automatic" },
      { kind: "ruleChanged", name: "Won deals" },
    ]);
  });
});

describe("rulesSaved", () => {
  it("is the rules saving adds or changes, as the review lists them; an untouched rule is not among them", () => {
    const before = draftFromConfig(config());
    const renamed = { ...(before.rules[1] as RuleDraft), name: "Bigger deals" };
    const added: RuleDraft = { key: "new-1", name: "Lost", lockExistingRecords: true, criteria: cond("Stage", "equal", "Closed Lost") };
    const after: ConfigDraft = { ...before, rules: [before.rules[0] as RuleDraft, renamed, added] };
    expect(rulesSaved(before, after)).toEqual([renamed, added]);
    expect(rulesSaved(before, before)).toEqual([]);
    // A new configuration saves every rule.
    expect(rulesSaved(undefined, after)).toEqual(after.rules);
  });
});
