/**
 * Why this record is locked: the rule behind its automatic lock, each of
 * the rule's conditions beside the record's current value, and whether they
 * still match. The lock, the configuration and the record come from the
 * popup's first reads (one wave); only the field labels are read here, after
 * the lock status has been shown.
 */
import { action, computed, createModel, signal, type ReadonlySignal } from "@preact/signals";
import { decodeFields, listFieldsRequest, type FieldInfo } from "../../api/fields";
import { decodeRecordValues } from "../../api/records";
import { send } from "../../api/send";
import type { CrmPort } from "../../crm/port";
import { LOADING, fromResult, type Load } from "../../ui/load";
import type { RecordLock } from "../record-lock/model";
import { explainCriteria, type Explained } from "./evaluate";

export type WhyState =
  /** Not an automatic lock whose rule the configuration holds: nothing to explain. */
  | { kind: "none" }
  | { kind: "loading" }
  /** `valuesRead` false: the record's values could not be read, so nothing was compared. */
  | { kind: "ready"; rule: { id: string; name: string }; valuesRead: boolean; tree: Explained };

export const WhyLockedModel = createModel((port: CrmPort, module: string, lock: RecordLock, record: ReadonlySignal<Load<unknown>>) => {
  /** The module's fields, for their labels and picklist values; without them the API names are shown. */
  const fields = signal<Load<FieldInfo[]>>(LOADING);

  const rule = computed(() => {
    const status = lock.status.value;
    const config = lock.config.value;
    if (status.kind !== "automatic" || !status.rule || config.status !== "ready") return undefined;
    const id = status.rule.id;
    return config.value?.rules.find((candidate) => candidate.id === id);
  });

  const state = computed<WhyState>(() => {
    const found = rule.value;
    if (!found) return { kind: "none" };
    const read = record.value;
    const known = fields.value;
    if (read.status === "loading" || known.status === "loading") return { kind: "loading" };
    const values = read.status === "ready" ? decodeRecordValues(read.value) : undefined;
    const tree = explainCriteria(found.criteria, values?.ok ? values.value : undefined, known.status === "ready" ? known.value : []);
    return { kind: "ready", rule: { id: found.id, name: found.name }, valuesRead: values?.ok === true, tree };
  });

  /** What the view shows will not change any more (the lock card waits for it before it counts as read). */
  const settled = computed(() => state.value.kind !== "loading");

  // Labels change rarely: read once per popup; a failed read leaves the API names.
  const load = action(async () => {
    if (fields.peek().status === "ready") return;
    fields.value = LOADING;
    fields.value = fromResult(decodeFields(await send(port, listFieldsRequest(module))));
  });

  return { fields, rule, state, settled, load };
});

export type WhyLocked = InstanceType<typeof WhyLockedModel>;
