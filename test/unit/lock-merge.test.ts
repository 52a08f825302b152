import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { criteriaFromJson } from "../../widget-src/features/lock-settings/criteria";
import { mergeDrafts } from "../../widget-src/features/lock-settings/merge";
import type { ConfigDraft, CriteriaNode, RuleDraft } from "../../widget-src/features/lock-settings/types";

const RULE_WON = "5725767000000417011";
const RULE_BIG = "5725767000000417012";
const RULE_OLD = "5725767000000417013";
const RULE_THEIRS = "5725767000000417014";
const ADMIN = { id: "5725767000000026011", name: "Administrator" };
const SALES = { id: "5725767000000026014", name: "Sales" };
const SUPPORT = { id: "5725767000000026015", name: "Support" };
const BUTTON = { id: "5725767000000519001", name: "Send quote" };

const condition = (apiName: string, comparator: string, value: string): CriteriaNode =>
  criteriaFromJson({ comparator, field: { api_name: apiName }, value });

const savedRule = (id: string, name: string, criteria: CriteriaNode, lockExistingRecords = false): RuleDraft => ({
  id,
  key: id,
  name,
  lockExistingRecords,
  criteria,
});

const newRule = (key: string, name: string, criteria: CriteriaNode): RuleDraft => ({ key, name, lockExistingRecords: false, criteria });

function loadedDraft(): ConfigDraft {
  return {
    lockType: "both",
    lockedFor: "all_profiles_except_excluded_profiles",
    excludedProfiles: [ADMIN],
    excludedFields: [{ apiName: "Description", id: "5725767000000002600" }],
    restrictedActions: ["update", "delete"],
    restrictedCommunications: ["send_mail"],
    restrictedCustomButtons: [BUTTON],
    lockForPortalUsers: true,
    rules: [
      savedRule(RULE_WON, "Won deals", condition("Stage", "equal", "Closed Won"), true),
      savedRule(RULE_BIG, "Big deals", condition("Amount", "greater_than", "50000")),
      savedRule(RULE_OLD, "Old deals", condition("Closing_Date", "less_than", "2020-01-01T00:00:00+00:00")),
    ],
  };
}

/** A deep copy, so that "untouched" really means equal values, not shared objects. */
const copy = (draft: ConfigDraft): ConfigDraft => structuredClone(draft);
const names = (draft: ConfigDraft) => draft.rules.map((rule) => rule.name);
const rule = (draft: ConfigDraft, name: string) => draft.rules.find((entry) => entry.name === name);

describe("mergeDrafts: top-level keys", () => {
  it("takes my value for every key I changed and theirs for every key I left alone", () => {
    const loaded = loadedDraft();
    const mine = { ...copy(loaded), lockType: "automatic" as const, restrictedActions: ["update", "delete", "tags"], lockForPortalUsers: false };
    const theirs = {
      ...copy(loaded),
      lockType: "manual" as const,
      excludedProfiles: [ADMIN, SALES],
      restrictedCommunications: [],
      restrictedCustomButtons: [],
    };
    const merged = mergeDrafts(loaded, mine, theirs);
    expect(merged.lockType).toBe("automatic");
    expect(merged.restrictedActions).toEqual(["update", "delete", "tags"]);
    expect(merged.lockForPortalUsers).toBe(false);
    expect(merged.excludedProfiles).toEqual([ADMIN, SALES]);
    expect(merged.restrictedCommunications).toEqual([]);
    expect(merged.restrictedCustomButtons).toEqual([]);
    expect(merged.lockedFor).toBe("all_profiles_except_excluded_profiles");
    expect(merged.excludedFields).toEqual(loaded.excludedFields);
  });

  it("where we both changed the same key, mine wins", () => {
    const loaded = loadedDraft();
    const mine = { ...copy(loaded), excludedProfiles: [ADMIN, SUPPORT] };
    const theirs = { ...copy(loaded), excludedProfiles: [SALES] };
    expect(mergeDrafts(loaded, mine, theirs).excludedProfiles).toEqual([ADMIN, SUPPORT]);
  });

  it("does not change its inputs", () => {
    const loaded = loadedDraft();
    const mine = { ...copy(loaded), lockType: "manual" as const, rules: loaded.rules.slice(1) };
    const theirs = { ...copy(loaded), lockForPortalUsers: false };
    const snapshot = structuredClone({ loaded, mine, theirs });
    mergeDrafts(loaded, mine, theirs);
    expect({ loaded, mine, theirs }).toEqual(snapshot);
  });
});

