/** GET /settings/layouts?module= and GET /settings/custom_views?module=. */
import type { Ctx } from "../context";
import type { FieldDef, LayoutDef, State } from "../model";
import type { MockResponse } from "../types";
import { pageOf, paging } from "../context";
import { route } from "../router";
import { moduleParam } from "./metadata";

export function layoutsOf(state: State, module: string): LayoutDef[] {
  return state.layouts.filter((l) => l.module === module);
}

/** Field ids that are mandatory in at least one of the given layouts. */
export function requiredFieldIds(layouts: LayoutDef[]): Set<string> {
  return new Set(layouts.flatMap((l) => l.sections.flatMap((s) => s.fields.filter((f) => f.required).map((f) => f.fieldId))));
}

function presentLayout(fields: FieldDef[], l: LayoutDef): Record<string, unknown> {
  return {
    id: l.id,
    name: l.name,
    api_name: l.name.replace(/\s+/g, "_"),
    display_label: l.display_label,
    status: "active",
    visible: true,
    source: "crm",
    sections: l.sections.map((s) => ({
      id: s.id,
      name: s.name,
      display_label: s.display_label,
      sequence_number: s.sequence_number,
      fields: s.fields.flatMap((ref) => {
        const f = fields.find((x) => x.id === ref.fieldId);
        if (!f) return [];
        return [
          {
            id: f.id,
            api_name: f.api_name,
            field_label: f.field_label,
            display_label: f.field_label,
            data_type: f.data_type,
            system_mandatory: f.system_mandatory,
            required: ref.required,
            read_only: f.read_only,
          },
        ];
      }),
    })),
  };
}

function listLayouts(ctx: Ctx): MockResponse {
  const mod = moduleParam(ctx);
  const layouts = layoutsOf(ctx.state, mod.api_name);
  if (layouts.length === 0) return { status: 204 };
  const fields = ctx.state.fields[mod.api_name] ?? [];
  return { status: 200, body: { layouts: layouts.map((l) => presentLayout(fields, l)) } };
}

function listCustomViews(ctx: Ctx): MockResponse {
  const mod = moduleParam(ctx);
  const { page, perPage } = paging(ctx.query);
  const all = ctx.state.customViews.filter((v) => v.module === mod.api_name);
  const { slice, more } = pageOf(all, page, perPage);
  if (slice.length === 0) return { status: 204 };
  return {
    status: 200,
    body: {
      custom_views: slice.map((v) => ({
        id: v.id,
        name: v.name,
        display_value: v.display_value,
        system_name: v.system_name,
        system_defined: v.system_defined,
        default: v.default,
      })),
      info: { per_page: perPage, count: slice.length, page, more_records: more },
    },
  };
}

export const layoutRoutes = [route("GET", "settings/layouts", listLayouts), route("GET", "settings/custom_views", listCustomViews)];
