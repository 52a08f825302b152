import { describe, expect, it } from "vitest";
import { countRequest, decodeCount } from "../../widget-src/api/record-count";
import { decodeSearchPage, searchRequest } from "../../widget-src/api/search";
import type { RawAnswer } from "../../widget-src/crm/decode";
import { decodeConnectionAnswer, decodeZrcAnswer } from "../../widget-src/crm/decode";
import type { CrmResult } from "../../widget-src/crm/result";

const ID1 = "5725767000000113001";
const ID2 = "5725767000000113002";
const OWNER = "5725767000000101003";

const answer = (body: unknown, status = 200): CrmResult<RawAnswer> => ({ ok: true, value: { status, body } });
const failed: CrmResult<RawAnswer> = { ok: false, error: { code: "INVALID_QUERY", message: "invalid query formed", details: { api_name: "Stage" }, status: 400 } };
const codeOf = (result: CrmResult<unknown>) => (result.ok ? "(success)" : result.error.code);

describe("searchRequest", () => {
  it("asks for one page of the module's matches with the row's fields, 200 a page by default", () => {
    expect(searchRequest("Deals", "(Locked__s:equals:true)", 3)).toEqual({
      method: "GET",
      path: "/Deals/search",
      query: { criteria: "(Locked__s:equals:true)", fields: "Deal_Name,Owner", page: "3", per_page: "200" },
    });
    expect(searchRequest("Projects__c", "(Name:starts_with:A)", 1, 50).query).toMatchObject({ fields: "Name,Owner", per_page: "50" });
  });

  it("passes the criteria as they are (the transport encodes the query) and encodes the module in the path", () => {
    const criteria = "((Deal_Name:starts_with:A\\,B \\(x\\))and(Amount:greater_than:5))";
    const request = searchRequest("My Module", criteria, 1);
    expect(request.path).toBe("/My%20Module/search");
    expect(request.query?.criteria).toBe(criteria);
  });

  it.each([
    [0, 200],
    [1.5, 200],
    [1, 0],
    [1, 201],
    [1, 2.5],
  ])("refuses page %d with per_page %d", (page, perPage) => {
    expect(() => searchRequest("Deals", "(Locked__s:equals:true)", page, perPage)).toThrow();
  });
});

describe("decodeSearchPage", () => {
  it("reads each record's id, name (the module's name field) and owner, and whether more follow", () => {
    const result = decodeSearchPage(
      answer({
        data: [
          { id: ID1, Deal_Name: "Orbit Renewal", Owner: { id: OWNER, name: "Sam Standard", email: "s@example.com" } },
          { id: ID2, Deal_Name: "Harbor" },
        ],
        info: { per_page: 200, count: 2, page: 1, more_records: true },
      }),
      "Deals",
    );
    expect(result).toEqual({
      ok: true,
      value: {
        records: [
          { id: ID1, name: "Orbit Renewal", owner: { id: OWNER, name: "Sam Standard" } },
          { id: ID2, name: "Harbor" },
        ],
        moreRecords: true,
      },
    });
  });

  it("names a record by another name field, or by its id, when the module's own is missing", () => {
    const result = decodeSearchPage(answer({ data: [{ id: ID1, Name: "Other" }, { id: ID2 }], info: { more_records: false } }), "Deals");
    expect(result.ok && result.value.records.map((r) => r.name)).toEqual(["Other", ID2]);
  });

  it("reads 204 (no content) as an empty last page, not as an error", () => {
    for (const empty of [answer(undefined, 204), answer(undefined)]) {
      expect(decodeSearchPage(empty, "Deals")).toEqual({ ok: true, value: { records: [], moreRecords: false } });
    }
    // Through both transports: ZRC's 204 and the connection's empty statusMessage.
    expect(decodeSearchPage(decodeZrcAnswer({ status: 204, data: "" }), "Deals")).toEqual({ ok: true, value: { records: [], moreRecords: false } });
    expect(decodeSearchPage(decodeConnectionAnswer({ code: "SUCCESS", details: { statusMessage: "" } }), "Deals").ok).toBe(true);
  });

  it("hands a failure on unchanged (INVALID_QUERY for a module that refuses the criteria)", () => {
    expect(decodeSearchPage(failed, "Deals")).toBe(failed);
    const viaZrc = decodeSearchPage(
      decodeZrcAnswer({ status: 400, data: { code: "INVALID_QUERY", message: "invalid query formed", status: "error", details: { api_name: "Locked__s" } } }),
      "Deals",
    );
    expect(viaZrc).toMatchObject({ ok: false, error: { code: "INVALID_QUERY", status: 400, details: { api_name: "Locked__s" } } });
  });

  it.each([
    ["no data list", { info: { more_records: false } }],
    ["data is not a list", { data: { id: ID1 }, info: { more_records: false } }],
    ["a record without an id", { data: [{ Deal_Name: "x" }], info: { more_records: false } }],
    ["an id that is a number", { data: [{ id: 5725767000000113001, Deal_Name: "x" }], info: { more_records: false } }],
    ["a record that is not an object", { data: ["x"], info: { more_records: false } }],
    ["records without info", { data: [{ id: ID1, Deal_Name: "x" }] }],
    ["more_records that is not a boolean", { data: [{ id: ID1, Deal_Name: "x" }], info: { more_records: "false" } }],
  ])("finds an answer with %s unreadable", (_, body) => {
    expect(codeOf(decodeSearchPage(answer(body), "Deals"))).toBe("UNREADABLE_RESPONSE");
  });
});

describe("countRequest and decodeCount", () => {
  it("asks for the count of the records matching the criteria", () => {
    expect(countRequest("Deals", "(Stage:equals:Closed Won)")).toEqual({
      method: "GET",
      path: "/Deals/actions/count",
      query: { criteria: "(Stage:equals:Closed Won)" },
    });
  });

  it("reads the count as a number or as a string of digits (Zoho's OpenAPI types it as a string)", () => {
    expect(decodeCount(answer({ count: 694 }))).toEqual({ ok: true, value: 694 });
    expect(decodeCount(answer({ count: "694" }))).toEqual({ ok: true, value: 694 });
    expect(decodeCount(answer({ count: 0 }))).toEqual({ ok: true, value: 0 });
    expect(decodeCount(answer({ count: "0" }))).toEqual({ ok: true, value: 0 });
    expect(decodeCount(decodeZrcAnswer({ status: 200, data: '{"count":"12"}' }))).toEqual({ ok: true, value: 12 });
  });

  it.each([
    ["no body (204)", undefined],
    ["no count", {}],
    ["count null", { count: null }],
    ["a negative count", { count: -1 }],
    ["a fraction", { count: 1.5 }],
    ["a string with other characters", { count: "12a" }],
    ["a padded string", { count: " 12" }],
    ["an empty string", { count: "" }],
    ["exponent notation", { count: "1e3" }],
    ["a count beyond exact integers", { count: "9007199254740993" }],
    ["infinity", { count: Number.POSITIVE_INFINITY }],
    ["a list", { count: [3] }],
    ["a bare number", 3],
  ])("finds %s unreadable, never 0", (_, body) => {
    expect(codeOf(decodeCount(answer(body)))).toBe("UNREADABLE_RESPONSE");
  });

  it("hands a failure on unchanged", () => {
    expect(decodeCount(failed)).toBe(failed);
  });
});
