import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addCondition,
  addConditionAfter,
  addGroup,
  canonicalJson,
  conditionNumbers,
  conditionsOf,
  criteriaFromJson,
  criteriaKey,
  criteriaToJson,
  emptyCondition,
  nodeAt,
  removeAt,
  sameJson,
  setOperator,
  updateAt,
  withField,
  wrapInGroup,
  type Condition,
} from "../../widget-src/features/lock-settings/criteria";
import type { CriteriaNode } from "../../widget-src/features/lock-settings/types";

const FIELD_ID = "5725767000000002589";
const OTHER_FIELD_ID = "5725767000000002611";

const roundTrip = (json: unknown) => criteriaToJson(criteriaFromJson(json));

function cond(apiName: string, comparator: string, value: unknown): Condition {
  return { kind: "condition", field: { apiName }, comparator, value, extra: {} };
}
function group(operator: "AND" | "OR", children: CriteriaNode[]): CriteriaNode {
  return { kind: "group", operator, children, extra: {} };
}
function hasRaw(node: CriteriaNode): boolean {
  return node.kind === "raw" || (node.kind === "group" && node.children.some(hasRaw));
}
function depthOf(json: unknown): number {
  const children = (json as { group?: unknown[] }).group;
  return Array.isArray(children) ? 1 + Math.max(0, ...children.map(depthOf)) : 0;
}

// ---------------------------------------------------------------- generators

const idArb = fc.bigInt({ min: 1000000000000000000n, max: 9999999999999999999n }).map(String);
/** Extra keys: any text, also "__proto__", but never a key the object's shape depends on. */
const extraKeyArb = (reserved: string[]) =>
  fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("__proto__", "constructor", "display_label", "type")).filter((key) => !reserved.includes(key));
const extrasArb = (reserved: string[]) =>
  fc.uniqueArray(fc.tuple(extraKeyArb(reserved), fc.jsonValue({ maxDepth: 2 })), { maxLength: 3, selector: ([key]) => key }).map((entries) => Object.fromEntries(entries));

const fieldJsonArb = fc
  .record(
    { api_name: fc.oneof(fc.constantFrom("Status", "Amount", "Stage", ""), fc.string({ maxLength: 6 })), id: idArb },
    { requiredKeys: [] },
  )
  .chain((field) => extrasArb(["api_name", "id"]).map((extra) => ({ ...extra, ...field })));

const conditionJsonArb = fc
  .record({
    comparator: fc.oneof(fc.constantFrom("equal", "not_equal", "greater_than", "less_than", ""), fc.string({ maxLength: 6 })),
    field: fieldJsonArb,
    value: fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 2 })),
  })
  .chain((condition) => extrasArb(["comparator", "field", "value", "group", "group_operator"]).map((extra) => ({ ...extra, ...condition })));

/** Well-formed criteria JSON, nested up to `depth` group levels, with odd operator spellings and extra keys. */
function criteriaJsonArb(depth: number): fc.Arbitrary<unknown> {
  if (depth === 0) return conditionJsonArb;
  const groupArb = fc
    .record({
      group_operator: fc.constantFrom("AND", "OR", "and", "or", "And", "oR"),
      group: fc.array(criteriaJsonArb(depth - 1), { maxLength: 3 }),
    })
    .chain((node) => extrasArb(["group", "group_operator"]).map((extra) => ({ ...extra, ...node })));
  return fc.oneof(conditionJsonArb, groupArb);
}
const treeJsonArb = criteriaJsonArb(4);

/** The same JSON with every object's keys in another order. */
function shuffleKeys(json: unknown, seed: number): unknown {
  if (Array.isArray(json)) return json.map((item, index) => shuffleKeys(item, seed + index));
  if (typeof json !== "object" || json === null) return json;
  const entries = Object.entries(json).map(([key, value], index) => [key, shuffleKeys(value, seed + index)] as const);
  const rotated = entries.length > 0 ? [...entries.slice(seed % entries.length), ...entries.slice(0, seed % entries.length)].reverse() : entries;
  return Object.fromEntries(rotated);
}

// ---------------------------------------------------------------- round trip

