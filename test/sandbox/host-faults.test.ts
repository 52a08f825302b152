/**
 * Fault injection in the host page (sandbox/host/faults.ts): the `fault=`
 * syntax, route matching, what each kind does to a call, and how a page or
 * the environment selects them.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { restRequestOf } from "../../sandbox/host/call-log";
import {
  DEFAULT_DELAY_MS,
  FaultRejection,
  matchesRoute,
  parseFaults,
  withFaults,
  withRejections,
  type FaultHit,
  type FaultRule,
} from "../../sandbox/host/faults";
import type { MockAnswer, MockCaller } from "../../sandbox/host/mock-client";
import { SEED } from "../../sandbox/seed/ids";
import { startSandbox, type Sandbox } from "../../sandbox/server";

const DEAL = SEED.records.dealUnlocked;
const LOCK_PATH = `/crm/v8/Deals/${DEAL}/Locking_Information__s`;

function rules(spec: string): FaultRule[] {
  const parsed = parseFaults(spec);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rules;
}

function errorOf(spec: string): string {
  const parsed = parseFaults(spec);
  if (parsed.ok) throw new Error(`${spec} parsed`);
  return parsed.error;
}

describe("parseFaults", () => {
  it("reads method, route, kind and count", () => {
    expect(rules("GET:lock:500*1")).toEqual([
      { source: "GET:lock:500*1", method: "GET", segments: ["*", "*", "Locking_Information__s", "**"], kind: "500", times: 1 },
    ]);
    expect(rules("POST:/Deals/{id}/Locking_Information__s:silent")).toEqual([
      { source: "POST:/Deals/{id}/Locking_Information__s:silent", method: "POST", segments: ["Deals", "*", "Locking_Information__s"], kind: "silent" },
    ]);
  });

  it("takes every method when none is given or it is *, and /crm/v8 may be written", () => {
    const [plain] = rules("share:reject");
    const [star] = rules("*:/crm/v8/Deals/*/actions/share:reject");
    expect(plain?.method).toBeUndefined();
    expect(star?.method).toBeUndefined();
    expect(star?.segments).toEqual(["Deals", "*", "actions", "share"]);
    expect(plain?.segments).toEqual(["*", "*", "actions", "share"]);
  });

  it("gives delay a default longer than the widget's 15 s timeout, or the milliseconds written", () => {
    expect(DEFAULT_DELAY_MS).toBeGreaterThan(15_000);
    expect(rules("lock:delay")[0]?.delayMs).toBe(DEFAULT_DELAY_MS);
    expect(rules("lock:delay=2500*3")[0]).toMatchObject({ kind: "delay", delayMs: 2500, times: 3 });
  });

  it("reads several rules separated by commas and from several sources, in order", () => {
    const parsed = parseFaults("GET:lock:429*2, PUT:share:delay", undefined, "", "users:500");
    expect(parsed.ok && parsed.rules.map((rule) => rule.source)).toEqual(["GET:lock:429*2", "PUT:share:delay", "users:500"]);
    expect(parseFaults(undefined, null, " ")).toEqual({ ok: true, rules: [] });
  });

  it("says what is wrong with a bad rule", () => {
    expect(errorOf("lock")).toMatch(/\[METHOD:\]ROUTE:KIND/);
    expect(errorOf("FETCH:lock:500")).toMatch(/unknown method FETCH/);
    expect(errorOf("lock:503")).toMatch(/unknown kind 503/);
    expect(errorOf("lock:500*0")).toMatch(/at least 1/);
    expect(errorOf("lock:delay=9999999")).toMatch(/at most/);
    expect(errorOf("locks:500")).toMatch(/unknown route locks/);
    expect(errorOf("GET:/Deals/<x>:500")).toMatch(/bad path/);
    expect(errorOf("GET:lock:500,oops")).toMatch(/fault "oops"/);
  });
});

