import { describe, expect, it } from "vitest";
import type { FieldInfo } from "../../widget-src/api/fields";
import { COMPARATORS } from "../../widget-src/features/lock-settings/ConditionRow";
import { KNOWN_COMPARATORS, combine, explainCriteria, type Explained, type Verdict } from "../../widget-src/features/why-locked/evaluate";

const STAGE: FieldInfo = {
  id: "5725767000000700001",
  apiName: "Stage",
  label: "Deal stage",
  dataType: "picklist",
  picklist: [
    { value: "Closed Won", label: "Won (closed)" },
    { value: "Negotiation/Review", label: "Negotiation" },
  ],
};
const AMOUNT: FieldInfo = { id: "5725767000000700002", apiName: "Amount", label: "Amount", dataType: "currency" };
const SCORE: FieldInfo = { id: "5725767000000700003", apiName: "Score_Text", label: "Score", dataType: "integer" };
const FIELDS = [STAGE, AMOUNT, SCORE];

const ACCOUNT = { name: "Quillfeather Labs", id: "5725767000000112001" };

const cond = (field: string | { api_name?: string; id?: string }, comparator: string, value: unknown) => ({
  comparator,
  field: typeof field === "string" ? { api_name: field } : field,
  value,
});
const and = (...group: unknown[]) => ({ group_operator: "AND", group });
const or = (...group: unknown[]) => ({ group_operator: "OR", group });

/** The verdict of one condition against one record. */
function verdict(criteria: unknown, record: Record<string, unknown> | undefined, fields: FieldInfo[] = FIELDS): Verdict {
  return explainCriteria(criteria, record, fields).verdict;
}

const conditionOf = (node: Explained) => {
  if (node.kind !== "condition") throw new Error(`expected a condition, got ${node.kind}`);
  return node;
};

