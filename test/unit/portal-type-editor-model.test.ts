import { describe, expect, it } from "vitest";
import type { UserType } from "../../widget-src/api/portals";
import type { CrmError } from "../../widget-src/crm/result";
import { ok } from "../../widget-src/crm/result";
import { TypeEditorModel, refusalAt, typeErrorPath } from "../../widget-src/features/portals/type-editor-model";
import { emptyTypeDraft, newModule, problemsAt, type TypeDraft } from "../../widget-src/features/portals/type-form";
import {
  FIELD,
  LAYOUT,
  MOD,
  PORTAL,
  TYPES_PATH,
  TYPE_ID,
  VIEW,
  rawModules,
  refusal,
  settle,
  typeCrm,
  writeSuccess,
  type TypeCrmOptions,
} from "../support/portal-type-fixtures";

const OTHER: UserType = {
  id: "5725767000000800009",
  name: "Partner",
  personalityModule: { apiName: "Contacts", label: "Contacts" },
  active: true,
  isDefault: true,
  users: 2,
};

function setup(typeId: string | null = null, options: TypeCrmOptions = {}, others: UserType[] = [OTHER]) {
  const crm = typeCrm(options);
  const model = new TypeEditorModel(crm.port, PORTAL, typeId, others);
  return { crm, model };
}

const moduleIds = (model: InstanceType<typeof TypeEditorModel>) => model.draft.value.modules.map((module) => module.moduleId);

/** A new type that passes every check: Contacts with its Standard layout, plus Notes. */
async function validNewType(options: TypeCrmOptions = {}) {
  const ctx = setup(null, options);
  await ctx.model.load();
  ctx.model.setPersonality("Contacts");
  ctx.model.edit((current) => ({
    ...current,
    name: "  Customer  ",
    modules: current.modules.map((module) => (module.apiName === "Contacts" ? { ...module, layoutIds: [LAYOUT.contacts] } : module)),
  }));
  await settle();
  expect(ctx.model.problems.value).toEqual([]);
  return ctx;
}

const error = (details: Record<string, unknown>): CrmError => ({ code: "INVALID_DATA", message: "invalid", details, status: 400 });

