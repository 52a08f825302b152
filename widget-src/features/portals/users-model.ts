/**
 * The users of one portal user type: a status filter, pages, a selection,
 * activate/deactivate one user, and transfer or delete many in chunks under
 * the synchronous limits, with progress and a result per user. One result is
 * shown at a time: a status change replaces the report of a run, and a run
 * replaces the word about a status change.
 */
import { action, batch, computed, createModel, signal } from "@preact/signals";
import { decodeWriteResult, type ItemOutcome } from "../../api/items";
import {
  MAX_DELETE_IDS,
  MAX_TRANSFER_IDS,
  changeStatusRequest,
  decodePortalUsers,
  decodeUserOutcomes,
  deleteUsersRequest,
  listPortalUsersRequest,
  transferRequest,
  type PortalUserStatus,
  type PortalUsersPage,
  type UserType,
} from "../../api/portals";
import { send } from "../../api/send";
import type { CrmPort } from "../../crm/port";
import { LOCAL_CODES, type CrmError } from "../../crm/result";
import { LOADING, fromResult, type Load } from "../../ui/load";
import { chunk } from "../../lib/chunk";

export type UserResult = { status: "done" } | { status: "scheduled" } | { status: "failed"; error: CrmError };

export interface UsersRun {
  action: "transfer" | "delete";
  done: number;
  total: number;
}

/** What a finished run did, counted, with each user named (as when they were selected) and their result. */
export interface UsersReport {
  action: "transfer" | "delete";
  done: number;
  failed: number;
  /** Zoho CRM scheduled part of it as a background job. */
  scheduled: boolean;
  entries: { personalityId: string; name: string; result: UserResult }[];
}

const MAX_PAGES = 500;
const NO_ANSWER: CrmError = { code: LOCAL_CODES.unreadable, message: "The CRM did not answer for this user", details: {} };

/** One user's result from a transfer or delete answer. */
function resultOf(answer: { scheduled: boolean; byUser: ReadonlyMap<string, ItemOutcome> }, userId: string): UserResult {
  const outcome = answer.byUser.get(userId) ?? { ok: false, error: NO_ANSWER };
  if (outcome.ok) return answer.scheduled ? { status: "scheduled" } : { status: "done" };
  // A job announced instead of per-user results: only a user the CRM explicitly refused is a failure.
  if (answer.scheduled && outcome.error.code === LOCAL_CODES.unreadable) return { status: "scheduled" };
  return { status: "failed", error: outcome.error };
}

/**
 * `targets`: the user types its users may move to (those built on the same
 * module); the first is chosen to begin with.
 */
