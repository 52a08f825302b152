/**
 * The locked-records console (docs/crm-api.md#search-records): every locked
 * record in the modules with locking, found by searching `Locked__s`, page
 * by page; each record's lock details read only as its row comes into view;
 * client-side filters; bulk unlock and reason replacement of manual locks;
 * and the filtered view as CSV.
 */
import { action, batch, computed, createModel, signal } from "@preact/signals";
import { decodeLockInfo, editReasonRequest, getLockInfoRequest, unlockRequest, type LockState } from "../../api/locking-info";
import { decodeWriteResult } from "../../api/items";
import { mayLock } from "../../api/profiles";
import { countRequest, decodeCount } from "../../api/record-count";
import { decodeSearchPage, lockedCriteria, MAX_SEARCH_RECORDS, searchRequest } from "../../api/search";
import { send } from "../../api/send";
import type { CrmPort } from "../../crm/port";
import { createLimiter } from "../../lib/limit";
import { LOADING, fromResult, type Load } from "../../ui/load";
import { checkReason, type ReasonProblem } from "../record-lock/reason";
import { resultOfError, type RowResult } from "../bulk-actions/plan";
import { profileAllows, type Session } from "../session/model";
import { filterRecords, lockersOf, NO_FILTERS, type ConsoleFilters } from "./filter";
import { totalsOf, type ConsoleModule, type ModuleScan } from "./scan";
import { keyOf, type LockedRecord } from "./types";

export const MAX_IN_FLIGHT = 4;
export const PAGE_SIZE = 200;

export type BulkKind = "unlock" | "editReason";

/**
 * Pages are offsets into a list that can change between two reads (a record
 * locked or unlocked meanwhile shifts the rest), so a record may come twice;
 * it is listed once.
 */
function appendNew(listed: LockedRecord[], page: LockedRecord[]): LockedRecord[] {
  const seen = new Set(listed.map((record) => record.key));
  return [...listed, ...page.filter((record) => !seen.has(record.key) && (seen.add(record.key), true))];
}

