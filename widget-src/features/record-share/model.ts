/**
 * The share panel: the record's shares as last read, the user's pending
 * edits, and the safe send. Share PUT replaces the whole list, so a send
 * re-reads first, stops with a conflict if someone else changed the shares,
 * and otherwise sends the latest list plus exactly the pending edits.
 */
import { action, batch, computed, createModel, signal } from "@preact/signals";
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
import type { CrmPort } from "../../crm/port";
import type { CrmError, CrmResult } from "../../crm/result";
import { LOADING, fromResult, type Load } from "../../ui/load";
import { applyEdits, diffShares, directShares, limitProblems, sharesChanged, type ShareEdit } from "./plan";

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

export const RecordShareModel = createModel(
  (port: CrmPort, module: string, recordId: string, timing: ShareTiming = DEFAULT_TIMING) => {
    const sleep = timing.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    const shares = signal<Load<ShareEntry[]>>(LOADING);
    const edits = signal<ShareEdit[]>([]);
    const notify = signal(false);
    const busy = signal<"sending" | "waitingForJob" | null>(null);
    const outcome = signal<ShareOutcome | null>(null);

    const base = computed(() => (shares.value.status === "ready" ? directShares(shares.value.value, recordId) : []));
    const intended = computed(() => applyEdits(base.value, edits.value));
    const diff = computed(() => diffShares(base.value, intended.value));
    const problems = computed(() => limitProblems(intended.value));
    const publicShare = computed(() =>
      shares.value.status === "ready" ? shares.value.value.find((entry) => entry.type === "public") : undefined,
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

    const load = action(async () => {
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
    const discard = action(() => {
      edits.value = [];
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

    /** Sends the pending edits; refuses over the limits and on a concurrent change. */
    const sendEdits = action(async (options: { withoutNotify?: boolean } = {}) => {
      if (busy.peek() || edits.peek().length === 0 || problems.peek().length > 0) return;
      busy.value = "sending";
      outcome.value = null;
      const loaded = base.peek();
      const fresh = await readWhenSettled();
      if (!fresh.ok) return reportFailure(fresh.error, false);
      if (sharesChanged(loaded, directShares(fresh.value, recordId))) {
        // Keep the edits; show the new list so the user can review them against it.
        batch(() => {
          shares.value = { status: "ready", value: fresh.value };
          busy.value = null;
          outcome.value = { kind: "conflict" };
        });
        return;
      }
      const list = intended.peek();
      const withNotify = notify.peek() && !options.withoutNotify;
      busy.value = "sending";
      // An empty list means nobody keeps access: that is a revoke, which PUT cannot express.
      const request =
        list.length === 0 ? revokeAllSharesRequest(module, recordId) : replaceSharesRequest(module, recordId, list, withNotify);
      const result = decodeWriteResult(await send(port, request), "share");
      if (!result.ok) return reportFailure(result.error, withNotify);
      await settle(list.length === 0 ? "revoked" : "shared");
    });

    /** Revokes every share of this record (the view asks for confirmation first). */
    const revokeAll = action(async () => {
      if (busy.peek()) return;
      busy.value = "sending";
      outcome.value = null;
      const result = decodeWriteResult(await send(port, revokeAllSharesRequest(module, recordId)), "share");
      if (!result.ok) return reportFailure(result.error, false);
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
      diff,
      problems,
      publicShare,
      load,
      add,
      change,
      remove,
      discard,
      setNotify,
      sendEdits,
      revokeAll,
    };
  },
);

export type RecordShare = InstanceType<typeof RecordShareModel>;
