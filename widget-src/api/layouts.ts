/** Layouts and custom views of a module: what a portal user type shows (docs/crm-api.md#layouts-and-custom-views). */
import type { RawAnswer } from "../crm/decode";
import { LOCAL_CODES, fail, ok, type CrmResult } from "../crm/result";
import type { ApiRequest } from "../crm/transport";
import { id, isRecord, listUnder, str } from "./read";

export interface LayoutField {
  id: string;
  apiName: string;
  label: string;
  /** Mandatory in this layout: such a field cannot be read-only for portal users. */
  required: boolean;
  dataType: string;
}

export interface Layout {
  id: string;
  name: string;
  fields: LayoutField[];
}

export interface CustomView {
  id: string;
  name: string;
}

export function listLayoutsRequest(module: string): ApiRequest {
  return { method: "GET", path: "/settings/layouts", query: { module } };
}

export function listViewsRequest(module: string): ApiRequest {
  return { method: "GET", path: "/settings/custom_views", query: { module } };
}

export function decodeLayouts(result: CrmResult<RawAnswer>): CrmResult<Layout[]> {
  const list = listUnder(result, "layouts", "layouts");
  if (!list.ok) return list;
  const layouts: Layout[] = [];
  for (const item of list.value) {
    const layoutId = isRecord(item) ? id(item.id) : undefined;
    if (!isRecord(item) || !layoutId) return fail(LOCAL_CODES.unreadable, "A layout could not be read");
    const sections = Array.isArray(item.sections) ? item.sections : [];
    const fields = sections.flatMap((section) =>
      (isRecord(section) && Array.isArray(section.fields) ? section.fields : []).flatMap((field): LayoutField[] => {
        const fieldId = isRecord(field) ? id(field.id) : undefined;
        const apiName = isRecord(field) ? str(field.api_name) : undefined;
        if (!isRecord(field) || !fieldId || !apiName) return [];
        return [
          {
            id: fieldId,
            apiName,
            label: str(field.display_label) ?? str(field.field_label) ?? apiName,
            required: field.required === true || field.system_mandatory === true,
            dataType: str(field.data_type) ?? "text",
          },
        ];
      }),
    );
    layouts.push({ id: layoutId, name: str(item.display_label) ?? str(item.name) ?? layoutId, fields });
  }
  return ok(layouts);
}

export function decodeViews(result: CrmResult<RawAnswer>): CrmResult<CustomView[]> {
  const list = listUnder(result, "custom_views", "views");
  if (!list.ok) return list;
  const views: CustomView[] = [];
  for (const item of list.value) {
    const viewId = isRecord(item) ? id(item.id) : undefined;
    if (!isRecord(item) || !viewId) return fail(LOCAL_CODES.unreadable, "A view could not be read");
    views.push({ id: viewId, name: str(item.display_value) ?? str(item.name) ?? viewId });
  }
  return ok(views);
}
