/**
 * Locking-rule criteria → search grammar. The round trip goes through the
 * sandbox's own parser of the grammar (sandbox/api/search-grammar.ts), an
 * independent reading of the same rules, so the writer's escaping and
 * grouping are checked against a parser rather than against themselves.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countConditions, parseSearchCriteria, type SearchNode } from "../../sandbox/api/search-grammar";
import {
  MAX_SEARCH_CONDITIONS,
  escapeSearchValue,
  toSearchCriteria,
  type SearchCriteriaProblem,
} from "../../widget-src/api/search-criteria";
import { lockedCriteria } from "../../widget-src/api/search";

const FIELDS = [
  { api_name: "Stage", data_type: "picklist" },
  { api_name: "Amount", data_type: "currency" },
  { api_name: "Probability", data_type: "integer" },
  { api_name: "Closing_Date", data_type: "date" },
  { api_name: "Created_Time", data_type: "datetime" },
  { api_name: "Locked__s", data_type: "boolean" },
  { api_name: "Owner", data_type: "ownerlookup" },
  { api_name: "Deal_Name", data_type: "text" },
  { api_name: "Description", data_type: "textarea" },
  { api_name: "Parent_Id", data_type: "multimodulelookup" },
];

const cond = (api_name: string, comparator: string, value: unknown) => ({ comparator, field: { api_name, id: "5725767000000103001" }, value });
const group = (group_operator: string, ...children: unknown[]) => ({ group_operator, group: children });

/** `null`: without the module's fields. */
const written = (criteria: unknown, fields: typeof FIELDS | null = FIELDS) => {
  const result = toSearchCriteria(criteria, fields ?? undefined);
  if (!result.ok) throw new Error(`expected a criteria string, got ${result.reason}`);
  return result.criteria;
};
const reason = (criteria: unknown, fields: typeof FIELDS | null = FIELDS) => {
  const result = toSearchCriteria(criteria, fields ?? undefined);
  return result.ok ? `(written: ${result.criteria})` : result.reason;
};

describe("toSearchCriteria: what can be written", () => {
  it("writes a condition, with the comparator's search operator", () => {
    expect(written(cond("Stage", "equal", "Closed Won"))).toBe("(Stage:equals:Closed Won)");
    expect(written(cond("Amount", "not_equal", "0"))).toBe("(Amount:not_equal:0)");
    expect(written(cond("Amount", "greater_than", 1000))).toBe("(Amount:greater_than:1000)");
    expect(written(cond("Amount", "greater_equal", "1000.50"))).toBe("(Amount:greater_equal:1000.50)");
    expect(written(cond("Closing_Date", "less_than", "2025-02-10"))).toBe("(Closing_Date:less_than:2025-02-10)");
    expect(written(cond("Created_Time", "less_equal", "2025-01-18T09:00:00+05:30"))).toBe("(Created_Time:less_equal:2025-01-18T09:00:00+05:30)");
    expect(written(cond("Amount", "between", [10, "20"]))).toBe("(Amount:between:10,20)");
    expect(written(cond("Deal_Name", "starts_with", "Orbit"))).toBe("(Deal_Name:starts_with:Orbit)");
    expect(written(cond("Locked__s", "equal", true))).toBe("(Locked__s:equals:true)");
    expect(written(cond("Owner", "equal", "5725767000000101003"))).toBe("(Owner:equals:5725767000000101003)");
  });

  it("writes a rule's equal with a list of values (picklists) as in", () => {
    expect(written(cond("Stage", "equal", ["Closed Won", "Closed Lost"]))).toBe("(Stage:in:Closed Won,Closed Lost)");
    expect(written(cond("Stage", "in", ["Closed Won"]))).toBe("(Stage:in:Closed Won)");
  });

  it("writes groups with and/or and keeps their nesting; a group of one is its member", () => {
    const criteria = group("AND", cond("Stage", "equal", "Closed Won"), group("or", cond("Amount", "greater_than", "5"), cond("Probability", "less_than", "50")));
    expect(written(criteria)).toBe("((Stage:equals:Closed Won)and((Amount:greater_than:5)or(Probability:less_than:50)))");
    expect(written(group("OR", cond("Stage", "equal", "A")))).toBe("(Stage:equals:A)");
  });

  it("escapes (, ), , and \\ in values with a backslash", () => {
    expect(escapeSearchValue("Burns,B (Jr) K\\")).toBe("Burns\\,B \\(Jr\\) K\\\\");
    expect(written(cond("Stage", "equal", "Negotiation (late), final\\"))).toBe("(Stage:equals:Negotiation \\(late\\)\\, final\\\\)");
    expect(written(cond("Stage", "equal", ["a,b", "c)"]))).toBe("(Stage:in:a\\,b,c\\))");
    // Colons need no escape: a value runs to the closing parenthesis.
    expect(written(cond("Stage", "equal", "Phase: 2"))).toBe("(Stage:equals:Phase: 2)");
  });

  it("checks only shapes and values when the fields are not given", () => {
    expect(written(cond("Deal_Name", "equal", "Orbit"), null)).toBe("(Deal_Name:equals:Orbit)");
    expect(written(cond("Nope", "equal", "x"), null)).toBe("(Nope:equals:x)");
    expect(reason(cond("Deal_Name", "contains", "Orbit"), null)).toBe("comparator_not_searchable");
    expect(reason(cond("Amount", "equal", ""), null)).toBe("value_not_expressible");
  });

  it("says what Locked__s says", () => {
    expect(lockedCriteria()).toBe("(Locked__s:equals:true)");
    expect(parseSearchCriteria(lockedCriteria())).toEqual({ ok: true, tree: { kind: "condition", field: "Locked__s", operator: "equals", values: ["true"] } });
  });
});

