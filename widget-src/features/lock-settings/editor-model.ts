/**
 * Editing one module's record-locking configuration safely: validate like
 * the server before sending, show the changes, re-read before saving and stop
 * on a concurrent edit (the admin merges or reloads), send only what changed,
 * and read the result back.
 */
import { action, batch, computed, createModel, signal, type ReadonlySignal } from "@preact/signals";
import { decodeFields, listFieldsRequest, type FieldInfo } from "../../api/fields";
import { decodeWriteResult } from "../../api/items";
import {
  CONFIG_WRAPPER,
  ALWAYS_RESTRICTED,
  createConfigRequest,
  decodeCustomButtons,
  decodeLockConfig,
  deleteConfigRequest,
  getLockConfigRequest,
  listCustomButtonsRequest,
  updateConfigRequest,
  type LockConfig,
} from "../../api/locking-configurations";
import { decodeProfileList, listProfilesRequest } from "../../api/profiles";
import { send } from "../../api/send";
import type { CrmPort } from "../../crm/port";
import type { CrmError } from "../../crm/result";
import { LOADING, fromResult, type Load } from "../../ui/load";
import { emptyCondition } from "./criteria";
import { draftFromConfig, emptyDraft, postBody, putBody, rulesSaved, summarizeChanges, type Change } from "./diff";
import { errorPath } from "./error-path";
import { changedSince, mergeDrafts } from "./merge";
import { LIMITS, type ConfigDraft, type CriteriaNode, type Problem, type RuleDraft } from "./types";
import { validateDraft } from "./validate";

export type EditorOutcome =
  | { kind: "saved" }
  | { kind: "deleted" }
  | { kind: "unchanged" }
  /** Someone else saved meanwhile; `theirs` is what they changed. Nothing was sent. */
  | { kind: "conflict"; theirs: Change[]; fresh: LockConfig | undefined }
  | { kind: "failed"; error: CrmError; path: string | undefined };

export interface EditorOptions {
  /** The user may not customise: everything is shown, nothing can be changed. A signal, as the permission may arrive after the editor opened. */
  readOnly?: ReadonlySignal<boolean>;
  /** Opened by "Set up <module>": when the module has no configuration, a new one starts at once. */
  setUp?: boolean;
}

/** A profile, field or custom button the editor can offer as a choice. */
export interface Choice {
  id: string;
  label: string;
}

/**
 * The list as read, plus what the configuration names that the list lacks (an
 * unused field, a deleted button, a list that failed): configured entries
 * are always offered too, so they can be seen and removed.
 */
function withConfigured(list: Load<Choice[]>, configured: Choice[]): Choice[] {
  const known = list.status === "ready" ? list.value : [];
  const ids = new Set(known.map((entry) => entry.id));
  return [...known, ...configured.filter((entry) => !ids.has(entry.id))];
}

/** `list` with `item` in it (once) or without it. */
function toggled<T>(list: T[], item: T, on: boolean, same: (a: T, b: T) => boolean): T[] {
  const rest = list.filter((entry) => !same(entry, item));
  return on ? [...rest, item] : rest;
}

const sameId = (a: { id: string }, b: { id: string }) => a.id === b.id;