describe("why-locked evaluation: single conditions", () => {
  it("compares a picklist with its actual or its display value", () => {
    const rule = cond("Stage", "equal", "Closed Won");
    expect(verdict(rule, { Stage: "Closed Won" })).toBe("match");
    expect(verdict(rule, { Stage: "Won (closed)" })).toBe("match");
    expect(verdict(rule, { Stage: "Negotiation/Review" })).toBe("noMatch");
    expect(verdict(cond("Stage", "not_equal", "Closed Won"), { Stage: "Negotiation/Review" })).toBe("match");
    expect(verdict(cond("Stage", "not_equal", "Closed Won"), { Stage: "Won (closed)" })).toBe("noMatch");
  });

  it("says 'cannot tell' where only case or spacing differ, never 'does not match'", () => {
    expect(verdict(cond("Stage", "equal", "Closed Won"), { Stage: "closed  won" }, [])).toBe("unknown");
    expect(verdict(cond("Stage", "not_equal", "Closed Won"), { Stage: "CLOSED WON" }, [])).toBe("unknown");
  });

  it.each([
    // comparator, rule value, record value, verdict
    ["equal", "48000", 48000, "match"],
    ["equal", "48000", 48001, "noMatch"],
    ["not_equal", "48000", 48000, "noMatch"],
    ["greater_than", "50000", 48000, "noMatch"],
    ["greater_than", "50000", 60000, "match"],
    ["greater_than", "48000", 48000, "noMatch"],
    ["less_than", "50000", 48000, "match"],
    ["less_than", "48000", 48000, "noMatch"],
    ["greater_equal", "48000", 48000, "match"],
    ["greater_equal", "48000.5", 48000, "noMatch"],
    ["less_equal", "48000", 48000, "match"],
    ["less_equal", "47999.99", 48000, "noMatch"],
    ["greater_than", 1000, 1500.5, "match"],
  ] as const)("numbers: Amount %s %s against %s → %s", (comparator, expected, actual, result) => {
    expect(verdict(cond("Amount", comparator, expected), { Amount: actual })).toBe(result);
  });

  it("cannot compare a number with a rule value that is not one", () => {
    expect(verdict(cond("Amount", "equal", "a lot"), { Amount: 48000 })).toBe("unknown");
    expect(verdict(cond("Amount", "greater_than", ""), { Amount: 48000 })).toBe("unknown");
  });

  it("orders numbers sent as text only where the field says it holds numbers", () => {
    expect(verdict(cond("Score_Text", "greater_than", "9"), { Score_Text: "10" })).toBe("match");
    // Without the field's type, "10" > "9" could be text order (false) or number order (true).
    expect(verdict(cond("Score_Text", "greater_than", "9"), { Score_Text: "10" }, [])).toBe("unknown");
    expect(verdict(cond("Score_Text", "equal", "10.0"), { Score_Text: "10" }, [])).toBe("unknown");
  });

  it("compares lookups by id or name, and refuses to order them", () => {
    expect(verdict(cond("Account_Name", "equal", ACCOUNT.id), { Account_Name: ACCOUNT })).toBe("match");
    expect(verdict(cond("Account_Name", "equal", ACCOUNT.name), { Account_Name: ACCOUNT })).toBe("match");
    expect(verdict(cond("Account_Name", "equal", { id: ACCOUNT.id, name: "renamed" }), { Account_Name: ACCOUNT })).toBe("match");
    expect(verdict(cond("Account_Name", "equal", "5725767000000112002"), { Account_Name: ACCOUNT })).toBe("noMatch");
    expect(verdict(cond("Account_Name", "equal", { id: "5725767000000112002" }), { Account_Name: ACCOUNT })).toBe("noMatch");
    expect(verdict(cond("Account_Name", "equal", "Brightwater Logistics"), { Account_Name: ACCOUNT })).toBe("noMatch");
    expect(verdict(cond("Account_Name", "not_equal", "Brightwater Logistics"), { Account_Name: ACCOUNT })).toBe("match");
    expect(verdict(cond("Account_Name", "equal", "quillfeather labs"), { Account_Name: ACCOUNT })).toBe("unknown");
    expect(verdict(cond("Account_Name", "greater_than", ACCOUNT.id), { Account_Name: ACCOUNT })).toBe("unknown");
    // A lookup named by something that is not an id or a name.
    expect(verdict(cond("Account_Name", "equal", { name: ACCOUNT.name }), { Account_Name: ACCOUNT })).toBe("unknown");
  });

  it("compares calendar days as days and date-times as instants, never a day with a date-time", () => {
    expect(verdict(cond("Closing_Date", "equal", "2025-07-01"), { Closing_Date: "2025-07-01" })).toBe("match");
    expect(verdict(cond("Closing_Date", "equal", "2025-07-01"), { Closing_Date: "2025-07-02" })).toBe("noMatch");
    expect(verdict(cond("Closing_Date", "greater_than", "2025-06-30"), { Closing_Date: "2025-07-01" })).toBe("match");
    expect(verdict(cond("Closing_Date", "less_equal", "2025-06-30"), { Closing_Date: "2025-07-01" })).toBe("noMatch");
    expect(verdict(cond("Closed_At", "equal", "2025-07-01T10:00:00+00:00"), { Closed_At: "2025-07-01T12:00:00+02:00" })).toBe("match");
    expect(verdict(cond("Closed_At", "less_than", "2025-07-01T10:00:00Z"), { Closed_At: "2025-07-01T11:30:00+02:00" })).toBe("match");
    expect(verdict(cond("Closed_At", "equal", "2025-07-01"), { Closed_At: "2025-07-01T00:00:00+00:00" })).toBe("unknown");
    expect(verdict(cond("Closed_At", "not_equal", "2025-07-01"), { Closed_At: "2025-07-01T00:00:00+00:00" })).toBe("unknown");
    expect(verdict(cond("Closed_At", "greater_than", "2025-06-30"), { Closed_At: "2025-07-01T00:00:00+00:00" })).toBe("unknown");
  });

  it("treats empty values as empty: not equal to a value, but never ordered", () => {
    for (const empty of [null, "", []]) {
      expect(verdict(cond("Stage", "equal", "Closed Won"), { Stage: empty })).toBe("noMatch");
      expect(verdict(cond("Stage", "not_equal", "Closed Won"), { Stage: empty })).toBe("match");
      expect(verdict(cond("Stage", "equal", ""), { Stage: empty })).toBe("unknown");
      expect(verdict(cond("Amount", "greater_than", "0"), { Amount: empty })).toBe("unknown");
      expect(verdict(cond("Amount", "less_than", "0"), { Amount: empty })).toBe("unknown");
    }
    const node = conditionOf(explainCriteria(cond("Stage", "equal", "Closed Won"), { Stage: null }, FIELDS));
    expect(node.actual).toEqual({ kind: "empty" });
  });

  it("compares booleans with 'true' and 'false' only", () => {
    expect(verdict(cond("Paid", "equal", "true"), { Paid: true })).toBe("match");
    expect(verdict(cond("Paid", "equal", false), { Paid: true })).toBe("noMatch");
    expect(verdict(cond("Paid", "equal", "yes"), { Paid: true })).toBe("unknown");
    expect(verdict(cond("Paid", "greater_than", "false"), { Paid: true })).toBe("unknown");
  });

  it("cannot tell for lists (multi-select picklists) or values it cannot read", () => {
    expect(verdict(cond("Tags", "equal", "VIP"), { Tags: ["VIP"] })).toBe("unknown");
    expect(verdict(cond("Tags", "not_equal", "VIP"), { Tags: ["Other"] })).toBe("unknown");
    expect(verdict(cond("Stage", "equal", ["Closed Won"]), { Stage: "Closed Won" })).toBe("unknown");
    expect(verdict(cond("Stage", "equal", null), { Stage: "Closed Won" })).toBe("unknown");
  });

  it("cannot tell when the record as read has no such field, or its values could not be read", () => {
    expect(verdict(cond("Stage", "equal", "Closed Won"), { Amount: 1 })).toBe("unknown");
    expect(verdict(cond("Stage", "not_equal", "Closed Won"), { Amount: 1 })).toBe("unknown");
    const unread = conditionOf(explainCriteria(cond("Stage", "equal", "Closed Won"), undefined, FIELDS));
    expect(unread).toMatchObject({ verdict: "unknown", actual: { kind: "unread" } });
    expect(verdict(and(cond("Stage", "equal", "Closed Won"), cond("Amount", "greater_than", "1")), undefined)).toBe("unknown");
  });

  it("says 'cannot tell' for a comparator it does not know, never 'matches' or 'does not match'", () => {
    for (const comparator of ["starts_with", "contains", "between", "in", "", "__proto__", "constructor", "toString"]) {
      expect(verdict(cond("Stage", comparator, "Closed Won"), { Stage: "Closed Won" })).toBe("unknown");
      expect(verdict(cond("Stage", comparator, "Closed Won"), { Stage: "Qualification" })).toBe("unknown");
    }
  });

  it("knows every comparator the rule editor offers", () => {
    expect([...KNOWN_COMPARATORS].sort()).toEqual([...COMPARATORS].sort());
    for (const comparator of COMPARATORS) {
      expect(verdict(cond("Amount", comparator, "10"), { Amount: 5 }), comparator).not.toBe("unknown");
    }
  });

  it("names the field by its display label where known, else by its API name or id", () => {
    const byName = conditionOf(explainCriteria(cond("Stage", "equal", "Closed Won"), { Stage: "Closed Won" }, FIELDS));
    expect(byName).toMatchObject({ name: "Deal stage", field: STAGE, comparator: "equal", expected: "Closed Won" });
    expect(conditionOf(explainCriteria(cond("Stage", "equal", "x"), {}, [])).name).toBe("Stage");
    // Named by id only: the field list says which field it is, and so which value to read.
    const byId = conditionOf(explainCriteria(cond({ id: STAGE.id }, "equal", "Closed Won"), { Stage: "Closed Won" }, FIELDS));
    expect(byId).toMatchObject({ name: "Deal stage", verdict: "match" });
    const unresolved = conditionOf(explainCriteria(cond({ id: STAGE.id }, "equal", "Closed Won"), { Stage: "Closed Won" }, []));
    expect(unresolved).toMatchObject({ name: STAGE.id, verdict: "unknown", actual: { kind: "absent" } });
  });
});