describe("toSearchCriteria: what cannot be written", () => {
  const ten = Array.from({ length: 10 }, (_, i) => cond("Amount", "greater_than", i));

  it.each<[string, unknown, SearchCriteriaProblem]>([
    ["not an object", "Stage = Closed", "not_criteria"],
    ["null", null, "not_criteria"],
    ["a condition without a value", { comparator: "equal", field: { api_name: "Stage" } }, "not_criteria"],
    ["a condition with keys the grammar cannot carry", { ...cond("Stage", "equal", "A"), type: "field" }, "not_criteria"],
    ["a group with another operator", group("XOR", cond("Stage", "equal", "A")), "not_criteria"],
    ["a group without a list", { group_operator: "AND", group: cond("Stage", "equal", "A") }, "not_criteria"],
    ["a comparator that is not a string", { comparator: 1, field: { api_name: "Stage" }, value: "A" }, "not_criteria"],
    ["an empty group", group("AND"), "empty_group"],
    ["a field named by id only", { comparator: "equal", field: { id: "5725767000000103001" }, value: "A" }, "no_field_name"],
    ["a field name the grammar cannot carry", cond("Sta:ge", "equal", "A"), "no_field_name"],
    ["a field the module does not have", cond("Nope", "equal", "A"), "unknown_field"],
    ["a field type the search cannot filter", cond("Parent_Id", "equal", "5725767000000103001"), "field_not_searchable"],
    ["contains", cond("Stage", "contains", "Won"), "comparator_not_searchable"],
    ["not_contains", cond("Deal_Name", "not_contains", "x"), "comparator_not_searchable"],
    ["ends_with", cond("Deal_Name", "ends_with", "x"), "comparator_not_searchable"],
    ["not_between", cond("Amount", "not_between", [1, 2]), "comparator_not_searchable"],
    ["an empty comparator", cond("Stage", "", "A"), "comparator_not_searchable"],
    ["greater_than on a picklist", cond("Stage", "greater_than", "A"), "operator_not_allowed"],
    ["starts_with on a number", cond("Amount", "starts_with", "1"), "operator_not_allowed"],
    ["in on a boolean", cond("Locked__s", "equal", [true, false]), "operator_not_allowed"],
    ["equal on text (the search's equals matches parts)", cond("Deal_Name", "equal", "Orbit"), "inexact_match"],
    ["not_equal on a text area", cond("Description", "not_equal", "x"), "inexact_match"],
    ["not_equal with a list", cond("Stage", "not_equal", ["A", "B"]), "value_not_expressible"],
    ["between with one value", cond("Amount", "between", [1]), "value_not_expressible"],
    ["between without a list", cond("Amount", "between", "1,2"), "value_not_expressible"],
    ["an empty value", cond("Stage", "equal", ""), "value_not_expressible"],
    ["a padded value", cond("Stage", "equal", " Closed Won"), "value_not_expressible"],
    ["a line break", cond("Stage", "equal", "Closed\nWon"), "value_not_expressible"],
    ["null as the value", cond("Stage", "equal", null), "value_not_expressible"],
    ["an object as the value", cond("Stage", "equal", { id: "1" }), "value_not_expressible"],
    ["an empty list", cond("Stage", "equal", []), "value_not_expressible"],
    ["a number in exponent notation", cond("Amount", "greater_than", 1e21), "value_not_expressible"],
    ["a number beyond exact integers", cond("Amount", "greater_than", 2 ** 60), "value_not_expressible"],
    ["not a number for a currency", cond("Amount", "greater_than", "lots"), "value_not_expressible"],
    ["a date in another format", cond("Closing_Date", "less_than", "01-01-2025"), "value_not_expressible"],
    ["a date-time without offset", cond("Created_Time", "less_than", "2025-01-01T10:00:00"), "value_not_expressible"],
    ["a boolean that is not true or false", cond("Locked__s", "equal", "yes"), "value_not_expressible"],
    ["a user named, not by id", cond("Owner", "equal", "Sam Standard"), "value_not_expressible"],
    ["a user id that is a number", cond("Owner", "equal", 5725767000000101000), "value_not_expressible"],
    ["more than 100 values", cond("Stage", "equal", Array.from({ length: 101 }, (_, i) => `S${i}`)), "too_many_values"],
    ["more than 10 conditions", group("AND", ...ten, cond("Stage", "equal", "A")), "too_many_conditions"],
    ["more than 10 conditions in nested groups", group("OR", group("AND", ...ten.slice(0, 6)), group("AND", ...ten.slice(0, 5))), "too_many_conditions"],
  ])("%s", (_, criteria, expected) => {
    expect(reason(criteria)).toBe(expected);
  });

  it("takes exactly 10 conditions and 100 values", () => {
    expect(toSearchCriteria(group("AND", ...ten), FIELDS).ok).toBe(true);
    expect(toSearchCriteria(cond("Stage", "equal", Array.from({ length: 100 }, (_, i) => `S${i}`)), FIELDS).ok).toBe(true);
  });

  it("refuses a whole rule when one condition cannot be written", () => {
    expect(reason(group("AND", cond("Stage", "equal", "A"), cond("Deal_Name", "ends_with", "x")))).toBe("comparator_not_searchable");
  });
});

