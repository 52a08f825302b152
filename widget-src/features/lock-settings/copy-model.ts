/**
 * "Apply to other modules…": copying one module's record-locking
 * configuration to modules the admin picks. Three steps: pick the modules;
 * review, per module, what will be created or replaced and what is dropped
 * (nothing is sent yet); then send, one write per module, each with its own
 * result. As in the editor, a module whose configuration changed after the
 * review is reported and left alone, and a failure stops nothing else.
 */
import { action, batch, computed, createModel, signal, type ReadonlySignal } from "@preact/signals";
import { decodeFields, listFieldsRequest, type FieldInfo } from "../../api/fields";
import { decodeWriteResult } from "../../api/items";
import {
  CONFIG_WRAPPER,
  createConfigRequest,
  decodeCustomButtons,
  decodeLockConfig,
  getLockConfigRequest,
  listCustomButtonsRequest,
  updateConfigRequest,
  type LockConfig,
} from "../../api/locking-configurations";
import type { ModuleInfo } from "../../api/modules";
import { send } from "../../api/send";
import type { CrmPort } from "../../crm/port";
import { LOCAL_CODES, ok, type CrmError } from "../../crm/result";
import { createLimiter } from "../../lib/limit";
import { LOADING, type Load } from "../../ui/load";
import { copyConfiguration, type Dropped } from "./copy";
import { postBody, putBody } from "./diff";
import { changedSince } from "./merge";
import type { ConfigDraft, Problem } from "./types";
import { validateDraft } from "./validate";

/** Calls in flight at once, as everywhere (docs/crm-api.md#rate-limits-and-retries). */
export const MAX_IN_FLIGHT = 4;

export interface CopySource {
  module: string;
  label: string;
  /** The configuration as saved (what the editor last read). */
  config: LockConfig;
  /** The source module's fields, for labels and fields named by id; empty when unknown. */
  fields: readonly FieldInfo[];
}

/** What copying does to one module, as reviewed. */
export interface TargetPlan {
  /** The configuration it has now (replaced), or undefined (one is created). */
  existing: LockConfig | undefined;
  config: ConfigDraft;
  dropped: Dropped[];
  /** Why the copy cannot be sent to this module (checked like the editor checks a draft); empty when it can. */
  problems: Problem[];
}

export type TargetResult =
  | { status: "sending" }
  | { status: "created" }
  | { status: "replaced" }
  /** The module already had exactly this configuration: nothing was sent. */
  | { status: "unchanged" }
  /** Its configuration changed after the review: nothing was sent. */
  | { status: "conflict" }
  | { status: "failed"; error: CrmError };

export type CopyStep = "pick" | "review" | "send";

export interface ReviewRow {
  module: ModuleInfo;
  plan: Load<TargetPlan>;
  result?: TargetResult;
}

/**
 * `rows`: the settings overview's rows, whose modules are those that support
 * locking (docs/crm-api.md#supported-modules); every one but the source can
 * be picked.
 */