export const LockedRecordsModel = createModel((port: CrmPort, session: Session, now: () => number = Date.now) => {
  const scans = signal<ModuleScan[]>([]);
  const details = signal<ReadonlyMap<string, Load<LockState>>>(new Map());
  const filters = signal<ConsoleFilters>(NO_FILTERS);
  const selected = signal<ReadonlySet<string>>(new Set());
  const results = signal<{ action: BulkKind; byRecord: ReadonlyMap<string, RowResult> } | null>(null);
  const running = signal<{ kind: BulkKind; done: number; total: number } | null>(null);
  const loadingMore = signal(false);
  // Searches, counts and writes share one limit; detail reads have their own queue (see `want`).
  const limit = createLimiter(MAX_IN_FLIGHT);

  const records = computed<LockedRecord[]>(() => scans.value.flatMap((scan) => scan.records));
  const totals = computed(() => totalsOf(scans.value));
  const searching = computed(() => scans.value.some((scan) => scan.status === "loading") || loadingMore.value);
  const filtered = computed(() => filterRecords(records.value, details.value, filters.value, now()));
  const lockers = computed(() => lockersOf(details.value));
  /** Rule id → name, across the modules. */
  const ruleNames = computed<ReadonlyMap<string, string>>(
    () => new Map(scans.value.flatMap((scan) => scan.module.rules.map((rule) => [rule.id, rule.name] as const))),
  );
  const unread = computed(() => records.value.filter((record) => details.value.get(record.key)?.status !== "ready").length);

  /** Unlocking is offered only where the profile is known to allow locking in that module (administrators always). */
  const mayUnlockIn = (module: string) => {
    const allowed = profileAllows(session, (permissions) => mayLock(permissions, module));
    return allowed.status === "ready" && allowed.value;
  };
  const canBulkUnlock = computed(() => scans.value.some((scan) => mayUnlockIn(scan.module.apiName)));

  /** A manual lock, read, in a module where this user may unlock: the only rows a bulk action can take. */
  const selectable = (record: LockedRecord) => {
    const lock = details.value.get(record.key);
    return lock?.status === "ready" && lock.value.kind === "locked" && lock.value.lock.source === "manual" && mayUnlockIn(record.module);
  };
  const selectableKeys = computed(() => filtered.value.records.filter(selectable).map((record) => record.key));

  const updateScan = (module: string, change: (scan: ModuleScan) => ModuleScan) => {
    scans.value = scans.peek().map((scan) => (scan.module.apiName === module ? change(scan) : scan));
  };

  const readPage = async (module: ConsoleModule, page: number) => {
    const answer = decodeSearchPage(await limit(() => send(port, searchRequest(module.apiName, lockedCriteria(), page, PAGE_SIZE))), module.apiName);
    // The search answers LIMIT_REACHED past its first 2,000 records: no page is asked for beyond them.
    const capped = answer.ok && answer.value.moreRecords && page * PAGE_SIZE >= MAX_SEARCH_RECORDS;
    updateScan(module.apiName, (scan) =>
      answer.ok
        ? {
            ...scan,
            status: "ready",
            more: answer.value.moreRecords && !capped,
            capped,
            nextPage: page + 1,
            records: appendNew(
              scan.records,
              answer.value.records.map((found) => ({ key: keyOf(module.apiName, found.id), module: module.apiName, moduleLabel: module.label, id: found.id, name: found.name })),
            ),
          }
        : // A later page that fails keeps what was loaded; the module says why no more came.
          { ...scan, status: "error", error: answer.error, more: false },
    );
  };

  const readCount = async (module: ConsoleModule) => {
    const total = fromResult(decodeCount(await limit(() => send(port, countRequest(module.apiName, lockedCriteria())))));
    updateScan(module.apiName, (scan) => ({ ...scan, total }));
  };

  /** The first page and the count of every module, all at once (at most 4 in flight). */
  const load = action(async (modules: readonly ConsoleModule[]) => {
    batch(() => {
      scans.value = modules.map((module) => ({ module, status: "loading", records: [], nextPage: 1, more: false, capped: false, total: LOADING }));
      details.value = new Map();
      selected.value = new Set();
      results.value = null;
    });
    await Promise.all(modules.flatMap((module) => [readPage(module, 1), readCount(module)]));
  });

  /** The next page of every module that has more. */
  const loadMore = action(async () => {
    if (loadingMore.peek()) return;
    loadingMore.value = true;
    try {
      await Promise.all(scans.peek().filter((scan) => scan.more).map((scan) => readPage(scan.module, scan.nextPage)));
    } finally {
      loadingMore.value = false;
    }
  });

  const retryModule = action(async (module: string) => {
    const scan = scans.peek().find((candidate) => candidate.module.apiName === module);
    if (!scan) return;
    updateScan(module, (current) => ({ ...current, status: "loading", error: undefined }));
    await Promise.all([readPage(scan.module, scan.nextPage), ...(scan.total.status === "ready" ? [] : [readCount(scan.module)])]);
  });

  // Detail reads: what is wanted now (the rows in view) replaces what was wanted before, so a
  // fast scroll does not leave a queue of reads for rows long gone. At most 4 in flight.
  let wanted: LockedRecord[] = [];
  let inFlight = 0;
  const byKey = computed(() => new Map(records.value.map((record) => [record.key, record])));

  const setDetail = (key: string, value: Load<LockState>) => {
    const next = new Map(details.peek());
    next.set(key, value);
    details.value = next;
  };

  const readDetail = async (record: LockedRecord) => {
    setDetail(record.key, LOADING);
    setDetail(record.key, fromResult(decodeLockInfo(await send(port, getLockInfoRequest(record.module, record.id)))));
  };

  const pump = () => {
    while (inFlight < MAX_IN_FLIGHT && wanted.length > 0) {
      const record = wanted.shift()!;
      if (details.peek().has(record.key)) continue;
      inFlight += 1;
      void readDetail(record).finally(() => {
        inFlight -= 1;
        pump();
      });
    }
  };

  /** The rows now in view: read the details of those not read yet. */
  const want = action((keys: readonly string[]) => {
    const lookup = byKey.peek();
    wanted = keys.flatMap((key) => {
      const record = lookup.get(key);
      return record && !details.peek().has(key) ? [record] : [];
    });
    pump();
  });

  /** Every loaded record's details (one call each), for filters that need them all. */
  const readAllDetails = action(() => {
    wanted = records.peek().filter((record) => !details.peek().has(record.key) || details.peek().get(record.key)?.status === "error");
    // A failed read is tried again only when asked for explicitly, here.
    const next = new Map(details.peek());
    for (const record of wanted) next.delete(record.key);
    details.value = next;
    pump();
  });

  const setFilters = action((change: Partial<ConsoleFilters>) => {
    filters.value = { ...filters.peek(), ...change };
  });

  const toggle = action((key: string) => {
    const next = new Set(selected.peek());
    if (next.has(key)) next.delete(key);
    else next.add(key);
    selected.value = next;
  });
  const selectAll = action(() => {
    selected.value = new Set(selectableKeys.peek());
  });
  const clearSelection = action(() => {
    selected.value = new Set();
  });

  const reasonProblem = signal<ReasonProblem | null>(null);

  /** Unlock, or replace the reason of, every selected manual lock: one call per record, at most 4 in flight. */
  const runBulk = async (kind: BulkKind, reason = "") => {
    if (running.peek()) return;
    const chosen = [...selected.peek()].flatMap((key) => byKey.peek().get(key) ?? []);
    const byRecord = new Map<string, RowResult>();
    const toSend: { record: LockedRecord; lockId: string }[] = [];
    for (const record of chosen) {
      const lock = details.peek().get(record.key);
      if (lock?.status !== "ready") byRecord.set(record.key, { status: "skipped", reason: "lockUnknown" });
      else if (lock.value.kind !== "locked") byRecord.set(record.key, { status: "skipped", reason: "notLocked" });
      else if (lock.value.lock.source !== "manual") byRecord.set(record.key, { status: "skipped", reason: "automaticLock" });
      else if (!mayUnlockIn(record.module)) byRecord.set(record.key, { status: "skipped", reason: "noPermission" });
      else toSend.push({ record, lockId: lock.value.lock.id });
    }
    batch(() => {
      running.value = { kind, done: 0, total: toSend.length };
      results.value = null;
    });
    await Promise.all(
      toSend.map(async ({ record, lockId }) => {
        const request =
          kind === "unlock" ? unlockRequest(record.module, record.id, lockId) : editReasonRequest(record.module, record.id, lockId, reason);
        const answer = decodeWriteResult(await limit(() => send(port, request)), "data");
        byRecord.set(record.key, answer.ok ? { status: "done" } : resultOfError(answer.error));
        const current = running.peek();
        if (current) running.value = { ...current, done: current.done + 1 };
      }),
    );
    // What the CRM holds now; a lock someone else removed meanwhile shows as a skip, not a failure.
    await Promise.all(toSend.map(({ record }) => limit(() => readDetail(record))));
    for (const { record } of toSend) {
      const now = details.peek().get(record.key);
      const previous = byRecord.get(record.key);
      if (previous?.status === "failed" && now?.status === "ready" && now.value.kind === "unlocked") {
        byRecord.set(record.key, { status: "skipped", reason: "notLocked" });
      }
    }
    batch(() => {
      results.value = { action: kind, byRecord };
      running.value = null;
      selected.value = new Set();
    });
  };

  const unlockSelected = action(() => runBulk("unlock"));
  /** The same checks as the record popup's reason, before anything is sent. */
  const replaceReason = action(async (reason: string) => {
    reasonProblem.value = checkReason(reason) ?? null;
    if (reasonProblem.peek() === null) await runBulk("editReason", reason);
  });

  const resultCounts = computed(() => {
    const current = results.value;
    if (!current) return null;
    const counts = { done: 0, skipped: 0, failed: 0 };
    for (const result of current.byRecord.values()) counts[result.status] += 1;
    return counts;
  });

  return {
    scans,
    details,
    filters,
    selected,
    results,
    resultCounts,
    running,
    loadingMore,
    records,
    totals,
    searching,
    filtered,
    lockers,
    ruleNames,
    unread,
    canBulkUnlock,
    selectableKeys,
    selectable,
    reasonProblem,
    load,
    loadMore,
    retryModule,
    want,
    readAllDetails,
    setFilters,
    toggle,
    selectAll,
    clearSelection,
    unlockSelected,
    replaceReason,
  };
});

export type LockedRecords = InstanceType<typeof LockedRecordsModel>;
