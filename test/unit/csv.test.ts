import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neutralise, toCsv } from "../../widget-src/lib/csv";

/** A minimal RFC 4180 reader, to check what a spreadsheet would see. */
function parse(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const char = csv[i]!;
    if (quoted) {
      if (char === '"' && csv[i + 1] === '"') (field += '"'), i++;
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") row.push(field), (field = "");
    else if (char === "\r" && csv[i + 1] === "\n") row.push(field), rows.push(row), (row = []), (field = ""), i++;
    else field += char;
  }
  return rows;
}

describe("toCsv", () => {
  it("starts with a byte-order mark and ends every line with CRLF", () => {
    const csv = toCsv(["Name"], [["Zoë"], ["日本"]]);
    expect(csv.startsWith("\uFEFFName\r\n")).toBe(true);
    expect(csv).toBe("\uFEFFName\r\nZoë\r\n日本\r\n");
  });

  it("quotes commas, quotes and line breaks, and reads back as written", () => {
    const csv = toCsv(["a", "b"], [['He said "no", twice', "line one\nline two"]]);
    expect(parse(csv.slice(1))).toEqual([["a", "b"], ['He said "no", twice', "line one\nline two"]]);
  });

  it("writes an id as a text formula so its 19 digits survive", () => {
    const csv = toCsv(["Id"], [[{ id: "5725767000000412345" }]]);
    expect(parse(csv.slice(1))[1]).toEqual(['="5725767000000412345"']);
  });

  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])("neutralises %j so it is shown, not run", (value) => {
    expect(parse(toCsv(["v"], [[value]]).slice(1))[1]).toEqual([`'${value}`]);
  });

  it("does not touch ordinary values", () => {
    expect(neutralise("Acme 1-2")).toBe("Acme 1-2");
    expect(neutralise("")).toBe("");
  });

  it("round-trips any text, with only formula starts changed", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        const back = parse(toCsv(["a", "b"], rows).slice(1)).slice(1);
        expect(back).toEqual(rows.map((row) => row.map(neutralise)));
      }),
    );
  });
});
