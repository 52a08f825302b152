/**
 * Builds the host pages from their URL: who acts, which record, which
 * options. Record names and owners are read from the mock as the acting user,
 * as CRM would show them.
 */
import type { MockCrm } from "../api/types";
import { isRecord } from "../sdk/protocol";
import type { HostConfig, ZrcErrorMode } from "./config";
import { FILE_LATENCY_PARAM, MAX_FILE_LATENCY_MS, appPagePath } from "./app-files";
import { parseFaults, type FaultRule } from "./faults";
import { renderIndex, renderListPage, renderMessage, renderRecordPage, renderSettingsPage, type RecordSummary, type UserOption } from "./pages";
import { DEFAULT_USER_ID, LIST_SAMPLE, NOTABLE_USERS, SAMPLE_RECORDS } from "./seed-links";

export interface PageSettings {
  widgetOrigin: string;
  zrcErrors: ZrcErrorMode;
  /** Faults for every page (SANDBOX_FAULTS); a page's own `fault=` rules come first. */
  faults?: readonly FaultRule[];
  /** The sandbox's API latency (SANDBOX_LATENCY_MS); a page's own `latency=` wins. */
  latencyMs?: number;
}

export interface PageAnswer {
  status: number;
  html: string;
}

const ID = /^\d{1,19}$/;
const MODULE = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;

export function renderHostPage(route: string, url: URL, mock: MockCrm, settings: PageSettings): PageAnswer | undefined {
  const params = url.searchParams;
  const actingUserId = params.get("as") || DEFAULT_USER_ID;
  if (!ID.test(actingUserId)) return invalid("`as` must be a user id");
  const users = listUsers(mock);
  const actingUser = users.find((user) => user.id === actingUserId);
  const pageFaults = parseFaults(...params.getAll("fault"));
  if (!pageFaults.ok) return invalid(pageFaults.error);
  // The page's own file latency rides in the frame URL (host/app-files.ts); without it the sandbox's setting applies.
  const fileLatencyMs = fileLatencyFrom(params.get(FILE_LATENCY_PARAM));
  if (Number.isNaN(fileLatencyMs)) return invalid(`file_latency must be a whole number of milliseconds from 0 to ${MAX_FILE_LATENCY_MS}`);
  const faults = [...pageFaults.rules, ...(settings.faults ?? [])];
  const config = (frame: HostConfig["frame"], page: string, pageLoad: Record<string, unknown>): HostConfig => ({
    frame,
    widgetUrl: settings.widgetOrigin + appPagePath(page, fileLatencyMs),
    pageLoad,
    actingUserId,
    theme: params.get("theme") === "night" ? "night" : params.get("theme") === "none" ? "none" : "day",
    zrcErrors: params.get("zrcErrors") === "reject" ? "reject" : params.get("zrcErrors") === "resolve" ? "resolve" : settings.zrcErrors,
    zrcRefused: params.get("zrc") === "refuse",
    latencyMs: latency(params.get("latency")) ?? settings.latencyMs,
    openAtOnce: params.get("open") === "1",
    ...(faults.length > 0 ? { faults } : {}),
  });

  switch (route) {
    case "/":
      return ok(renderIndex({ users, actingUserId, records: SAMPLE_RECORDS, list: LIST_SAMPLE }));
    case "/record": {
      const module = params.get("module") ?? "";
      const id = params.get("id") ?? "";
      if (!MODULE.test(module) || !ID.test(id)) return invalid("/record needs module=<API name> and id=<record id>");
      const pageLoad = { Entity: module, EntityId: [id], ButtonPosition: "DetailView" };
      return ok(renderRecordPage({ config: config("popup", "record.html", pageLoad), record: summary(mock, module, id, actingUserId), actingUser }));
    }
    case "/list": {
      const module = params.get("module") ?? "";
      const ids = (params.get("ids") ?? "").split(",").filter(Boolean);
      if (!MODULE.test(module) || ids.length === 0 || !ids.every((id) => ID.test(id))) return invalid("/list needs module=<API name> and ids=<id,id,…>");
      const pageLoad = { Entity: module, EntityId: ids, ButtonPosition: "ListView" };
      const records = ids.map((id) => summary(mock, module, id, actingUserId));
      return ok(renderListPage({ config: config("popup", "list.html", pageLoad), module, records, actingUser }));
    }
    case "/settings":
      // A web tab or settings widget gets no record in its PageLoad.
      return ok(renderSettingsPage({ config: config("tab", "settings.html", {}), actingUser }));
    default:
      return undefined;
  }
}

function listUsers(mock: MockCrm): UserOption[] {
  const answer = mock.handle({ method: "GET", path: "/crm/v8/users", query: { type: "AllUsers", per_page: "200" } });
  const users = isRecord(answer.body) && Array.isArray(answer.body.users) ? answer.body.users : [];
  return users.filter(isRecord).flatMap((user) => {
    if (typeof user.id !== "string") return [];
    const name = typeof user.full_name === "string" ? user.full_name : user.id;
    return [{ id: user.id, name, note: NOTABLE_USERS[user.id] }];
  });
}

const NAME_FIELDS = ["Deal_Name", "Account_Name", "Full_Name", "Subject", "Name", "Last_Name"];

function summary(mock: MockCrm, module: string, id: string, userId: string): RecordSummary {
  const answer = mock.handle({ method: "GET", path: `/crm/v8/${module}/${id}`, query: {}, userId });
  const data = isRecord(answer.body) && Array.isArray(answer.body.data) ? answer.body.data : [];
  const record: unknown = data[0];
  if (answer.status !== 200 || !isRecord(record)) {
    const code = isRecord(answer.body) && typeof answer.body.code === "string" ? answer.body.code : `HTTP ${answer.status}`;
    return { module, id, error: code };
  }
  const nameField = NAME_FIELDS.find((field) => typeof record[field] === "string");
  const owner = isRecord(record.Owner) && typeof record.Owner.name === "string" ? record.Owner.name : undefined;
  return { module, id, name: nameField ? String(record[nameField]) : undefined, owner };
}

/** undefined when the page does not set it; NaN when it is not a whole number of milliseconds in range. */
function fileLatencyFrom(value: string | null): number | undefined {
  if (value === null) return undefined;
  return /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN;
}

function latency(value: string | null): number | undefined {
  const number = value === null ? Number.NaN : Number(value);
  return Number.isFinite(number) && number >= 0 ? number : undefined;
}

const ok = (html: string): PageAnswer => ({ status: 200, html });
const invalid = (message: string): PageAnswer => ({ status: 400, html: renderMessage("Bad request", message) });
