import { describe, expect, it } from "vitest";
import type { Layout } from "../../widget-src/api/layouts";
import type { UserTypeDetail } from "../../widget-src/api/portals";
import { typeErrorPath } from "../../widget-src/features/portals/type-editor-model";
import {
  canBePersonality,
  createBody,
  draftFromDetail,
  isRequiredModule,
  newModule,
  problemsAt,
  requiresLayout,
  updateBody,
  validateType,
  type TypeDraft,
} from "../../widget-src/features/portals/type-form";

const CONTACTS = "5725767000000000103";
const NOTES = "5725767000000000120";
const DEALS = "5725767000000000104";
const LAYOUT = "5725767000000124001";
const LAST_NAME = "5725767000000002001";
const TITLE = "5725767000000002002";

const layouts = new Map<string, Layout[]>([
  [
    CONTACTS,
    [
      {
        id: LAYOUT,
        name: "Standard",
        fields: [
          { id: LAST_NAME, apiName: "Last_Name", label: "Last Name", required: true, dataType: "text" },
          { id: TITLE, apiName: "Title", label: "Title", required: false, dataType: "text" },
        ],
      },
    ],
  ],
]);

const valid = (): TypeDraft => ({
  name: "Resellers",
  personalityModule: "Contacts",
  active: true,
  modules: [{ ...newModule(CONTACTS, "Contacts"), layoutIds: [LAYOUT] }, newModule(NOTES, "Notes")],
});
const context = { otherNames: ["Customer", "Partner"], otherCount: 2, layouts };
const codes = (draft: TypeDraft, ctx = context) => validateType(draft, ctx).map((problem) => `${problem.path}:${problem.code}`);

describe("user type checks before sending", () => {
  it("accepts a complete type", () => {
    expect(codes(valid())).toEqual([]);
  });

  it("needs a unique name and at most 5 types", () => {
    expect(codes({ ...valid(), name: "  " })).toEqual(["name:nameRequired"]);
    expect(codes({ ...valid(), name: " customer " })).toEqual(["name:duplicateName"]);
    expect(codes(valid(), { ...context, otherCount: 5 })).toEqual(["name:tooManyTypes"]);
  });

  it("needs the personality module and Notes among the modules", () => {
    expect(codes({ ...valid(), personalityModule: "" })).toEqual(["personalityModule:personalityRequired"]);
    expect(codes({ ...valid(), modules: [newModule(NOTES, "Notes")] })).toEqual(["modules:personalityMissing"]);
    expect(codes({ ...valid(), modules: valid().modules.slice(0, 1) })).toEqual(["modules:notesMissing"]);
  });

  it("needs a layout for a private module, and mandatory fields cannot be read-only", () => {
    const noLayout = valid();
    noLayout.modules.push(newModule(DEALS, "Deals"));
    expect(codes(noLayout)).toEqual([`modules.${DEALS}.layout:layoutRequired`]);
    const readOnly = valid();
    readOnly.modules[0] = { ...readOnly.modules[0]!, readOnlyFieldIds: [LAST_NAME, TITLE] };
    expect(codes(readOnly)).toEqual([`modules.${CONTACTS}.fields:mandatoryReadOnly`]);
  });
});