describe("portal type editor model: a new type", () => {
  it("starts with Notes added and reads Notes' layouts and views", async () => {
    const { model, crm } = setup();
    expect(model.modules.value.status).toBe("loading");
    expect(model.original.value).toEqual({ status: "ready", value: null });
    await model.load();
    expect(model.modules.value.status).toBe("ready");
    expect(model.draft.value.modules).toEqual([newModule(MOD.notes, "Notes")]);
    expect(model.draft.value.modules[0]?.sharedType).toBe("public");
    await settle();
    expect(crm.metaCalls("/settings/layouts")).toEqual(["Notes"]);
    expect(crm.metaCalls("/settings/custom_views")).toEqual(["Notes"]);
    await settle();
    expect(model.layouts.value.get(MOD.notes)).toMatchObject({ status: "ready", value: [{ id: LAYOUT.notes }] });
    expect(model.views.value.get(MOD.notes)).toEqual({ status: "ready", value: [] });
    // No user type was read: the type is new.
    expect(crm.calls.filter((call) => call.path.startsWith(TYPES_PATH))).toEqual([]);
    expect(crm.unexpected).toEqual([]);
  });

  it("adds nothing when the module list has no Notes", async () => {
    const { model, crm } = setup(null, { modules: ok({ status: 200, body: { modules: [{ id: MOD.contacts, api_name: "Contacts", plural_label: "Contacts" }] } }) });
    await model.load();
    expect(model.draft.value.modules).toEqual([]);
    expect(crm.metaCalls("/settings/layouts")).toEqual([]);
  });

  it("reads the layouts and views of each added module once, with at most 4 reads in flight", async () => {
    const { model, crm } = setup(null, { hold: true });
    await model.load();
    model.setPersonality("Contacts");
    model.addModule(MOD.cases, "Cases");
    model.addModule(MOD.deals, "Deals");
    model.addModule(MOD.tasks, "Tasks");
    model.addModule(MOD.cases, "Cases"); // already there: nothing new
    await settle();
    expect(moduleIds(model)).toEqual([MOD.notes, MOD.contacts, MOD.cases, MOD.deals, MOD.tasks]);
    // 10 reads queued, 4 started.
    expect(crm.inFlight()).toBe(4);
    expect(model.layouts.value.get(MOD.tasks)).toEqual({ status: "loading" });
    for (let round = 0; round < 10; round += 1) {
      crm.releaseOne();
      await settle();
      expect(crm.inFlight()).toBeLessThanOrEqual(4);
    }
    crm.releaseAll();
    await settle();
    expect(crm.maxInFlight()).toBe(4);
    expect(crm.metaCalls("/settings/layouts")).toEqual(["Notes", "Contacts", "Cases", "Deals", "Tasks"]);
    expect(crm.metaCalls("/settings/custom_views")).toEqual(["Notes", "Contacts", "Cases", "Deals", "Tasks"]);
    expect(model.layouts.value.get(MOD.contacts)).toMatchObject({ status: "ready", value: [{ id: LAYOUT.contacts }, { id: LAYOUT.contactsPartner }] });
    expect(model.views.value.get(MOD.cases)).toEqual({ status: "ready", value: [{ id: VIEW.allCases, name: "All Cases" }] });
    expect(crm.unexpected).toEqual([]);
  });

  it("setPersonality sets the module and adds it to the type", async () => {
    const { model, crm } = setup();
    await model.load();
    model.setPersonality("Contacts");
    expect(model.draft.value.personalityModule).toBe("Contacts");
    expect(moduleIds(model)).toEqual([MOD.notes, MOD.contacts]);
    expect(model.draft.value.modules[1]).toEqual(newModule(MOD.contacts, "Contacts"));
    await settle();
    expect(crm.metaCalls("/settings/layouts")).toEqual(["Notes", "Contacts"]);
    // Choosing it again adds it once.
    model.setPersonality("Contacts");
    expect(moduleIds(model)).toEqual([MOD.notes, MOD.contacts]);
  });

  it("a save with problems sends nothing and shows the problems", async () => {
    const { model, crm } = setup();
    await model.load();
    expect(model.showProblems.value).toBe(false);
    expect(await model.save()).toBe(false);
    expect(model.showProblems.value).toBe(true);
    expect(model.problems.value.map((problem) => problem.code)).toEqual(["nameRequired", "personalityRequired"]);
    expect(model.outcome.value).toBeNull();
    expect(crm.writesSent()).toEqual([]);
  });

  it("a save of a name another type has, or a private module without layout, sends nothing", async () => {
    const { model, crm } = setup();
    await model.load();
    model.setPersonality("Contacts");
    model.edit((current) => ({ ...current, name: " partner " }));
    expect(await model.save()).toBe(false);
    expect(model.problems.value).toEqual([
      { path: "name", code: "duplicateName" },
      { path: `modules.${MOD.contacts}.layout`, code: "layoutRequired" },
    ]);
    expect(crm.writesSent()).toEqual([]);
  });

  it("a valid new type is POSTed as {user_type:[body]} to the portal's user types", async () => {
    const { model, crm } = await validNewType();
    expect(await model.save()).toBe(true);
    expect(crm.writesSent()).toHaveLength(1);
    const [write] = crm.writesSent();
    expect(write?.method).toBe("POST");
    expect(write?.path).toBe(`/settings/portals/${PORTAL}/user_type`);
    expect(write?.options.body).toEqual({
      user_type: [
        {
          name: "Customer",
          personality_module: { api_name: "Contacts" },
          active: false,
          modules: [
            { id: MOD.notes, shared_type: "public", layouts: null, views: null, filters: null, permissions: { view: true, edit: false, create: false }, fields: [] },
            {
              id: MOD.contacts,
              shared_type: "private",
              layouts: [{ id: LAYOUT.contacts }],
              views: null,
              filters: null,
              permissions: { view: true, edit: false, create: false },
              fields: [],
            },
          ],
        },
      ],
    });
    expect(model.outcome.value).toEqual({ kind: "saved", name: "Customer" });
    expect(model.busy.value).toBe(false);
  });

  it("a refusal at $.user_type[0].modules[0].layouts fails at the first sent module's layout", async () => {
    const { model } = await validNewType({ writes: [refusal("$.user_type[0].modules[0].layouts")] });
    expect(await model.save()).toBe(false);
    expect(model.outcome.value).toMatchObject({
      kind: "failed",
      error: { code: "DEPENDENT_FIELD_MISSING", details: { json_path: "$.user_type[0].modules[0].layouts" } },
      path: `modules.${MOD.notes}.layout`,
    });
    expect(model.busy.value).toBe(false);
  });

  it("a refusal item inside a 200 answer is a failure too", async () => {
    const item = { code: "INVALID_DATA", status: "error", message: "invalid data", details: { json_path: "$.user_type[0].modules[1].fields[0].id" } };
    const { model } = await validNewType({ writes: [ok({ status: 200, body: { user_type: [item] } })] });
    expect(await model.save()).toBe(false);
    expect(model.outcome.value).toMatchObject({ kind: "failed", error: { code: "INVALID_DATA" }, path: `modules.${MOD.contacts}.fields` });
  });

  it("a double save sends once", async () => {
    let answer: (value: ReturnType<typeof writeSuccess>) => void = () => undefined;
    const pending = new Promise<ReturnType<typeof writeSuccess>>((resolve) => (answer = resolve));
    const { model, crm } = await validNewType({ writes: [() => pending] });
    const first = model.save();
    expect(model.busy.value).toBe(true);
    const second = model.save();
    expect(await second).toBe(false);
    answer(writeSuccess());
    expect(await first).toBe(true);
    expect(crm.writesSent()).toHaveLength(1);
    expect(model.outcome.value).toEqual({ kind: "saved", name: "Customer" });
  });

  it("ignores edits while a save is on its way", async () => {
    let answer: (value: ReturnType<typeof writeSuccess>) => void = () => undefined;
    const pending = new Promise<ReturnType<typeof writeSuccess>>((resolve) => (answer = resolve));
    const { model } = await validNewType({ writes: [() => pending] });
    const saving = model.save();
    model.edit((current) => ({ ...current, name: "Changed" }));
    expect(model.draft.value.name).toBe("  Customer  ");
    answer(writeSuccess());
    await saving;
  });

  it("any edit clears the last outcome", async () => {
    const { model } = await validNewType({ writes: [refusal("$.user_type[0].name", "DUPLICATE_DATA")] });
    await model.save();
    expect(model.outcome.value).toMatchObject({ kind: "failed", path: "name" });
    model.edit((current) => ({ ...current, name: "Customer 2" }));
    expect(model.outcome.value).toBeNull();
  });
});

