/**
 * The two ways a widget calls the CRM REST API through the page:
 * - ZRC_REQUEST (SDK 1.5 `zrc`): runs as the signed-in (acting) user and
 *   answers `{status, data, headers}`;
 * - CRM_CONNECTION (`CONNECTION.invoke`): runs as the connection's owner,
 *   the seeded administrator, and answers Zoho's connection wrapper.
 */
import { isRecord } from "../sdk/protocol";
import type { Answer, AnswerContext } from "./answers";
import { CONNECTION_LINK_NAME } from "./config";
import type { MockAnswer } from "./mock-client";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
/** API domains of Zoho's data centres; a connection URL must use one of them. */
const API_DOMAIN = /^https:\/\/www\.zohoapis\.(?:com|eu|in|com\.au|jp|com\.cn|ca|sa)(?=\/)/;

export async function answerZrc(context: AnswerContext, request: Record<string, unknown>): Promise<Answer> {
  const { config } = context;
  if (config.zrcRefused) {
    // Zoho's SDK reads errorCode/errorDetail; code/detail are sent as well for readers of the raw object.
    const detail = { reason: "widget is not allowed to make ZRC requests in this org" };
    return fail({ errorType: "PermissionException", errorMessage: "Permission denied for ZRC request", errorCode: "PERMISSION_DENIED", errorDetail: detail, code: "PERMISSION_DENIED", detail });
  }
  const target = zrcTarget(context, request);
  if ("error" in target) return fail({ errorType: "ZrcError", errorMessage: target.error });
  const answer = await context.call(target.method, target.path, { userId: config.actingUserId, body: target.body, headers: target.headers });
  const response = { status: answer.status, data: zrcData(answer), headers: answer.headers };
  if (answer.status < 400 || config.zrcErrors === "resolve") return ok(response);
  return fail({
    error: { errorType: "ApiError", errorMessage: apiMessage(answer) },
    request: { url: request.url, ...(isRecord(request.requestConfig) ? request.requestConfig : {}) },
    response,
  });
}

interface RestCall {
  method: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

function zrcTarget(context: AnswerContext, request: Record<string, unknown>): RestCall | { error: string } {
  const requestConfig = isRecord(request.requestConfig) ? request.requestConfig : {};
  if (isRecord(request.options) && request.options.bodyDataType === "formData") return { error: "the sandbox does not support form-data bodies" };
  let url: URL;
  try {
    url = new URL(String(request.url));
  } catch {
    return { error: `invalid url: ${String(request.url)}` };
  }
  // ZRC resolves relative paths against the CRM page; only CRM paths on that origin reach the REST API.
  if (url.origin !== new URL(context.pageUrl).origin || !url.pathname.startsWith("/crm/")) {
    return { error: `the sandbox only serves CRM API paths on ${new URL(context.pageUrl).origin}, not ${url.href}` };
  }
  const method = String(requestConfig.method ?? "GET").toUpperCase();
  if (!METHODS.includes(method)) return { error: `unsupported method ${method}` };
  const body = requestConfig.body;
  const headers = isRecord(requestConfig.headers) ? requestConfig.headers : {};
  const contentType = typeof headers["content-type"] === "string" ? headers["content-type"] : undefined;
  return {
    method,
    path: url.pathname + url.search,
    body: body === undefined || method === "GET" ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    headers: contentType ? { "content-type": contentType } : undefined,
  };
}

/** ZRC parses JSON bodies; an empty body (204) arrives as "". */
const zrcData = (answer: MockAnswer): unknown => (answer.text === "" ? "" : (answer.body ?? answer.text));

function apiMessage(answer: MockAnswer): string {
  const message = isRecord(answer.body) ? answer.body.message : undefined;
  return typeof message === "string" ? message : `Request failed with status code ${answer.status}`;
}

export async function answerConnection(context: AnswerContext, request: Record<string, unknown>): Promise<Answer> {
  if (request.connectionName !== CONNECTION_LINK_NAME) {
    return fail({ code: "INVALID_DATA", message: `no connection with link name ${String(request.connectionName)}`, status: "error", details: {} });
  }
  const outer = isRecord(request.data) ? request.data : {};
  const call = isRecord(outer.data) ? outer.data : {};
  const url = typeof call.url === "string" ? call.url : "";
  const domain = API_DOMAIN.exec(url);
  if (!domain) return fail({ code: "INVALID_URL", message: `not a Zoho CRM API URL: ${url}`, status: "error", details: {} });
  const target = new URL(url);
  if (!target.pathname.startsWith("/crm/v8/")) return fail({ code: "INVALID_URL", message: `not a v8 CRM path: ${url}`, status: "error", details: {} });

  const method = String(call.method ?? "GET").toUpperCase();
  const parameters = jsonText(call.parameters);
  let body: string | undefined;
  if (Number(call.param_type) === 2) {
    // param_type 2: parameters are the JSON payload.
    if (parameters !== undefined && method !== "GET") body = JSON.stringify(parameters);
  } else if (isRecord(parameters)) {
    // param_type 1: parameters become query parameters.
    for (const [key, value] of Object.entries(parameters)) target.searchParams.append(key, String(value));
  }
  // No user: the mock runs the call as the seeded administrator, who owns the connection.
  const answer = await context.call(method, target.pathname + target.search, {
    body,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
  });
  return ok({ code: "SUCCESS", details: { statusMessage: statusMessage(answer) }, message: "Connection invoked successfully", status: "success" });
}

/** As real captures show: an object for JSON objects, the text for arrays and non-JSON, "" for 204. Upstream errors still arrive as SUCCESS. */
function statusMessage(answer: MockAnswer): unknown {
  if (answer.text === "") return "";
  return isRecord(answer.body) ? answer.body : answer.text;
}

/** CONNECTION.invoke sends parameters and headers as JSON text (or leaves them out). */
function jsonText(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

const ok = (data: unknown): Answer => ({ ok: true, data });
const fail = (data: unknown): Answer => ({ ok: false, data });
