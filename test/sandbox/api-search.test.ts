import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SUPPORTED_COMPARATORS, matches } from "../../sandbox/api/criteria";
import { createMockCrm } from "../../sandbox/api/index";
import type { Criteria } from "../../sandbox/api/model";
import type { MockCrmOptions } from "../../sandbox/api/types";
import { OPERATORS_BY_TYPE } from "../../sandbox/api/search";
import { countConditions, parseSearchCriteria } from "../../sandbox/api/search-grammar";
import { SEED, zid } from "../../sandbox/seed/ids";
import { countRequest, decodeCount } from "../../widget-src/api/record-count";
import { decodeSearchPage, lockedCriteria, searchRequest, type FoundRecord } from "../../widget-src/api/search";
import { SEARCH_OPERATORS_BY_TYPE, toSearchCriteria } from "../../widget-src/api/search-criteria";
import { decodeZrcAnswer } from "../../widget-src/crm/decode";
import type { ApiRequest } from "../../widget-src/crm/transport";
import { harness, type Loose } from "./api-helpers";

const R = SEED.records;
const U = SEED.users;
const V = SEED.views;

/** The deals of the default seed, by their counter (zid(113001) …). */
const deal = (n: number) => zid(113000 + n);

function searcher(options: MockCrmOptions = {}) {
  const h = harness(options);
  const search = (module: string, criteria: string | undefined, extra: Record<string, string> = {}, userId?: string) =>
    h.get(`${module}/search`, { ...(criteria !== undefined ? { criteria } : {}), ...extra }, userId);
  const ids = (module: string, criteria: string) => {
    const res = search(module, criteria);
    if (res.status === 204) return [];
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body.data as Loose[]).map((r) => r.id as string).sort();
  };
  const count = (module: string, query: Record<string, string>, userId?: string) => h.get(`${module}/actions/count`, query, userId);
  return { ...h, search, ids, count };
}

/** The 10,000-record scale seed takes a while to build; the tests that only read it share one. */
let scale: ReturnType<typeof searcher> | undefined;
const scaleSearcher = () => (scale ??= searcher({ lockedRecords: 10_000 }));

const invalidQuery = (res: Loose, details: Record<string, unknown> = {}) => {
  expect(res.status).toBe(400);
  expect(res.body).toMatchObject({ code: "INVALID_QUERY", status: "error", message: expect.any(String), details: { reason: expect.any(String), ...details } });
};

describe("the criteria grammar (parser)", () => {
  it("reads a condition, groups and nesting", () => {
    expect(parseSearchCriteria("(Stage:equals:Closed Won)")).toEqual({
      ok: true,
      tree: { kind: "condition", field: "Stage", operator: "equals", values: ["Closed Won"] },
    });
    const parsed = parseSearchCriteria("((A:equals:1) and ((B:in:x,y)or(C:less_than:3)))");
    expect(parsed).toEqual({
      ok: true,
      tree: {
        kind: "group",
        conjunction: "and",
        children: [
          { kind: "condition", field: "A", operator: "equals", values: ["1"] },
          {
            kind: "group",
            conjunction: "or",
            children: [
              { kind: "condition", field: "B", operator: "in", values: ["x", "y"] },
              { kind: "condition", field: "C", operator: "less_than", values: ["3"] },
            ],
          },
        ],
      },
    });
    expect(parsed.ok && countConditions(parsed.tree)).toBe(3);
  });

  it("takes a bare condition, redundant parentheses and upper-case conjunctions", () => {
    expect(parseSearchCriteria("Campaign_Name:equals:CRM")).toMatchObject({ ok: true, tree: { field: "Campaign_Name", values: ["CRM"] } });
    expect(parseSearchCriteria("((A:equals:1))")).toMatchObject({ ok: true, tree: { kind: "condition", field: "A" } });
    expect(parseSearchCriteria("(A:equals:1)AND(B:equals:2)")).toMatchObject({ ok: true, tree: { kind: "group", conjunction: "and" } });
  });

  it("keeps colons in values and unescapes \\( \\) \\, and \\\\", () => {
    expect(parseSearchCriteria("(Modified_Time:greater_equal:2023-04-19T05:58:06+05:30)")).toMatchObject({
      ok: true,
      tree: { values: ["2023-04-19T05:58:06+05:30"] },
    });
    expect(parseSearchCriteria("(Last_Name:equals:Burns\\,B \\(Jr\\) K\\\\)")).toMatchObject({ ok: true, tree: { values: ["Burns,B (Jr) K\\"] } });
  });

  it.each([
    ["", "empty"],
    ["(A:equals:x", "unclosed condition"],
    ["(A:equals:x)and", "a conjunction without an operand"],
    ["((A:equals:x)and(B:equals:y)or(C:equals:z))", "and with or at one level"],
    ["(A:equals:a(b)", "an unescaped ( in a value"],
    ["(A:equals:K\\)", "a trailing backslash that escapes the closing parenthesis"],
    ["(A:equals:)", "an empty value"],
    ["(A equals x)", "no colons"],
    ["(A:equals:x)(B:equals:y)", "two operands without a conjunction"],
    ["(A:equals:x))", "an extra )"],
  ])("refuses %j (%s)", (text) => {
    expect(parseSearchCriteria(text).ok).toBe(false);
  });
});

