/**
 * The record popup's why-locked evaluation (widget-src/features/why-locked)
 * and the mock's rule evaluation (sandbox/api/criteria.ts) are written
 * separately. Wherever the widget gives a definite answer ("matches" or
 * "does not match") for the field types the mock evaluates the same way, the
 * two must agree; the widget may always say "cannot tell" instead.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FieldInfo } from "../../widget-src/api/fields";
import { explainCriteria } from "../../widget-src/features/why-locked/evaluate";
import { matches } from "../../sandbox/api/criteria";
import type { Criteria, CrmRecord, FieldDef } from "../../sandbox/api/model";

const STAGES = ["Qualification", "Negotiation/Review", "Closed Won", "Closed Lost"];

const SANDBOX_FIELDS: FieldDef[] = [
  { api_name: "Stage", data_type: "picklist", values: STAGES },
  { api_name: "Amount", data_type: "currency" },
  { api_name: "Deal_Name", data_type: "text" },
  { api_name: "Closing_Date", data_type: "date" },
].map(({ api_name, data_type, values }, index) => ({
  id: `57257670000009000${String(10 + index)}`,
  api_name,
  field_label: api_name,
  data_type,
  read_only: false,
  system_mandatory: false,
  custom_field: false,
  ...(values
    ? { pick_list_values: values.map((value, i) => ({ id: `5725767000000901${String(100 + i)}`, display_value: value, actual_value: value, sequence_number: i })) }
    : {}),
}));

const WIDGET_FIELDS: FieldInfo[] = SANDBOX_FIELDS.map((field) => ({
  id: field.id,
  apiName: field.api_name,
  label: field.field_label,
  dataType: field.data_type,
  ...(field.pick_list_values ? { picklist: field.pick_list_values.map((v) => ({ value: v.actual_value, label: v.display_value })) } : {}),
}));

const comparator = fc.constantFrom("equal", "not_equal", "greater_than", "less_than", "greater_equal", "less_equal");
const NAMES = ["Orbit Renewal", "orbit renewal", "Beacon", "Atlas"];
const DATES = ["2025-06-30", "2025-07-01", "2025-07-02"];

/** One condition on one of the fields, with a value of that field's kind. */
const condition: fc.Arbitrary<Criteria> = fc.oneof(
  fc.record({ comparator, field: fc.constant({ api_name: "Stage", id: SANDBOX_FIELDS[0]!.id }), value: fc.constantFrom(...STAGES) }),
  fc.record({ comparator, field: fc.constant({ api_name: "Amount", id: SANDBOX_FIELDS[1]!.id }), value: fc.integer({ min: 0, max: 5 }).map((n) => String(n * 25000)) }),
  fc.record({ comparator, field: fc.constant({ api_name: "Deal_Name", id: SANDBOX_FIELDS[2]!.id }), value: fc.constantFrom(...NAMES) }),
  fc.record({ comparator, field: fc.constant({ api_name: "Closing_Date", id: SANDBOX_FIELDS[3]!.id }), value: fc.constantFrom(...DATES) }),
);

const criteria: fc.Arbitrary<Criteria> = fc.letrec<{ node: Criteria }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    condition,
    fc.record({ group_operator: fc.constantFrom("AND" as const, "OR" as const), group: fc.array(tie("node"), { minLength: 1, maxLength: 3 }) }),
  ),
})).node;

const record: fc.Arbitrary<CrmRecord> = fc.record({
  id: fc.constant("5725767000000113001"),
  Stage: fc.option(fc.constantFrom(...STAGES), { nil: null }),
  Amount: fc.option(fc.integer({ min: 0, max: 5 }).map((n) => n * 25000), { nil: null }),
  Deal_Name: fc.option(fc.constantFrom(...NAMES), { nil: null }),
  Closing_Date: fc.option(fc.constantFrom(...DATES), { nil: null }),
});

describe("why-locked evaluation and the mock's", () => {
  it("agree wherever the widget gives a definite answer", () => {
    let definite = 0;
    fc.assert(
      fc.property(criteria, record, (rule, values) => {
        const verdict = explainCriteria(rule, values, WIDGET_FIELDS).verdict;
        if (verdict === "unknown") return;
        definite++;
        expect(verdict === "match", JSON.stringify({ rule, values })).toBe(matches(rule, values, SANDBOX_FIELDS));
      }),
      { numRuns: 2000, seed: 16_003 },
    );
    // The property means little if the widget hardly ever commits to an answer.
    expect(definite).toBeGreaterThan(1000);
  });
});
