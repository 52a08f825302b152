/**
 * The share panel: the record's shares as last read, the user's pending
 * edits, and the safe send. Share PUT replaces the whole list, so a send
 * re-reads first, stops with a conflict if someone else changed the shares,
 * and otherwise sends the latest list plus exactly the pending edits.
 */
import { action, batch, computed, createModel, signal, type ReadonlySignal } from "@preact/signals";
import { decodeWriteResult } from "../../api/items";
import { send } from "../../api/send";
import {
  decodeShares,
  getSharesRequest,
  replaceSharesRequest,
  revokeAllSharesRequest,
  type ShareEntry,
  type SharePermission,
  type ShareTarget,
} from "../../api/share";
import type { RecordSummary } from "../../api/records";
import { decodeRoles, listRolesRequest } from "../../api/roles";
import { decodeGroupsPage, listGroupsRequest } from "../../api/user-groups";
import type { CrmPort } from "../../crm/port";
import { LOCAL_CODES, type CrmError, type CrmResult } from "../../crm/result";
import { LOADING, fromResult, mapLoad, type Load } from "../../ui/load";
import type { Session } from "../session/model";
import { loadAllPages } from "../../lib/load-pages";
import { buildIndex } from "../user-directory/search";
import {
  applyEdits,
  diffShares,
  directShares,
  isEmptyDiff,
  limitProblems,
  listToSend,
  sameVisibility,
  sharesChanged,
  visibilityOf,
  type ShareEdit,
  type Visibility,
} from "./plan";
import type { Candidate } from "./picker";
import { deriveShareAbility } from "./precondition";

export type ShareOutcome =
  | { kind: "done"; what: "shared" | "revoked" }
  | { kind: "failed"; error: CrmError; canRetryWithoutNotify: boolean }
  | { kind: "conflict" }
  | { kind: "stillRunning" };

