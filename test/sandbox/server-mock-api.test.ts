import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import { startSandbox, type Sandbox } from "../../sandbox/server";
import { createMockCaller } from "../../sandbox/host/mock-client";

describe("mock REST API over HTTP", () => {
  let sandbox: Sandbox;
  const api = (path: string, init: RequestInit = {}) => fetch(`${sandbox.url}/crm/v8${path}`, init);

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, latencyMs: 0 });
  });
  afterAll(() => sandbox.close());

  it("answers as the seeded administrator when no user is named", async () => {
    const response = await api(`/users/${SEED.users.standard}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = (await response.json()) as { users: { id: string }[] };
    expect(body.users[0]?.id).toBe(SEED.users.standard);
  });

  it("runs the call as the X-Sandbox-User user", async () => {
    // A disabled user has no valid session: the mock answers 401 for anything they call.
    const response = await api(`/users/${SEED.users.standard}`, { headers: { "X-Sandbox-User": SEED.users.inactive } });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "INVALID_TOKEN", status: "error" });
  });

  it("answers a malformed JSON body with a Zoho-style 400", async () => {
    const handle = vi.spyOn(sandbox.mock, "handle");
    const response = await api(`/Deals/${SEED.records.dealUnlocked}/Locking_Information__s`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"Locking_Information__s": [',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      code: "UNABLE_TO_PARSE_DATA_TYPE",
      message: "The request body is not valid JSON",
      status: "error",
      details: { expected_data_type: "jsonobject" },
    });
    expect(handle).not.toHaveBeenCalled();
    handle.mockRestore();
  });

  it("passes method, path, decoded query, user and parsed body to the mock", async () => {
    const handle = vi.spyOn(sandbox.mock, "handle");
    await api("/Deals/1/share?view=summary&name=a%20b", {
      method: "PUT",
      headers: { "X-Sandbox-User": SEED.users.standard, "content-type": "application/json" },
      body: JSON.stringify({ share: [{ id: "1" }] }),
    });
    expect(handle).toHaveBeenCalledWith({
      method: "PUT",
      path: "/crm/v8/Deals/1/share",
      query: { view: "summary", name: "a b" },
      userId: SEED.users.standard,
      body: { share: [{ id: "1" }] },
    });
    handle.mockRestore();
  });

  it("refuses methods the API does not have", async () => {
    const response = await api("/Deals", { method: "OPTIONS" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "INVALID_REQUEST_METHOD" });
  });

  it("POST /__sandbox/reset restores the seeded state; GET is refused", async () => {
    const reset = vi.spyOn(sandbox.mock, "reset");
    expect((await fetch(`${sandbox.url}/__sandbox/reset`)).status).toBe(405);
    expect(reset).not.toHaveBeenCalled();
    const response = await fetch(`${sandbox.url}/__sandbox/reset`, { method: "POST" });
    expect(response.status).toBe(200);
    expect(reset).toHaveBeenCalledTimes(1);
    reset.mockRestore();
  });
});

describe("latency", () => {
  const timed = async (url: string, headers: Record<string, string> = {}) => {
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.text();
    return performance.now() - started;
  };

  it("delays every mock answer by latencyMs, and a page's latency header overrides it", async () => {
    // Wide margins: an undelayed answer once took 288 ms while the browser tests loaded the machine.
    const sandbox = await startSandbox({ port: 0, latencyMs: 1_000 });
    try {
      const url = `${sandbox.url}/crm/v8/users/${SEED.users.admin}`;
      expect(await timed(url)).toBeGreaterThanOrEqual(990);
      expect(await timed(url, { "X-Sandbox-Latency": "0" })).toBeLessThan(700);
      // Host pages themselves are not delayed.
      expect(await timed(`${sandbox.url}/settings`)).toBeLessThan(700);
    } finally {
      await sandbox.close();
    }
  });

  it("a host page waits out its latency itself: the server answers at once and frees the connection", async () => {
    const sandbox = await startSandbox({ port: 0, latencyMs: 5_000 });
    try {
      let fetched = Number.NaN;
      const started = performance.now();
      const timedFetch: typeof fetch = async (...args) => {
        const response = await fetch(...args);
        fetched = performance.now() - started;
        return response;
      };
      const answer = await createMockCaller(sandbox.url, 1_000, timedFetch)("GET", `/crm/v8/users/${SEED.users.admin}`);
      const answered = performance.now() - started;
      expect(answer.status).toBe(200);
      // Browsers open at most 6 connections to the sandbox: an answer held on the server would hold one,
      // for the server's 5 s or the page's 1 s. (Wide margins: the machine may be busy with browser tests.)
      expect(fetched).toBeLessThan(700);
      expect(answered).toBeGreaterThanOrEqual(995);
      expect(answered).toBeLessThan(4_000);
    } finally {
      await sandbox.close();
    }
  });

  it("reads SANDBOX_LATENCY_MS when no latency is given", async () => {
    vi.stubEnv("SANDBOX_LATENCY_MS", "250");
    const sandbox = await startSandbox({ port: 0 });
    try {
      expect(await timed(`${sandbox.url}/crm/v8/users/${SEED.users.admin}`)).toBeGreaterThanOrEqual(240);
    } finally {
      vi.unstubAllEnvs();
      await sandbox.close();
    }
  });

  it("close() does not wait for delayed answers", async () => {
    const sandbox = await startSandbox({ port: 0, latencyMs: 5_000 });
    // Close once the request has reached the mock, and is waiting out its latency.
    const handle = sandbox.mock.handle.bind(sandbox.mock);
    const arrived = new Promise<void>((resolve) => {
      sandbox.mock.handle = (request) => {
        resolve();
        return handle(request);
      };
    });
    const pending = fetch(`${sandbox.url}/crm/v8/users/${SEED.users.admin}`).catch(() => "aborted");
    await arrived;
    const started = performance.now();
    await sandbox.close();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(await pending).toBe("aborted");
  });
});

describe("the scale variant", () => {
  it("seeds the scale variant from the locked option or SANDBOX_LOCKED, and refuses a bad SANDBOX_LOCKED", async () => {
    const lockedDeals = async (sandbox: Sandbox) => {
      const response = await fetch(`${sandbox.url}/crm/v8/Deals/actions/count?criteria=${encodeURIComponent("(Locked__s:equals:true)")}`);
      return ((await response.json()) as { count: number }).count;
    };
    const plain = await startSandbox({ port: 0 });
    const byOption = await startSandbox({ port: 0, locked: 40 });
    vi.stubEnv("SANDBOX_LOCKED", "80");
    const byEnv = await startSandbox({ port: 0 });
    try {
      const base = await lockedDeals(plain);
      expect(await lockedDeals(byOption)).toBe(base + 10);
      expect(await lockedDeals(byEnv)).toBe(base + 20);
      vi.stubEnv("SANDBOX_LOCKED", "many");
      await expect(startSandbox({ port: 0 })).rejects.toThrow(/SANDBOX_LOCKED/);
    } finally {
      vi.unstubAllEnvs();
      await Promise.all([plain.close(), byOption.close(), byEnv.close()]);
    }
  });
});
