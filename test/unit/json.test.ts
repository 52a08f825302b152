import { describe, expect, it } from "vitest";
import { parseJsonKeepingIds } from "../../widget-src/crm/json";

describe("parseJsonKeepingIds", () => {
  it("quotes integers too long for a double", () => {
    expect(parseJsonKeepingIds('{"id":5725767000000123457,"n":[1234567890123456789]}')).toEqual({
      id: "5725767000000123457",
      n: ["1234567890123456789"],
    });
  });

  it("leaves ordinary numbers, decimals and strings alone", () => {
    expect(parseJsonKeepingIds('{"count":10,"amount":-12.5,"big":1.5e300,"text":"x 1234567890123456789 y"}')).toEqual({
      count: 10,
      amount: -12.5,
      big: 1.5e300,
      text: "x 1234567890123456789 y",
    });
  });

  it("copes with escaped quotes inside strings", () => {
    expect(parseJsonKeepingIds('{"a":"say \\"1234567890123456789\\"","b":1234567890123456789}')).toEqual({
      a: 'say "1234567890123456789"',
      b: "1234567890123456789",
    });
  });

  it("still throws on text that is not JSON", () => {
    expect(() => parseJsonKeepingIds("<html>")).toThrow();
  });
});