describe("GET /{module}/search: operators", () => {
  const s = searcher();

  it("equals, not_equal and in on a picklist match whole values", () => {
    expect(s.ids("Deals", "(Stage:equals:Qualification)")).toEqual([deal(3), deal(6), deal(11)]);
    expect(s.ids("Deals", "(Stage:not_equal:Qualification)")).toHaveLength(9);
    expect(s.ids("Deals", "(Stage:in:Closed Won,Closed Lost)")).toEqual([deal(1), deal(7), deal(8)]);
    expect(s.ids("Deals", "(Stage:equals:Closed)")).toEqual([]);
  });

  it("equals on text matches a part of the value, as the docs say; starts_with a prefix", () => {
    expect(s.ids("Deals", "(Deal_Name:equals:Renewal)")).toEqual([deal(1)]);
    expect(s.ids("Deals", "(Deal_Name:starts_with:Ember)")).toEqual([deal(10)]);
    expect(s.ids("Deals", "(Deal_Name:starts_with:Renewal)")).toEqual([]);
  });

  it("compares numbers: greater_than, greater_equal, less_than, less_equal, between", () => {
    expect(s.ids("Deals", "(Amount:greater_than:54000)")).toEqual([deal(2), deal(4), deal(5)]);
    expect(s.ids("Deals", "(Amount:greater_equal:54000)")).toEqual([deal(2), deal(4), deal(5), deal(12)]);
    expect(s.ids("Deals", "(Amount:less_than:9000)")).toEqual([deal(6)]);
    expect(s.ids("Deals", "(Amount:less_equal:9000)")).toEqual([deal(6), deal(10)]);
    expect(s.ids("Deals", "(Amount:between:9000,18000)")).toEqual([deal(3), deal(9), deal(10)]);
    expect(s.ids("Deals", "(Probability:equals:100)")).toEqual([deal(1), deal(7)]);
  });

  it("compares dates and date-times (the latter as instants, whatever the offset)", () => {
    expect(s.ids("Deals", "(Closing_Date:less_than:2025-02-10)")).toEqual([deal(1), deal(2)]);
    expect(s.ids("Deals", "(Closing_Date:between:2025-02-10,2025-02-11)")).toEqual([deal(3), deal(4)]);
    const late = [deal(10), deal(11), deal(12)];
    expect(s.ids("Deals", "(Created_Time:greater_equal:2025-01-18T09:00:00+00:00)")).toEqual(late);
    expect(s.ids("Deals", "(Created_Time:greater_equal:2025-01-18T10:00:00+01:00)")).toEqual(late);
  });

  it("compares owner and record lookups by id", () => {
    expect(s.ids("Deals", `(Owner:equals:${U.standard})`)).toEqual([R.dealAutoLocked, R.dealUnlocked]);
    expect(s.ids("Deals", `(Owner:in:${U.standard},${U.salesManager})`)).toHaveLength(4);
    expect(s.ids("Deals", `(Account_Name:equals:${R.accountManualLocked})`)).toEqual([deal(1), deal(9)]);
  });

  it("nests and/or groups", () => {
    expect(s.ids("Deals", "((Stage:equals:Closed Won)or((Stage:equals:Qualification)and(Amount:less_than:1000)))")).toEqual([
      deal(1),
      deal(6),
      deal(7),
    ]);
    expect(s.ids("Deals", "((Stage:equals:Qualification) and (Owner:not_equal:" + U.standard + ") and (Amount:greater_than:1000))")).toEqual([deal(11)]);
    expect(s.ids("Deals", "Stage:equals:Closed Lost")).toEqual([deal(8)]);
  });

  it("takes an escaped parenthesis in a value and refuses an unescaped comma where one value belongs", () => {
    const hostile = searcher({ hostile: true });
    expect(hostile.ids("Contacts", "(Title:starts_with:Synthetic portal user \\(XSS)")).toHaveLength(2);
    expect(hostile.search("Deals", "(Deal_Name:starts_with:Orbit\\, Renewal)").status).toBe(204);
    invalidQuery(hostile.search("Deals", "(Deal_Name:starts_with:Orbit, Renewal)"), { api_name: "Deal_Name" });
    invalidQuery(hostile.search("Contacts", "(Title:starts_with:Synthetic portal user (XSS)"));
  });
});

