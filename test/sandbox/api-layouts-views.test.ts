import { describe, it, expect } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import { harness, ID_RE, type Loose } from "./api-helpers";

const L = SEED.layouts;
const V = SEED.views;

/** Every field of a layout answer, flattened over its sections. */
const fieldsOf = (layout: Loose): Loose[] => layout.sections.flatMap((s: Loose) => s.fields);
const requiredNames = (layout: Loose): string[] => fieldsOf(layout).filter((f) => f.required).map((f) => f.api_name);

describe("GET /settings/layouts", () => {
  it("needs a known module", () => {
    const { get } = harness();
    const missing = get("settings/layouts");
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: "REQUIRED_PARAM_MISSING", details: { param: "module" } });
    const unknown = get("settings/layouts", { module: "Nope" });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: "INVALID_MODULE", details: { param_name: "module" } });
  });

  it("answers the two Contacts layouts with their sections and fields", () => {
    const { get } = harness();
    const res = get("settings/layouts", { module: "Contacts" });
    expect(res.status).toBe(200);
    const layouts = res.body.layouts;
    expect(layouts.map((l: Loose) => [l.id, l.name, l.display_label])).toEqual([
      [L.contacts, "Standard", "Standard"],
      [L.contactsPartner, "Partner portal", "Partner portal"],
    ]);
    for (const l of layouts) expect(l).toMatchObject({ status: "active", visible: true, source: "crm" });
    const standard = layouts[0];
    expect(standard.sections.map((s: Loose) => [s.name, s.display_label, s.sequence_number])).toEqual([
      ["Contact Information", "Contact Information", 1],
      ["Description Information", "Description Information", 2],
    ]);
    expect(standard.sections[1].fields.map((f: Loose) => f.api_name)).toEqual(["Description"]);
    const lastName = fieldsOf(standard).find((f) => f.api_name === "Last_Name");
    expect(lastName).toEqual({
      id: expect.stringMatching(ID_RE),
      api_name: "Last_Name",
      field_label: "Last Name",
      display_label: "Last Name",
      data_type: "text",
      system_mandatory: true,
      required: true,
      read_only: false,
    });
    expect(fieldsOf(standard).find((f) => f.api_name === "Full_Name")?.read_only).toBe(true);
    // The system-set lock flag is in no layout.
    expect(fieldsOf(standard).map((f) => f.api_name)).not.toContain("Locked__s");
  });

  it("marks mandatory fields as required, per layout", () => {
    const { get } = harness();
    const [standard, partner] = get("settings/layouts", { module: "Contacts" }).body.layouts;
    expect(requiredNames(standard)).toEqual(["Last_Name"]);
    // Email is mandatory in the partner layout only (a layout rule, not a system one).
    expect(requiredNames(partner)).toEqual(["Last_Name", "Email"]);
    expect(fieldsOf(partner).find((f) => f.api_name === "Email")).toMatchObject({ required: true, system_mandatory: false });
    expect(fieldsOf(partner).map((f) => f.api_name)).toEqual(["First_Name", "Last_Name", "Email", "Phone", "Account_Name", "Owner"]);
    const only = (module: string) => get("settings/layouts", { module }).body.layouts;
    expect(only("Accounts").map((l: Loose) => l.id)).toEqual([L.accounts]);
    expect(requiredNames(only("Accounts")[0])).toEqual(["Account_Name"]);
    expect(only("Deals").map((l: Loose) => l.id)).toEqual([L.deals]);
    expect(requiredNames(only("Deals")[0])).toEqual(["Deal_Name", "Stage", "Closing_Date"]);
    expect(only("Notes").map((l: Loose) => l.id)).toEqual([L.notes]);
    expect(requiredNames(only("Notes")[0])).toEqual(["Note_Content"]);
    expect(only("Notes")[0].sections).toHaveLength(1);
  });

  it("uses the module's own field ids and unique section ids", () => {
    const { get } = harness();
    const ids = new Set<string>();
    for (const module of ["Contacts", "Accounts", "Deals", "Notes", "Leads", "Tasks", "Projects__c"]) {
      const fieldIds = get("settings/fields", { module }).body.fields.map((f: Loose) => f.id);
      for (const layout of get("settings/layouts", { module }).body.layouts) {
        for (const section of layout.sections) {
          expect(section.id).toMatch(ID_RE);
          expect(ids.has(section.id)).toBe(false);
          ids.add(section.id);
        }
        for (const f of fieldsOf(layout)) expect(fieldIds).toContain(f.id);
      }
    }
  });

  it("answers 204 for a module without layouts", () => {
    const { get } = harness();
    expect(get("settings/layouts", { module: "Locking_Information__s" }).status).toBe(204);
  });
});

