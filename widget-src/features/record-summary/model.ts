/** The record the popup is about: its name, module and owner, and the answer itself (every field) for the why-locked view. */
import { action, createModel, signal } from "@preact/signals";
import { decodeRecord, type RecordSummary } from "../../api/records";
import type { CrmPort } from "../../crm/port";
import { LOADING, fromResult, type Load } from "../../ui/load";

export const RecordSummaryModel = createModel((port: CrmPort, module: string, recordId: string) => {
  const record = signal<Load<RecordSummary>>(LOADING);
  /** Undecoded: the why-locked view, which loads on demand, reads the fields it needs. */
  const raw = signal<Load<unknown>>(LOADING);

  const load = action(async () => {
    record.value = raw.value = LOADING;
    const answer = await port.getRecord(module, recordId);
    raw.value = fromResult(answer);
    record.value = fromResult(answer.ok ? decodeRecord(answer.value, module) : answer);
  });

  return { record, raw, load };
});