describe("GET /{module}/search: Locked__s", () => {
  it("is the sandbox's lock state, and follows locks and unlocks", () => {
    const s = searcher();
    const locked = [R.dealAutoLocked, R.dealManualLocked, R.dealClosedWon2].sort();
    expect(s.ids("Deals", "(Locked__s:equals:true)")).toEqual(locked);
    expect(s.ids("Deals", "(Locked__s:not_equal:true)")).toHaveLength(9);
    expect(s.ids("Accounts", "(Locked__s:equals:true)")).toEqual([R.accountManualLocked]);

    expect(s.call("DELETE", `Deals/${R.dealManualLocked}/Locking_Information__s/${SEED.locks.dealManualLocked}`).status).toBe(200);
    expect(s.ids("Deals", "(Locked__s:equals:true)")).toEqual([R.dealAutoLocked, R.dealClosedWon2].sort());
    const lock = s.call("POST", `Deals/${R.dealUnlocked}/Locking_Information__s`, { body: { data: [{ Locked_Reason__s: "Review" }] } });
    expect(lock.status).toBe(201);
    expect(s.ids("Deals", "(Locked__s:equals:true)")).toEqual([R.dealAutoLocked, R.dealUnlocked, R.dealClosedWon2].sort());
    expect(s.count("Deals", { criteria: "(Locked__s:equals:true)" }).body).toEqual({ count: 3 });
  });

  it("is not a field where there is no record locking: a module without it, the standard edition", () => {
    invalidQuery(searcher().search("shipx__Shipments", "(Locked__s:equals:true)"), { api_name: "Locked__s" });
    invalidQuery(searcher({ edition: "standard" }).search("Deals", "(Locked__s:equals:true)"), { api_name: "Locked__s" });
  });
});

