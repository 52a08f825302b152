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

/** The field that names a record differs per module; the first present wins. */
const NAME_FIELDS = [
  "Deal_Name",
  "Account_Name",
  "Full_Name",
  "Subject",
  "Name",
  "Product_Name",
  "Vendor_Name",
  "Campaign_Name",
  "Solution_Title",
  "Case_Number",
  "Price_Book_Name",
  "Last_Name",
];

export function decodeRecord(answer: unknown, module: string): CrmResult<RecordSummary> {
  const record = firstItem(answer, "data");
  const recordId = record ? id(record.id) : undefined;
  if (!record || !recordId) return fail(LOCAL_CODES.unreadable, "The record could not be read");
  const name = NAME_FIELDS.map((field) => str(record[field])).find((value) => value !== undefined);
  const summary: RecordSummary = { id: recordId, module, name: name ?? recordId };
  const owner = named(record.Owner);
  if (owner) summary.owner = owner;
  return ok(summary);
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
  const fields = [MODULE_NAME_FIELD[module] ?? "Name", "Owner", "Locked__s"];
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