export const CopyModel = createModel((port: CrmPort, source: CopySource, rows: ReadonlySignal<readonly { module: ModuleInfo }[]>, onChanged: (module: string) => void = () => undefined) => {
  const step = signal<CopyStep>("pick");
  const chosen = signal<ReadonlySet<string>>(new Set());
  const plans = signal<ReadonlyMap<string, Load<TargetPlan>>>(new Map());
  const results = signal<ReadonlyMap<string, TargetResult>>(new Map());
  const limit = createLimiter(MAX_IN_FLIGHT);
  /** Each module's plan belongs to one review: an answer for an older one is dropped. */
  let reviewRun = 0;

  /** The modules the configuration can go to. */
  const targets = computed(() => rows.value.map((row) => row.module).filter((module) => module.apiName !== source.module));
  const chosenModules = computed(() => targets.value.filter((module) => chosen.value.has(module.apiName)));

  const reviewRows = computed<ReviewRow[]>(() =>
    chosenModules.value.map((module) => {
      const result = results.value.get(module.apiName);
      return { module, plan: plans.value.get(module.apiName) ?? LOADING, ...(result ? { result } : {}) };
    }),
  );
  const readyPlan = (row: ReviewRow) => (row.plan.status === "ready" ? row.plan.value : undefined);
  /** The modules Apply sends to: reviewed, and nothing in the way. */
  const sendable = computed(() => reviewRows.value.filter((row) => readyPlan(row)?.problems.length === 0));
  /** Of those, the ones whose configuration is overwritten (Apply asks first). */
  const replacing = computed(() => sendable.value.filter((row) => readyPlan(row)?.existing !== undefined));
  /** Every module's review has ended (read or failed). */
  const reviewSettled = computed(() => reviewRows.value.every((row) => row.plan.status !== "loading"));
  const canApply = computed(() => step.value === "review" && reviewSettled.value && sendable.value.length > 0);
  /** Every write has ended. */
  const finished = computed(() => step.value === "send" && [...results.value.values()].every((result) => result.status !== "sending"));
  const counts = computed(() => {
    const all = [...results.value.values()];
    const count = (...statuses: TargetResult["status"][]) => all.filter((result) => statuses.includes(result.status)).length;
    return { done: count("created", "replaced", "unchanged"), failed: count("failed"), conflict: count("conflict"), total: all.length };
  });
  /** Modules to review again after a run: those that failed or changed meanwhile. */
  const retryable = computed(() => [...results.value].filter(([, result]) => result.status === "failed" || result.status === "conflict").map(([module]) => module));

  const toggle = action((module: string, on: boolean) => {
    if (step.peek() !== "pick") return;
    const next = new Set(chosen.peek());
    if (on) next.add(module);
    else next.delete(module);
    chosen.value = next;
  });

  const setPlan = (module: string, plan: Load<TargetPlan>) => {
    const next = new Map(plans.peek());
    next.set(module, plan);
    plans.value = next;
  };

  const readConfig = async (module: string) => decodeLockConfig(await limit(() => send(port, getLockConfigRequest(module))));

  /** The module's configuration and fields, and its custom buttons when the source blocks any (best effort: failing, they are dropped and said so). */
  const planFor = async (module: string): Promise<Load<TargetPlan>> => {
    const needsButtons = source.config.restrictedCustomButtons.length > 0;
    const [existing, fields, buttons] = await Promise.all([
      readConfig(module),
      limit(() => send(port, listFieldsRequest(module))).then(decodeFields),
      needsButtons ? limit(() => send(port, listCustomButtonsRequest(module))).then(decodeCustomButtons) : Promise.resolve(ok([])),
    ]);
    if (!existing.ok) return { status: "error", error: existing.error };
    if (!fields.ok) return { status: "error", error: fields.error };
    const { config, dropped } = copyConfiguration(source.config, { fields: fields.value, buttons: buttons.ok ? buttons.value : undefined }, source.fields);
    return { status: "ready", value: { existing: existing.value, config, dropped, problems: validateDraft(config, module) } };
  };

  const loadPlan = async (module: string, run: number) => {
    setPlan(module, LOADING);
    const plan = await planFor(module);
    if (run === reviewRun) setPlan(module, plan);
  };

  /** Step 2: read what each chosen module has and work out the copy. Nothing is sent. */
  const review = action(async () => {
    const modulesToReview = chosenModules.peek().map((module) => module.apiName);
    if (modulesToReview.length === 0) return;
    reviewRun += 1;
    const run = reviewRun;
    batch(() => {
      step.value = "review";
      plans.value = new Map();
      results.value = new Map();
    });
    await Promise.all(modulesToReview.map((module) => loadPlan(module, run)));
  });

  /** One module's review again (after its read failed). */
  const retry = action((module: string) => loadPlan(module, reviewRun));

  /** Back to picking, keeping the choice. Not while sending. */
  const backToPick = action(() => {
    if (step.peek() === "send" && !finished.peek()) return;
    reviewRun += 1;
    batch(() => {
      step.value = "pick";
      results.value = new Map();
    });
  });

  const setResult = (module: string, result: TargetResult) => {
    const next = new Map(results.peek());
    next.set(module, result);
    results.value = next;
  };

  /** One module: read again, stop if it changed since the review, else one POST (create) or PUT (replace). */
  const sendOne = async (module: string, plan: TargetPlan): Promise<TargetResult> => {
    const fresh = await readConfig(module);
    if (!fresh.ok) return { status: "failed", error: fresh.error };
    if (changedSince(plan.existing, fresh.value)) return { status: "conflict" };
    const existing = plan.existing;
    const body = existing ? putBody(existing, plan.config) : postBody(plan.config);
    if (!body) return { status: "unchanged" };
    const request = existing ? updateConfigRequest(module, existing.id, body) : createConfigRequest(module, body);
    const written = decodeWriteResult(await limit(() => send(port, request)), CONFIG_WRAPPER);
    if (!written.ok) return { status: "failed", error: written.error };
    return { status: existing ? "replaced" : "created" };
  };

  /** Step 3, once the admin confirmed: every module that can take the copy, each on its own. */
  const apply = action(async () => {
    if (!canApply.peek()) return;
    const batchOf = sendable.peek().flatMap((row) => (row.plan.status === "ready" ? [{ module: row.module.apiName, plan: row.plan.value }] : []));
    batch(() => {
      step.value = "send";
      results.value = new Map(batchOf.map(({ module }) => [module, { status: "sending" } as const]));
    });
    await Promise.all(
      batchOf.map(async ({ module, plan }) => {
        // A rejected call (a bug, not a CRM answer) fails its module only.
        const result = await sendOne(module, plan).catch(
          (error: unknown): TargetResult => ({ status: "failed", error: { code: LOCAL_CODES.transport, message: String(error), details: {} } }),
        );
        setResult(module, result);
        if (result.status === "created" || result.status === "replaced") onChanged(module);
      }),
    );
  });

  /** After a run: the modules that failed or changed meanwhile, reviewed again against what they have now. */
  const reviewAgain = action(async () => {
    const again = new Set(retryable.peek());
    if (!finished.peek() || again.size === 0) return;
    chosen.value = again;
    await review();
  });

  return {
    step,
    chosen,
    plans,
    results,
    targets,
    chosenModules,
    reviewRows,
    sendable,
    replacing,
    reviewSettled,
    canApply,
    finished,
    counts,
    retryable,
    toggle,
    review,
    retry,
    backToPick,
    apply,
    reviewAgain,
  };
});

export type Copy = InstanceType<typeof CopyModel>;