describe("GET /{module}/search: errors", () => {
  const s = searcher();

  it("an operator the field type does not take", () => {
    invalidQuery(s.search("Deals", "(Stage:greater_than:Closed)"), { api_name: "Stage", operator: "greater_than" });
    invalidQuery(s.search("Deals", "(Locked__s:in:true,false)"), { api_name: "Locked__s", operator: "in" });
    invalidQuery(s.search("Deals", "(Amount:starts_with:1)"), { api_name: "Amount", operator: "starts_with" });
    invalidQuery(s.search("Deals", "(Stage:contains:Closed)"), { api_name: "Stage", operator: "contains" });
  });

  it("an unknown field, and a field type that cannot be searched", () => {
    invalidQuery(s.search("Deals", "(Nope:equals:x)"), { api_name: "Nope" });
    invalidQuery(s.search("Notes", "(Parent_Id:equals:1)"), { api_name: "Parent_Id" });
  });

  it("a value that is not of the field's type", () => {
    invalidQuery(s.search("Deals", "(Amount:equals:lots)"), { api_name: "Amount" });
    invalidQuery(s.search("Deals", "(Closing_Date:equals:02/08/2025)"), { api_name: "Closing_Date" });
    invalidQuery(s.search("Deals", "(Locked__s:equals:yes)"), { api_name: "Locked__s" });
    invalidQuery(s.search("Deals", "(Owner:equals:Sam Standard)"), { api_name: "Owner" });
    invalidQuery(s.search("Deals", "(Amount:between:1)"), { operator: "between" });
  });

  it("more than 10 criteria, or more than 100 values for in", () => {
    const conditions = (n: number) => `(${Array.from({ length: n }, (_, i) => `(Amount:greater_than:${i})`).join("and")})`;
    expect(s.search("Deals", conditions(10)).status).toBe(200);
    invalidQuery(s.search("Deals", conditions(11)));
    const values = (n: number) => Array.from({ length: n }, (_, i) => String(i)).join(",");
    expect(s.search("Deals", `(Amount:in:${values(100)})`).status).toBe(204);
    invalidQuery(s.search("Deals", `(Amount:in:${values(101)})`), { operator: "in" });
  });

  it("a malformed criteria string", () => {
    invalidQuery(s.search("Deals", "((Stage:equals:Closed Won)and(Stage:equals:Qualification)or(Amount:less_than:1))"));
    invalidQuery(s.search("Deals", "(Stage:equals:Closed Won"));
  });

  it("no search parameter: EXPECTED_PARAM_MISSING", () => {
    for (const res of [s.search("Deals", undefined), s.search("Deals", "")]) {
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: "EXPECTED_PARAM_MISSING", status: "error" });
    }
  });

  it("per_page outside 1 to 200, and a bad page", () => {
    for (const per_page of ["201", "0", "x"]) {
      const res = s.search("Deals", "(Stage:equals:Closed Won)", { per_page });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: "INVALID_DATA", details: { param_name: "per_page" } });
    }
    expect(s.search("Deals", "(Stage:equals:Closed Won)", { page: "0" }).body).toMatchObject({ code: "INVALID_DATA", details: { param_name: "page" } });
  });

  it("modules: unknown, and the ones search does not support", () => {
    expect(s.search("Nope", "(Name:equals:x)").body).toMatchObject({ code: "INVALID_MODULE" });
    expect(s.search("Locking_Information__s", "(Name:equals:x)").body).toMatchObject({ code: "NOT_SUPPORTED", status: "error" });
    expect(s.search("Project_Contacts", "(Name:equals:x)").body).toMatchObject({ code: "NOT_SUPPORTED" });
  });

  it("a verb other than GET", () => {
    expect(s.call("POST", "Deals/search", { query: { criteria: "(Stage:equals:Closed Won)" } }).body).toMatchObject({ code: "INVALID_REQUEST_METHOD" });
  });
});

