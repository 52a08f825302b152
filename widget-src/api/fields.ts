/** Fields of a module (docs/crm-api.md#fields): for excluded fields and rule criteria. */
import type { RawAnswer } from "../crm/decode";
import { LOCAL_CODES, fail, ok, type CrmResult } from "../crm/result";
import type { ApiRequest } from "../crm/transport";
import { id, isRecord, listUnder, str } from "./read";

/** A field as the settings editor needs it. */
export interface FieldInfo {
  id: string;
  apiName: string;
  label: string;
  dataType: string;
  /** Picklist values (actual values), when the field is a picklist. */
  picklist?: { value: string; label: string }[];
}

export function listFieldsRequest(module: string): ApiRequest {
  return { method: "GET", path: "/settings/fields", query: { module } };
}

export function decodeFields(result: CrmResult<RawAnswer>): CrmResult<FieldInfo[]> {
  const list = listUnder(result, "fields", "module's fields");
  if (!list.ok) return list;
  const fields: FieldInfo[] = [];
  for (const item of list.value) {
    const fieldId = isRecord(item) ? id(item.id) : undefined;
    const apiName = isRecord(item) ? str(item.api_name) : undefined;
    if (!isRecord(item) || !fieldId || !apiName) return fail(LOCAL_CODES.unreadable, "A field could not be read");
    const field: FieldInfo = {
      id: fieldId,
      apiName,
      label: str(item.display_label) ?? str(item.field_label) ?? apiName,
      dataType: str(item.data_type) ?? "text",
    };
    if (Array.isArray(item.pick_list_values) && item.pick_list_values.length > 0) {
      field.picklist = item.pick_list_values.flatMap((entry) => {
        const value = isRecord(entry) ? str(entry.actual_value) ?? str(entry.display_value) : undefined;
        return isRecord(entry) && value ? [{ value, label: str(entry.display_value) ?? value }] : [];
      });
    }
    fields.push(field);
  }
  return ok(fields);
}