export const PortalUsersModel = createModel((port: CrmPort, portal: string, typeId: string, targets: UserType[] = []) => {
  const status = signal<PortalUserStatus>("AllUsers");
  const page = signal(1);
  const users = signal<Load<PortalUsersPage>>(LOADING);
  const selected = signal<ReadonlySet<string>>(new Set());
  const run = signal<UsersRun | null>(null);
  const results = signal<{ action: "transfer" | "delete"; byUser: ReadonlyMap<string, UserResult>; names: ReadonlyMap<string, string> } | null>(null);
  /** The last activation or deactivation: who (named as when it was asked, since the page read after may not list them), and its result. */
  const statusChange = signal<{ personalityId: string; name: string; active: boolean; error: CrmError | null } | null>(null);
  /** Where "Move" sends the selection. */
  const target = signal(targets[0]?.id ?? "");
  /** "Delete N from the portal…" waits for its confirmation. */
  const confirmingRemove = signal(false);
  /** Every user of the type is being selected (pages are being read). */
  const selecting = signal(false);
  /** Selecting everyone failed: a page of users could not be read. */
  const selectError = signal<CrmError | null>(null);
  const busy = computed(() => run.value !== null);
  const selectedCount = computed(() => selected.value.size);
  const hasPrevious = computed(() => page.value > 1);
  const hasNext = computed(() => users.value.status === "ready" && users.value.value.more);
  /** Nothing is loading or running (screenshots and tests wait for it). */
  const settled = computed(() => users.value.status !== "loading" && run.value === null && !selecting.value);
  const report = computed((): UsersReport | null => {
    const current = results.value;
    if (!current) return null;
    const entries = [...current.byUser].map(([personalityId, result]) => ({ personalityId, name: current.names.get(personalityId) ?? personalityId, result }));
    const failed = entries.filter((entry) => entry.result.status === "failed").length;
    return {
      action: current.action,
      done: entries.length - failed,
      failed,
      scheduled: entries.some((entry) => entry.result.status === "scheduled"),
      entries,
    };
  });
  /** Names of every user seen on any page, so results can name users selected elsewhere. */
  const knownNames = new Map<string, string>();
  const remember = (page: PortalUsersPage) => {
    for (const user of page.users) knownNames.set(user.personalityId, user.name);
  };

  const load = action(async () => {
    users.value = LOADING;
    const decoded = decodePortalUsers(await send(port, listPortalUsersRequest(portal, typeId, status.peek(), page.peek())));
    if (decoded.ok) remember(decoded.value);
    users.value = fromResult(decoded);
  });

  const setStatus = action(async (next: PortalUserStatus) => {
    batch(() => {
      status.value = next;
      page.value = 1;
      selected.value = new Set();
    });
    await load();
  });

  const goToPage = action(async (next: number) => {
    if (next < 1) return;
    page.value = next;
    await load();
  });

  const toggle = action((personalityId: string, on: boolean) => {
    const next = new Set(selected.peek());
    if (on) next.add(personalityId);
    else next.delete(personalityId);
    selected.value = next;
  });

  /** Activate or deactivate one user, then read the page again. */
  const setActive = action(async (personalityId: string, active: boolean) => {
    if (busy.peek()) return;
    const shown = users.peek();
    const name = (shown.status === "ready" && shown.value.users.find((user) => user.personalityId === personalityId)?.name) || personalityId;
    const result = decodeWriteResult(await send(port, changeStatusRequest(portal, typeId, personalityId, active)), "change_status");
    batch(() => {
      statusChange.value = { personalityId, name, active, error: result.ok ? null : result.error };
      results.value = null;
    });
    await load();
  });


  /** Sends the selection in chunks; every selected user ends with a result. */
  const runInChunks = async (name: "transfer" | "delete", size: number, request: (ids: string[]) => ReturnType<typeof transferRequest>) => {
    const ids = [...selected.peek()];
    if (ids.length === 0 || busy.peek()) return;
    const known = new Map(knownNames);
    batch(() => {
      run.value = { action: name, done: 0, total: ids.length };
      results.value = null;
      statusChange.value = null;
    });
    const byUser = new Map<string, UserResult>();
    for (const part of chunk(ids, size)) {
      const decoded = decodeUserOutcomes(await send(port, request(part)), part);
      for (const userId of part) byUser.set(userId, decoded.ok ? resultOf(decoded.value, userId) : { status: "failed", error: decoded.error });
      const current = run.peek();
      if (current) run.value = { ...current, done: current.done + part.length };
    }
    batch(() => {
      run.value = null;
      results.value = { action: name, byUser, names: known };
      // Users who were moved or deleted leave the selection; failures stay selected for another try.
      selected.value = new Set(ids.filter((userId) => byUser.get(userId)?.status === "failed"));
    });
    await load();
  };

  const transfer = action((targetTypeId: string = target.peek()) =>
    targetTypeId ? runInChunks("transfer", MAX_TRANSFER_IDS, (ids) => transferRequest(portal, typeId, targetTypeId, ids)) : Promise.resolve(),
  );

  const chooseTarget = action((targetTypeId: string) => {
    target.value = targetTypeId;
  });

  const askRemove = action(() => {
    if (selected.peek().size > 0 && !busy.peek()) confirmingRemove.value = true;
  });
  const cancelRemove = action(() => {
    confirmingRemove.value = false;
  });
  const remove = action(() => {
    confirmingRemove.value = false;
    return runInChunks("delete", MAX_DELETE_IDS, (ids) => deleteUsersRequest(portal, typeId, ids));
  });

  /** Select every user of the type (all pages), for "move everyone, then delete the type". */
  const selectAll = action(async () => {
    selecting.value = true;
    try {
      return await readAll();
    } finally {
      selecting.value = false;
    }
  });

  const readAll = async (): Promise<CrmError | null> => {
    const all = new Set<string>();
    // A server that always says "more" must not keep us here: stop after a generous number of pages.
    for (let next = 1; next <= MAX_PAGES; next += 1) {
      const pageResult = decodePortalUsers(await send(port, listPortalUsersRequest(portal, typeId, "AllUsers", next)));
      if (!pageResult.ok) return pageResult.error;
      remember(pageResult.value);
      for (const user of pageResult.value.users) all.add(user.personalityId);
      if (!pageResult.value.more) break;
    }
    selected.value = all;
    return null;
  };

  /** The first page; `moveAll`: opened to empty the type before deleting it, so everyone is selected. */
  const start = action(async (moveAll: boolean) => {
    const reading = load();
    if (moveAll) selectError.value = await selectAll();
    await reading;
  });

  return {
    status,
    page,
    users,
    selected,
    selectedCount,
    target,
    run,
    results,
    report,
    statusChange,
    confirmingRemove,
    selecting,
    selectError,
    busy,
    hasPrevious,
    hasNext,
    settled,
    load,
    start,
    setStatus,
    goToPage,
    toggle,
    setActive,
    transfer,
    chooseTarget,
    askRemove,
    cancelRemove,
    remove,
    selectAll,
  };
});

export type PortalUsers = InstanceType<typeof PortalUsersModel>;