describe("mergeDrafts: rules", () => {
  it("a rule I edited replaces their version of it", () => {
    const loaded = loadedDraft();
    const mine = copy(loaded);
    mine.rules[0] = { ...mine.rules[0]!, name: "Won deals (mine)", criteria: condition("Stage", "equal", "Closed Lost") };
    const theirs = copy(loaded);
    theirs.rules[0] = { ...theirs.rules[0]!, name: "Won deals (theirs)", lockExistingRecords: false };
    const merged = mergeDrafts(loaded, mine, theirs);
    expect(merged.rules).toHaveLength(3);
    expect(merged.rules[0]).toEqual(mine.rules[0]);
    expect(rule(merged, "Won deals (theirs)")).toBeUndefined();
  });

  it("a rule I removed stays removed, even when they changed it", () => {
    const loaded = loadedDraft();
    const mine = { ...copy(loaded), rules: copy(loaded).rules.filter((entry) => entry.id !== RULE_BIG) };
    const theirs = copy(loaded);
    theirs.rules[1] = { ...theirs.rules[1]!, name: "Big deals (theirs)" };
    const merged = mergeDrafts(loaded, mine, theirs);
    expect(merged.rules.map((entry) => entry.id)).toEqual([RULE_WON, RULE_OLD]);
  });

  it("rules I added are appended after theirs, in my order", () => {
    const loaded = loadedDraft();
    const mine = copy(loaded);
    mine.rules.push(newRule("new-1", "Lost deals", condition("Stage", "equal", "Closed Lost")));
    mine.rules.push(newRule("new-2", "Tiny deals", condition("Amount", "less_than", "10")));
    const theirs = { ...copy(loaded), rules: [...copy(loaded).rules, savedRule(RULE_THEIRS, "Their rule", condition("Type", "equal", "New"))] };
    const merged = mergeDrafts(loaded, mine, theirs);
    expect(names(merged)).toEqual(["Won deals", "Big deals", "Old deals", "Their rule", "Lost deals", "Tiny deals"]);
    expect(merged.rules.slice(-2).map((entry) => entry.id)).toEqual([undefined, undefined]);
  });

  it("rules they added are kept, and rules they removed that I left alone stay removed", () => {
    const loaded = loadedDraft();
    const mine = copy(loaded);
    const added = savedRule(RULE_THEIRS, "Their rule", condition("Type", "equal", "New"));
    const theirs = { ...copy(loaded), rules: [copy(loaded).rules[0]!, added] };
    const merged = mergeDrafts(loaded, mine, theirs);
    expect(merged.rules).toEqual([loaded.rules[0], added]);
  });

  it("a rule they changed that I did not touch keeps their version", () => {
    const loaded = loadedDraft();
    const mine = { ...copy(loaded), lockForPortalUsers: false };
    const theirs = copy(loaded);
    theirs.rules[2] = { ...theirs.rules[2]!, lockExistingRecords: true, criteria: condition("Closing_Date", "less_than", "2021-01-01T00:00:00+00:00") };
    const merged = mergeDrafts(loaded, mine, theirs);
    expect(merged.rules[2]).toEqual(theirs.rules[2]);
    expect(merged.lockForPortalUsers).toBe(false);
  });

  it("a rule I edited that they deleted meanwhile is kept (mine wins where we both changed it)", () => {
    // merge.ts: "Where we both changed the same thing, mine wins"; diff.ts re-creates a rule whose id is gone.
    const loaded = loadedDraft();
    const mine = copy(loaded);
    mine.rules[1] = { ...mine.rules[1]!, name: "Big deals over 100k", criteria: condition("Amount", "greater_than", "100000") };
    const theirs = { ...copy(loaded), rules: copy(loaded).rules.filter((entry) => entry.id !== RULE_BIG) };
    const merged = mergeDrafts(loaded, mine, theirs);
    expect(rule(merged, "Big deals over 100k")?.criteria).toEqual(mine.rules[1]!.criteria);
  });
});

// ---------------------------------------------------------------- properties

const idArb = fc.bigInt({ min: 1000000000000000000n, max: 9999999999999999999n }).map(String);
const criteriaArb: fc.Arbitrary<CriteriaNode> = fc
  .oneof(
    fc.record({
      comparator: fc.constantFrom("equal", "greater_than", "less_than"),
      field: fc.record({ api_name: fc.constantFrom("Stage", "Amount", "Type") }),
      value: fc.string({ maxLength: 3 }),
    }),
    fc.record({
      group_operator: fc.constantFrom("AND", "OR", "or"),
      group: fc.array(
        fc.record({ comparator: fc.constant("equal"), field: fc.record({ api_name: fc.constantFrom("Stage", "Amount") }), value: fc.string({ maxLength: 3 }) }),
        { maxLength: 3 },
      ),
    }),
    fc.jsonValue({ maxDepth: 2 }),
  )
  .map(criteriaFromJson);