describe("GET /{module}/search: answers and paging", () => {
  it("answers 204 without a body when nothing matches", () => {
    const res = searcher().search("Deals", "(Deal_Name:starts_with:Zzz)");
    expect(res).toEqual({ status: 204 });
  });

  it("gives the fields asked for, and the whole record without fields", () => {
    const s = searcher();
    const slim = s.search("Deals", "(Stage:equals:Closed Lost)", { fields: "Deal_Name,Owner" }).body.data[0];
    expect(Object.keys(slim).filter((k) => !k.startsWith("$")).sort()).toEqual(["Deal_Name", "Owner", "id"]);
    const full = s.search("Deals", "(Stage:equals:Closed Lost)").body.data[0];
    expect(full).toMatchObject({ id: R.dealClosedLost, Deal_Name: "Cedar Onboarding", Stage: "Closed Lost", Locked__s: false });
  });

  it("pages by page and per_page, with info, in id order and without repeats", () => {
    const s = searcher({ lockedRecords: 2400 });
    const criteria = "(Locked__s:equals:true)";
    const total = s.count("Deals", { criteria }).body.count as number;
    expect(total).toBe(603);
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const res = s.search("Deals", criteria, { page: String(page), per_page: "200", fields: "Deal_Name" });
      expect(res.status).toBe(200);
      const { data, info } = res.body;
      expect(info).toMatchObject({ page, per_page: 200, count: data.length, more_records: page < 4 });
      seen.push(...(data as Loose[]).map((r) => r.id as string));
      if (!info.more_records) break;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual([...seen].sort());
    expect(s.search("Deals", criteria, { page: "5" }).status).toBe(204);
    expect(s.search("Deals", criteria, { per_page: "50", page: "13" }).body.info).toMatchObject({ count: 3, more_records: false });
  });

  it("reads at most 2,000 records of one search: LIMIT_REACHED past them", () => {
    const s = scaleSearcher();
    const criteria = "(Locked__s:equals:true)";
    expect(s.count("Deals", { criteria }).body.count).toBeGreaterThan(2000);
    expect(s.search("Deals", criteria, { page: "10", fields: "Deal_Name" }).body.info).toMatchObject({ count: 200, more_records: true });
    expect(s.search("Deals", criteria, { page: "14", per_page: "150", fields: "Deal_Name" }).body.info.count).toBe(50);
    const past = s.search("Deals", criteria, { page: "11" });
    expect(past.status).toBe(400);
    expect(past.body).toMatchObject({ code: "LIMIT_REACHED", status: "error" });
  });
});

describe("GET /{module}/actions/count", () => {
  it("counts the records matching the criteria, or all of them", () => {
    const s = searcher();
    expect(s.count("Deals", { criteria: "(Stage:in:Closed Won,Closed Lost)" })).toEqual({ status: 200, body: { count: 3 } });
    expect(s.count("Deals", {}).body).toEqual({ count: 12 });
    expect(s.count("Deals", { criteria: "(Deal_Name:starts_with:Zzz)" })).toEqual({ status: 200, body: { count: 0 } });
  });

  it("counts a custom view by its criteria (cvid), the acting user's for a My view", () => {
    const s = searcher();
    expect(s.count("Deals", { cvid: V.dealsOpen }).body).toEqual({ count: 9 });
    expect(s.count("Deals", { cvid: V.deals }).body).toEqual({ count: 12 });
    expect(s.count("Deals", { cvid: V.dealsMine }, U.standard).body).toEqual({ count: 2 });
    expect(s.count("Deals", { cvid: V.dealsMine }, U.admin).body).toEqual({ count: 0 });
    expect(s.count("Contacts", { cvid: V.contactsPartner }).body).toEqual({ count: 10 });
  });

  it("refuses cvid with search parameters, a cvid of another module, and bad criteria", () => {
    const s = searcher();
    const both = s.count("Deals", { cvid: V.dealsOpen, criteria: "(Stage:equals:Closed Won)" });
    expect(both.status).toBe(400);
    expect(both.body).toMatchObject({ code: "AMBIGUITY_DURING_PROCESSING", details: { ambiguity_due_to: ["cvid", "criteria"] } });
    expect(s.count("Deals", { cvid: V.contacts }).body).toMatchObject({ code: "INVALID_DATA", details: { param_name: "cvid" } });
    invalidQuery(s.count("Deals", { criteria: "(Stage:less_than:x)" }), { api_name: "Stage" });
    expect(s.count("Locking_Information__s", {}).body).toMatchObject({ code: "NOT_SUPPORTED" });
  });

  it("is not capped at 2,000", () => {
    expect(scaleSearcher().count("Deals", { criteria: "(Locked__s:equals:true)" }).body).toEqual({ count: 2503 });
  });
});

