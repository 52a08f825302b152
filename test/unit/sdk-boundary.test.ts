import { afterEach, describe, expect, it, vi } from "vitest";
import { bootstrap } from "../../widget-src/crm/bootstrap";
import type { ConnectionRequest } from "../../widget-src/crm/sdk-types";

const ID = "5725767000000123457";

/** A scripted ZOHO global that records the order of calls. */
function installSdk(options: { answerInit?: boolean; pageLoad?: unknown; zrc?: Record<string, unknown> } = {}) {
  const events: string[] = [];
  const handlers = new Map<string, (data: unknown) => void>();
  const invokes: Array<[string, ConnectionRequest]> = [];
  const sdk = {
    embeddedApp: {
      on: (event: string, handler: (data: unknown) => void) => {
        events.push(`on:${event}`);
        handlers.set(event, handler);
      },
      init: () => {
        events.push("init");
        if (options.answerInit === false) return new Promise(() => undefined);
        setTimeout(() => handlers.get("PageLoad")?.(options.pageLoad), 5);
        return Promise.resolve();
      },
    },
    CRM: {
      CONFIG: {
        getCurrentUser: () => Promise.resolve({ users: [{ id: ID }] }),
        GetCurrentEnvironment: () => Promise.resolve({ deployment: "EU" }),
      },
      API: { getRecord: () => Promise.resolve({ data: [] }) },
      UI: { Resize: vi.fn(() => Promise.resolve()), Popup: { close: vi.fn(() => Promise.resolve()), closeReload: vi.fn() } },
      CONNECTION: {
        invoke: (name: string, request: ConnectionRequest) => {
          invokes.push([name, request]);
          return Promise.resolve({ code: "SUCCESS", details: { statusMessage: { data: [{ id: ID }] } } });
        },
      },
    },
  };
  (globalThis as Record<string, unknown>).ZOHO = sdk;
  if (options.zrc) (globalThis as Record<string, unknown>).zrc = options.zrc;
  return { sdk, events, invokes };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).ZOHO;
  delete (globalThis as Record<string, unknown>).zrc;
});

describe("bootstrap", () => {
  it("says there is no SDK outside CRM", async () => {
    expect(await bootstrap({ needsPageLoad: true })).toEqual({ ok: false, reason: "no-sdk" });
  });

  it("registers PageLoad before init and reads the record context", async () => {
    const { events } = installSdk({ pageLoad: { Entity: "Deals", EntityId: [ID], ButtonPosition: "DetailView" } });
    const boot = await bootstrap({ needsPageLoad: true, timeoutMs: 500 });
    expect(events).toEqual(["on:PageLoad", "init"]);
    expect(boot.ok && boot.port.context).toEqual({ module: "Deals", recordIds: [ID], buttonPosition: "DetailView" });
  });

  it("gives up with 'timeout' when the host never answers", async () => {
    installSdk({ answerInit: false });
    expect(await bootstrap({ needsPageLoad: true, timeoutMs: 30 })).toEqual({ ok: false, reason: "timeout" });
  });

  it("does not wait for PageLoad in a web tab", async () => {
    installSdk({ pageLoad: undefined });
    const boot = await bootstrap({ needsPageLoad: false, timeoutMs: 500 });
    expect(boot.ok && boot.port.context).toEqual({ recordIds: [] });
  });
});

describe("the SDK-backed port", () => {
  it("sends REST calls through ZRC under /crm/v8 with the query as params", async () => {
    const get = vi.fn(() => Promise.resolve({ status: 204, data: "" }));
    installSdk({ pageLoad: {}, zrc: { get, post: vi.fn(), put: vi.fn(), delete: vi.fn(), patch: vi.fn() } });
    const boot = await bootstrap({ needsPageLoad: false, timeoutMs: 500 });
    if (!boot.ok) throw new Error("boot failed");
    const result = await boot.port.request("GET", `/Deals/${ID}/Locking_Information__s`, { query: { fields: "id" } });
    expect(get).toHaveBeenCalledWith(`/crm/v8/Deals/${ID}/Locking_Information__s`, { params: { fields: "id" } });
    expect(result).toEqual({ ok: true, value: { status: 204, body: undefined } });
    expect(boot.port.transport()).toBe("zrc");
  });

  it("falls back to the connection with the data centre's domain when ZRC is refused", async () => {
    const refused = () => Promise.reject({ errorType: "PermissionException", errorMessage: "no" });
    const { invokes } = installSdk({
      pageLoad: {},
      zrc: { get: refused, post: refused, put: refused, delete: refused, patch: refused },
    });
    const boot = await bootstrap({ needsPageLoad: false, timeoutMs: 500 });
    if (!boot.ok) throw new Error("boot failed");
    const changes: string[] = [];
    boot.port.onTransportChange((kind) => changes.push(kind));
    const body = { data: [{ Locked_Reason__s: "why" }] };
    const result = await boot.port.request("POST", `/Deals/${ID}/Locking_Information__s`, { body });
    expect(result.ok).toBe(true);
    expect(invokes).toEqual([
      [
        "recordguardcrm",
        {
          url: `https://www.zohoapis.eu/crm/v8/Deals/${ID}/Locking_Information__s`,
          method: "POST",
          param_type: 2,
          parameters: body,
          headers: {},
        },
      ],
    ]);
    expect(changes).toEqual(["connection"]);
    expect(boot.port.transport()).toBe("connection");
  });

  it("resizes and closes through the SDK", async () => {
    const { sdk } = installSdk({ pageLoad: {} });
    const boot = await bootstrap({ needsPageLoad: false, timeoutMs: 500 });
    if (!boot.ok) throw new Error("boot failed");
    boot.port.resize({ height: 321 });
    boot.port.close();
    expect(sdk.CRM.UI.Resize).toHaveBeenCalledWith({ height: 321 });
    expect(sdk.CRM.UI.Popup.close).toHaveBeenCalled();
  });
});
