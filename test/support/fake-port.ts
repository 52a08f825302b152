/**
 * An in-memory CrmPort for unit and component tests: REST answers come from a
 * script (fake-crm.ts); without one, any REST call fails, so a test that does
 * not expect calls proves it makes none.
 */
import type { RawAnswer } from "../../widget-src/crm/decode";
import type { CrmPort, RequestOptions } from "../../widget-src/crm/port";
import { ok, type CrmResult } from "../../widget-src/crm/result";
import type { HttpMethod } from "../../widget-src/crm/sdk-types";

export interface FakeCall {
  method: HttpMethod;
  path: string;
  options: RequestOptions;
}

export interface FakePortScript {
  module?: string;
  recordId?: string;
  record?: () => Promise<CrmResult<unknown>>;
  user?: () => Promise<CrmResult<unknown>>;
  rest?: (call: FakeCall) => Promise<CrmResult<RawAnswer>>;
}

export const IDS = {
  record: "5725767000000100001",
  owner: "5725767000000000002",
  user: "5725767000000000001",
  lock: "5725767000000200001",
  adminProfile: "5725767000000400001",
  standardProfile: "5725767000000400002",
} as const;

export function createFakePort(script: FakePortScript = {}) {
  const calls: FakeCall[] = [];
  const resizes: number[] = [];
  let closed = 0;
  const port: CrmPort = {
    context: {
      module: script.module ?? "Deals",
      recordIds: [script.recordId ?? IDS.record],
      buttonPosition: "DetailView",
    },
    request(method, path, options = {}) {
      const call = { method, path, options };
      calls.push(call);
      return script.rest ? script.rest(call) : Promise.reject(new Error(`unscripted CRM call (no script): ${method} ${path}`));
    },
    currentUser: () =>
      script.user?.() ??
      Promise.resolve(
        ok({
          users: [
            {
              id: IDS.user,
              full_name: "Sam Standard",
              locale: "en_US",
              time_zone: "UTC",
              profile: { id: IDS.standardProfile, name: "Standard" },
            },
          ],
        }),
      ),
    getRecord: (module, id) =>
      script.record?.() ??
      Promise.resolve(ok({ data: [{ id, Deal_Name: `A ${module} record`, Owner: { id: IDS.owner, name: "Bo Owner" } }] })),
    theme: () => Promise.resolve(undefined),
    resize: (size) => void resizes.push(size.height),
    close: () => void (closed += 1),
    transport: () => "zrc",
    onTransportChange: () => undefined,
  };
  return { port, calls, resizes, closedCount: () => closed };
}