describe("criteriaFromJson / criteriaToJson", () => {
  it("gives back any JSON value unchanged", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        expect(roundTrip(json)).toEqual(json);
      }),
      { numRuns: 500 },
    );
  });

  it("gives back well-formed criteria trees (depth up to 4, extra keys, odd spellings) unchanged, as editable nodes", () => {
    let deepest = 0;
    fc.assert(
      fc.property(treeJsonArb, (json) => {
        deepest = Math.max(deepest, depthOf(json));
        const node = criteriaFromJson(json);
        expect(hasRaw(node)).toBe(false);
        expect(criteriaToJson(node)).toEqual(json);
        // and the tree itself survives another trip
        expect(criteriaFromJson(criteriaToJson(node))).toEqual(node);
      }),
      { numRuns: 400 },
    );
    expect(deepest).toBe(4);
  });

  it("reads a condition and a group into their fields", () => {
    const json = {
      group_operator: "or",
      group: [
        { comparator: "equal", field: { api_name: "Stage", id: FIELD_ID }, value: "Closed Won" },
        { comparator: "greater_than", field: { id: OTHER_FIELD_ID }, value: "50000", note: "kept" },
      ],
      label: "x",
    };
    expect(criteriaFromJson(json)).toEqual({
      kind: "group",
      operator: "OR",
      children: [
        { kind: "condition", field: { apiName: "Stage", id: FIELD_ID }, comparator: "equal", value: "Closed Won", extra: {} },
        { kind: "condition", field: { id: OTHER_FIELD_ID }, comparator: "greater_than", value: "50000", extra: { note: "kept" } },
      ],
      extra: { label: "x", group_operator: "or" },
    });
    expect(roundTrip(json)).toEqual(json);
  });

  it("keeps unknown keys of the field object", () => {
    const json = { comparator: "equal", field: { api_name: "Status", id: FIELD_ID, display_label: "Status", x: [1] }, value: "Closed" };
    const node = criteriaFromJson(json);
    expect(node.kind).toBe("condition");
    expect(roundTrip(json)).toEqual(json);
  });

  it("keeps keys named __proto__ as ordinary keys", () => {
    const json: unknown = JSON.parse('{"comparator":"equal","field":{"api_name":"A","__proto__":{"p":1}},"value":"1","__proto__":{"q":2}}');
    const back = roundTrip(json);
    expect(Object.keys(back as object).sort()).toEqual(["__proto__", "comparator", "field", "value"]);
    expect(canonicalJson(back)).toBe(canonicalJson(json));
  });

  it.each([
    ["a string", "Status = Closed"],
    ["null", null],
    ["an array", [{ comparator: "equal" }]],
    ["a condition without value", { comparator: "equal", field: { api_name: "A" } }],
    ["a condition whose comparator is not a string", { comparator: 1, field: { api_name: "A" }, value: "x" }],
    ["a field with a numeric id", { comparator: "equal", field: { id: 5725767000000002000 }, value: "x" }],
    ["a field that is a string", { comparator: "equal", field: "Status", value: "x" }],
    ["a group whose group is not an array", { group_operator: "AND", group: {} }],
    ["a group with an unknown operator", { group_operator: "XOR", group: [] }],
    ["a condition carrying a group key", { comparator: "equal", field: { api_name: "A" }, value: "x", group: [] }],
  ])("keeps %s as a raw node", (_, json) => {
    expect(criteriaFromJson(json)).toEqual({ kind: "raw", json });
    expect(roundTrip(json)).toEqual(json);
  });

  it("keeps a raw node inside a group in place", () => {
    const json = { group_operator: "AND", group: [{ comparator: "equal", field: { api_name: "A" }, value: "1" }, "odd", 7] };
    const node = criteriaFromJson(json);
    expect(node.kind === "group" && node.children.map((child) => child.kind)).toEqual(["condition", "raw", "raw"]);
    expect(roundTrip(json)).toEqual(json);
  });
});

// ---------------------------------------------------------------- editing

const sample = group("AND", [cond("Stage", "equal", "Won"), group("OR", [cond("Amount", "greater_than", "10"), cond("Amount", "less_than", "2")]), { kind: "raw", json: "?" }]);