describe("the scale seed (lockedRecords / SANDBOX_LOCKED)", () => {
  const allLocks = (crm: ReturnType<typeof createMockCrm>) => {
    const locks: Loose[] = [];
    for (let page = 1; ; page++) {
      const res = crm.handle({
        method: "GET",
        path: "/crm/v8/Locking_Information__s",
        query: { fields: "Lock_Source__s,Locked_By__s,Locked_Reason__s,Locked_Time__s,Locked_For__s", page: String(page) },
      }) as Loose;
      if (res.status === 204) return locks;
      locks.push(...res.body.data);
      if (!res.body.info.more_records) return locks;
    }
  };

  it("is off by default: the default org keeps its locks", () => {
    expect(allLocks(createMockCrm({ lockedRecords: 0 }))).toEqual(allLocks(createMockCrm()));
  });

  it("adds that many locked records across the modules with locking, manual and automatic, varied", () => {
    const base = allLocks(createMockCrm()).length;
    const crm = createMockCrm({ lockedRecords: 80 });
    const locks = allLocks(crm);
    expect(locks).toHaveLength(base + 80);
    const added = locks.filter((l) => /^Scale /.test(l.Locked_For__s?.name ?? "") || /^(Alex|Bo|Chris|Dana|Eli|Fran|Gale|Hali|Ira|Jo) /.test(l.Locked_For__s?.name ?? ""));
    expect(added).toHaveLength(80);
    const modules = new Set(added.map((l) => l.Locked_For__s.module.api_name));
    expect([...modules].sort()).toEqual(["Accounts", "Contacts", "Deals", "Tasks"]);
    const manual = added.filter((l) => l.Lock_Source__s === "Manual");
    const automatic = added.filter((l) => l.Lock_Source__s === "Automatic");
    expect(manual.length).toBeGreaterThan(10);
    expect(automatic.length).toBeGreaterThan(10);
    expect(new Set(manual.map((l) => l.Locked_By__s?.id)).size).toBeGreaterThan(3);
    expect(new Set(manual.map((l) => l.Locked_Reason__s)).size).toBe(manual.length);
    expect(new Set(added.map((l) => l.Locked_Time__s)).size).toBeGreaterThan(40);
    for (const l of automatic) expect(l).toMatchObject({ Locked_By__s: null, Locked_Reason__s: null });
    // Searches see them as locked, and automatic ones outlive the re-evaluation after a write.
    const count = () => crm.handle({ method: "GET", path: "/crm/v8/Contacts/actions/count", query: { criteria: "(Locked__s:equals:true)" } }).body;
    const before = count();
    crm.handle({ method: "DELETE", path: `/crm/v8/Deals/${R.dealManualLocked}/Locking_Information__s/${SEED.locks.dealManualLocked}`, query: {} });
    expect(count()).toEqual(before);
    crm.reset();
    expect(allLocks(crm)).toHaveLength(base + 80);
  });

  it("refuses a count that is not a whole number", () => {
    expect(() => createMockCrm({ lockedRecords: -1 })).toThrow(/whole number/);
    expect(() => createMockCrm({ lockedRecords: 2.5 })).toThrow(/whole number/);
  });
});