describe("portal type editor model: the cards and marks a view shows", () => {
  const cardOf = (model: InstanceType<typeof TypeEditorModel>, apiName: string) => {
    const found = model.cards.value.find((card) => card.module.apiName === apiName);
    if (!found) throw new Error(`no card for ${apiName}`);
    return found;
  };

  it("marks a private module's layout required before anything is sent, and Notes' not", async () => {
    const { model, crm } = setup();
    await model.load();
    model.setPersonality("Contacts");
    model.addModule(MOD.cases, "Cases");
    await settle();
    expect(model.cards.value.map((card) => [card.module.apiName, card.layoutRequired])).toEqual([
      ["Notes", false],
      ["Contacts", true],
      ["Cases", true],
    ]);
    // Marked, not complained about: the problems show only once a save is tried.
    expect(model.problems.value.map((problem) => problem.code)).toEqual(["nameRequired", "layoutRequired", "layoutRequired"]);
    expect(model.shownProblems.value).toEqual([]);
    expect(crm.writesSent()).toEqual([]);
    expect(await model.save()).toBe(false);
    expect(problemsAt(model.shownProblems.value, `modules.${MOD.contacts}.layout`).map((problem) => problem.code)).toEqual(["layoutRequired"]);
    expect(problemsAt(model.shownProblems.value, `modules.${MOD.notes}.layout`)).toEqual([]);
  });

  it("names each card after its module, keeps the required ones, and lets a new optional one go", async () => {
    const modules = ok({ status: 200, body: rawModules([{ id: MOD.custom, api_name: "Widgets__c", plural_label: "Widgets", generated_type: "custom" }]) });
    const { model } = setup(null, { modules });
    await model.load();
    model.setPersonality("Contacts");
    model.addModule(MOD.custom, "Widgets__c");
    expect(model.cards.value.map((card) => [card.label, card.required, card.removable])).toEqual([
      ["Notes", true, false],
      ["Contacts", true, false],
      ["Widgets", false, true],
    ]);
    model.removeModule(MOD.contacts);
    model.removeModule(MOD.notes);
    expect(moduleIds(model)).toEqual([MOD.notes, MOD.contacts, MOD.custom]);
    model.removeModule(MOD.custom);
    expect(moduleIds(model)).toEqual([MOD.notes, MOD.contacts]);
  });

  it("keeps the modules an existing type was saved with", async () => {
    const { model } = setup(TYPE_ID);
    await model.load();
    expect(model.cards.value.map((card) => [card.module.apiName, card.removable])).toEqual([
      ["Contacts", false],
      ["Notes", false],
      ["Cases", false],
    ]);
    model.removeModule(MOD.cases);
    expect(moduleIds(model)).toEqual([MOD.contacts, MOD.notes, MOD.cases]);
    model.addModule(MOD.deals, "Deals");
    expect(cardOf(model, "Deals").removable).toBe(true);
  });

  it("offers the chosen layout's fields once each, its lookups to filter on, and says when some are mandatory", async () => {
    const { model } = setup();
    await model.load();
    model.setPersonality("Contacts");
    await settle();
    expect(cardOf(model, "Contacts").fields).toEqual([]);
    model.setLayout(MOD.contacts, LAYOUT.contacts);
    const contacts = cardOf(model, "Contacts");
    expect(contacts.fields.map((field) => field.id)).toEqual([FIELD.lastName, FIELD.email, FIELD.phone, FIELD.account, FIELD.vendor]);
    expect(contacts.lookups.map((field) => field.id)).toEqual([FIELD.account, FIELD.vendor]);
    expect(contacts.hasMandatory).toBe(true);
    model.setReadOnly(MOD.contacts, FIELD.phone, true);
    model.setReadOnly(MOD.contacts, FIELD.account, true);
    model.setReadOnly(MOD.contacts, FIELD.phone, false);
    expect(cardOf(model, "Contacts").module.readOnlyFieldIds).toEqual([FIELD.account]);
    // Another layout has other fields: the read-only choices go with the old one.
    model.setLayout(MOD.contacts, LAYOUT.contactsPartner);
    expect(cardOf(model, "Contacts").module).toMatchObject({ layoutIds: [LAYOUT.contactsPartner], readOnlyFieldIds: [] });
    expect(cardOf(model, "Contacts").hasMandatory).toBe(false);
  });

  it("is settled once every card's layouts and views are read", async () => {
    const { model, crm } = setup(null, { hold: true });
    expect(model.settled.value).toBe(false);
    await model.load();
    await settle();
    expect(model.settled.value).toBe(false);
    crm.releaseAll();
    await settle();
    expect(model.settled.value).toBe(true);
    model.setPersonality("Contacts");
    expect(model.settled.value).toBe(false);
    await settle();
    crm.releaseAll();
    await settle();
    expect(model.settled.value).toBe(true);
  });

  it("offers the personality choices and the modules that can still be added", async () => {
    const { model } = setup();
    await model.load();
    expect(model.personalityChoices.value.map((module) => module.apiName)).toEqual(["Contacts", "Accounts"]);
    expect(model.addable.value.map((module) => module.apiName)).toEqual(["Contacts", "Accounts", "Cases", "Deals", "Tasks"]);
    model.setPersonality("Contacts");
    expect(model.addable.value.map((module) => module.apiName)).toEqual(["Accounts", "Cases", "Deals", "Tasks"]);
  });

  it("places a refusal at its field, or at the foot of the form when no field holds it", async () => {
    const { model } = await validNewType({ writes: [refusal("$.user_type[0].modules[1].layouts"), refusal("$.user_type[0].active", "INVALID_DATA")] });
    await model.save();
    expect(refusalAt(model.outcome.value, `modules.${MOD.contacts}`)).toMatchObject({ code: "DEPENDENT_FIELD_MISSING" });
    expect(refusalAt(model.outcome.value, `modules.${MOD.notes}`)).toBeUndefined();
    expect(refusalAt(model.outcome.value, "name")).toBeUndefined();
    expect(model.refusedAtField.value).toBe(true);
    expect(model.generalRefusal.value).toBeUndefined();
    await model.save();
    expect(model.refusedAtField.value).toBe(false);
    expect(model.generalRefusal.value).toMatchObject({ code: "INVALID_DATA" });
  });
});

