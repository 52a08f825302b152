/**
 * Creating or editing one portal user type: the modules it can include, their
 * layouts and views (read as modules are added, at most 4 at a time), the
 * draft, checks before sending, and the save.
 */
import { action, batch, computed, createModel, signal, type Signal } from "@preact/signals";
import { decodeWriteResult } from "../../api/items";
import { decodeLayouts, decodeViews, listLayoutsRequest, listViewsRequest, type CustomView, type Layout, type LayoutField } from "../../api/layouts";
import { decodeModules, listModulesRequest, type ModuleInfo } from "../../api/modules";
import {
  createUserTypeRequest,
  decodeUserTypeDetail,
  getUserTypeRequest,
  updateUserTypeRequest,
  type UserType,
  type UserTypeDetail,
  type UserTypeModule,
} from "../../api/portals";
import { send } from "../../api/send";
import type { CrmPort } from "../../crm/port";
import type { CrmError } from "../../crm/result";
import { LOADING, fromResult, type Load } from "../../ui/load";
import { createLimiter } from "../../lib/limit";
import {
  NOTES,
  canBePersonality,
  createBody,
  draftFromDetail,
  emptyTypeDraft,
  isRequiredModule,
  newModule,
  requiresLayout,
  updateBody,
  validateType,
  type TypeDraft,
  type TypeProblem,
} from "./type-form";

export type TypeSaveOutcome = { kind: "saved"; name: string } | { kind: "unchanged" } | { kind: "failed"; error: CrmError; path: string | undefined };

/** One module of the type as its card shows it. */
export interface ModuleCardState {
  module: UserTypeModule;
  /** The module's name as the CRM shows it (its api name until the module list says). */
  label: string;
  /** The module its users come from, or Notes: every type includes them. */
  required: boolean;
  /** A layout must be chosen (a private module). */
  layoutRequired: boolean;
  /** Added in this editor and not required: it can go again (saved modules stay). */
  removable: boolean;
  layouts: Load<Layout[]>;
  views: Load<CustomView[]>;
  /** The fields of the chosen layout, each once: they can be made read-only. */
  fields: LayoutField[];
  /** Lookup fields among them: records can be limited to those linked to the portal user through one. */
  lookups: LayoutField[];
  /** Some field is mandatory in the layout (and so cannot be read-only). */
  hasMandatory: boolean;
}

/** Which part of the form a server error concerns, from `details.json_path` ($.user_type[0].modules[2].layouts). */
export function typeErrorPath(error: CrmError, draft: TypeDraft, sentModuleIds: string[]): string | undefined {
  const path = typeof error.details.json_path === "string" ? error.details.json_path : typeof error.details.api_name === "string" ? error.details.api_name : "";
  const module = /modules\[(\d+)\]/.exec(path);
  if (module) {
    const moduleId = sentModuleIds[Number(module[1])];
    if (moduleId && draft.modules.some((entry) => entry.moduleId === moduleId)) {
      return /layouts/.test(path) ? `modules.${moduleId}.layout` : /fields/.test(path) ? `modules.${moduleId}.fields` : `modules.${moduleId}`;
    }
    return "modules";
  }
  // "personality_module.api_name" also contains "name": test the module first.
  if (/personality/.test(path)) return "personalityModule";
  if (/(^|\.)name$/.test(path)) return "name";
  return undefined;
}

/**
 * A refusal from the server shown at the field it concerns ("name",
 * "personalityModule", "modules.<id>"…). A plain function of the outcome, so
 * that a view reading `outcome.value` to call it re-renders when it changes.
 */
export function refusalAt(outcome: TypeSaveOutcome | null, path: string): CrmError | undefined {
  return outcome?.kind === "failed" && outcome.path !== undefined && outcome.path.startsWith(path) ? outcome.error : undefined;
}

