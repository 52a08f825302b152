/** Records, read through the SDK's API.getRecord (`{data:[record]}`). */
import { LOCAL_CODES, fail, ok, type CrmResult } from "../crm/result";
import { firstItem, id, named, str } from "./read";

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
