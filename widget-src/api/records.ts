/** Records: one through the SDK's API.getRecord (`{data:[record]}`), or several by id. */
import type { RawAnswer } from "../crm/decode";
import { LOCAL_CODES, fail, ok, type CrmResult } from "../crm/result";
import type { ApiRequest } from "../crm/transport";
import { firstItem, id, isRecord, listUnder, named, str } from "./read";

export interface RecordSummary {
  id: string;
  module: string;
  name: string;
  owner?: { id: string; name: string };
}

export function decodeRecord(answer: unknown, module: string): CrmResult<RecordSummary> {
  const record = firstItem(answer, "data");
  const recordId = record ? id(record.id) : undefined;
  if (!record || !recordId) return fail(LOCAL_CODES.unreadable, "The record could not be read");
  const name = [nameFieldOf(module), ...OTHER_NAME_FIELDS].map((field) => str(record[field])).find((value) => value !== undefined);
  const summary: RecordSummary = { id: recordId, module, name: name ?? recordId };
  const owner = named(record.Owner);
  if (owner) summary.owner = owner;
  return ok(summary);
}

/** A record's fields as read: API name → value as sent (lookups `{name, id}`, picklists as text, …). */
export type RecordValues = Readonly<Record<string, unknown>>;

/** Every field of the record from the same `{data:[record]}` answer (the why-locked view compares them with a rule). */
export function decodeRecordValues(answer: unknown): CrmResult<RecordValues> {
  const record = firstItem(answer, "data");
  return record && id(record.id) ? ok(record) : fail(LOCAL_CODES.unreadable, "The record could not be read");
}

/** The record-name field of the standard modules; custom modules use "Name". */
const MODULE_NAME_FIELD: Record<string, string> = {
  Deals: "Deal_Name",
  Accounts: "Account_Name",
  Contacts: "Full_Name",
  Leads: "Full_Name",
  Tasks: "Subject",
  Calls: "Subject",
  Events: "Event_Title",
  Cases: "Subject",
  Products: "Product_Name",
  Vendors: "Vendor_Name",
  Campaigns: "Campaign_Name",
  Solutions: "Solution_Title",
  Price_Books: "Price_Book_Name",
  Quotes: "Subject",
  Sales_Orders: "Subject",
  Purchase_Orders: "Subject",
  Invoices: "Subject",
};

/** The field that names a record of `module`: a standard module's own, else "Name" (custom modules). */
export function nameFieldOf(module: string): string {
  return MODULE_NAME_FIELD[module] ?? "Name";
}

/** If the module's own name field is missing, any other one that is there (the id is the last resort). */
const OTHER_NAME_FIELDS = [...new Set([...Object.values(MODULE_NAME_FIELD), "Name", "Case_Number", "Last_Name"])];

/** The documented maximum of ids per records GET. */
export const MAX_IDS_PER_READ = 100;

export interface RecordRow extends RecordSummary {
  /**
   * From the `Locked__s` field; `$locked_for_me: true` also means locked, but
   * its false only says "not for me" (an exempt profile). Undefined: unknown.
   */
  locked?: boolean;
}

/** Several records at once (the list view's selection): name, owner and whether each is locked. */
export function listRecordsRequest(module: string, recordIds: string[]): ApiRequest {
  if (recordIds.length > MAX_IDS_PER_READ) throw new Error(`at most ${MAX_IDS_PER_READ} ids per records GET`);
  const fields = [nameFieldOf(module), "Owner", "Locked__s"];
  return { method: "GET", path: `/${encodeURIComponent(module)}`, query: { ids: recordIds.join(","), fields: fields.join(",") } };
}

/** 204 means none of the ids was found; an unreadable answer is an error. */
export function decodeRecordRows(result: CrmResult<RawAnswer>, module: string): CrmResult<RecordRow[]> {
  const list = listUnder(result, "data", "records");
  if (!list.ok) return list;
  const rows: RecordRow[] = [];
  for (const item of list.value) {
    const summary = decodeRecord({ data: [item] }, module);
    if (!summary.ok || !isRecord(item)) return fail(LOCAL_CODES.unreadable, "A record in the list could not be read");
    const flag = typeof item.Locked__s === "boolean" ? item.Locked__s : item.$locked_for_me === true ? true : undefined;
    rows.push(flag === undefined ? summary.value : { ...summary.value, locked: flag });
  }
  return ok(rows);
}
