/**
 * "N records in Deals match this rule now": each rule's criteria written in
 * the search grammar (docs/crm-api.md#search-criteria) and counted with the
 * Record Count API (docs/crm-api.md#record-count).
 *
 * While the user edits a rule, its count waits until the edits pause
 * (`delay`), and each rule has at most one count in flight: an edit made
 * meanwhile is counted when that answer is back, and an answer for criteria
 * the rule no longer has is dropped. A rule the grammar cannot say, or the
 * CRM refuses to count, is "cannot preview", never a number.
 */
import { batch, computed, createModel, effect, signal, untracked, type ReadonlySignal } from "@preact/signals";
import type { FieldInfo } from "../../api/fields";
import { countRequest, decodeCount } from "../../api/record-count";
import { toSearchCriteria, type SearchCriteriaProblem } from "../../api/search-criteria";
import { send } from "../../api/send";
import type { CrmPort } from "../../crm/port";
import type { CrmError, CrmResult } from "../../crm/result";
import { createLimiter } from "../../lib/limit";
import { mapLoad, type Load } from "../../ui/load";
import { criteriaToJson } from "./criteria";
import type { RuleDraft } from "./types";
import { criteriaComplete } from "./validate";

/** How long edits must pause before a rule is counted again. */
export const PREVIEW_DELAY_MS = 500;
/** Counts of different rules in flight at once (docs/crm-api.md#rate-limits-and-retries). */
export const PREVIEW_IN_FLIGHT = 4;

/** Why a rule cannot be previewed: the grammar's reasons, or the module's fields could not be read (without them a text field's inexact `equals` would go unnoticed). */
export type PreviewProblem = SearchCriteriaProblem | "fields_unavailable";

/** Codes with which the CRM refuses to count these criteria or this module: the rule cannot be previewed, whatever is tried again. */
const REFUSALS = new Set(["INVALID_QUERY", "NOT_SUPPORTED"]);

export type RulePreview =
  /** A condition lacks its field, comparison or value: nothing to count yet. */
  | { status: "incomplete" }
  | { status: "counting" }
  | { status: "counted"; count: number }
  | { status: "cannot"; reason: PreviewProblem }
  /** The CRM refused to count (INVALID_QUERY, NOT_SUPPORTED): cannot preview, with its message. */
  | { status: "refused"; error: CrmError }
  | { status: "failed"; error: CrmError };

/** What saving locks, summed over the rules that saving writes with "lock existing records" on. */
export type SaveLocks =
  | { kind: "none" }
  | { kind: "counting" }
  /** Every count known. With `rules` > 1 the sum is an upper bound: a record that matches two rules is counted twice. */
  | { kind: "known"; count: number; rules: number }
  /** Some counts unknown: `atLeast` is the largest known count (0 when none is), `unknown` the names of the rules without one. */
  | { kind: "partial"; atLeast: number; unknown: string[] };

export interface PreviewSource {
  /** The rules as edited now. */
  rules: ReadonlySignal<readonly RuleDraft[]>;
  /** The module's fields, for the type of each condition's field. */
  fields: ReadonlySignal<Load<FieldInfo[]>>;
  /** The rules saving writes with "lock existing records" on (Editor.locksOnSave). */
  locksOnSave: ReadonlySignal<readonly RuleDraft[]>;
}

/** One rule's bookkeeping: the criteria it wants counted, the wait, the count in flight, and the last answer. */
interface Slot {
  /** The criteria tree last seen: edits replace it (the draft is immutable), so a new one means the user changed the rule. */
  node: RuleDraft["criteria"];
  wanted: string | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
  sending: string | undefined;
  /** Kept so that an edit undone within the wait shows its count again without asking. Failures are not kept: they may pass. */
  answered: { criteria: string; preview: RulePreview } | undefined;
}

/** Either a preview known without asking the CRM, or the criteria string to count. */
type Target = { preview: RulePreview } | { criteria: string };

