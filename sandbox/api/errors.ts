/**
 * Error envelope helpers. Request-level errors are thrown as ApiError and
 * become a single top-level `{code, message, status:"error", details}` body;
 * item-level results are built with errorItem/successItem and returned inside
 * the resource's wrapper key.
 */
import type { MockResponse } from "./types";
import type { JsonObject } from "./json";

export interface ResultItem {
  code: string;
  status: "success" | "error";
  message: string;
  details: JsonObject;
}

export class ApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: string,
    message: string,
    readonly details: JsonObject = {},
  ) {
    super(message);
  }

  toResponse(): MockResponse {
    return {
      status: this.httpStatus,
      body: { code: this.code, message: this.message, status: "error", details: this.details },
    };
  }
}

/** An error raised while validating one item of a wrapper; caught per item. */
export class ItemError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: JsonObject = {},
    /** HTTP status to use when this is the only outcome. */
    readonly httpStatus = 400,
  ) {
    super(message);
  }

  toItem(): ResultItem {
    return errorItem(this.code, this.message, this.details);
  }
}

export function errorItem(code: string, message: string, details: JsonObject = {}): ResultItem {
  return { code, status: "error", message, details };
}

export function successItem(message: string, details: JsonObject = {}): ResultItem {
  return { code: "SUCCESS", status: "success", message, details };
}

/** A wrapper response for item results: okStatus if any item succeeded, else errorStatus. */
export function itemsResponse(
  wrapper: string,
  items: ResultItem[],
  okStatus = 200,
  errorStatus = 400,
): MockResponse {
  const anyOk = items.some((i) => i.status === "success");
  return { status: anyOk ? okStatus : errorStatus, body: { [wrapper]: items } };
}

// Common request-level errors.

export function requiredParam(param: string): ApiError {
  return new ApiError(400, "REQUIRED_PARAM_MISSING", "One of the expected parameter is missing", {
    param,
    param_name: param,
  });
}

export function invalidModule(index = 0): ApiError {
  return new ApiError(400, "INVALID_MODULE", "the module name given seems to be invalid", {
    resource_path_index: index,
  });
}

export function invalidPathId(index: number, message = "the id given seems to be invalid"): ApiError {
  return new ApiError(400, "INVALID_DATA", message, { resource_path_index: index });
}

export function noPermission(message: string, permissions: string[] = []): ApiError {
  return new ApiError(403, "NO_PERMISSION", message, permissions.length ? { permissions } : {});
}

export function featureNotSupported(): ApiError {
  return new ApiError(400, "FEATURE_NOT_SUPPORTED", "the feature is not supported in your edition", {});
}

export function mandatoryNotFound(apiName: string, jsonPath: string): ItemError {
  return new ItemError("MANDATORY_NOT_FOUND", "required field not found", {
    api_name: apiName,
    json_path: jsonPath,
  });
}

export function invalidField(apiName: string, jsonPath: string, message = "invalid data", extra: JsonObject = {}): ItemError {
  return new ItemError("INVALID_DATA", message, { api_name: apiName, json_path: jsonPath, ...extra });
}
