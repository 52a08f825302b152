/**
 * GET /{module}/search and GET /{module}/actions/count
 * (docs/crm-api.md#search-records, docs/crm-api.md#record-count).
 */
import type { Ctx } from "../context";
import type { CrmRecord, FieldDef, ModuleDef } from "../model";
import type { MockResponse } from "../types";
import { moduleRecords, paging, param, resolveModule } from "../context";
import { ApiError } from "../errors";
import { route } from "../router";
import { compileCriteria, lockedRecordIds, type RecordTest } from "../search";
import { presentRecord } from "./records";

/** At most this many records of one search can be read, page after page [D7]. */
export const MAX_SEARCH_RESULTS = 2000;

/** The search parameters in the order Zoho prefers them when several are sent [D7]. */
const SEARCH_PARAMS = ["criteria", "email", "phone", "word"] as const;

function searchableModule(ctx: Ctx): ModuleDef {
  const mod = resolveModule(ctx.state, param(ctx, "module"));
  // The lock records' own module and linking modules are not in the documented list of searchable modules.
  if (mod.kind === "system" || mod.kind === "linking") {
    throw new ApiError(400, "NOT_SUPPORTED", "module not supported for search", { resource_path_index: 0 });
  }
  return mod;
}

/** The test for the first search parameter present, or undefined when none is. */
function searchTest(ctx: Ctx, mod: ModuleDef): RecordTest | undefined {
  const fields = ctx.state.fields[mod.api_name] ?? [];
  const name = SEARCH_PARAMS.find((p) => (ctx.query[p] ?? "") !== "");
  if (name === undefined) return undefined;
  const value = ctx.query[name] as string;
  switch (name) {
    case "criteria":
      return compileCriteria(value, {
        fields,
        lockedIds: lockedRecordIds(ctx.state),
        locking: ctx.options.edition !== "standard",
      });
    case "email":
      return anyField(fields, ["email"], (actual) => actual.toLowerCase() === value.toLowerCase());
    case "phone":
      return anyField(fields, ["phone"], (actual) => actual.includes(value));
    case "word":
      if (value.trim().length < 2) {
        throw new ApiError(400, "INVALID_DATA", "the search value must have at least two characters", { param_name: "word" });
      }
      return anyField(fields, ["text", "textarea", "email", "phone", "website", "picklist"], (actual) =>
        actual.toLowerCase().includes(value.trim().toLowerCase()),
      );
  }
}

function anyField(fields: FieldDef[], types: string[], test: (actual: string) => boolean): RecordTest {
  const names = fields.filter((f) => types.includes(f.data_type)).map((f) => f.api_name);
  return (record) => names.some((n) => typeof record[n] === "string" && test(record[n] as string));
}

function byId(a: CrmRecord, b: CrmRecord): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function search(ctx: Ctx): MockResponse {
  const mod = searchableModule(ctx);
  const test = searchTest(ctx, mod);
  if (!test) {
    throw new ApiError(400, "EXPECTED_PARAM_MISSING", "mandatory param missing", { expected_params: [...SEARCH_PARAMS] });
  }
  const { page, perPage } = paging(ctx.query);
  const start = (page - 1) * perPage;
  if (start >= MAX_SEARCH_RESULTS) {
    throw new ApiError(400, "LIMIT_REACHED", "Maximum response iteration limit reached", { limit: MAX_SEARCH_RESULTS });
  }
  const matches = moduleRecords(ctx.state, mod.api_name).filter(test).sort(byId);
  const end = Math.min(start + perPage, MAX_SEARCH_RESULTS);
  const slice = matches.slice(start, end);
  if (slice.length === 0) return { status: 204 };
  const fields = ctx.query["fields"]?.split(",").map((f) => f.trim()).filter(Boolean);
  return {
    status: 200,
    body: {
      data: slice.map((r) => presentRecord(ctx, mod, r, fields && fields.length > 0 ? fields : undefined)),
      info: {
        per_page: perPage,
        count: slice.length,
        page,
        sort_by: "id",
        sort_order: "asc",
        more_records: matches.length > start + slice.length,
      },
    },
  };
}

function count(ctx: Ctx): MockResponse {
  const mod = searchableModule(ctx);
  const cvid = ctx.query["cvid"];
  const test = searchTest(ctx, mod);
  if (cvid !== undefined && test) {
    throw new ApiError(400, "AMBIGUITY_DURING_PROCESSING", "cvid cannot be combined with search parameters", {
      ambiguity_due_to: ["cvid", ...SEARCH_PARAMS.filter((p) => (ctx.query[p] ?? "") !== "")],
    });
  }
  const records = moduleRecords(ctx.state, mod.api_name);
  if (cvid === undefined) return { status: 200, body: { count: test ? records.filter(test).length : records.length } };
  const view = ctx.state.customViews.find((v) => v.id === cvid && v.module === mod.api_name);
  if (!view) throw new ApiError(400, "INVALID_DATA", "the given cvid is invalid", { param_name: "cvid" });
  if (view.criteria === null) return { status: 200, body: { count: records.length } };
  const viewTest = compileCriteria(view.criteria.replaceAll("${CURRENTUSER}", ctx.user.id), {
    fields: ctx.state.fields[mod.api_name] ?? [],
    lockedIds: lockedRecordIds(ctx.state),
    locking: ctx.options.edition !== "standard",
  });
  return { status: 200, body: { count: records.filter(viewTest).length } };
}

export const searchRoutes = [route("GET", ":module/search", search), route("GET", ":module/actions/count", count)];