export const RulePreviewModel = createModel((port: CrmPort, module: string, source: PreviewSource, options: { delay?: number } = {}) => {
  const delay = options.delay ?? PREVIEW_DELAY_MS;
  const previews = signal<ReadonlyMap<string, RulePreview>>(new Map());
  const slots = new Map<string, Slot>();
  const limit = createLimiter(PREVIEW_IN_FLIGHT);
  let disposed = false;

  /** As the converter takes them, so it can check each comparison against its field's type. */
  const searchFields = computed(() => mapLoad(source.fields.value, (fields) => fields.map((field) => ({ api_name: field.apiName, data_type: field.dataType }))));

  const show = (key: string, preview: RulePreview) => {
    // Typing in a rule's name re-checks every rule: an unchanged state is not a change (no new map, no render).
    if (samePreview(previews.peek().get(key), preview)) return;
    const next = new Map(previews.peek());
    next.set(key, preview);
    previews.value = next;
  };

  const targetOf = (rule: RuleDraft): Target => {
    if (!criteriaComplete(rule.criteria)) return { preview: { status: "incomplete" } };
    const fields = searchFields.value;
    if (fields.status === "loading") return { preview: { status: "counting" } };
    if (fields.status === "error") return { preview: { status: "cannot", reason: "fields_unavailable" } };
    const written = toSearchCriteria(criteriaToJson(rule.criteria), fields.value);
    return written.ok ? { criteria: written.criteria } : { preview: { status: "cannot", reason: written.reason } };
  };

  const previewOf = (result: CrmResult<number>): RulePreview => {
    if (result.ok) return { status: "counted", count: result.value };
    return REFUSALS.has(result.error.code) ? { status: "refused", error: result.error } : { status: "failed", error: result.error };
  };

  const stopWaiting = (slot: Slot) => {
    if (slot.timer !== undefined) clearTimeout(slot.timer);
    slot.timer = undefined;
  };

  const count = async (key: string, slot: Slot, criteria: string) => {
    slot.sending = criteria;
    const result = decodeCount(await limit(() => send(port, countRequest(module, criteria))));
    slot.sending = undefined;
    // The editor closed, or the rule was removed, meanwhile.
    if (disposed || slots.get(key) !== slot) return;
    const preview = previewOf(result);
    if (preview.status !== "failed") slot.answered = { criteria, preview };
    if (criteria === slot.wanted) {
      stopWaiting(slot);
      show(key, preview);
      return;
    }
    // A stale answer: the rule changed while it was counted. Its newest criteria go now, unless edits have not paused yet (the wait sends them).
    if (slot.wanted !== undefined && slot.timer === undefined) void count(key, slot, slot.wanted);
  };

  const fire = (key: string, slot: Slot) => {
    slot.timer = undefined;
    if (slot.sending === undefined && slot.wanted !== undefined) void count(key, slot, slot.wanted);
  };

  /** Brings the slots in line with the rules: a new rule is counted at once, an edited one once edits pause. */
  const sync = (rules: readonly RuleDraft[]) => {
    const keys = new Set(rules.map((rule) => rule.key));
    batch(() => {
      for (const [key, slot] of slots) {
        if (keys.has(key)) continue;
        stopWaiting(slot);
        slots.delete(key);
        const next = new Map(previews.peek());
        next.delete(key);
        previews.value = next;
      }
      for (const rule of rules) {
        const target = targetOf(rule);
        const known = slots.get(rule.key);
        const slot: Slot = known ?? { node: rule.criteria, wanted: undefined, timer: undefined, sending: undefined, answered: undefined };
        if (!known) slots.set(rule.key, slot);
        const edited = slot.node !== rule.criteria;
        slot.node = rule.criteria;
        if ("preview" in target) {
          stopWaiting(slot);
          slot.wanted = undefined;
          show(rule.key, target.preview);
          continue;
        }
        // Only the name or the switch changed: the count stands.
        if (slot.wanted === target.criteria) continue;
        slot.wanted = target.criteria;
        stopWaiting(slot);
        if (slot.answered?.criteria === target.criteria) {
          show(rule.key, slot.answered.preview);
          continue;
        }
        show(rule.key, { status: "counting" });
        // A rule as it was read (the editor opened, the fields arrived, a save read back) is counted at once; edits wait for a pause.
        if (!edited) fire(rule.key, slot);
        else slot.timer = setTimeout(() => fire(rule.key, slot), delay);
      }
    });
  };

  effect(() => {
    const rules = source.rules.value;
    void searchFields.value;
    untracked(() => sync(rules));
  });
  // Disposed with the model (the editor closed): no timer fires and no late answer is shown.
  effect(() => () => {
    disposed = true;
    for (const slot of slots.values()) stopWaiting(slot);
  });

  /** What saving locks: the sum of the counts of the rules it writes with "lock existing records" on. */
  const onSave = computed<SaveLocks>(() => {
    const rules = source.locksOnSave.value;
    if (rules.length === 0) return { kind: "none" };
    const states = rules.map((rule) => ({ rule, preview: previews.value.get(rule.key) }));
    if (states.some(({ preview }) => preview === undefined || preview.status === "counting")) return { kind: "counting" };
    const known = states.flatMap(({ preview }) => (preview?.status === "counted" ? [preview.count] : []));
    const unknown = states.filter(({ preview }) => preview?.status !== "counted").map(({ rule }) => rule.name.trim());
    if (unknown.length === 0) return { kind: "known", count: known.reduce((sum, n) => sum + n, 0), rules: known.length };
    return { kind: "partial", atLeast: Math.max(0, ...known), unknown };
  });

  /** Counts a rule whose count failed again (a timeout, a server error). */
  const retry = (key: string) => {
    const slot = slots.get(key);
    if (!slot || slot.wanted === undefined || previews.peek().get(key)?.status !== "failed") return;
    show(key, { status: "counting" });
    if (slot.sending === undefined) void count(key, slot, slot.wanted);
  };

  return { previews, onSave, retry };
});

export type RulePreviews = InstanceType<typeof RulePreviewModel>;

function samePreview(a: RulePreview | undefined, b: RulePreview): boolean {
  if (a === b) return true;
  if (a?.status !== b.status) return false;
  if (a.status === "cannot" && b.status === "cannot") return a.reason === b.reason;
  return a.status === "incomplete" || a.status === "counting";
}
