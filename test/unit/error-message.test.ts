import { describe, expect, it } from "vitest";
import type { CrmError } from "../../widget-src/crm/result";
import { errorMessage } from "../../widget-src/i18n/error-message";

/** Every error code named in the API contract (docs/crm-api.md#error-codes). */
const CONTRACT_CODES = [
  "ALREADY_ACTIVATED",
  "AMBIGUITY_DURING_PROCESSING",
  "API_NOT_SUPPORTED",
  "AUTHENTICATION_FAILED",
  "AUTHENTICATION_FAILURE",
  "AUTHORIZATION_FAILED",
  "BAD_REQUEST",
  "CANNOT_PROCESS",
  "CANNOT_REMOVE",
  "DEPENDENT_FIELD_MISSING",
  "DUPLICATE_DATA",
  "ENTITY_ID_INVALID",
  "EXPECTED_FIELD_MISSING",
  "EXPECTED_PARAM_MISSING",
  "FEATURE_NOT_SUPPORTED",
  "INTERNAL_ERROR",
  "INTERNAL_SERVER_ERROR",
  "INVALID_DATA",
  "INVALID_MODULE",
  "INVALID_QUERY",
  "INVALID_REQUEST_METHOD",
  "INVALID_TOKEN",
  "INVALID_URL_PATTERN",
  "LICENSE_LIMIT_EXCEEDED",
  "LIMIT_EXCEEDED",
  "LIMIT_REACHED",
  "MANDATORY_NOT_FOUND",
  "NOT_ALLOWED",
  "NOT_SUPPORTED",
  "NO_PERMISSION",
  "OAUTH_SCOPE_MISMATCH",
  "PATTERN_NOT_MATCHED",
  "RECORD_LOCKED",
  "REQUIRED_PARAM_MISSING",
  "SHARE_LIMIT_EXCEEDED",
  "TOO_MANY_REQUESTS",
  "UNABLE_TO_PARSE_DATA_TYPE",
];

const LOCAL = [
  "TIMEOUT",
  "UNREADABLE_RESPONSE",
  "TRANSPORT_FAILED",
  "NETWORK_ERROR",
  "ZRC_PERMISSION_DENIED",
  "ZRC_INVALID_REQUEST",
  "CONNECTION_FAILED",
  "NO_TRANSPORT",
  "HTTP_ERROR",
];

const error = (code: string, extra: Partial<CrmError> = {}): CrmError => ({ code, message: "zoho text", details: {}, ...extra });

describe("errorMessage", () => {
  it.each([...CONTRACT_CODES, ...LOCAL])("has a specific sentence for %s", (code) => {
    const text = errorMessage(error(code));
    expect(text).not.toMatch(/do not recognise/);
    expect(text).not.toMatch(/\{\w+\}/);
    expect(text.length).toBeGreaterThan(20);
  });

  it("gives every contract code its own sentence or a deliberate alias", () => {
    const texts = new Map<string, string[]>();
    for (const code of CONTRACT_CODES) {
      const text = errorMessage(error(code));
      texts.set(text, [...(texts.get(text) ?? []), code]);
    }
    const shared = [...texts.values()].filter((codes) => codes.length > 1).map((codes) => codes.sort().join("="));
    expect(shared.sort()).toEqual([
      "AUTHENTICATION_FAILED=AUTHENTICATION_FAILURE",
      "INTERNAL_ERROR=INTERNAL_SERVER_ERROR",
    ]);
  });

  it("shows the code of an unknown error, with Zoho's text", () => {
    const text = errorMessage(error("SOMETHING_NEW", { message: "odd" }));
    expect(text).toContain("SOMETHING_NEW");
    expect(text).toContain("odd");
  });

  it("picks the action's sentence where a code means different things", () => {
    expect(errorMessage(error("NOT_ALLOWED"), "unlock")).toMatch(/automatically by a rule/);
    expect(errorMessage(error("NOT_ALLOWED"), "readLock")).toMatch(/no record-locking configuration/);
    expect(errorMessage(error("NOT_ALLOWED"), "share")).toMatch(/Feeds/);
    expect(errorMessage(error("NOT_ALLOWED"), "threshold")).toBe(errorMessage(error("NOT_ALLOWED")));
  });

  it("warns that a timed-out write may have happened", () => {
    const timeout = error("TIMEOUT", { details: { ms: 15000 } });
    expect(errorMessage(timeout)).toBe(
      "Zoho CRM did not answer within 15 seconds. Check your connection and try again.",
    );
    expect(errorMessage(timeout, "lock")).toMatch(/may or may not have been saved/);
  });

  it("does not say a timed-out read may have saved something", () => {
    const read = error("TIMEOUT", { details: { ms: 15000, method: "GET" } });
    const write = error("TIMEOUT", { details: { ms: 15000, method: "PUT" } });
    for (const action of ["share", "config", "portal"] as const) {
      expect(errorMessage(read, action)).toBe("Zoho CRM did not answer within 15 seconds. Check your connection and try again.");
      expect(errorMessage(write, action)).toMatch(/may or may not have been saved/);
    }
  });

  it("fills the HTTP status", () => {
    expect(errorMessage(error("HTTP_ERROR", { status: 503 }))).toContain("503");
  });
});
