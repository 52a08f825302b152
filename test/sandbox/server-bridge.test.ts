/**
 * The host page's answers to CRM_EVENT requests, run in node: against the
 * running sandbox for who-runs-the-call, and against a scripted caller for the
 * exact answer shapes.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createAnswerer, type UiActions } from "../../sandbox/host/answers";
import type { HostConfig } from "../../sandbox/host/config";
import { createMockCaller, type MockCaller } from "../../sandbox/host/mock-client";
import { SEED } from "../../sandbox/seed/ids";
import { startSandbox, type Sandbox } from "../../sandbox/server";

const PAGE = "http://localhost:5050/record?module=Deals&id=1";

function hostConfig(overrides: Partial<HostConfig> = {}): HostConfig {
  return {
    frame: "popup",
    widgetUrl: "http://127.0.0.1:5050/app/record.html",
    pageLoad: {},
    actingUserId: SEED.users.standard,
    theme: "day",
    zrcErrors: "resolve",
    zrcRefused: false,
    openAtOnce: false,
    ...overrides,
  };
}

const ui = (): UiActions & { [K in keyof UiActions]: ReturnType<typeof vi.fn> } => ({ resize: vi.fn(), close: vi.fn(), closeReload: vi.fn() });

/** A caller that records each call and answers with `text` and `status`. */
function scripted(status: number, text: string, headers: Record<string, string> = {}) {
  const calls: Parameters<MockCaller>[] = [];
  const call: MockCaller = async (...args) => {
    calls.push(args);
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    return { status, headers, text, body };
  };
  return { call, calls };
}

const zrcRequest = (method: string, url: string, body?: string) => ({
  category: "ZRC_REQUEST",
  url,
  options: {},
  requestConfig: { method, headers: body ? { "content-type": "application/json" } : {}, ...(body ? { body } : {}) },
  zrcVersion: "1.0",
  sdkVersion: "1.5",
});

const connection = (name: string, url: string, method: string, paramType: number, parameters?: unknown) => ({
  category: "CRM_CONNECTION",
  connectionName: name,
  data: { data: { url, method, param_type: paramType, parameters: JSON.stringify(parameters), headers: JSON.stringify({}) } },
  sdkVersion: "1.5",
});

describe("answers backed by the sandbox", () => {
  let sandbox: Sandbox;
  const answerer = (config: Partial<HostConfig> = {}) =>
    createAnswerer({ config: hostConfig(config), call: createMockCaller(sandbox.url, undefined), pageUrl: `${sandbox.url}/record`, ui: ui() });

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, latencyMs: 0 });
  });
  afterAll(() => sandbox.close());

  it("CONFIG CURRENT_USER resolves {users:[acting user]}", async () => {
    const answer = await answerer()({ category: "CONFIG", type: "CURRENT_USER", sdkVersion: "1.5" });
    expect(answer.ok).toBe(true);
    expect(answer.data).toMatchObject({ users: [{ id: SEED.users.standard }] });
  });

  it("CONFIG ORG_LEVEL_INFO and USER_PREFERENCE", async () => {
    const env = await answerer()({ category: "CONFIG", type: "ORG_LEVEL_INFO", sdkVersion: "1.5" });
    expect(env.data).toMatchObject({ deployment: "US", appDetails: { appUrl: sandbox.url } });
    expect(typeof (env.data as { ZUID: unknown }).ZUID).toBe("string");
    expect((await answerer({ theme: "night" })({ category: "CONFIG", type: "USER_PREFERENCE", sdkVersion: "1.5" })).data).toEqual({ mode: "night" });
  });

  it("READ answers getRecord with the REST body", async () => {
    const answer = await answerer()({ category: "READ", APIData: { Entity: "Deals", RecordID: SEED.records.dealUnlocked }, sdkVersion: "1.5" });
    expect(answer.ok).toBe(true);
    expect(answer.data).toMatchObject({ data: [{ id: SEED.records.dealUnlocked }] });
  });

  it("USER answers getAllUsers with {users, info}", async () => {
    const answer = await answerer()({ category: "USER", Type: "AllUsers", page: 1, per_page: 200, sdkVersion: "1.5" });
    expect(answer.ok).toBe(true);
    expect(answer.data).toMatchObject({ users: expect.arrayContaining([expect.objectContaining({ id: SEED.users.admin })]), info: expect.any(Object) });
  });

  it("ZRC_REQUEST runs as the acting user", async () => {
    const url = `${sandbox.url}/crm/v8/users/${SEED.users.admin}`;
    expect(await answerer()(zrcRequest("GET", url))).toMatchObject({ ok: true, data: { status: 200 } });
    // The same call by a disabled user fails: the call really carries the acting user.
    expect(await answerer({ actingUserId: SEED.users.inactive })(zrcRequest("GET", url))).toMatchObject({ ok: true, data: { status: 401, data: { code: "INVALID_TOKEN" } } });
  });

  it("CRM_CONNECTION runs as the connection owner (the administrator), not the acting user", async () => {
    const answer = await answerer({ actingUserId: SEED.users.inactive })(
      connection("recordguardcrm", `https://www.zohoapis.com/crm/v8/users/${SEED.users.standard}`, "GET", 1, {}),
    );
    expect(answer).toMatchObject({ ok: true, data: { code: "SUCCESS", status: "success", details: { statusMessage: { users: [{ id: SEED.users.standard }] } } } });
  });
});