// ---------------------------------------------------------------------------
// Property: criteria JSON → string → the sandbox's parser gives back the same tree.

/** Values the grammar carries: any characters but control ones, no padding, not empty. */
const textValue = fc
  .string({ unit: fc.constantFrom("a", "Z", "0", " ", "(", ")", ",", "\\", ":", "é", "/", "-", "'", '"', "&", "%", "+", "日"), minLength: 1, maxLength: 12 })
  .filter((s) => s.trim() === s && s !== "");
const decimal = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 99_999 }).map((n) => `${n}.${n % 100}`));
const date = fc.date({ min: new Date("2000-01-01"), max: new Date("2040-12-31"), noInvalidDate: true });
const dateValue = date.map((d) => d.toISOString().slice(0, 10));
const dateTimeValue = date.map((d) => d.toISOString().replace(/\.\d{3}Z$/, "+05:30"));
const id = fc.bigInt({ min: 10n ** 18n, max: 10n ** 19n - 1n }).map(String);

type Generated = { json: unknown; tree: SearchNode };

function condition(field: string, comparator: string, operator: string, value: unknown): Generated {
  const values = (Array.isArray(value) ? value : [value]).map(String);
  return { json: cond(field, comparator, value), tree: { kind: "condition", field, operator, values } };
}

