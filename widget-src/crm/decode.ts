/**
 * One decoder for every answer shape the two transports produce
 * (docs/widget-protocol.md#decoding-answers): ZRC resolutions and rejections, CONNECTION
 * wrappers with statusMessage as object or JSON string, 204s, and Zoho's error
 * envelope at top level. Item-level errors are left to the resource decoders
 * in widget-src/api, which know their wrapper key.
 */
import { parseJsonKeepingIds } from "./json";
import { LOCAL_CODES, fail, failWith, isRecord, ok, type CrmError, type CrmResult } from "./result";

/** A readable HTTP answer. `body` is undefined when there was no content. */
export interface RawAnswer {
  status?: number;
  body: unknown;
}

/** Zoho's error envelope `{code, message, status:"error", details}`, if `body` is one. */
export function envelopeError(body: unknown, status?: number): CrmError | undefined {
  if (!isRecord(body) || typeof body.code !== "string") return undefined;
  if (body.status !== "error" && body.code === "SUCCESS") return undefined;
  if (body.status !== "error" && status === undefined) return undefined;
  const error: CrmError = {
    // An envelope without a code is still an error; it just cannot be named.
    code: body.code !== "" ? body.code : LOCAL_CODES.unreadable,
    message: typeof body.message === "string" ? body.message : "",
    details: isRecord(body.details) ? body.details : {},
  };
  if (status !== undefined) error.status = status;
  return error;
}

/** The first item-level error in a wrapper, for answers that failed as a whole. */
function firstItemError(body: unknown, status: number): CrmError | undefined {
  if (!isRecord(body)) return undefined;
  for (const value of Object.values(body)) {
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      const error = envelopeError(item, status);
      if (error) return error;
    }
  }
  return undefined;
}

function fromHttp(status: number, body: unknown): CrmResult<RawAnswer> {
  if (status >= 400) {
    const error = envelopeError(body, status) ?? firstItemError(body, status);
    if (error) return failWith(error);
    return fail(LOCAL_CODES.httpStatus, `HTTP ${status}`, {}, status);
  }
  const error = envelopeError(body);
  if (error) return failWith({ ...error, status });
  return ok({ status, body: isEmpty(body) ? undefined : body });
}

function isEmpty(body: unknown): boolean {
  return body === undefined || body === null || body === "";
}

function isHttpStatus(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 100 && value < 600;
}

/** ZRC resolved: `{status, data, headers}`, possibly with status ≥ 400. */
export function decodeZrcAnswer(answer: unknown): CrmResult<RawAnswer> {
  if (!isRecord(answer) || !isHttpStatus(answer.status)) {
    return fail(LOCAL_CODES.unreadable, "ZRC answered without an HTTP status");
  }
  let body = answer.data;
  if (typeof body === "string" && body.trim() !== "") {
    const parsed = tryParse(body);
    if (!parsed.ok) {
      return answer.status >= 400
        ? fail(LOCAL_CODES.httpStatus, `HTTP ${answer.status}`, {}, answer.status)
        : fail(LOCAL_CODES.unreadable, "ZRC answered with a body that is not JSON", {}, answer.status);
    }
    body = parsed.value;
  }
  return fromHttp(answer.status, body);
}

/**
 * ZRC's error kinds, as the docs name them (`errorType`) and as SDK 1.5
 * builds them (Error instances whose `name` or `type` says the kind).
 */
const ZRC_ERROR_CODES: Record<string, string> = {
  PermissionException: LOCAL_CODES.zrcRefused,
  ZrcValidationError: LOCAL_CODES.zrcInvalid,
  ZRC_VALIDATION_FAILED_ERROR: LOCAL_CODES.zrcInvalid,
  ConnectionError: LOCAL_CODES.network,
  ZRC_CONNECTION_ERROR: LOCAL_CODES.network,
};

/** ZRC rejected: an error with `errorType`, or `{error, request, response}`. */
export function decodeZrcFailure(reason: unknown): CrmResult<RawAnswer> {
  if (isRecord(reason) && isRecord(reason.response) && isHttpStatus(reason.response.status)) {
    const status = reason.response.status;
    // A rejection that carries a 2xx body is still a failure we cannot vouch for.
    if (status < 400) return fail(LOCAL_CODES.transport, "ZRC rejected a request that the CRM answered", {}, status);
    return decodeZrcAnswer({ status, data: reason.response.data });
  }
  const inner = isRecord(reason) && isRecord(reason.error) ? reason.error : reason;
  const kinds = ["errorType", "type", "name"].map((key) => readString(inner, key));
  // Own keys only: "constructor" or "toString" must not find Object's built-ins.
  const known = (candidate: string | undefined): candidate is string => candidate !== undefined && Object.prototype.hasOwnProperty.call(ZRC_ERROR_CODES, candidate);
  const kind = kinds.find(known) ?? kinds.find(Boolean);
  const message = readString(inner, "errorMessage") ?? readString(inner, "message") ?? kind ?? "";
  const details: Record<string, unknown> = kind ? { errorType: kind } : {};
  const code = known(kind) ? ZRC_ERROR_CODES[kind] : undefined;
  if (code) return fail(code, message, details);
  if (message) return fail(LOCAL_CODES.transport, message, details);
  return fail(LOCAL_CODES.unreadable, "ZRC failed without saying why");
}

/** CONNECTION.invoke resolved: `{code:"SUCCESS", details:{statusMessage}}`. */
export function decodeConnectionAnswer(answer: unknown): CrmResult<RawAnswer> {
  if (!isRecord(answer)) return fail(LOCAL_CODES.unreadable, "The connection answered with no wrapper");
  if (answer.code !== "SUCCESS") {
    const code = typeof answer.code === "string" ? answer.code : LOCAL_CODES.connectionFailed;
    const message = readString(answer, "message") ?? "The connection call failed";
    return fail(LOCAL_CODES.connectionFailed, message, { connectionCode: code });
  }
  const details = isRecord(answer.details) ? answer.details : {};
  let body = details.statusMessage;
  if (typeof body === "string") {
    if (body.trim() === "") return ok({ body: undefined });
    const parsed = tryParse(body);
    if (!parsed.ok) return fail(LOCAL_CODES.unreadable, "The connection answered with a body that is not JSON");
    body = parsed.value;
  }
  if (body === undefined || body === null) return ok({ body: undefined });
  const error = envelopeError(body);
  if (error) return failWith(error);
  return ok({ body });
}

/** CONNECTION.invoke rejected. */
export function decodeConnectionFailure(reason: unknown): CrmResult<RawAnswer> {
  const message =
    readString(reason, "message") ?? (typeof reason === "string" ? reason : "The connection call was rejected");
  const error = envelopeError(reason) ?? (isRecord(reason) ? envelopeError(reason.details) : undefined);
  if (error) return failWith(error);
  return fail(LOCAL_CODES.connectionFailed, message);
}

function tryParse(text: string): CrmResult<unknown> {
  try {
    return ok(parseJsonKeepingIds(text));
  } catch {
    return fail(LOCAL_CODES.unreadable, "not JSON");
  }
}

function readString(value: unknown, key: string): string | undefined {
  if (!isRecord(value)) return undefined;
  const field = value[key];
  return typeof field === "string" && field !== "" ? field : undefined;
}