describe("portal type editor model: editing a type", () => {
  it("loads the type and reads layouts and views of its modules", async () => {
    const { model, crm } = setup(TYPE_ID);
    expect(model.original.value.status).toBe("loading");
    await model.load();
    expect(crm.calls.filter((call) => call.method === "GET" && call.path === `${TYPES_PATH}/${TYPE_ID}`)).toHaveLength(1);
    expect(model.original.value).toMatchObject({ status: "ready", value: { id: TYPE_ID, name: "Customer", users: 3 } });
    expect(model.draft.value).toMatchObject({ name: "Customer", personalityModule: "Contacts", active: true });
    expect(moduleIds(model)).toEqual([MOD.contacts, MOD.notes, MOD.cases]);
    expect(model.draft.value.modules[0]).toMatchObject({ layoutIds: [LAYOUT.contacts], view: { id: VIEW.allContacts, type: "custom_view" }, readOnlyFieldIds: [FIELD.phone] });
    await settle();
    expect(crm.metaCalls("/settings/layouts")).toEqual(["Contacts", "Notes", "Cases"]);
    expect(crm.metaCalls("/settings/custom_views")).toEqual(["Contacts", "Notes", "Cases"]);
    expect(crm.unexpected).toEqual([]);
  });

  it("shows a failed read of the type as an error", async () => {
    const { model } = setup(TYPE_ID, { detail: refusal("$.id", "INVALID_DATA") });
    await model.load();
    expect(model.original.value).toMatchObject({ status: "error", error: { code: "INVALID_DATA" } });
  });

  it("a save with no change sends nothing and says unchanged", async () => {
    const { model, crm } = setup(TYPE_ID);
    await model.load();
    await settle();
    expect(await model.save()).toBe(false);
    expect(model.outcome.value).toEqual({ kind: "unchanged" });
    expect(crm.writesSent()).toEqual([]);
  });

  it("a save PUTs only the changed keys and modules", async () => {
    const { model, crm } = setup(TYPE_ID);
    await model.load();
    await settle();
    model.edit((current) => ({
      ...current,
      name: "Customers",
      modules: current.modules.map((module) => (module.apiName === "Cases" ? { ...module, permissions: { ...module.permissions, edit: true } } : module)),
    }));
    expect(await model.save()).toBe(true);
    const [write] = crm.writesSent();
    expect(crm.writesSent()).toHaveLength(1);
    expect(write?.method).toBe("PUT");
    expect(write?.path).toBe(`${TYPES_PATH}/${TYPE_ID}`);
    expect(write?.options.body).toEqual({
      user_type: [
        {
          name: "Customers",
          modules: [
            {
              id: MOD.cases,
              shared_type: "private",
              layouts: [{ id: LAYOUT.cases }],
              views: { id: VIEW.allCases, type: "custom_view" },
              filters: null,
              permissions: { view: true, edit: true, create: false },
              fields: [],
            },
          ],
        },
      ],
    });
    expect(model.outcome.value).toEqual({ kind: "saved", name: "Customers" });
  });

  it("a refusal of a PUT maps the module index to the modules actually sent", async () => {
    const { model } = setup(TYPE_ID, { writes: [refusal("$.user_type[0].modules[0].layouts")] });
    await model.load();
    await settle();
    model.edit((current) => ({
      ...current,
      modules: current.modules.map((module) => (module.apiName === "Cases" ? { ...module, permissions: { ...module.permissions, create: true } } : module)),
    }));
    expect(await model.save()).toBe(false);
    // Only Cases was sent, so modules[0] is Cases, not Contacts (the first module of the type).
    expect(model.outcome.value).toMatchObject({ kind: "failed", path: `modules.${MOD.cases}.layout` });
  });

  it("does not count the edited type among the others", async () => {
    const self: UserType = { ...OTHER, id: TYPE_ID, name: "Customer", isDefault: false };
    const { model } = setup(TYPE_ID, {}, [self, OTHER, { ...OTHER, id: "5725767000000800010", name: "A" }, { ...OTHER, id: "5725767000000800011", name: "B" }, { ...OTHER, id: "5725767000000800012", name: "C" }]);
    await model.load();
    await settle();
    expect(model.problems.value).toEqual([]);
  });
});