export interface ShareTiming {
  /** Waits between re-reads while Zoho's share job runs ("Scheduler is running"). */
  jobPollMs: number[];
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_TIMING: ShareTiming = { jobPollMs: [500, 1000, 2000, 3000, 5000] };

/** Zoho answers a read during a running share job with INVALID_DATA "Scheduler is running". */
export function isJobRunning(error: CrmError): boolean {
  return error.code === "CANNOT_PROCESS" || (error.code === "INVALID_DATA" && /scheduler is running/i.test(error.message));
}

export interface ShareModelInput {
  port: CrmPort;
  session: Session;
  /** The record as the summary read it: its owner may always share. */
  record: ReadonlySignal<Load<RecordSummary>>;
  module: string;
  recordId: string;
  timing?: ShareTiming;
}

export const RecordShareModel = createModel(
  ({ port, session, record, module, recordId, timing = DEFAULT_TIMING }: ShareModelInput) => {
    const sleep = timing.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    const shares = signal<Load<ShareEntry[]>>(LOADING);
    const edits = signal<ShareEdit[]>([]);
    /** A pending switch between private and public sharing; null when unchanged. */
    const visibilityEdit = signal<Visibility | null>(null);
    const notify = signal(false);
    const busy = signal<"sending" | "waitingForJob" | null>(null);
    const outcome = signal<ShareOutcome | null>(null);

    const base = computed(() => (shares.value.status === "ready" ? directShares(shares.value.value, recordId) : []));
    const intended = computed(() => applyEdits(base.value, edits.value));
    const visibility = computed(() => (shares.value.status === "ready" ? visibilityOf(shares.value.value) : undefined));
    const targetVisibility = computed(() => visibilityEdit.value ?? visibility.value ?? { kind: "private" as const });
    const visibilityChanged = computed(
      () => visibility.value !== undefined && !sameVisibility(visibility.value, targetVisibility.value),
    );
    /** Going public replaces the individual shares, so they show as removed. */
    const diff = computed(() => diffShares(base.value, targetVisibility.value.kind === "public" ? [] : intended.value));
    const problems = computed(() => (targetVisibility.value.kind === "public" ? [] : limitProblems(intended.value)));
    const hasChanges = computed(() => visibilityChanged.value || edits.value.length > 0);
    const publicShare = computed(() =>
      shares.value.status === "ready" ? shares.value.value.find((entry) => entry.type === "public") : undefined,
    );
    const owner = computed(() => mapLoad(record.value, (summary) => summary.owner?.id));
    /** Groups and roles the record could be shared with; loaded with the panel, once. */
    const groups = signal<Load<Candidate[]>>(LOADING);
    const roles = signal<Load<Candidate[]>>(LOADING);
    const targetIndex = computed(() => {
      const ready = [groups.value, roles.value].flatMap((load) => (load.status === "ready" ? load.value : []));
      return buildIndex(ready, (candidate) => candidate.target.name);
    });
    const ability = computed(() =>
      deriveShareAbility({
        module,
        user: session.user.value,
        permissions: session.permissions.value,
        owner: owner.value,
        shares: shares.value,
      }),
    );

    const read = async (): Promise<CrmResult<ShareEntry[]>> => decodeShares(await send(port, getSharesRequest(module, recordId)));

    /** Reads, waiting out a running share job a bounded number of times. */
    const readWhenSettled = async (): Promise<CrmResult<ShareEntry[]>> => {
      let result = await read();
      for (const wait of timing.jobPollMs) {
        if (result.ok || !isJobRunning(result.error)) return result;
        busy.value = "waitingForJob";
        await sleep(wait);
        result = await read();
      }
      return result;
    };

    let targetsRequested = false;
    const loadGroupsAndRoles = async () => {
      const groupList: Candidate[] = [];
      const [groupResult, roleResult] = await Promise.all([
        loadAllPages({
          concurrency: 2,
          fetchPage: async (page) => decodeGroupsPage(await send(port, listGroupsRequest(page))),
          onPage: (_, items) => groupList.push(...items.map((group) => ({ target: { ...group, type: "groups" as const } }))),
        }),
        send(port, listRolesRequest()).then(decodeRoles),
      ]);
      batch(() => {
        groups.value = groupResult.ok ? { status: "ready", value: groupList } : fromResult(groupResult);
        roles.value = mapLoad(fromResult(roleResult), (list) => list.map((role) => ({ target: { ...role, type: "roles" as const } })));
      });
    };

    const load = action(async () => {
      // Cached by the session: the lock panel has usually read it already.
      void session.loadPermissions();
      const failedTargets = groups.peek().status === "error" || roles.peek().status === "error";
      if (!targetsRequested || failedTargets) {
        targetsRequested = true;
        void loadGroupsAndRoles();
      }
      shares.value = LOADING;
      const result = await readWhenSettled();
      batch(() => {
        shares.value = fromResult(result);
        if (busy.peek() === "waitingForJob") busy.value = null;
      });
    });

    const edit = (next: ShareEdit) => {
      batch(() => {
        edits.value = [...edits.value, next];
        outcome.value = null;
      });
    };

    const add = action((targets: ShareTarget[], permission: SharePermission, shareRelatedRecords: boolean) => {
      for (const target of targets) edit({ kind: "add", target, permission, shareRelatedRecords });
    });
    const change = action((targetId: string, patch: { permission?: SharePermission; shareRelatedRecords?: boolean }) =>
      edit({ kind: "change", targetId, ...patch }),
    );
    const remove = action((targetId: string) => edit({ kind: "remove", targetId }));
    const setVisibility = action((next: Visibility) => {
      batch(() => {
        visibilityEdit.value = visibility.peek() && sameVisibility(visibility.peek() as Visibility, next) ? null : next;
        outcome.value = null;
      });
    });
    const discard = action(() => {
      batch(() => {
        edits.value = [];
        visibilityEdit.value = null;
      });
    });
    const setNotify = action((value: boolean) => {
      notify.value = value;
    });

    /** After a write: wait for the job, show what the CRM now says. */
    const settle = async (what: "shared" | "revoked") => {
      busy.value = "waitingForJob";
      const fresh = await readWhenSettled();
      batch(() => {
        shares.value = fromResult(fresh);
        edits.value = [];
        visibilityEdit.value = null;
        busy.value = null;
        outcome.value = !fresh.ok && isJobRunning(fresh.error) ? { kind: "stillRunning" } : { kind: "done", what };
      });
    };

    const reportFailure = (error: CrmError, notified: boolean) => {
      batch(() => {
        busy.value = null;
        outcome.value = { kind: "failed", error, canRetryWithoutNotify: notified && error.code === "NOT_ALLOWED" };
      });
    };

    /**
     * A write that got no answer in time may or may not have been applied:
     * read the shares again at once, so the list shows what the CRM now has
     * (and the next send compares against it instead of calling the change a
     * conflict). Edits that turn out to be applied already are dropped.
     */
    const recheckUnknownWrite = async (error: CrmError, expected: ShareEntry[], expectedVisibility: Visibility) => {
      const fresh = await readWhenSettled();
      batch(() => {
        if (fresh.ok) {
          shares.value = { status: "ready", value: fresh.value };
          const applied =
            !sharesChanged(expected, directShares(fresh.value, recordId)) && sameVisibility(expectedVisibility, visibilityOf(fresh.value));
          if (applied) {
            edits.value = [];
            visibilityEdit.value = null;
          }
        }
        busy.value = null;
        outcome.value = { kind: "failed", error, canRetryWithoutNotify: false };
      });
    };

    const writeFailed = (error: CrmError, notified: boolean, expected: ShareEntry[], expectedVisibility: Visibility) =>
      error.code === LOCAL_CODES.timeout ? recheckUnknownWrite(error, expected, expectedVisibility) : reportFailure(error, notified);

    /** Sends the pending edits; refuses over the limits and on a concurrent change. */
    const sendEdits = action(async (options: { withoutNotify?: boolean } = {}) => {
      if (busy.peek() || !hasChanges.peek() || problems.peek().length > 0 || ability.peek().kind === "blocked") return;
      // Edits that cancel out (add, then remove the same person) leave nothing to send.
      if (!visibilityChanged.peek() && isEmptyDiff(diff.peek())) return discard();
      busy.value = "sending";
      outcome.value = null;
      const loaded = base.peek();
      const loadedVisibility = visibility.peek();
      const fresh = await readWhenSettled();
      if (!fresh.ok) return reportFailure(fresh.error, false);
      const changedElsewhere =
        sharesChanged(loaded, directShares(fresh.value, recordId)) ||
        !loadedVisibility ||
        !sameVisibility(loadedVisibility, visibilityOf(fresh.value));
      if (changedElsewhere) {
        // Keep the edits; show the new list so the user can review them against it.
        batch(() => {
          shares.value = { status: "ready", value: fresh.value };
          busy.value = null;
          outcome.value = { kind: "conflict" };
        });
        return;
      }
      const list = listToSend(targetVisibility.peek(), intended.peek());
      const withNotify = notify.peek() && !options.withoutNotify;
      busy.value = "sending";
      // An empty list means nobody keeps access: that is a revoke, which PUT cannot express.
      const request =
        list.length === 0 ? revokeAllSharesRequest(module, recordId) : replaceSharesRequest(module, recordId, list, withNotify);
      const result = decodeWriteResult(await send(port, request), "share");
      if (!result.ok) {
        const target = targetVisibility.peek();
        return writeFailed(result.error, withNotify, target.kind === "public" ? [] : intended.peek(), target);
      }
      await settle(list.length === 0 ? "revoked" : "shared");
    });

    /** Revokes every share of this record (the view asks for confirmation first). */
    const revokeAll = action(async () => {
      if (busy.peek() || ability.peek().kind === "blocked") return;
      busy.value = "sending";
      outcome.value = null;
      const result = decodeWriteResult(await send(port, revokeAllSharesRequest(module, recordId)), "share");
      if (!result.ok) return writeFailed(result.error, false, [], { kind: "private" });
      await settle("revoked");
    });

    return {
      shares,
      edits,
      notify,
      busy,
      outcome,
      base,
      intended,
      visibility,
      targetVisibility,
      visibilityChanged,
      diff,
      problems,
      hasChanges,
      publicShare,
      owner,
      groups,
      roles,
      targetIndex,
      ability,
      load,
      add,
      change,
      remove,
      setVisibility,
      discard,
      setNotify,
      sendEdits,
      revokeAll,
    };
  },
);

export type RecordShare = InstanceType<typeof RecordShareModel>;