describe("editing helpers", () => {
  it("emptyCondition is a condition with nothing chosen, and stays a condition through JSON", () => {
    const empty = emptyCondition();
    expect(empty).toEqual({ kind: "condition", field: {}, comparator: "", value: "", extra: {} });
    expect(criteriaFromJson(criteriaToJson(empty))).toEqual(empty);
    expect(emptyCondition()).not.toBe(empty);
  });

  it("conditionsOf lists conditions depth first with their paths, skipping raw nodes", () => {
    expect(conditionsOf(sample).map(({ path, condition }) => [path, condition.field.apiName, condition.comparator])).toEqual([
      [[0], "Stage", "equal"],
      [[1, 0], "Amount", "greater_than"],
      [[1, 1], "Amount", "less_than"],
    ]);
    expect(conditionsOf(cond("A", "equal", "1")).map(({ path }) => path)).toEqual([[]]);
    expect(conditionsOf({ kind: "raw", json: {} })).toEqual([]);
  });

  it("updateAt replaces one node and shares the untouched ones", () => {
    const next = updateAt(sample, [1, 1], () => cond("Amount", "less_than", "3"));
    expect(nodeAt(next, [1, 1])).toEqual(cond("Amount", "less_than", "3"));
    expect(nodeAt(sample, [1, 1])).toEqual(cond("Amount", "less_than", "2"));
    expect(nodeAt(next, [0])).toBe(nodeAt(sample, [0]));
    expect(nodeAt(next, [1, 0])).toBe(nodeAt(sample, [1, 0]));
    expect(updateAt(sample, [], () => cond("X", "equal", "1"))).toEqual(cond("X", "equal", "1"));
  });

  it("updateAt leaves the tree as it is for a path that leads nowhere", () => {
    expect(updateAt(sample, [7], () => emptyCondition())).toBe(sample);
    expect(updateAt(sample, [0, 0], () => emptyCondition())).toBe(sample);
  });

  it("removeAt removes the node at a path; removing the root leaves an empty condition", () => {
    const next = removeAt(sample, [1, 0]);
    expect(nodeAt(next, [1])).toEqual(group("OR", [cond("Amount", "less_than", "2")]));
    expect(nodeAt(removeAt(sample, [0]), [0])).toBe(nodeAt(sample, [1]));
    expect(nodeAt(removeAt(sample, [0]), [2])).toBeUndefined();
    expect(removeAt(sample, [])).toEqual(emptyCondition());
    expect(removeAt(sample, [9])).toEqual(sample);
  });

  it("addCondition appends to a group, and turns a single condition into an AND group", () => {
    const next = addCondition(sample, [1]);
    expect(nodeAt(next, [1, 2])).toEqual(emptyCondition());
    expect(conditionsOf(next)).toHaveLength(4);
    const single = cond("Stage", "equal", "Won");
    expect(addCondition(single, [])).toEqual(group("AND", [single, emptyCondition()]));
  });

  it("addConditionAfter puts an empty condition right after the row whose + was pressed, in the same group", () => {
    const afterFirst = addConditionAfter(sample, [0]);
    expect(nodeAt(afterFirst, [1])).toEqual(emptyCondition());
    expect(nodeAt(afterFirst, [2])).toBe(nodeAt(sample, [1]));
    const nested = addConditionAfter(sample, [1, 0]);
    expect(nodeAt(nested, [1])).toEqual(group("OR", [cond("Amount", "greater_than", "10"), emptyCondition(), cond("Amount", "less_than", "2")]));
    // The last row of a group: the new one comes last.
    expect(nodeAt(addConditionAfter(sample, [1, 1]), [1, 2])).toEqual(emptyCondition());
    // A rule with one condition: it becomes an AND group of that condition and the new one.
    const single = cond("Stage", "equal", "Won");
    expect(addConditionAfter(single, [])).toEqual(group("AND", [single, emptyCondition()]));
    // A stale click (a row that is gone) changes nothing.
    expect(addConditionAfter(sample, [5])).toBe(sample);
    expect(addConditionAfter(sample, [0, 3])).toBe(sample);
  });

  it("addGroup appends a nested group with the other operator and one empty condition; not to a condition", () => {
    const next = addGroup(sample, []);
    expect(nodeAt(next, [3])).toEqual(group("OR", [emptyCondition()]));
    expect(nodeAt(addGroup(sample, [1]), [1, 2])).toEqual(group("AND", [emptyCondition()]));
    expect(addGroup(sample, [0])).toBe(sample);
    expect(addGroup(cond("A", "equal", "1"), [])).toEqual(cond("A", "equal", "1"));
  });

  it("conditionNumbers counts conditions 1, 2, … depth first, by path", () => {
    expect([...conditionNumbers(sample)]).toEqual([
      ["0", 1],
      ["1.0", 2],
      ["1.1", 3],
    ]);
    expect([...conditionNumbers(cond("A", "equal", "1"))]).toEqual([["", 1]]);
  });

  it("wrapInGroup puts the node into a new group", () => {
    expect(wrapInGroup(cond("A", "equal", "1"), "OR")).toEqual(group("OR", [cond("A", "equal", "1")]));
  });

  it("setOperator changes a group's operator and drops the old spelling; the same operator keeps the node", () => {
    const read = criteriaFromJson({ group_operator: "and", group: [{ comparator: "equal", field: { api_name: "A" }, value: "1" }] });
    expect(setOperator(read, [], "AND")).toBe(read);
    expect((criteriaToJson(setOperator(read, [], "AND")) as { group_operator: string }).group_operator).toBe("and");
    const changed = setOperator(read, [], "OR");
    expect(criteriaToJson(changed)).toEqual({ group_operator: "OR", group: [{ comparator: "equal", field: { api_name: "A" }, value: "1" }] });
    expect(nodeAt(setOperator(sample, [1], "AND"), [1])).toMatchObject({ operator: "AND" });
    expect(setOperator(sample, [0], "OR")).toBe(sample);
  });

  it("sends the current operator when a stale spelling is left in extra", () => {
    const read = criteriaFromJson({ group_operator: "or", group: [] });
    const edited = read.kind === "group" ? { ...read, operator: "AND" as const } : read;
    expect(criteriaToJson(edited)).toEqual({ group_operator: "AND", group: [] });
  });

  it("withField replaces the field and forgets the old field's unknown keys", () => {
    const read = criteriaFromJson({ comparator: "equal", field: { api_name: "Stage", display_label: "Stage" }, value: "Won", k: 1 }) as Condition;
    expect(criteriaToJson(withField(read, { apiName: "Amount", id: FIELD_ID }))).toEqual({
      comparator: "equal",
      field: { api_name: "Amount", id: FIELD_ID },
      value: "Won",
      k: 1,
    });
  });

  it("never changes the tree it is given", () => {
    fc.assert(
      fc.property(treeJsonArb, fc.array(fc.nat(3), { maxLength: 4 }), fc.constantFrom("AND" as const, "OR" as const), (json, path, operator) => {
        const node = criteriaFromJson(json);
        const before = canonicalJson(node);
        updateAt(node, path, () => emptyCondition());
        removeAt(node, path);
        addCondition(node, path);
        addConditionAfter(node, path);
        addGroup(node, path);
        setOperator(node, path, operator);
        wrapInGroup(node, operator);
        expect(canonicalJson(node)).toBe(before);
      }),
    );
  });
});