describe("matchesRoute", () => {
  const [lock] = rules("lock:500");
  const [readLock] = rules("GET:lock:500");
  const [owner] = rules("owner:500");
  const [dealsOnly] = rules("/Deals/*/actions/share:500");
  if (!lock || !readLock || !owner || !dealsOnly) throw new Error("rules did not parse");

  it("matches the lock reads and writes of any record, with or without a lock id and query", () => {
    expect(matchesRoute(lock, "GET", `${LOCK_PATH}?fields=Lock_Source__s`)).toBe(true);
    expect(matchesRoute(lock, "post", LOCK_PATH)).toBe(true);
    expect(matchesRoute(lock, "DELETE", `${LOCK_PATH}/5725767000000999001`)).toBe(true);
    expect(matchesRoute(lock, "GET", `/crm/v8/Deals/${DEAL}`)).toBe(false);
    expect(matchesRoute(lock, "GET", "/crm/v8/settings/record_locking_configurations?module=Deals")).toBe(false);
  });

  it("checks the method", () => {
    expect(matchesRoute(readLock, "GET", LOCK_PATH)).toBe(true);
    expect(matchesRoute(readLock, "POST", LOCK_PATH)).toBe(false);
  });

  it("lets ** stand for any number of segments and names match exactly", () => {
    expect(matchesRoute(owner, "POST", `/crm/v8/Deals/${DEAL}/actions/change_owner`)).toBe(true);
    expect(matchesRoute(owner, "POST", "/crm/v8/Deals/actions/change_owner")).toBe(true);
    expect(matchesRoute(owner, "POST", "/crm/v8/Deals/actions/change_owner/x")).toBe(false);
    expect(matchesRoute(dealsOnly, "PUT", `/crm/v8/Deals/${DEAL}/actions/share`)).toBe(true);
    expect(matchesRoute(dealsOnly, "PUT", `/crm/v8/Leads/${DEAL}/actions/share`)).toBe(false);
  });

  it("names the search and the record count", () => {
    const [search] = rules("search:500");
    const [count] = rules("count:429");
    if (!search || !count) throw new Error("rules did not parse");
    expect(matchesRoute(search, "GET", "/crm/v8/Deals/search?criteria=(Locked__s:equals:true)")).toBe(true);
    expect(matchesRoute(search, "GET", `/crm/v8/Deals/${DEAL}`)).toBe(false);
    expect(matchesRoute(count, "GET", "/crm/v8/Deals/actions/count?criteria=x")).toBe(true);
    expect(matchesRoute(count, "GET", "/crm/v8/Deals/search")).toBe(false);
  });

  it("matches only CRM API paths", () => {
    expect(matchesRoute(lock, "GET", `/app/Deals/${DEAL}/Locking_Information__s`)).toBe(false);
  });
});

describe("withFaults", () => {
  const OK: MockAnswer = { status: 200, headers: {}, text: '{"data":[]}', body: { data: [] } };

  function harness(spec: string) {
    const sent: string[] = [];
    const hits: FaultHit[] = [];
    const slept: number[] = [];
    const inner: MockCaller = async (method, path) => {
      sent.push(`${method} ${path}`);
      return OK;
    };
    const call = withFaults(inner, rules(spec), {
      onHit: (hit) => hits.push(hit),
      sleep: async (ms) => {
        slept.push(ms);
      },
    });
    return { call, sent, hits, slept };
  }

  it("answers 500 INTERNAL_ERROR without reaching the API", async () => {
    const { call, sent, hits } = harness("GET:lock:500");
    const answer = await call("GET", LOCK_PATH);
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({ code: "INTERNAL_ERROR", message: "Internal Server Error", status: "error", details: {} });
    expect(JSON.parse(answer.text)).toEqual(answer.body);
    expect(sent).toEqual([]);
    expect(hits).toEqual([{ rule: "GET:lock:500", kind: "500", method: "GET", path: LOCK_PATH }]);
  });

  it("answers 429 TOO_MANY_REQUESTS for the first N calls, then lets them through", async () => {
    const { call, sent } = harness("GET:lock:429*2");
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await call("GET", LOCK_PATH)).status);
    expect(statuses).toEqual([429, 429, 200, 200]);
    expect(sent).toEqual([`GET ${LOCK_PATH}`, `GET ${LOCK_PATH}`]);
    const answer = await harness("lock:429").call("GET", LOCK_PATH);
    expect(answer.body).toMatchObject({ code: "TOO_MANY_REQUESTS", status: "error" });
  });

  it("leaves other routes and methods alone", async () => {
    const { call, sent, hits } = harness("POST:lock:500");
    expect((await call("GET", LOCK_PATH)).status).toBe(200);
    expect((await call("GET", "/crm/v8/users?type=AllUsers")).status).toBe(200);
    expect(sent).toHaveLength(2);
    expect(hits).toEqual([]);
  });

  it("delay sends the call at once and holds the answer", async () => {
    const { call, sent, slept } = harness("POST:lock:delay");
    const answer = await call("POST", LOCK_PATH, { body: "{}" });
    expect(answer).toBe(OK);
    expect(sent).toEqual([`POST ${LOCK_PATH}`]);
    expect(slept).toEqual([DEFAULT_DELAY_MS]);
  });

  it("silent never answers and never reaches the API", async () => {
    const { call, sent, hits } = harness("POST:lock:silent*1");
    let answered = false;
    void call("POST", LOCK_PATH).then(() => (answered = true));
    // The fault has hit: every step the call makes before it would answer has run, and it has not answered.
    await vi.waitFor(() => expect(hits).toHaveLength(1));
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false);
    expect(sent).toEqual([]);
    expect((await call("POST", LOCK_PATH)).status).toBe(200);
  });

  it("reject throws a FaultRejection that withRejections answers with EVENT_RESPONSE_FAILURE", async () => {
    const { call, sent } = harness("lock:reject");
    await expect(call("GET", LOCK_PATH)).rejects.toBeInstanceOf(FaultRejection);
    expect(sent).toEqual([]);

    const answer = withRejections(async () => {
      await call("GET", LOCK_PATH);
      return { ok: true, data: "unreachable" };
    });
    expect(await answer({ category: "ZRC_REQUEST" })).toEqual({
      ok: false,
      data: expect.objectContaining({ errorType: "ConnectionError", errorMessage: expect.stringContaining("reject") }),
    });
    const other = withRejections(async () => {
      throw new Error("a real bug");
    });
    await expect(other({ category: "ZRC_REQUEST" })).rejects.toThrow("a real bug");
  });

  it("uses the first rule that still applies", async () => {
    const { call } = harness("GET:lock:500*1,lock:429");
    expect((await call("GET", LOCK_PATH)).status).toBe(500);
    expect((await call("GET", LOCK_PATH)).status).toBe(429);
    expect((await call("POST", LOCK_PATH)).status).toBe(429);
  });
});