export const EditorModel = createModel((port: CrmPort, module: string, onChanged: () => void = () => undefined, options: EditorOptions = {}) => {
  const config = signal<Load<LockConfig | undefined>>(LOADING);
  const fields = signal<Load<FieldInfo[]>>(LOADING);
  const profiles = signal<Load<{ id: string; name: string }[]>>(LOADING);
  const buttons = signal<Load<{ id: string; name: string }[]>>(LOADING);
  /** The version the edits are made on; undefined while creating a configuration. */
  const base = signal<LockConfig | undefined>(undefined);
  const draft = signal<ConfigDraft | null>(null);
  const showProblems = signal(false);
  const reviewing = signal(false);
  const busy = signal<"saving" | "deleting" | null>(null);
  const outcome = signal<EditorOutcome | null>(null);

  const readOnlySource = options.readOnly ?? signal(false);
  let newRules = 0;

  const problems = computed(() => (draft.value ? validateDraft(draft.value, module) : []));
  /** What the review lists: for a new configuration, what creating it sets; else what saving changes. */
  const changes = computed(() => (draft.value ? summarizeChanges(base.value ? draftFromConfig(base.value) : undefined, draft.value) : []));
  /** The rules saving writes with "lock existing records" on: each locks the records that match it now. */
  const locksOnSave = computed(() =>
    draft.value ? rulesSaved(base.value ? draftFromConfig(base.value) : undefined, draft.value).filter((rule) => rule.lockExistingRecords) : [],
  );
  const dirty = computed(() => {
    if (!draft.value) return false;
    return base.value ? putBody(base.value, draft.value) !== undefined : true;
  });

  const readOnly = computed(() => readOnlySource.value);
  /** No control can be used: read-only, or a save or delete is under way. */
  const disabled = computed(() => readOnly.value || busy.value !== null);
  /** The count the save bar shows: the changes the review would list. */
  const changeCount = computed(() => changes.value.length);
  const canReview = computed(() => !readOnly.value && dirty.value && busy.value === null);
  const canDelete = computed(() => !readOnly.value && base.value !== undefined && !base.value.systemDefined);
  /** How many problems the save bar reports (once the user has tried to review). */
  const shownProblemCount = computed(() => (showProblems.value ? problems.value.length : 0));
  /**
   * What the module has now, for the badge beside the editor's heading: the
   * saved lock type, "new" while a configuration is being set up and not
   * saved yet, "none" without one; undefined until it is read.
   */
  const savedState = computed<LockConfig["lockType"] | "new" | "none" | undefined>(() => {
    if (config.value.status !== "ready") return undefined;
    if (base.value) return base.value.lockType;
    return draft.value ? "new" : "none";
  });
  /** Every read of the editor has ended (read or failed). */
  const settled = computed(() => [config.value, fields.value, profiles.value, buttons.value].every((load) => load.status !== "loading"));

  const profileChoices = computed(() =>
    withConfigured(
      mapChoices(profiles.value, (profile) => ({ id: profile.id, label: profile.name })),
      (draft.value?.excludedProfiles ?? []).map((profile) => ({ id: profile.id, label: profile.name })),
    ),
  );
  /** Fields by api_name (the id of a configured field may be missing). */
  const fieldChoices = computed(() =>
    withConfigured(
      mapChoices(fields.value, (field) => ({ id: field.apiName, label: field.label })),
      (draft.value?.excludedFields ?? []).map((field) => ({ id: field.apiName, label: field.apiName })),
    ),
  );
  const buttonChoices = computed(() =>
    withConfigured(
      mapChoices(buttons.value, (button) => ({ id: button.id, label: button.name })),
      (draft.value?.restrictedCustomButtons ?? []).map((button) => ({ id: button.id, label: button.name })),
    ),
  );
  /** How many fields stay editable; at most LIMITS.excludedFields, after which the rest cannot be ticked. */
  const excludedFieldCount = computed(() => draft.value?.excludedFields.length ?? 0);
  const fieldLimitReached = computed(() => excludedFieldCount.value >= LIMITS.excludedFields);
  /** The fields a condition can name (with their picklists). */
  const criteriaFields = computed(() => (fields.value.status === "ready" ? fields.value.value : []));
  const rulesFull = computed(() => (draft.value?.rules.length ?? 0) >= LIMITS.rules);

  /**
   * The problems to show, by path: none until the user has tried to review
   * (not while they are still filling the form in). Views look theirs up.
   */
  const shownProblems = computed<ReadonlyMap<string, Problem[]>>(() => {
    const byPath = new Map<string, Problem[]>();
    if (!showProblems.value) return byPath;
    for (const problem of problems.value) byPath.set(problem.path, [...(byPath.get(problem.path) ?? []), problem]);
    return byPath;
  });
  /** Zoho CRM's refusal of the last save, with the section it concerns (see error-path.ts), to show there. */
  const serverError = computed(() => {
    const current = outcome.value;
    return current?.kind === "failed" && current.path !== undefined ? { path: current.path, error: current.error } : undefined;
  });

  const readConfig = async () => decodeLockConfig(await send(port, getLockConfigRequest(module)));

  const adopt = (current: LockConfig | undefined) => {
    batch(() => {
      config.value = { status: "ready", value: current };
      base.value = current;
      draft.value = current ? draftFromConfig(current) : null;
      showProblems.value = false;
      reviewing.value = false;
    });
  };

  /** The configuration, the module's fields and the org's profiles at once; custom buttons best effort. */
  const load = action(async () => {
    config.value = LOADING;
    const [current, fieldList, profileList, buttonList] = await Promise.all([
      readConfig(),
      send(port, listFieldsRequest(module)).then(decodeFields),
      send(port, listProfilesRequest()).then(decodeProfileList),
      send(port, listCustomButtonsRequest(module)).then(decodeCustomButtons),
    ]);
    batch(() => {
      fields.value = fromResult(fieldList);
      profiles.value = fromResult(profileList);
      buttons.value = fromResult(buttonList);
      if (current.ok) adopt(current.value);
      else config.value = fromResult(current);
    });
    if (current.ok && !current.value && options.setUp && !readOnly.peek()) startNew();
  });

  const startNew = action(() => {
    batch(() => {
      draft.value = emptyDraft();
      outcome.value = null;
    });
  });

  const edit = action((change: (current: ConfigDraft) => ConfigDraft) => {
    const current = draft.peek();
    if (!current || busy.peek() || readOnly.peek()) return;
    batch(() => {
      draft.value = change(current);
      reviewing.value = false;
      if (outcome.peek()?.kind !== "conflict") outcome.value = null;
    });
  });

  const set = action((patch: Partial<ConfigDraft>) => edit((current) => ({ ...current, ...patch })));

  const toggleProfile = action((profile: Choice, on: boolean) =>
    edit((current) => ({ ...current, excludedProfiles: toggled(current.excludedProfiles, { id: profile.id, name: profile.label }, on, sameId) })),
  );
  const toggleField = action((apiName: string, on: boolean) =>
    edit((current) => {
      const list = fields.peek();
      const known = list.status === "ready" ? list.value.find((field) => field.apiName === apiName) : undefined;
      const field = { apiName, ...(known ? { id: known.id } : {}) };
      return { ...current, excludedFields: toggled(current.excludedFields, field, on, (a, b) => a.apiName === b.apiName) };
    }),
  );
  /** Edit is always blocked and cannot be switched off. */
  const toggleAction = action((name: string, on: boolean) => {
    if (name === ALWAYS_RESTRICTED) return;
    edit((current) => ({ ...current, restrictedActions: toggled(current.restrictedActions, name, on, (a, b) => a === b) }));
  });
  const toggleCommunication = action((channel: string, on: boolean) =>
    edit((current) => ({ ...current, restrictedCommunications: toggled(current.restrictedCommunications, channel, on, (a, b) => a === b) })),
  );
  const toggleButton = action((button: Choice, on: boolean) =>
    edit((current) => ({ ...current, restrictedCustomButtons: toggled(current.restrictedCustomButtons, { id: button.id, name: button.label }, on, sameId) })),
  );

  const addRule = action(() => {
    newRules += 1;
    const rule: RuleDraft = { key: `new-${newRules}`, name: "", lockExistingRecords: false, criteria: emptyCondition() };
    edit((current) => (current.rules.length >= LIMITS.rules ? current : { ...current, rules: [...current.rules, rule] }));
  });
  const removeRule = action((key: string) => edit((current) => ({ ...current, rules: current.rules.filter((rule) => rule.key !== key) })));
  const setRule = action((key: string, patch: Partial<Pick<RuleDraft, "name" | "lockExistingRecords">> & { criteria?: CriteriaNode }) =>
    edit((current) => ({ ...current, rules: current.rules.map((rule) => (rule.key === key ? { ...rule, ...patch } : rule)) })),
  );

  /** Step 1: check like the server does, then show the changes. */
  const review = action(() => {
    showProblems.value = true;
    if (problems.peek().length > 0 || !dirty.peek()) return;
    reviewing.value = true;
  });

  const cancelReview = action(() => {
    reviewing.value = false;
  });

  const fail = (error: CrmError) => {
    batch(() => {
      busy.value = null;
      reviewing.value = false;
      outcome.value = { kind: "failed", error, path: errorPath(error) };
    });
  };

  /** Step 2: re-read, stop on a concurrent edit, else send only what changed and read the result back. */
  const save = action(async () => {
    const current = draft.peek();
    if (!current || busy.peek() || problems.peek().length > 0) return;
    busy.value = "saving";
    const loaded = base.peek();
    const fresh = await readConfig();
    if (!fresh.ok) return fail(fresh.error);
    if (changedSince(loaded, fresh.value)) {
      const theirs = summarizeChanges(loaded ? draftFromConfig(loaded) : undefined, fresh.value ? draftFromConfig(fresh.value) : emptyDraft());
      batch(() => {
        busy.value = null;
        reviewing.value = false;
        outcome.value = { kind: "conflict", theirs, fresh: fresh.value };
      });
      return;
    }
    const changes = loaded ? putBody(loaded, current) : postBody(current);
    if (!changes) {
      batch(() => {
        busy.value = null;
        outcome.value = { kind: "unchanged" };
      });
      return;
    }
    const request = loaded ? updateConfigRequest(module, loaded.id, changes) : createConfigRequest(module, changes);
    const written = decodeWriteResult(await send(port, request), CONFIG_WRAPPER);
    if (!written.ok) return fail(written.error);
    const after = await readConfig();
    batch(() => {
      busy.value = null;
      if (after.ok) adopt(after.value);
      else config.value = fromResult(after);
      outcome.value = { kind: "saved" };
    });
    onChanged();
  });

  /** After a conflict: my changes applied on top of their version (reviewed again before saving). */
  const keepMine = action(() => {
    const current = outcome.peek();
    const mine = draft.peek();
    if (current?.kind !== "conflict" || !mine) return;
    const loaded = base.peek();
    const theirs = current.fresh ? draftFromConfig(current.fresh) : emptyDraft();
    batch(() => {
      base.value = current.fresh;
      config.value = { status: "ready", value: current.fresh };
      // Creating while someone else created one: what I set goes on top of theirs, the rest stays theirs.
      draft.value = mergeDrafts(loaded ? draftFromConfig(loaded) : emptyDraft(), mine, theirs);
      outcome.value = null;
    });
  });

  /** Discard my edits and show the configuration as it is now. */
  const reload = action(async () => {
    outcome.value = null;
    await load();
  });

  /** Deleting unlocks every locked record in the module: the view confirms first. */
  const remove = action(async () => {
    const loaded = base.peek();
    if (!loaded || busy.peek()) return;
    busy.value = "deleting";
    const result = decodeWriteResult(await send(port, deleteConfigRequest(module, loaded.id)), CONFIG_WRAPPER);
    if (!result.ok) return fail(result.error);
    const after = await readConfig();
    batch(() => {
      busy.value = null;
      if (after.ok) adopt(after.value);
      else config.value = fromResult(after);
      outcome.value = { kind: "deleted" };
    });
    onChanged();
  });

  return {
    config,
    fields,
    profiles,
    buttons,
    base,
    draft,
    showProblems,
    reviewing,
    busy,
    outcome,
    problems,
    changes,
    locksOnSave,
    dirty,
    readOnly,
    disabled,
    changeCount,
    shownProblemCount,
    savedState,
    canReview,
    canDelete,
    settled,
    profileChoices,
    fieldChoices,
    buttonChoices,
    excludedFieldCount,
    fieldLimitReached,
    criteriaFields,
    rulesFull,
    shownProblems,
    serverError,
    load,
    startNew,
    edit,
    set,
    toggleProfile,
    toggleField,
    toggleAction,
    toggleCommunication,
    toggleButton,
    addRule,
    removeRule,
    setRule,
    review,
    cancelReview,
    save,
    keepMine,
    reload,
    remove,
  };
});

export type Editor = InstanceType<typeof EditorModel>;

function mapChoices<T>(list: Load<T[]>, map: (item: T) => Choice): Load<Choice[]> {
  return list.status === "ready" ? { status: "ready", value: list.value.map(map) } : list;
}