describe("GET /settings/custom_views", () => {
  it("needs a known module", () => {
    const { get } = harness();
    expect(get("settings/custom_views").body).toMatchObject({ code: "REQUIRED_PARAM_MISSING", details: { param: "module" } });
    const unknown = get("settings/custom_views", { module: "Nope" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe("INVALID_MODULE");
  });

  it("lists a module's views with paging info", () => {
    const { get } = harness();
    const res = get("settings/custom_views", { module: "Contacts" });
    expect(res.status).toBe(200);
    expect(res.body.info).toEqual({ per_page: 200, count: 3, page: 1, more_records: false });
    expect(res.body.custom_views.map((v: Loose) => v.id)).toEqual([V.contacts, V.contactsMine, V.contactsPartner]);
    expect(res.body.custom_views[0]).toMatchObject({
      id: V.contacts,
      name: "All Contacts",
      display_value: "All Contacts",
      system_name: "ALLVIEWS",
      default: true,
    });
    expect(res.body.custom_views[2]).toMatchObject({ name: "Partner Contacts", system_name: null, default: false });
    const ids = (module: string) => get("settings/custom_views", { module }).body.custom_views.map((v: Loose) => v.id);
    expect(ids("Deals")).toEqual([V.deals, V.dealsMine, V.dealsOpen]);
    expect(ids("Accounts")).toEqual([V.accounts, V.accountsMine]);
    expect(ids("Notes")).toEqual([V.notes, V.notesMine]);
    for (const module of ["Contacts", "Deals", "Accounts", "Notes"]) {
      const views = get("settings/custom_views", { module }).body.custom_views;
      expect(views.filter((v: Loose) => v.default)).toHaveLength(1);
    }
  });

  it("pages and answers 204 past the end or without views", () => {
    const { get } = harness();
    const first = get("settings/custom_views", { module: "Deals", per_page: "2" });
    expect(first.body.info).toEqual({ per_page: 2, count: 2, page: 1, more_records: true });
    const second = get("settings/custom_views", { module: "Deals", per_page: "2", page: "2" });
    expect(second.body.custom_views.map((v: Loose) => v.id)).toEqual([V.dealsOpen]);
    expect(second.body.info.more_records).toBe(false);
    expect(get("settings/custom_views", { module: "Deals", page: "3" }).status).toBe(204);
    expect(get("settings/custom_views", { module: "Locking_Information__s" }).status).toBe(204);
    expect(get("settings/custom_views", { module: "Deals", per_page: "500" }).body.code).toBe("INVALID_DATA");
  });
});

describe("seeded user types and the metadata", () => {
  it("reference layouts and views that their modules serve, and include Notes", () => {
    const { get } = harness();
    expect(get("settings/modules/Notes").body.modules[0]).toMatchObject({ id: SEED.moduleIds.Notes, api_name: "Notes" });
    const types = get(`settings/portals/${SEED.portal.name}/user_type`).body.user_type;
    expect(types).toHaveLength(3);
    const used = { layouts: [] as string[], views: [] as string[] };
    for (const type of types) {
      expect(type.modules.map((m: Loose) => m.api_name)).toContain("Notes");
      for (const m of type.modules) {
        const layoutIds = get("settings/layouts", { module: m.api_name }).body.layouts.map((l: Loose) => l.id);
        for (const l of m.layouts ?? []) {
          expect(layoutIds).toContain(l.id);
          used.layouts.push(l.id);
        }
        if (m.views) {
          expect(get("settings/custom_views", { module: m.api_name }).body.custom_views.map((v: Loose) => v.id)).toContain(m.views.id);
          used.views.push(m.views.id);
        }
      }
    }
    expect(used.layouts.sort()).toEqual([L.contacts, L.deals, L.contactsPartner, L.accounts].sort());
    expect(used.views.sort()).toEqual([V.contacts, V.deals, V.contactsPartner, V.accounts].sort());
  });
});
