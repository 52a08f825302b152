/**
 * Every CRM call ends in a CrmResult: typed data, or a typed CrmError.
 * There is no third outcome, so an answer we could not read can never be
 * mistaken for success.
 */
export interface CrmError {
  /** Zoho's upper-case code (RECORD_LOCKED…) or one of LOCAL_CODES. */
  code: string;
  /** Zoho's own text, for logs and "details" toggles; never matched on. */
  message: string;
  details: Record<string, unknown>;
  /** HTTP status when the transport told us (ZRC does, CONNECTION does not). */
  status?: number;
}

/** Codes the widget itself produces when Zoho gave none. */
export const LOCAL_CODES = {
  timeout: "TIMEOUT",
  unreadable: "UNREADABLE_RESPONSE",
  transport: "TRANSPORT_FAILED",
  network: "NETWORK_ERROR",
  zrcRefused: "ZRC_PERMISSION_DENIED",
  zrcInvalid: "ZRC_INVALID_REQUEST",
  connectionFailed: "CONNECTION_FAILED",
  noTransport: "NO_TRANSPORT",
  httpStatus: "HTTP_ERROR",
} as const;

export type CrmResult<T> = { ok: true; value: T } | { ok: false; error: CrmError };

export function ok<T>(value: T): CrmResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(
  code: string,
  message: string,
  details: Record<string, unknown> = {},
  status?: number,
): CrmResult<T> {
  const error: CrmError = { code, message, details };
  if (status !== undefined) error.status = status;
  return { ok: false, error };
}

export function failWith<T = never>(error: CrmError): CrmResult<T> {
  return { ok: false, error };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