describe("what the form marks before sending", () => {
  it("requires a layout of a private module, which a module is when first added (Notes excepted)", () => {
    expect(requiresLayout(newModule(CONTACTS, "Contacts"))).toBe(true);
    expect(requiresLayout(newModule(DEALS, "Deals"))).toBe(true);
    expect(requiresLayout(newModule(NOTES, "Notes"))).toBe(false);
    expect(requiresLayout({ ...newModule(DEALS, "Deals"), sharedType: "public" })).toBe(false);
    // The mark and the check agree: a required layout left empty is the problem the check reports.
    const draft = valid();
    draft.modules.push(newModule(DEALS, "Deals"));
    const flagged = draft.modules.filter((module) => requiresLayout(module) && module.layoutIds.length === 0).map((module) => `modules.${module.moduleId}.layout`);
    expect(validateType(draft, context).map((problem) => problem.path)).toEqual(flagged);
  });

  it("keeps the module the users come from and Notes in every type", () => {
    const draft = valid();
    expect(draft.modules.map((module) => isRequiredModule(module, draft))).toEqual([true, true]);
    expect(isRequiredModule(newModule(DEALS, "Deals"), draft)).toBe(false);
    expect(isRequiredModule(newModule(CONTACTS, "Contacts"), { ...draft, personalityModule: "Accounts" })).toBe(false);
  });

  it("offers Contacts, Accounts and custom modules as the users' module", () => {
    expect(canBePersonality({ apiName: "Contacts", generatedType: "default" })).toBe(true);
    expect(canBePersonality({ apiName: "Accounts", generatedType: "default" })).toBe(true);
    expect(canBePersonality({ apiName: "Widgets__c", generatedType: "custom" })).toBe(true);
    expect(canBePersonality({ apiName: "Deals", generatedType: "default" })).toBe(false);
    expect(canBePersonality({ apiName: "Notes", generatedType: "default" })).toBe(false);
  });

  it("finds the problems at one place of the form", () => {
    const draft = { ...valid(), name: "" };
    draft.modules.push(newModule(DEALS, "Deals"));
    const problems = validateType(draft, context);
    expect(problemsAt(problems, "name").map((problem) => problem.code)).toEqual(["nameRequired"]);
    expect(problemsAt(problems, `modules.${DEALS}.layout`).map((problem) => problem.code)).toEqual(["layoutRequired"]);
    expect(problemsAt(problems, `modules.${CONTACTS}.layout`)).toEqual([]);
  });
});

describe("user type bodies", () => {
  it("creates with every module, view always allowed", () => {
    const body = createBody(valid());
    expect(body).toMatchObject({ name: "Resellers", personality_module: { api_name: "Contacts" }, active: true });
    expect((body.modules as Record<string, unknown>[])[0]).toEqual({
      id: CONTACTS,
      shared_type: "private",
      layouts: [{ id: LAYOUT }],
      views: null,
      filters: null,
      permissions: { view: true, edit: false, create: false },
      fields: [],
    });
  });

  it("updates only what changed, and un-marks read-only fields with _delete", () => {
    const detail: UserTypeDetail = {
      id: "5725767000000125001",
      name: "Resellers",
      personalityModule: { apiName: "Contacts", label: "Contacts" },
      active: true,
      isDefault: false,
      users: 0,
      modules: [{ ...newModule(CONTACTS, "Contacts"), layoutIds: [LAYOUT], readOnlyFieldIds: [TITLE] }, newModule(NOTES, "Notes")],
    };
    const draft = draftFromDetail(detail);
    expect(updateBody(detail, draft)).toBeUndefined();
    draft.active = false;
    expect(updateBody(detail, draft)).toEqual({ active: false });
    draft.modules[0] = { ...draft.modules[0]!, readOnlyFieldIds: [] };
    expect(updateBody(detail, draft)).toEqual({
      active: false,
      modules: [
        {
          id: CONTACTS,
          shared_type: "private",
          layouts: [{ id: LAYOUT }],
          views: null,
          filters: null,
          permissions: { view: true, edit: false, create: false },
          fields: [{ id: TITLE, _delete: true }],
        },
      ],
    });
  });

  it("places a server refusal on the module it names", () => {
    const error = { code: "DEPENDENT_FIELD_MISSING", message: "", details: { json_path: "$.user_type[0].modules[1].layouts" } };
    expect(typeErrorPath(error, valid(), [NOTES, CONTACTS])).toBe(`modules.${CONTACTS}.layout`);
    expect(typeErrorPath({ code: "DUPLICATE_DATA", message: "", details: { api_name: "name", json_path: "$.user_type[0].name" } }, valid(), [])).toBe("name");
  });
});