// ---------------------------------------------------------------- comparing

describe("criteriaKey", () => {
  it("is the same for the same criteria written with keys in any order", () => {
    fc.assert(
      fc.property(treeJsonArb, fc.nat(50), (json, seed) => {
        const shuffled = shuffleKeys(json, seed);
        expect(criteriaKey(criteriaFromJson(shuffled))).toBe(criteriaKey(criteriaFromJson(json)));
      }),
    );
  });

  it("ignores unknown keys and operator spelling, and compares values as text like the server", () => {
    const a = criteriaFromJson({ group_operator: "AND", group: [{ comparator: "equal", field: { api_name: "Amount" }, value: 5 }] });
    const b = criteriaFromJson({ group: [{ value: "5", field: { api_name: "Amount", id: FIELD_ID, display_label: "Amount" }, comparator: "equal", note: 1 }], group_operator: "and" });
    expect(criteriaKey(a)).toBe(criteriaKey(b));
  });

  it.each([
    ["another value", cond("Stage", "equal", "Lost")],
    ["another comparator", cond("Stage", "not_equal", "Won")],
    ["another field", cond("Status", "equal", "Won")],
    ["a group around it", group("OR", [cond("Stage", "equal", "Won")])],
    ["a raw node", { kind: "raw", json: "Stage = Won" } as CriteriaNode],
  ])("differs for %s", (_, other) => {
    expect(criteriaKey(other)).not.toBe(criteriaKey(cond("Stage", "equal", "Won")));
  });

  it("keeps the order of a group's children", () => {
    const one = group("AND", [cond("A", "equal", "1"), cond("B", "equal", "2")]);
    const two = group("AND", [cond("B", "equal", "2"), cond("A", "equal", "1")]);
    expect(criteriaKey(one)).not.toBe(criteriaKey(two));
    expect(criteriaKey(group("OR", [cond("A", "equal", "1")]))).not.toBe(criteriaKey(group("AND", [cond("A", "equal", "1")])));
  });

  it("tells a field given by id from one given by api_name", () => {
    const byId: CriteriaNode = { kind: "condition", field: { id: FIELD_ID }, comparator: "equal", value: "1", extra: {} };
    expect(criteriaKey(byId)).not.toBe(criteriaKey(cond(FIELD_ID, "equal", "1")));
  });
});

describe("sameJson", () => {
  it("ignores key order but not values", () => {
    expect(sameJson({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: "1" })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
  });
});