describe("why-locked evaluation: groups", () => {
  const ruleOf = and(cond("Stage", "equal", "Closed Won"), or(cond("Amount", "greater_than", "50000"), cond("Type", "equal", "New Business")));

  it.each([
    [{ Stage: "Closed Won", Amount: 60000, Type: "Existing Business" }, "match"],
    [{ Stage: "Closed Won", Amount: 48000, Type: "New Business" }, "match"],
    [{ Stage: "Closed Won", Amount: 48000, Type: "Existing Business" }, "noMatch"],
    [{ Stage: "Qualification", Amount: 60000, Type: "New Business" }, "noMatch"],
    // Type unreadable: the OR cannot be decided, nor then the AND.
    [{ Stage: "Closed Won", Amount: 48000 }, "unknown"],
    // Type unreadable, but Amount decides the OR.
    [{ Stage: "Closed Won", Amount: 60000 }, "match"],
    // Stage decides the AND whatever the rest.
    [{ Stage: "Qualification" }, "noMatch"],
  ] as const)("AND with a nested OR: %j → %s", (record, result) => {
    expect(verdict(ruleOf, record)).toBe(result);
  });

  it("keeps every condition's own verdict in the tree", () => {
    const tree = explainCriteria(ruleOf, { Stage: "Closed Won", Amount: 48000, Type: "Existing Business" }, FIELDS);
    expect(tree).toMatchObject({
      kind: "group",
      operator: "AND",
      verdict: "noMatch",
      children: [
        { kind: "condition", name: "Deal stage", verdict: "match", actual: { kind: "value", value: "Closed Won" } },
        {
          kind: "group",
          operator: "OR",
          verdict: "noMatch",
          children: [
            { kind: "condition", verdict: "noMatch", actual: { kind: "value", value: 48000 } },
            { kind: "condition", name: "Type", verdict: "noMatch" },
          ],
        },
      ],
    });
  });

  it("an unknown comparator decides nothing it could change", () => {
    const odd = cond("Stage", "starts_with", "Closed");
    expect(verdict(and(odd, cond("Amount", "greater_than", "1")), { Stage: "Closed Won", Amount: 5 })).toBe("unknown");
    expect(verdict(and(odd, cond("Amount", "greater_than", "10")), { Stage: "Closed Won", Amount: 5 })).toBe("noMatch");
    expect(verdict(or(odd, cond("Amount", "greater_than", "1")), { Stage: "Closed Won", Amount: 5 })).toBe("match");
    expect(verdict(or(odd, cond("Amount", "greater_than", "10")), { Stage: "Closed Won", Amount: 5 })).toBe("unknown");
  });

  it("reads the operator in any case, and leaves criteria it cannot read as 'cannot tell'", () => {
    expect(verdict({ group_operator: "or", group: [cond("Stage", "equal", "x"), cond("Stage", "equal", "Closed Won")] }, { Stage: "Closed Won" })).toBe("match");
    for (const raw of [{}, "Stage = Closed Won", null, { group_operator: "XOR", group: [] }, { comparator: "equal", value: "x" }]) {
      expect(explainCriteria(raw, { Stage: "Closed Won" }, FIELDS)).toEqual({ kind: "raw", verdict: "unknown" });
    }
    expect(verdict(and(), { Stage: "Closed Won" })).toBe("unknown");
    expect(verdict(or(cond("Stage", "equal", "Closed Won"), {}), { Stage: "Closed Won" })).toBe("match");
  });

  it("combines verdicts three-valued", () => {
    const all: Verdict[] = ["match", "noMatch", "unknown"];
    for (const a of all) {
      for (const b of all) {
        const and2 = a === "noMatch" || b === "noMatch" ? "noMatch" : a === "match" && b === "match" ? "match" : "unknown";
        const or2 = a === "match" || b === "match" ? "match" : a === "noMatch" && b === "noMatch" ? "noMatch" : "unknown";
        expect(combine("AND", [a, b]), `${a} AND ${b}`).toBe(and2);
        expect(combine("OR", [a, b]), `${a} OR ${b}`).toBe(or2);
      }
    }
    expect(combine("AND", [])).toBe("unknown");
    expect(combine("OR", [])).toBe("unknown");
  });
});
