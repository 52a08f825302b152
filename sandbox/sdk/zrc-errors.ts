/**
 * The error objects ZRC rejects with. The host sends plain `{errorType,
 * errorMessage}` objects; the SDK turns them into Error instances whose
 * `name` tells the kind, as SDK 1.5 does, so a widget sees the same thing
 * with our stand-in and with Zoho's file.
 */
import { isRecord } from "./protocol";

class NamedError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

export const zrcValidationError = (message: string) => new NamedError("ZRC_VALIDATION_FAILED_ERROR", message);
export const zrcError = (message: string) => new NamedError("ZRC_ERROR", message);

export interface PermissionError extends Error {
  type: "PermissionException";
  code: unknown;
  detail: unknown;
}

function fromWire(wire: Record<string, unknown>): Error {
  const message = typeof wire.errorMessage === "string" ? wire.errorMessage : "";
  switch (wire.errorType) {
    case "ZrcValidationError":
      return zrcValidationError(message || "validation failed with your zrc request");
    case "ApiError":
      return new NamedError("ZRC_API_ERROR", message || "Your API request has failed");
    case "ConnectionError":
      return new NamedError("ZRC_CONNECTION_ERROR", message || "Connection request failed");
    case "PermissionException": {
      // Zoho's SDK reads errorCode/errorDetail; accept code/detail too.
      const error = new Error(message) as PermissionError;
      error.type = "PermissionException";
      error.code = wire.errorCode ?? wire.code;
      error.detail = wire.errorDetail ?? wire.detail;
      return error;
    }
    default:
      return zrcError(message || "something went wrong while setting up your zrc request");
  }
}

/** What a failed ZRC_REQUEST rejects with: a converted error, or the `{error, request, response}` wrapper with its error converted. */
export function convertFailure(failure: unknown): unknown {
  if (!isRecord(failure)) return failure;
  if (typeof failure.errorType === "string") return fromWire(failure);
  if (isRecord(failure.error) && typeof failure.error.errorType === "string") {
    return { ...failure, error: fromWire(failure.error) };
  }
  return failure;
}