const profileArb = fc.constantFrom(ADMIN, SALES, SUPPORT);
const topArb = fc.record({
  lockType: fc.constantFrom("manual" as const, "automatic" as const, "both" as const),
  lockedFor: fc.constantFrom("all_profiles" as const, "all_profiles_except_excluded_profiles" as const),
  excludedProfiles: fc.uniqueArray(profileArb, { selector: (profile) => profile.id, maxLength: 3 }),
  excludedFields: fc.uniqueArray(fc.record({ apiName: fc.constantFrom("Description", "Next_Step", "Amount") }), {
    selector: (field) => field.apiName,
    maxLength: 3,
  }),
  restrictedActions: fc.subarray(["delete", "tags", "change_owner", "convert"]).map((actions) => ["update", ...actions]),
  restrictedCommunications: fc.subarray(["send_mail", "send_survery", "send_portal_invitation"]),
  restrictedCustomButtons: fc.boolean().map((on) => (on ? [BUTTON] : [])),
  lockForPortalUsers: fc.boolean(),
});
const savedRuleArb = (id: string) =>
  fc.record({ id: fc.constant(id), key: fc.constant(id), name: fc.string({ maxLength: 4 }), lockExistingRecords: fc.boolean(), criteria: criteriaArb });
const draftArb: fc.Arbitrary<ConfigDraft> = fc
  .tuple(topArb, fc.uniqueArray(idArb, { maxLength: 5 }))
  .chain(([top, ids]) => fc.tuple(...ids.map(savedRuleArb)).map((rules): ConfigDraft => ({ ...top, rules })));

/** Another admin's (or my) edits of `loaded`, as the editor can make them: keys changed, rules kept / edited / removed, rules appended. */
function editedArb(loaded: ConfigDraft, newIds: "none" | "saved") {
  return fc
    .tuple(
      topArb,
      fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      fc.array(fc.record({ action: fc.constantFrom("keep", "edit", "remove"), replacement: savedRuleArb("unused") }), {
        minLength: loaded.rules.length,
        maxLength: loaded.rules.length,
      }),
      fc.array(fc.record({ id: idArb, name: fc.string({ maxLength: 4 }), lockExistingRecords: fc.boolean(), criteria: criteriaArb }), {
        maxLength: 2,
      }),
    )
    .map(([top, which, ruleEdits, added]): ConfigDraft => {
      const edited = structuredClone(loaded);
      const keys = Object.keys(top) as (keyof typeof top)[];
      keys.forEach((key, index) => {
        if (which[index]) (edited as unknown as Record<string, unknown>)[key] = top[key];
      });
      edited.rules = loaded.rules.flatMap((original, index): RuleDraft[] => {
        const change = ruleEdits[index];
        if (!change || change.action === "keep") return [structuredClone(original)];
        if (change.action === "remove") return [];
        const { name, lockExistingRecords, criteria } = change.replacement;
        return [{ ...original, name, lockExistingRecords, criteria }];
      });
      added.forEach((extra, index) => {
        // Rules I add have no id yet; rules they added come back from Zoho with one.
        edited.rules.push(
          newIds === "saved"
            ? { id: `${extra.id}`, key: `${extra.id}`, name: extra.name, lockExistingRecords: extra.lockExistingRecords, criteria: extra.criteria }
            : { key: `new-${index}`, name: extra.name, lockExistingRecords: extra.lockExistingRecords, criteria: extra.criteria },
        );
      });
      return edited;
    })
    .filter((draft) => new Set(draft.rules.map((entry) => entry.key)).size === draft.rules.length);
}

describe("mergeDrafts: properties", () => {
  it("when I changed nothing, the result is their version", () => {
    fc.assert(
      fc.property(
        draftArb.chain((loaded) => fc.tuple(fc.constant(loaded), editedArb(loaded, "saved"))),
        ([loaded, theirs]) => {
          expect(mergeDrafts(loaded, structuredClone(loaded), theirs)).toEqual(theirs);
        },
      ),
    );
  });

  it("when they changed nothing, the result is my version", () => {
    fc.assert(
      fc.property(
        draftArb.chain((loaded) => fc.tuple(fc.constant(loaded), editedArb(loaded, "none"))),
        ([loaded, mine]) => {
          expect(mergeDrafts(loaded, mine, structuredClone(loaded))).toEqual(mine);
        },
      ),
    );
  });

  it("every key I changed has my value, every other key their value", () => {
    fc.assert(
      fc.property(
        draftArb.chain((loaded) => fc.tuple(fc.constant(loaded), editedArb(loaded, "none"), editedArb(loaded, "saved"))),
        ([loaded, mine, theirs]) => {
          const merged = mergeDrafts(loaded, mine, theirs);
          for (const key of Object.keys(loaded).filter((name) => name !== "rules") as Exclude<keyof ConfigDraft, "rules">[]) {
            const iChanged = JSON.stringify(loaded[key]) !== JSON.stringify(mine[key]);
            expect(merged[key]).toEqual(iChanged ? mine[key] : theirs[key]);
          }
          // Rules I added are all there, at the end and in my order.
          const mineAdded = mine.rules.filter((entry) => entry.id === undefined);
          expect(merged.rules.slice(merged.rules.length - mineAdded.length)).toEqual(mineAdded);
        },
      ),
    );
  });
});