export const TypeEditorModel = createModel((port: CrmPort, portal: string, typeId: string | null, others: UserType[]) => {
  const modules = signal<Load<ModuleInfo[]>>(LOADING);
  const original = signal<Load<UserTypeDetail | null>>(typeId ? LOADING : { status: "ready", value: null });
  const draft = signal<TypeDraft>(emptyTypeDraft());
  const layouts = signal<ReadonlyMap<string, Load<Layout[]>>>(new Map());
  const views = signal<ReadonlyMap<string, Load<CustomView[]>>>(new Map());
  const showProblems = signal(false);
  const busy = signal(false);
  const outcome = signal<TypeSaveOutcome | null>(null);
  const limit = createLimiter(4);

  const problems = computed(() => {
    const known = new Map([...layouts.value].flatMap(([moduleId, load]) => (load.status === "ready" ? [[moduleId, load.value] as const] : [])));
    const rest = others.filter((type) => type.id !== typeId);
    return validateType(draft.value, { otherNames: rest.map((type) => type.name), otherCount: typeId ? 0 : rest.length, layouts: known });
  });

  const shownProblems = computed<TypeProblem[]>(() => (showProblems.value ? problems.value : []));

  const moduleList = computed(() => (modules.value.status === "ready" ? modules.value.value : []));
  /** The modules whose records can be the portal users (and the one chosen, whatever it is). */
  const personalityChoices = computed(() => moduleList.value.filter((module) => module.apiName === draft.value.personalityModule || canBePersonality(module)));
  /** Modules that can still be added. */
  const addable = computed(() => moduleList.value.filter((module) => module.id && !draft.value.modules.some((entry) => entry.moduleId === module.id)));

  const cards = computed(() => {
    const current = draft.value;
    const before = original.value.status === "ready" ? original.value.value : null;
    return current.modules.map((module): ModuleCardState => {
      const layoutLoad = layouts.value.get(module.moduleId) ?? LOADING;
      const layoutList = layoutLoad.status === "ready" ? layoutLoad.value : [];
      const fields = layoutList
        .filter((layout) => module.layoutIds.includes(layout.id))
        .flatMap((layout) => layout.fields)
        .filter((field, index, all) => all.findIndex((other) => other.id === field.id) === index);
      const required = isRequiredModule(module, current);
      return {
        module,
        label: moduleList.value.find((entry) => entry.id === module.moduleId)?.label || module.apiName,
        required,
        layoutRequired: requiresLayout(module),
        removable: !required && !before?.modules.some((entry) => entry.moduleId === module.moduleId),
        layouts: layoutLoad,
        views: views.value.get(module.moduleId) ?? LOADING,
        fields,
        lookups: fields.filter((field) => field.dataType === "lookup"),
        hasMandatory: fields.some((field) => field.required),
      };
    });
  });

  /** Nothing is loading or being sent (screenshots and tests wait for it). */
  const settled = computed(
    () =>
      modules.value.status !== "loading" &&
      original.value.status !== "loading" &&
      !busy.value &&
      cards.value.every((card) => card.layouts.status !== "loading" && card.views.status !== "loading"),
  );

  /** A refusal that no field holds: shown at the foot of the form. */
  const generalRefusal = computed(() => {
    const current = outcome.value;
    return current?.kind === "failed" && (current.path === undefined || current.path === "modules") ? current.error : undefined;
  });
  /** A refusal shown at a field: the foot of the form points there. */
  const refusedAtField = computed(() => {
    const current = outcome.value;
    return current?.kind === "failed" && current.path !== undefined && current.path !== "modules";
  });

  const put = <T,>(target: Signal<ReadonlyMap<string, Load<T>>>, moduleId: string, value: Load<T>) => {
    const next = new Map(target.peek());
    next.set(moduleId, value);
    target.value = next;
  };

  const readModuleMeta = (moduleId: string, apiName: string) => {
    if (layouts.peek().has(moduleId)) return;
    put(layouts, moduleId, LOADING);
    put(views, moduleId, LOADING);
    void limit(() => send(port, listLayoutsRequest(apiName))).then((answer) => put(layouts, moduleId, fromResult(decodeLayouts(answer))));
    void limit(() => send(port, listViewsRequest(apiName))).then((answer) => put(views, moduleId, fromResult(decodeViews(answer))));
  };

  const load = action(async () => {
    const [moduleList, detail] = await Promise.all([
      send(port, listModulesRequest()).then(decodeModules),
      typeId ? send(port, getUserTypeRequest(portal, typeId)).then(decodeUserTypeDetail) : Promise.resolve(null),
    ]);
    batch(() => {
      modules.value = fromResult(moduleList);
      if (detail) {
        original.value = detail.ok ? { status: "ready", value: detail.value } : { status: "error", error: detail.error };
        if (detail.ok) draft.value = draftFromDetail(detail.value);
      }
    });
    for (const module of draft.peek().modules) readModuleMeta(module.moduleId, module.apiName);
    // A new type starts with Notes, which every user type must include.
    const notes = moduleList.ok ? moduleList.value.find((module) => module.apiName === NOTES) : undefined;
    if (!typeId && notes) addModule(notes.id, notes.apiName);
  });

  const edit = action((change: (current: TypeDraft) => TypeDraft) => {
    if (busy.peek()) return;
    batch(() => {
      draft.value = change(draft.peek());
      outcome.value = null;
    });
  });

  const addModule = action((moduleId: string, apiName: string) => {
    if (!moduleId || busy.peek() || draft.peek().modules.some((module) => module.moduleId === moduleId)) return;
    edit((current) => ({ ...current, modules: [...current.modules, newModule(moduleId, apiName)] }));
    readModuleMeta(moduleId, apiName);
  });

  /** The personality module is also a module of the type: choosing it adds it. */
  const setPersonality = action((apiName: string) => {
    edit((current) => ({ ...current, personalityModule: apiName }));
    const list = modules.peek();
    const found = list.status === "ready" ? list.value.find((module) => module.apiName === apiName) : undefined;
    if (found) addModule(found.id, found.apiName);
  });

  const updateModule = action((moduleId: string, patch: Partial<UserTypeModule>) =>
    edit((current) => ({ ...current, modules: current.modules.map((entry) => (entry.moduleId === moduleId ? { ...entry, ...patch } : entry)) })),
  );

  /** Another layout has other fields: the read-only ones chosen for the last one go. */
  const setLayout = action((moduleId: string, layoutId: string) => updateModule(moduleId, { layoutIds: layoutId ? [layoutId] : [], readOnlyFieldIds: [] }));

  const setReadOnly = action((moduleId: string, fieldId: string, readOnly: boolean) => {
    const module = draft.peek().modules.find((entry) => entry.moduleId === moduleId);
    if (!module) return;
    const others = module.readOnlyFieldIds.filter((entry) => entry !== fieldId);
    updateModule(moduleId, { readOnlyFieldIds: readOnly ? [...others, fieldId] : others });
  });

  const removeModule = action((moduleId: string) => {
    if (!cards.peek().some((card) => card.module.moduleId === moduleId && card.removable)) return;
    edit((current) => ({ ...current, modules: current.modules.filter((entry) => entry.moduleId !== moduleId) }));
  });

  const save = action(async (): Promise<boolean> => {
    showProblems.value = true;
    if (busy.peek() || problems.peek().length > 0) return false;
    const before = original.peek();
    if (before.status !== "ready") return false;
    const current = draft.peek();
    const body = before.value ? updateBody(before.value, current) : createBody(current);
    if (!body) {
      outcome.value = { kind: "unchanged" };
      return false;
    }
    busy.value = true;
    const sentModuleIds = Array.isArray(body.modules) ? (body.modules as { id: string }[]).map((module) => module.id) : [];
    const request = before.value ? updateUserTypeRequest(portal, before.value.id, body) : createUserTypeRequest(portal, body);
    const result = decodeWriteResult(await send(port, request), "user_type");
    batch(() => {
      busy.value = false;
      outcome.value = result.ok
        ? { kind: "saved", name: current.name.trim() }
        : { kind: "failed", error: result.error, path: typeErrorPath(result.error, current, sentModuleIds) };
    });
    return result.ok;
  });

  return {
    modules,
    original,
    draft,
    layouts,
    views,
    showProblems,
    busy,
    outcome,
    problems,
    shownProblems,
    personalityChoices,
    addable,
    cards,
    settled,
    generalRefusal,
    refusedAtField,
    load,
    edit,
    addModule,
    setPersonality,
    updateModule,
    setLayout,
    setReadOnly,
    removeModule,
    save,
  };
});

export type TypeEditor = InstanceType<typeof TypeEditorModel>;
