/** The record the popup is about: its name, module and owner. */
import { action, createModel, signal } from "@preact/signals";
import { decodeRecord, type RecordSummary } from "../../api/records";
import type { CrmPort } from "../../crm/port";
import { LOADING, fromResult, type Load } from "../../ui/load";

export const RecordSummaryModel = createModel((port: CrmPort, module: string, recordId: string) => {
  const record = signal<Load<RecordSummary>>(LOADING);

  const load = action(async () => {
    record.value = LOADING;
    const answer = await port.getRecord(module, recordId);
    record.value = fromResult(answer.ok ? decodeRecord(answer.value, module) : answer);
  });

  return { record, load };
});
