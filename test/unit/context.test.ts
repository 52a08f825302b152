import { describe, expect, it } from "vitest";
import { normaliseContext } from "../../widget-src/crm/context";

const ID = "5725767000000123457";

describe("PageLoad context", () => {
  it("reads a detail-page button (EntityId array)", () => {
    expect(normaliseContext({ Entity: "Deals", EntityId: [ID], ButtonPosition: "DetailView" })).toEqual({
      module: "Deals",
      recordIds: [ID],
      buttonPosition: "DetailView",
    });
  });

  it("reads a related-list widget (EntityId string)", () => {
    expect(normaliseContext({ Entity: "Leads", EntityId: ID })).toEqual({ module: "Leads", recordIds: [ID] });
  });

  it("reads a list-view button with many ids", () => {
    expect(normaliseContext({ Entity: "Leads", EntityId: [ID, "2"], ButtonPosition: "ListView" }).recordIds).toEqual([ID, "2"]);
  });

  it("gives a web tab no record", () => {
    expect(normaliseContext(undefined)).toEqual({ recordIds: [] });
    expect(normaliseContext({})).toEqual({ recordIds: [] });
  });

  it("drops ids that are not digit strings or lost precision as numbers", () => {
    expect(normaliseContext({ Entity: "Deals", EntityId: [5725767000000123457, 42, "abc", null] }).recordIds).toEqual(["42"]);
  });
});
