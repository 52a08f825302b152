import { describe, expect, it } from "vitest";
import {
  decodeConnectionAnswer,
  decodeConnectionFailure,
  decodeZrcAnswer,
  decodeZrcFailure,
} from "../../widget-src/crm/decode";

const LOCK_ID = "5725767000000123457";
const lockedBody = { data: [{ id: LOCK_ID, Lock_Source__s: "Manual" }] };
const envelope = { code: "NOT_ALLOWED", message: "already locked", status: "error", details: { id: "1" } };

describe("ZRC answers", () => {
  it("returns the body of a 200", () => {
    expect(decodeZrcAnswer({ status: 200, data: lockedBody, headers: {} })).toEqual({
      ok: true,
      value: { status: 200, body: lockedBody },
    });
  });

  it("treats a 204 as no content", () => {
    expect(decodeZrcAnswer({ status: 204, data: "" })).toEqual({ ok: true, value: { status: 204, body: undefined } });
  });

  it("parses a JSON string body and keeps long ids as strings", () => {
    const result = decodeZrcAnswer({ status: 200, data: `{"data":[{"id":${LOCK_ID}}]}` });
    expect(result).toEqual({ ok: true, value: { status: 200, body: { data: [{ id: LOCK_ID }] } } });
  });

  it("turns a resolved 4xx with the Zoho envelope into a typed error", () => {
    expect(decodeZrcAnswer({ status: 403, data: envelope })).toEqual({
      ok: false,
      error: { code: "NOT_ALLOWED", message: "already locked", details: { id: "1" }, status: 403 },
    });
  });

  it("finds an item-level error in a failed wrapper", () => {
    const body = { data: [{ code: "RECORD_LOCKED", status: "error", message: "locked", details: {} }] };
    const result = decodeZrcAnswer({ status: 400, data: body });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("RECORD_LOCKED");
  });

  it("reports a 5xx without a body by its status", () => {
    const result = decodeZrcAnswer({ status: 502, data: "<html>Bad gateway</html>" });
    expect(result).toMatchObject({ ok: false, error: { code: "HTTP_ERROR", status: 502 } });
  });

  it("refuses a 200 whose body is not JSON", () => {
    expect(decodeZrcAnswer({ status: 200, data: "<html>login</html>" })).toMatchObject({
      ok: false,
      error: { code: "UNREADABLE_RESPONSE" },
    });
  });

  it("treats an error envelope inside a 200 as an error", () => {
    expect(decodeZrcAnswer({ status: 200, data: envelope })).toMatchObject({
      ok: false,
      error: { code: "NOT_ALLOWED", status: 200 },
    });
  });

  it.each([undefined, null, "garbage", 42, [], { data: {} }, { status: "200" }, { status: 99 }])(
    "refuses %j as unreadable",
    (answer) => {
      expect(decodeZrcAnswer(answer)).toMatchObject({ ok: false, error: { code: "UNREADABLE_RESPONSE" } });
    },
  );
});

