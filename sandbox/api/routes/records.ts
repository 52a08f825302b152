/** GET /{module} (list) and GET /{module}/{id}; also lists Locking_Information__s. */
import type { Ctx } from "../context";
import type { CrmRecord, ModuleDef } from "../model";
import type { MockResponse } from "../types";
import { moduleRecords, pageOf, paging, param, resolveModule, resolveRecord, isZohoId } from "../context";
import { invalidPathId, requiredParam } from "../errors";
import { isActionRestricted, isLockedFor, lockForRecord } from "../locks";
import { route } from "../router";
import { presentLock } from "./locking-info";

function splitFields(value: string | undefined): string[] | undefined {
  return value?.split(",").map((s) => s.trim()).filter(Boolean);
}

export function presentRecord(ctx: Ctx, mod: ModuleDef, record: CrmRecord, fields?: string[]): Record<string, unknown> {
  const { state, profile } = ctx;
  const out: Record<string, unknown> = {};
  if (fields) {
    out["id"] = record.id;
    for (const f of fields) if (f in record) out[f] = record[f];
  } else {
    Object.assign(out, record);
  }
  const hasLockedField = (state.fields[mod.api_name] ?? []).some((f) => f.api_name === "Locked__s");
  if (hasLockedField && (!fields || fields.includes("Locked__s"))) {
    out["Locked__s"] = lockForRecord(state, record.id) !== undefined;
  }
  out["$locked_for_me"] = isLockedFor(state, profile, mod.api_name, record.id);
  out["$editable"] = profile.perms.edit && !isActionRestricted(state, profile, mod.api_name, record.id, "update");
  out["$sharing_permission"] = profile.perms.edit ? "full_access" : "read_only";
  return out;
}

const LIST_INFO_EXTRAS = { next_page_token: null, previous_page_token: null, page_token_expiry: null };

function listRecords(ctx: Ctx): MockResponse {
  const mod = resolveModule(ctx.state, param(ctx, "module"));
  const fields = splitFields(ctx.query["fields"]);
  if (!fields || fields.length === 0) throw requiredParam("fields");
  const { page, perPage } = paging(ctx.query);
  const ids = splitFields(ctx.query["ids"]);
  const byIds = <T extends { id: string }>(items: T[]) => (ids ? items.filter((i) => ids.includes(i.id)) : items);

  let data: Record<string, unknown>[];
  let more: boolean;
  if (mod.kind === "system") {
    const { slice, more: m } = pageOf(byIds(ctx.state.locks), page, perPage);
    data = slice.map((l) => presentLock(ctx, l, fields));
    more = m;
  } else {
    const { slice, more: m } = pageOf(byIds(moduleRecords(ctx.state, mod.api_name)), page, perPage);
    data = slice.map((r) => presentRecord(ctx, mod, r, fields));
    more = m;
  }
  if (data.length === 0) return { status: 204 };
  return {
    status: 200,
    body: {
      data,
      info: { per_page: perPage, count: data.length, page, sort_by: "id", sort_order: "asc", more_records: more, ...LIST_INFO_EXTRAS },
    },
  };
}

function getRecord(ctx: Ctx): MockResponse {
  const mod = resolveModule(ctx.state, param(ctx, "module"));
  const fields = splitFields(ctx.query["fields"]);
  const id = param(ctx, "id");
  if (mod.kind === "system") {
    const lock = isZohoId(id) ? ctx.state.locks.find((l) => l.id === id) : undefined;
    if (!lock) throw invalidPathId(1);
    return { status: 200, body: { data: [presentLock(ctx, lock, fields)] } };
  }
  const record = resolveRecord(ctx.state, mod, id);
  return { status: 200, body: { data: [presentRecord(ctx, mod, record, fields)] } };
}

export const recordRoutes = [route("GET", ":module", listRecords), route("GET", ":module/:id", getRecord)];