const scalarComparators = (...extra: string[]) => fc.constantFrom("not_equal", "greater_than", "greater_equal", "less_than", "less_equal", ...extra);
const numberLike = (field: string, value: fc.Arbitrary<unknown>) =>
  fc.oneof(
    fc.tuple(scalarComparators(), value).map(([c, v]) => condition(field, c, c, v)),
    value.map((v) => condition(field, "equal", "equals", v)),
    fc.tuple(value, value).map(([a, b]) => condition(field, "between", "between", [a, b])),
    fc.array(value, { minLength: 1, maxLength: 4 }).map((vs) => condition(field, "equal", "in", vs)),
  );

const conditions: fc.Arbitrary<Generated> = fc.oneof(
  textValue.map((v) => condition("Stage", "equal", "equals", v)),
  textValue.map((v) => condition("Stage", "not_equal", "not_equal", v)),
  fc.array(textValue, { minLength: 1, maxLength: 5 }).map((vs) => condition("Stage", "equal", "in", vs)),
  numberLike("Amount", decimal),
  numberLike("Closing_Date", dateValue),
  numberLike("Created_Time", dateTimeValue),
  fc.tuple(fc.constantFrom("equal", "not_equal"), fc.constantFrom<unknown>(true, false, "true", "false")).map(([c, v]) =>
    condition("Locked__s", c, c === "equal" ? "equals" : "not_equal", v),
  ),
  fc.tuple(fc.constantFrom("equal", "not_equal"), id).map(([c, v]) => condition("Owner", c, c === "equal" ? "equals" : "not_equal", v)),
  textValue.map((v) => condition("Deal_Name", "starts_with", "starts_with", v)),
  textValue.map((v) => condition("Description", "starts_with", "starts_with", v)),
);

const { criteria: generated } = fc.letrec<{ criteria: Generated }>((tie) => ({
  criteria: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    conditions,
    fc.tuple(fc.constantFrom("AND", "OR", "and", "or"), fc.array(tie("criteria"), { minLength: 1, maxLength: 4 })).map(([operator, children]) => ({
      json: group(operator, ...children.map((c) => c.json)),
      // A group of one is written as its member; the parser reads it back so.
      tree:
        children.length === 1
          ? (children[0] as Generated).tree
          : { kind: "group" as const, conjunction: operator.toLowerCase() as "and" | "or", children: children.map((c) => c.tree) },
    })),
  ),
}));

describe("toSearchCriteria: round trip through the sandbox's parser (property)", () => {
  it("writes every rule of at most 10 conditions so that the parser reads back the same tree", () => {
    fc.assert(
      fc.property(
        generated.filter((g) => countConditions(g.tree) <= MAX_SEARCH_CONDITIONS),
        ({ json, tree }) => {
          const result = toSearchCriteria(json, FIELDS);
          expect(result).toMatchObject({ ok: true });
          const parsed = parseSearchCriteria(result.ok ? result.criteria : "");
          expect(parsed).toEqual({ ok: true, tree });
        },
      ),
      { numRuns: 500 },
    );
  });

  it("refuses every rule of more than 10 conditions", () => {
    fc.assert(
      fc.property(
        generated.filter((g) => countConditions(g.tree) > MAX_SEARCH_CONDITIONS),
        ({ json }) => {
          expect(toSearchCriteria(json, FIELDS)).toEqual({ ok: false, reason: "too_many_conditions" });
        },
      ),
      { numRuns: 50 },
    );
  });

  it("never throws on any JSON, and whatever it writes parses, within the limit", () => {
    const anyCriteria = fc.oneof(
      fc.jsonValue(),
      generated.map((g) => g.json),
      fc.record({ comparator: fc.string(), field: fc.record({ api_name: fc.string() }), value: fc.jsonValue() }),
    );
    fc.assert(
      fc.property(anyCriteria, fc.boolean(), (json, withFields) => {
        const result = toSearchCriteria(json, withFields ? FIELDS : undefined);
        if (!result.ok) return;
        const parsed = parseSearchCriteria(result.criteria);
        expect(parsed.ok).toBe(true);
        expect(parsed.ok && countConditions(parsed.tree)).toBeLessThanOrEqual(MAX_SEARCH_CONDITIONS);
      }),
      { numRuns: 500 },
    );
  });
});