describe("restRequestOf", () => {
  it("names the method and path of ZRC and connection calls", () => {
    expect(restRequestOf({ category: "ZRC_REQUEST", url: `http://localhost:5050${LOCK_PATH}?fields=a`, requestConfig: { method: "post" } })).toBe(
      `POST ${LOCK_PATH}?fields=a`,
    );
    expect(restRequestOf({ category: "ZRC_REQUEST", url: `http://localhost:5050${LOCK_PATH}`, requestConfig: {} })).toBe(`GET ${LOCK_PATH}`);
    expect(
      restRequestOf({ category: "CRM_CONNECTION", data: { data: { url: `https://www.zohoapis.com${LOCK_PATH}`, method: "DELETE" } } }),
    ).toBe(`DELETE ${LOCK_PATH}`);
    expect(restRequestOf({ category: "READ", APIData: { Entity: "Deals" } })).toBeUndefined();
    expect(restRequestOf({ category: "ZRC_REQUEST", url: "not a url" })).toBeUndefined();
  });
});

describe("selecting faults", () => {
  let sandbox: Sandbox;
  const embeddedFaults = async (path: string) => {
    const response = await fetch(sandbox.url + path);
    const text = await response.text();
    const match = /<script type="application\/json" id="sandbox-config">([^<]*)<\/script>/.exec(text);
    const config = JSON.parse(match?.[1] ?? "{}") as { faults?: FaultRule[] };
    return { status: response.status, text, faults: config.faults?.map((rule) => rule.source) };
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, latencyMs: 0, faults: "users:500*1" });
  });
  afterAll(() => sandbox.close());

  it("puts a page's fault= rules first and the sandbox's after them", async () => {
    const page = await embeddedFaults(`/record?module=Deals&id=${DEAL}&fault=GET:lock:500*1&fault=POST:lock:silent`);
    expect(page.status).toBe(200);
    expect(page.faults).toEqual(["GET:lock:500*1", "POST:lock:silent", "users:500*1"]);
    expect((await embeddedFaults("/settings")).faults).toEqual(["users:500*1"]);
  });

  it("refuses a page with a bad fault= and says why", async () => {
    const page = await embeddedFaults(`/record?module=Deals&id=${DEAL}&fault=GET:lock:503`);
    expect(page.status).toBe(400);
    expect(page.text).toContain("unknown kind 503");
  });

  it("takes the sandbox's faults from SANDBOX_FAULTS when none are given", async () => {
    process.env.SANDBOX_FAULTS = "POST:share:reject";
    try {
      const fromEnv = await startSandbox({ port: 0 });
      try {
        const response = await fetch(`${fromEnv.url}/record?module=Deals&id=${DEAL}`);
        expect(await response.text()).toContain('"source":"POST:share:reject"');
      } finally {
        await fromEnv.close();
      }
    } finally {
      delete process.env.SANDBOX_FAULTS;
    }
  });

  it("refuses to start with bad faults", async () => {
    await expect(startSandbox({ port: 0, faults: "nowhere:500" })).rejects.toThrow(/unknown route nowhere/);
  });

  it("leaves the mock REST API itself alone", async () => {
    const response = await fetch(`${sandbox.url}/crm/v8/users?type=AllUsers`);
    expect(response.status).toBe(200);
  });
});