describe("answer shapes", () => {
  const answerer = (call: MockCaller, config: Partial<HostConfig> = {}, actions = ui()) =>
    createAnswerer({ config: hostConfig(config), call, pageUrl: PAGE, ui: actions });

  it("GET_PARENT_URL answers the host page URL", async () => {
    expect(await answerer(scripted(200, "").call)({ category: "GET_PARENT_URL", sdkVersion: "1.5", zrcVersion: "1.0" })).toEqual({ ok: true, data: PAGE });
  });

  it("ZRC_REQUEST sends method, path with query, JSON body and content type; answers {status, data, headers}", async () => {
    const { call, calls } = scripted(201, '{"data":[{"code":"SUCCESS"}]}', { "content-type": "application/json" });
    const answer = await answerer(call)(zrcRequest("POST", "http://localhost:5050/crm/v8/Deals/1/share?x=1", '{"share":[]}'));
    expect(calls).toEqual([["POST", "/crm/v8/Deals/1/share?x=1", { userId: SEED.users.standard, body: '{"share":[]}', headers: { "content-type": "application/json" } }]]);
    expect(answer).toEqual({ ok: true, data: { status: 201, data: { data: [{ code: "SUCCESS" }] }, headers: { "content-type": "application/json" } } });
  });

  it("ZRC_REQUEST 204 answers an empty string as data", async () => {
    const answer = await answerer(scripted(204, "").call)(zrcRequest("GET", "http://localhost:5050/crm/v8/Deals/1/Locking_Information__s"));
    expect(answer).toEqual({ ok: true, data: { status: 204, data: "", headers: {} } });
  });

  it("ZRC_REQUEST error status resolves by default and rejects with {error, request, response} in reject mode", async () => {
    const body = '{"code":"RECORD_LOCKED","message":"locked","status":"error","details":{}}';
    const request = zrcRequest("DELETE", "http://localhost:5050/crm/v8/Deals/1/Locking_Information__s/2");
    expect(await answerer(scripted(400, body).call)(request)).toMatchObject({ ok: true, data: { status: 400, data: { code: "RECORD_LOCKED" } } });
    expect(await answerer(scripted(400, body).call, { zrcErrors: "reject" })(request)).toEqual({
      ok: false,
      data: {
        error: { errorType: "ApiError", errorMessage: "locked" },
        request: { url: request.url, method: "DELETE", headers: {} },
        response: { status: 400, data: JSON.parse(body) as unknown, headers: {} },
      },
    });
  });

  it("ZRC_REQUEST is refused with a PermissionException in zrc=refuse mode, without calling the API", async () => {
    const { call, calls } = scripted(200, "{}");
    const answer = await answerer(call, { zrcRefused: true })(zrcRequest("GET", "http://localhost:5050/crm/v8/users"));
    expect(answer.ok).toBe(false);
    expect(answer.data).toMatchObject({ errorType: "PermissionException", errorMessage: expect.any(String), code: expect.any(String), errorCode: expect.any(String) });
    expect(calls).toEqual([]);
  });

  it("ZRC_REQUEST to another origin or a non-CRM path fails with ZrcError", async () => {
    const { call, calls } = scripted(200, "{}");
    expect(await answerer(call)(zrcRequest("GET", "https://evil.example/crm/v8/users"))).toMatchObject({ ok: false, data: { errorType: "ZrcError" } });
    expect(await answerer(call)(zrcRequest("GET", "http://localhost:5050/__sandbox/reset"))).toMatchObject({ ok: false, data: { errorType: "ZrcError" } });
    expect(calls).toEqual([]);
  });

  it("CRM_CONNECTION maps the API domain to the mock, param_type 2 sends a JSON body, no acting user", async () => {
    const { call, calls } = scripted(200, '{"data":[{"code":"SUCCESS"}]}');
    const answer = await answerer(call)(connection("recordguardcrm", "https://www.zohoapis.eu/crm/v8/Deals/1/actions/change_owner", "POST", 2, { owner: { id: "9" } }));
    expect(calls).toEqual([["POST", "/crm/v8/Deals/1/actions/change_owner", { body: '{"owner":{"id":"9"}}', headers: { "content-type": "application/json" } }]]);
    expect(answer).toEqual({ ok: true, data: { code: "SUCCESS", details: { statusMessage: { data: [{ code: "SUCCESS" }] } }, message: "Connection invoked successfully", status: "success" } });
  });

  it("CRM_CONNECTION param_type 1 sends parameters as the query string", async () => {
    const { call, calls } = scripted(200, "{}");
    await answerer(call)(connection("recordguardcrm", "https://www.zohoapis.com.au/crm/v8/users?type=AllUsers", "GET", 1, { page: 2 }));
    expect(calls[0]?.slice(0, 2)).toEqual(["GET", "/crm/v8/users?type=AllUsers&page=2"]);
  });

  it("CRM_CONNECTION statusMessage: string for arrays and non-JSON, '' for 204, object for errors (still SUCCESS)", async () => {
    const statusMessage = async (status: number, text: string) => {
      const answer = await answerer(scripted(status, text).call)(connection("recordguardcrm", "https://www.zohoapis.com/crm/v8/x", "GET", 1));
      expect(answer).toMatchObject({ ok: true, data: { code: "SUCCESS" } });
      return (answer.data as { details: { statusMessage: unknown } }).details.statusMessage;
    };
    expect(await statusMessage(200, "[1,2]")).toBe("[1,2]");
    expect(await statusMessage(200, "not json")).toBe("not json");
    expect(await statusMessage(204, "")).toBe("");
    expect(await statusMessage(403, '{"code":"NO_PERMISSION","status":"error"}')).toEqual({ code: "NO_PERMISSION", status: "error" });
  });

  it("CRM_CONNECTION fails for another link name or a non-Zoho URL", async () => {
    const { call, calls } = scripted(200, "{}");
    expect((await answerer(call)(connection("someoneelse", "https://www.zohoapis.com/crm/v8/users", "GET", 1))).ok).toBe(false);
    expect((await answerer(call)(connection("recordguardcrm", "https://example.com/crm/v8/users", "GET", 1))).ok).toBe(false);
    expect((await answerer(call)(connection("recordguardcrm", "https://www.zohoapis.com.evil.net/crm/v8/users", "GET", 1))).ok).toBe(false);
    expect(calls).toEqual([]);
  });

  it("UI requests resize, close and close-and-reload the popup", async () => {
    const actions = ui();
    const answer = answerer(scripted(200, "").call, {}, actions);
    expect(await answer({ category: "UI", action: "RESIZE", data: { width: 500, height: "300" }, sdkVersion: "1.5" })).toEqual({ ok: true, data: true });
    expect(actions.resize).toHaveBeenCalledWith(500, 300);
    await answer({ category: "UI", action: { popup: "CLOSE" }, sdkVersion: "1.5" });
    expect(actions.close).toHaveBeenCalledTimes(1);
    await answer({ category: "UI", action: { popup: "CLOSE_RELOAD" }, sdkVersion: "1.5" });
    expect(actions.closeReload).toHaveBeenCalledTimes(1);
  });

  it("unknown categories fail instead of hanging", async () => {
    expect(await answerer(scripted(200, "").call)({ category: "FUNCTIONS_EXECUTE", sdkVersion: "1.5" })).toMatchObject({ ok: false, data: { code: "NOT_SUPPORTED" } });
  });
});
