/**
 * Editing one module's record-locking configuration safely: validate like
 * the server before sending, show the changes, re-read before saving and stop
 * on a concurrent edit (the admin merges or reloads), send only what changed,
 * and read the result back.
 */
import { action, batch, computed, createModel, signal } from "@preact/signals";
import { decodeFields, listFieldsRequest, type FieldInfo } from "../../api/fields";
import { decodeWriteResult } from "../../api/items";
import {
  CONFIG_WRAPPER,
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
import { draftFromConfig, emptyDraft, postBody, putBody, summarizeChanges, type Change } from "./diff";
import { errorPath } from "./error-path";
import { mergeDrafts } from "./merge";
import type { ConfigDraft } from "./types";
import { validateDraft } from "./validate";

export type EditorOutcome =
  | { kind: "saved" }
  | { kind: "deleted" }
  | { kind: "unchanged" }
  /** Someone else saved meanwhile; `theirs` is what they changed. Nothing was sent. */
  | { kind: "conflict"; theirs: Change[]; fresh: LockConfig | undefined }
  | { kind: "failed"; error: CrmError; path: string | undefined };

export const EditorModel = createModel((port: CrmPort, module: string, onChanged: () => void = () => undefined) => {
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

  const problems = computed(() => (draft.value ? validateDraft(draft.value, module) : []));
  const changes = computed(() => (draft.value ? summarizeChanges(base.value ? draftFromConfig(base.value) : undefined, draft.value) : []));
  const dirty = computed(() => {
    if (!draft.value) return false;
    return base.value ? putBody(base.value, draft.value) !== undefined : true;
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
  });

  const startNew = action(() => {
    batch(() => {
      draft.value = emptyDraft();
      outcome.value = null;
    });
  });

  const edit = action((change: (current: ConfigDraft) => ConfigDraft) => {
    const current = draft.peek();
    if (!current || busy.peek()) return;
    batch(() => {
      draft.value = change(current);
      reviewing.value = false;
      if (outcome.peek()?.kind !== "conflict") outcome.value = null;
    });
  });

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
    const changedElsewhere = loaded
      ? !fresh.value || fresh.value.modifiedTime !== loaded.modifiedTime
      : fresh.value !== undefined;
    if (changedElsewhere) {
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
    dirty,
    load,
    startNew,
    edit,
    review,
    cancelReview,
    save,
    keepMine,
    reload,
    remove,
  };
});

export type Editor = InstanceType<typeof EditorModel>;