describe("typeErrorPath", () => {
  const draft: TypeDraft = {
    ...emptyTypeDraft(),
    name: "Customer",
    personalityModule: "Contacts",
    modules: [newModule(MOD.notes, "Notes"), newModule(MOD.contacts, "Contacts")],
  };
  const sent = [MOD.notes, MOD.contacts];

  it.each([
    ["$.user_type[0].modules[1].layouts", `modules.${MOD.contacts}.layout`],
    ["$.user_type[0].modules[1].layouts[0].id", `modules.${MOD.contacts}.layout`],
    ["$.user_type[0].modules[0].fields[2].read_only", `modules.${MOD.notes}.fields`],
    ["$.user_type[0].modules[1].views", `modules.${MOD.contacts}`],
    ["$.user_type[0].modules[7]", "modules"],
    ["$.user_type[0].name", "name"],
    ["$.user_type[0].personality_module", "personalityModule"],
    ["$.user_type[0].active", undefined],
  ])("%s → %s", (jsonPath, expected) => {
    expect(typeErrorPath(error({ json_path: jsonPath }), draft, sent)).toBe(expected);
  });

  it("reads details.api_name when there is no json_path", () => {
    expect(typeErrorPath(error({ api_name: "name" }), draft, sent)).toBe("name");
    expect(typeErrorPath(error({}), draft, sent)).toBeUndefined();
  });

  it("sends a module that is no longer in the draft to the module list", () => {
    const without = { ...draft, modules: draft.modules.slice(0, 1) };
    expect(typeErrorPath(error({ json_path: "$.user_type[0].modules[1].layouts" }), without, sent)).toBe("modules");
  });

  it("maps the personality module's api_name to the personality, not the name", () => {
    expect(typeErrorPath(error({ json_path: "$.user_type[0].personality_module.api_name" }), draft, sent)).toBe("personalityModule");
  });
});