describe("ZRC rejections", () => {
  it("reads the CRM body from response.data", () => {
    const reason = { error: { errorType: "ApiError" }, request: {}, response: { status: 400, data: envelope } };
    expect(decodeZrcFailure(reason)).toMatchObject({ ok: false, error: { code: "NOT_ALLOWED", status: 400 } });
  });

  it("maps PermissionException to the code that triggers the fallback", () => {
    const reason = { errorType: "PermissionException", errorMessage: "not allowed", code: "x", detail: "y" };
    expect(decodeZrcFailure(reason)).toMatchObject({
      ok: false,
      error: { code: "ZRC_PERMISSION_DENIED", details: { errorType: "PermissionException" } },
    });
  });

  it("maps a wrapped ConnectionError", () => {
    const reason = { error: { errorType: "ConnectionError", errorMessage: "offline" } };
    expect(decodeZrcFailure(reason)).toMatchObject({ ok: false, error: { code: "NETWORK_ERROR", message: "offline" } });
  });

  it("recognises SDK 1.5's Error instances by name or type", () => {
    const permission = Object.assign(new Error("denied"), { type: "PermissionException" });
    expect(decodeZrcFailure(permission)).toMatchObject({ ok: false, error: { code: "ZRC_PERMISSION_DENIED" } });
    const offline = Object.assign(new Error("offline"), { name: "ZRC_CONNECTION_ERROR" });
    expect(decodeZrcFailure(offline)).toMatchObject({ ok: false, error: { code: "NETWORK_ERROR", message: "offline" } });
    const invalid = Object.assign(new Error("bad key"), { name: "ZRC_VALIDATION_FAILED_ERROR" });
    expect(decodeZrcFailure(invalid)).toMatchObject({ ok: false, error: { code: "ZRC_INVALID_REQUEST" } });
  });

  it("keeps the message of a plain Error", () => {
    expect(decodeZrcFailure(new TypeError("boom"))).toMatchObject({
      ok: false,
      error: { code: "TRANSPORT_FAILED", message: "boom" },
    });
  });

  it("never turns a rejection with a 2xx response into success", () => {
    const reason = { response: { status: 200, data: lockedBody } };
    expect(decodeZrcFailure(reason).ok).toBe(false);
  });

  it("reports a rejection without any information as unreadable", () => {
    expect(decodeZrcFailure(undefined)).toMatchObject({ ok: false, error: { code: "UNREADABLE_RESPONSE" } });
  });
});

describe("CONNECTION answers", () => {
  const wrap = (statusMessage: unknown) => ({ code: "SUCCESS", details: { statusMessage }, message: "ok", status: "success" });

  it("accepts statusMessage as an object", () => {
    expect(decodeConnectionAnswer(wrap(lockedBody))).toEqual({ ok: true, value: { body: lockedBody } });
  });

  it("accepts statusMessage as a JSON string and keeps long ids", () => {
    expect(decodeConnectionAnswer(wrap(`{"data":[{"id":${LOCK_ID}}]}`))).toEqual({
      ok: true,
      value: { body: { data: [{ id: LOCK_ID }] } },
    });
  });

  it("treats an empty statusMessage or none as no content (204)", () => {
    expect(decodeConnectionAnswer(wrap(""))).toEqual({ ok: true, value: { body: undefined } });
    expect(decodeConnectionAnswer({ code: "SUCCESS", details: {} })).toEqual({ ok: true, value: { body: undefined } });
  });

  it("finds the API's error envelope inside a SUCCESS wrapper", () => {
    expect(decodeConnectionAnswer(wrap(envelope))).toMatchObject({ ok: false, error: { code: "NOT_ALLOWED" } });
    expect(decodeConnectionAnswer(wrap(JSON.stringify(envelope)))).toMatchObject({
      ok: false,
      error: { code: "NOT_ALLOWED" },
    });
  });

  it("reports a wrapper that is not SUCCESS", () => {
    expect(decodeConnectionAnswer({ code: "INVALID_CONNECTION", message: "no such connection" })).toMatchObject({
      ok: false,
      error: { code: "CONNECTION_FAILED", message: "no such connection", details: { connectionCode: "INVALID_CONNECTION" } },
    });
  });

  it.each([undefined, "SUCCESS", 7, { details: { statusMessage: lockedBody } }])("refuses %j", (answer) => {
    expect(decodeConnectionAnswer(answer).ok).toBe(false);
  });

  it("refuses a statusMessage that is not JSON", () => {
    expect(decodeConnectionAnswer(wrap("<html>"))).toMatchObject({ ok: false, error: { code: "UNREADABLE_RESPONSE" } });
  });

  it("turns a rejected invoke into an error", () => {
    expect(decodeConnectionFailure(new Error("denied"))).toMatchObject({
      ok: false,
      error: { code: "CONNECTION_FAILED", message: "denied" },
    });
    expect(decodeConnectionFailure(envelope)).toMatchObject({ ok: false, error: { code: "NOT_ALLOWED" } });
  });
});