describe("a rule's preview count is what the rule locks (property)", () => {
  it("counts, through the widget's criteria writer, exactly the deals the sandbox's rule evaluation matches", () => {
    const s = searcher();
    const fieldDefs = s.get("settings/fields", { module: "Deals" }).body.fields as Loose[];
    const fields = fieldDefs.map((f) => ({ api_name: f.api_name as string, data_type: f.data_type as string }));
    const deals = s.get("Deals", { fields: "Stage,Amount,Probability,Closing_Date", per_page: "200" }).body.data as Loose[];
    const stage = fc.constantFrom("Qualification", "Closed Won", "Closed Lost", "Negotiation/Review", "Needs Analysis", "Nope");
    const amount = fc.constantFrom("450", "9000", "15000", "18000", "30000", "54000", "125000", "0", "99999");
    const comparator = fc.constantFrom(...SUPPORTED_COMPARATORS);
    const condition = fc.oneof(
      fc.tuple(fc.constantFrom("equal", "not_equal"), stage).map(([c, v]) => ({ comparator: c, field: { api_name: "Stage", id: "1" }, value: v })),
      fc.tuple(comparator, amount).map(([c, v]) => ({ comparator: c, field: { api_name: "Amount", id: "1" }, value: v })),
      fc.tuple(comparator, fc.constantFrom("0", "40", "100")).map(([c, v]) => ({ comparator: c, field: { api_name: "Probability", id: "1" }, value: v })),
      fc.tuple(comparator, fc.constantFrom("2025-02-08", "2025-02-12", "2025-02-20")).map(([c, v]) => ({ comparator: c, field: { api_name: "Closing_Date", id: "1" }, value: v })),
    );
    const { rule } = fc.letrec<{ rule: Criteria }>((tie) => ({
      rule: fc.oneof(
        { depthSize: "small" },
        condition,
        fc.tuple(fc.constantFrom<"AND" | "OR">("AND", "OR"), fc.array(tie("rule"), { minLength: 1, maxLength: 3 })).map(([op, group]) => ({ group_operator: op, group })),
      ),
    }));
    fc.assert(
      fc.property(rule, (criteria) => {
        const written = toSearchCriteria(criteria, fields);
        if (!written.ok) {
          expect(written.reason).toBe("too_many_conditions");
          return;
        }
        const expected = deals.filter((d) => matches(criteria, d, fieldDefs)).length;
        expect(s.count("Deals", { criteria: written.criteria }).body).toEqual({ count: expected });
      }),
      { numRuns: 200 },
    );
  });
});

describe("the widget's search and count calls against the mock", () => {
  it("the widget and the sandbox take the same operators per field type", () => {
    expect(SEARCH_OPERATORS_BY_TYPE).toEqual(OPERATORS_BY_TYPE);
  });

  /** The mock's answer as ZRC hands it to the widget. */
  const send = (crm: ReturnType<typeof createMockCrm>, request: ApiRequest) => {
    const res = crm.handle({ method: request.method, path: `/crm/v8${request.path}`, query: request.query ?? {} });
    return decodeZrcAnswer({ status: res.status, data: res.body === undefined ? "" : JSON.stringify(res.body) });
  };

  it("pages through every locked record of a module with searchRequest and decodeSearchPage", () => {
    const crm = createMockCrm({ lockedRecords: 2400 });
    const found: FoundRecord[] = [];
    for (let page = 1; page < 20; page++) {
      const decoded = decodeSearchPage(send(crm, searchRequest("Deals", lockedCriteria(), page)), "Deals");
      if (!decoded.ok) throw new Error(decoded.error.code);
      found.push(...decoded.value.records);
      if (!decoded.value.moreRecords) break;
    }
    const count = decodeCount(send(crm, countRequest("Deals", lockedCriteria())));
    expect(count).toEqual({ ok: true, value: found.length });
    expect(found).toHaveLength(603);
    expect(found.find((r) => r.id === R.dealManualLocked)).toEqual({ id: R.dealManualLocked, name: "Harbor Expansion", owner: { id: U.carla, name: "Carla Closer" } });
    expect(found.every((r) => r.name !== "" && r.owner !== undefined)).toBe(true);
  });

  it("reads an empty search as an empty page, and a refused module or a page past 2,000 records as the CRM's error", () => {
    const { crm } = scaleSearcher();
    expect(decodeSearchPage(send(crm, searchRequest("Leads", lockedCriteria(), 1)), "Leads")).toEqual({ ok: true, value: { records: [], moreRecords: false } });
    expect(decodeSearchPage(send(crm, searchRequest("shipx__Shipments", lockedCriteria(), 1)), "shipx__Shipments")).toMatchObject({
      ok: false,
      error: { code: "INVALID_QUERY", status: 400, details: { api_name: "Locked__s" } },
    });
    const last = decodeSearchPage(send(crm, searchRequest("Deals", lockedCriteria(), 10)), "Deals");
    expect(last).toMatchObject({ ok: true, value: { moreRecords: true } });
    expect(decodeSearchPage(send(crm, searchRequest("Deals", lockedCriteria(), 11)), "Deals")).toMatchObject({ ok: false, error: { code: "LIMIT_REACHED" } });
  });
});
