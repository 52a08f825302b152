/**
 * The host page's count of the widget's CRM API calls (window.__sandboxCalls)
 * and the round-trip ("wave") count that `npm run bench` derives from it.
 */
import { describe, expect, it } from "vitest";
import type { Answerer } from "../../sandbox/host/answers";
import { apiCallCategory, countRoundTrips, countWaves, createCallLog, withCallLog } from "../../sandbox/host/call-log";

describe("apiCallCategory", () => {
  it("names the CRM_EVENTs answered from the CRM API", () => {
    expect(apiCallCategory({ category: "ZRC_REQUEST", url: "http://localhost/crm/v8/org" })).toBe("zrc_request");
    expect(apiCallCategory({ category: "CRM_CONNECTION", connectionName: "recordguardcrm" })).toBe("crm_connection");
    expect(apiCallCategory({ category: "READ", APIData: { Entity: "Deals" } })).toBe("read");
    expect(apiCallCategory({ category: "USER", Type: "AllUsers" })).toBe("user");
    expect(apiCallCategory({ category: "CONFIG", type: "CURRENT_USER" })).toBe("config_current_user");
    expect(apiCallCategory({ category: "CONFIG", type: "ORG" })).toBe("config_org");
  });

  it("leaves out what the page answers by itself", () => {
    for (const request of [
      { category: "GET_PARENT_URL" },
      { category: "UI", action: "RESIZE" },
      { category: "CONFIG", type: "USER_PREFERENCE" },
      { category: "CONFIG", type: "ORG_LEVEL_INFO" },
      { category: "SOMETHING_ELSE" },
      {},
    ]) {
      expect(apiCallCategory(request)).toBeUndefined();
    }
  });
});

describe("withCallLog", () => {
  it("counts API calls by category with start and answer times, and passes answers through", async () => {
    let clock = 0;
    const log = createCallLog();
    const inner: Answerer = async (request) => {
      clock += 200; // the answer takes 200 ms
      return { ok: request.category !== "USER", data: request.category };
    };
    const answer = withCallLog(inner, log, () => clock);

    expect(await answer({ category: "READ", APIData: {} })).toEqual({ ok: true, data: "READ" });
    expect(await answer({ category: "UI", action: "RESIZE" })).toEqual({ ok: true, data: "UI" });
    expect(await answer({ category: "USER", ID: "1" })).toEqual({ ok: false, data: "USER" });

    expect(log.counts).toEqual({ zrc_request: 0, crm_connection: 0, read: 1, user: 1, config_current_user: 0, config_org: 0 });
    expect(log.calls).toEqual([
      { category: "read", startedAt: 0, answeredAt: 200 },
      { category: "user", startedAt: 400, answeredAt: 600 },
    ]);
  });

  it("logs the answer time of a call whose answerer throws", async () => {
    let clock = 10;
    const log = createCallLog();
    const answer = withCallLog(async () => {
      clock = 30;
      throw new Error("boom");
    }, log, () => clock);
    await expect(answer({ category: "ZRC_REQUEST" })).rejects.toThrow("boom");
    expect(log.calls).toEqual([{ category: "zrc_request", startedAt: 10, answeredAt: 30 }]);
  });
});

describe("countWaves", () => {
  it("is 0 without calls and 1 for calls started together", () => {
    expect(countWaves([])).toBe(0);
    expect(countWaves([12])).toBe(1);
    expect(countWaves([100, 101, 130, 150])).toBe(1);
  });

  it("opens a new wave for a call started more than the window after the wave's first call", () => {
    // 0 and 40 together; 210 waited for an answer; 260 is 50 ms after 210 (joins); 261 would not.
    expect(countWaves([0, 40, 210, 260])).toBe(2);
    expect(countWaves([0, 40, 210, 261])).toBe(3);
  });

  it("measures from the wave's first call, not the previous call, and ignores input order", () => {
    expect(countWaves([90, 0, 30, 60])).toBe(2);
    expect(countWaves([0, 30, 60, 90], 100)).toBe(1);
  });
});

describe("countRoundTrips", () => {
  it("counts calls started before any answer as one round trip", () => {
    expect(countRoundTrips([])).toBe(0);
    expect(countRoundTrips([{ startedAt: 0, answeredAt: 200 }, { startedAt: 45, answeredAt: 240 }, { startedAt: 90, answeredAt: 300 }])).toBe(1);
  });

  it("puts a call started after an answer one round trip deeper, however close the starts", () => {
    const user = { startedAt: 0, answeredAt: 200 };
    const modules = { startedAt: 40, answeredAt: 240 };
    const profile = { startedAt: 205, answeredAt: 400 };
    const configs = { startedAt: 260, answeredAt: 460 };
    expect(countRoundTrips([user, modules, profile, configs])).toBe(2);
    expect(countRoundTrips([user, modules, profile, configs, { startedAt: 470, answeredAt: 600 }])).toBe(3);
  });

  it("ignores calls still in flight as something to wait for", () => {
    expect(countRoundTrips([{ startedAt: 0 }, { startedAt: 300, answeredAt: 400 }])).toBe(1);
  });
});
