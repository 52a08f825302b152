/**
 * A portal user type as the form edits it, checked like the server checks it
 * (docs/crm-api.md#user-types) and turned into the POST body or a PUT with only what
 * changed. Pure functions.
 */
import type { Layout } from "../../api/layouts";
import { MAX_USER_TYPES, type UserTypeDetail, type UserTypeModule } from "../../api/portals";

export interface TypeDraft {
  name: string;
  /** api_name of the module whose records are the portal users (Contacts, Accounts…). */
  personalityModule: string;
  active: boolean;
  modules: UserTypeModule[];
}

export type TypeProblemCode =
  | "nameRequired"
  | "duplicateName"
  | "tooManyTypes"
  | "personalityRequired"
  | "personalityMissing"
  | "notesMissing"
  | "layoutRequired"
  | "mandatoryReadOnly";

/** `path`: "name", "personalityModule", "modules", or "modules.<moduleId>.layout" / ".fields". */
export interface TypeProblem {
  path: string;
  code: TypeProblemCode;
  params?: Record<string, string | number>;
}

export const NOTES = "Notes";

export function emptyTypeDraft(): TypeDraft {
  return { name: "", personalityModule: "", active: false, modules: [] };
}

export function draftFromDetail(detail: UserTypeDetail): TypeDraft {
  return {
    name: detail.name,
    personalityModule: detail.personalityModule.apiName,
    active: detail.active,
    modules: detail.modules.map((module) => ({ ...module, layoutIds: [...module.layoutIds], readOnlyFieldIds: [...module.readOnlyFieldIds] })),
  };
}

/** A module as first added: private, view only, no layout chosen yet. */
export function newModule(moduleId: string, apiName: string): UserTypeModule {
  return {
    moduleId,
    apiName,
    sharedType: apiName === NOTES ? "public" : "private",
    layoutIds: [],
    filterIds: [],
    permissions: { view: true, edit: false, create: false },
    readOnlyFieldIds: [],
  };
}

/**
 * A private module shows portal users only their own records, through a
 * layout: it needs one (the server refuses it without). Public ones (Notes)
 * do not. The form marks the layout "(required)" before anything is sent.
 */
export function requiresLayout(module: UserTypeModule): boolean {
  return module.sharedType === "private";
}

/** The modules every user type includes: the one its users come from, and Notes. They cannot be removed. */
export function isRequiredModule(module: UserTypeModule, draft: TypeDraft): boolean {
  return module.apiName === NOTES || module.apiName === draft.personalityModule;
}

/** The modules whose records can be portal users: Contacts, Accounts and custom modules. */
export function canBePersonality(module: { apiName: string; generatedType: string }): boolean {
  return module.apiName === "Contacts" || module.apiName === "Accounts" || module.generatedType === "custom";
}

/** The problems found at one place of the form ("name", "modules.<id>.layout"…). */
export function problemsAt(problems: TypeProblem[], path: string): TypeProblem[] {
  return problems.filter((problem) => problem.path === path);
}

export interface TypeContext {
  /** Names of the portal's other user types. */
  otherNames: string[];
  /** How many user types the portal has now (without this one when editing). */
  otherCount: number;
  /** Layouts known per module id, to find fields that are mandatory. */
  layouts: ReadonlyMap<string, Layout[]>;
}

export function validateType(draft: TypeDraft, context: TypeContext): TypeProblem[] {
  const problems: TypeProblem[] = [];
  const name = draft.name.trim();
  if (!name) problems.push({ path: "name", code: "nameRequired" });
  else if (context.otherNames.some((other) => other.trim().toLowerCase() === name.toLowerCase())) {
    problems.push({ path: "name", code: "duplicateName" });
  }
  if (context.otherCount >= MAX_USER_TYPES) problems.push({ path: "name", code: "tooManyTypes", params: { limit: MAX_USER_TYPES } });
  if (!draft.personalityModule) problems.push({ path: "personalityModule", code: "personalityRequired" });
  else if (!draft.modules.some((module) => module.apiName === draft.personalityModule)) {
    problems.push({ path: "modules", code: "personalityMissing", params: { module: draft.personalityModule } });
  }
  if (!draft.modules.some((module) => module.apiName === NOTES)) problems.push({ path: "modules", code: "notesMissing" });
  for (const module of draft.modules) {
    if (requiresLayout(module) && module.layoutIds.length === 0) {
      problems.push({ path: `modules.${module.moduleId}.layout`, code: "layoutRequired" });
    }
    const layouts = context.layouts.get(module.moduleId) ?? [];
    const required = new Set(
      layouts.filter((layout) => module.layoutIds.includes(layout.id)).flatMap((layout) => layout.fields.filter((field) => field.required).map((field) => field.id)),
    );
    const mandatory = module.readOnlyFieldIds.filter((fieldId) => required.has(fieldId));
    if (mandatory.length > 0) problems.push({ path: `modules.${module.moduleId}.fields`, code: "mandatoryReadOnly", params: { count: mandatory.length } });
  }
  return problems;
}

function moduleBody(module: UserTypeModule, before?: UserTypeModule): Record<string, unknown> {
  const fields: Record<string, unknown>[] = module.readOnlyFieldIds.map((fieldId) => ({ id: fieldId, read_only: true }));
  // On an update, a field that is no longer read-only is removed from the list.
  for (const fieldId of before?.readOnlyFieldIds ?? []) if (!module.readOnlyFieldIds.includes(fieldId)) fields.push({ id: fieldId, _delete: true });
  return {
    id: module.moduleId,
    shared_type: module.sharedType,
    layouts: module.layoutIds.length > 0 ? module.layoutIds.map((layoutId) => ({ id: layoutId })) : null,
    views: module.view ? { id: module.view.id, type: module.view.type } : null,
    filters: module.filterIds.length > 0 ? module.filterIds.map((filterId) => ({ id: filterId })) : null,
    permissions: { ...module.permissions, view: true },
    fields,
  };
}

export function createBody(draft: TypeDraft): Record<string, unknown> {
  return {
    name: draft.name.trim(),
    personality_module: { api_name: draft.personalityModule },
    active: draft.active,
    modules: draft.modules.map((module) => moduleBody(module)),
  };
}

const sameModule = (a: UserTypeModule, b: UserTypeModule) => JSON.stringify(moduleBody(a)) === JSON.stringify(moduleBody(b));

/** Only what changed; undefined when nothing did. Modules are sent whole (the server merges by id). */
export function updateBody(original: UserTypeDetail, draft: TypeDraft): Record<string, unknown> | undefined {
  const body: Record<string, unknown> = {};
  if (draft.name.trim() !== original.name) body.name = draft.name.trim();
  if (draft.active !== original.active) body.active = draft.active;
  const byId = new Map(original.modules.map((module) => [module.moduleId, module]));
  const changed = draft.modules.filter((module) => {
    const before = byId.get(module.moduleId);
    return !before || !sameModule(before, module);
  });
  if (changed.length > 0) body.modules = changed.map((module) => moduleBody(module, byId.get(module.moduleId)));
  return Object.keys(body).length > 0 ? body : undefined;
}
