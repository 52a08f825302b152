/**
 * The CRM page's answers to CRM_EVENT requests, one function per category.
 * Each returns `{ok, data}`: ok → EVENT_RESPONSE, otherwise
 * EVENT_RESPONSE_FAILURE. Data comes from the mock REST API, fetched as the
 * acting user, so the SDK wrappers see what the REST API would return.
 */
import { isRecord } from "../sdk/protocol";
import type { HostConfig } from "./config";
import type { MockCaller } from "./mock-client";
import { answerConnection, answerZrc } from "./rest-bridge";

export interface Answer {
  ok: boolean;
  data: unknown;
}

/** What UI requests do to the page. */
export interface UiActions {
  resize(width: number | undefined, height: number | undefined): void;
  close(): void;
  closeReload(): void;
}

export interface AnswerContext {
  config: HostConfig;
  call: MockCaller;
  /** The CRM page's URL, for GET_PARENT_URL (ZRC joins relative paths to its origin). */
  pageUrl: string;
  ui: UiActions;
}

export type Answerer = (request: Record<string, unknown>) => Promise<Answer>;

const ok = (data: unknown): Answer => ({ ok: true, data });
const fail = (data: unknown): Answer => ({ ok: false, data });
const unsupported = (what: string) => fail({ code: "NOT_SUPPORTED", message: `the sandbox does not implement ${what}`, status: "error", details: {} });

export function createAnswerer(context: AnswerContext): Answerer {
  return async (request) => {
    switch (request.category) {
      case "GET_PARENT_URL":
        return ok(context.pageUrl);
      case "CONFIG":
        return answerConfig(context, request.type);
      case "READ":
        return answerRead(context, request.APIData);
      case "USER":
        return answerUser(context, request);
      case "UI":
        return answerUi(context.ui, request);
      case "ZRC_REQUEST":
        return answerZrc(context, request);
      case "CRM_CONNECTION":
        return answerConnection(context, request);
      default:
        return unsupported(`category ${String(request.category)}`);
    }
  };
}

/** A REST GET as the acting user: the body on 2xx ("" for 204), a failure carrying the error body otherwise. */
async function restGet(context: AnswerContext, path: string): Promise<Answer> {
  const answer = await context.call("GET", path, { userId: context.config.actingUserId });
  if (answer.status === 204) return ok("");
  return answer.status < 300 ? ok(answer.body) : fail(answer.body ?? { status: answer.status });
}

async function answerConfig(context: AnswerContext, type: unknown): Promise<Answer> {
  const userPath = `/crm/v8/users/${encodeURIComponent(context.config.actingUserId)}`;
  switch (type) {
    case "CURRENT_USER":
      return restGet(context, userPath); // `{users:[user]}`, as real captures show
    case "ORG": {
      const org = await restGet(context, "/crm/v8/org");
      return org.ok && isRecord(org.data) ? org : ok(SANDBOX_ORG);
    }
    case "ORG_LEVEL_INFO": {
      const user = await restGet(context, userPath);
      const zuid = firstUser(user.data)?.zuid;
      return ok({
        deployment: "US",
        ZGID: SANDBOX_ZGID, // a number in Zoho's documented example
        ZUID: typeof zuid === "string" || typeof zuid === "number" ? String(zuid) : context.config.actingUserId,
        appDetails: { appUrl: new URL(context.pageUrl).origin },
      });
    }
    case "USER_PREFERENCE":
      // Zoho documents `{mode: "day"}`.
      return ok(context.config.theme === "none" ? {} : { mode: context.config.theme });
    default:
      return unsupported(`CONFIG type ${String(type)}`);
  }
}

/** getRecord (APIData {Entity, RecordID}), getRelatedRecords (+RelatedList) and getAllRecords (no RecordID). */
function answerRead(context: AnswerContext, apiData: unknown): Promise<Answer> | Answer {
  if (!isRecord(apiData) || typeof apiData.Entity !== "string") return fail({ code: "INVALID_DATA", message: "APIData.Entity is missing" });
  const segments = [apiData.Entity, apiData.RecordID, apiData.RelatedList].filter((part) => typeof part === "string" || typeof part === "number");
  const query = new URLSearchParams();
  for (const key of ["page", "per_page", "sort_order", "sort_by", "approved", "converted"]) {
    const value = apiData[key];
    if (typeof value === "string" || typeof value === "number") query.set(key, String(value));
  }
  return restGet(context, `/crm/v8/${segments.map((part) => encodeURIComponent(String(part))).join("/")}${suffix(query)}`);
}

/** getUser ({ID}) and getAllUsers ({Type, page?, per_page?}), answered with the REST body `{users, info}`. */
function answerUser(context: AnswerContext, request: Record<string, unknown>): Promise<Answer> {
  if (typeof request.ID === "string" || typeof request.ID === "number") {
    return restGet(context, `/crm/v8/users/${encodeURIComponent(String(request.ID))}`);
  }
  const query = new URLSearchParams();
  if (typeof request.Type === "string") query.set("type", request.Type);
  if (request.page !== undefined) query.set("page", String(request.page));
  if (request.per_page !== undefined) query.set("per_page", String(request.per_page));
  return restGet(context, `/crm/v8/users${suffix(query)}`);
}

function answerUi(ui: UiActions, request: Record<string, unknown>): Answer {
  const { action } = request;
  if (action === "RESIZE") {
    const size = isRecord(request.data) ? request.data : {};
    ui.resize(pixels(size.width), pixels(size.height));
    return ok(true);
  }
  const popup = isRecord(action) ? action.popup : undefined;
  if (popup === "CLOSE") {
    ui.close();
    return ok(true);
  }
  if (popup === "CLOSE_RELOAD") {
    ui.closeReload();
    return ok(true);
  }
  return unsupported(`UI action ${JSON.stringify(action)}`);
}

function pixels(value: unknown): number | undefined {
  const number = typeof value === "number" ? value : typeof value === "string" ? Number.parseFloat(value) : Number.NaN;
  return Number.isFinite(number) && number > 0 ? number : undefined;
}

function firstUser(body: unknown): Record<string, unknown> | undefined {
  const users = isRecord(body) ? body.users : undefined;
  const first: unknown = Array.isArray(users) ? users[0] : undefined;
  return isRecord(first) ? first : undefined;
}

const suffix = (query: URLSearchParams) => (query.size > 0 ? `?${query.toString()}` : "");

const SANDBOX_ZGID = 1000000001;
/** Answer of getOrgInfo when the mock has no /org route. */
const SANDBOX_ORG = {
  org: [{ id: "5725767000000000001", company_name: "RecordGuard Sandbox", country_code: "US", currency: "USD", time_zone: "UTC", zgid: String(SANDBOX_ZGID) }],
};
