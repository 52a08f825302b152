import { signal } from "@preact/signals";
import { describe, expect, it } from "vitest";
import type { RawAnswer } from "../../widget-src/crm/decode";
import { decodeLockConfig, type LockConfig } from "../../widget-src/api/locking-configurations";
import type { ModuleInfo } from "../../widget-src/api/modules";
import { ok, type CrmResult } from "../../widget-src/crm/result";
import { CopyModel, MAX_IN_FLIGHT } from "../../widget-src/features/lock-settings/copy-model";
import { answer, noContent, restScript, type Scripted } from "../support/fake-crm";
import { createFakePort, type FakeCall } from "../support/fake-port";
import { configBody } from "../support/lock-fixtures";

const CONFIGS = "/settings/record_locking_configurations";
const TARGETS = ["Leads", "Contacts", "Accounts", "Quotes", "Cases", "Vendors"];
const module = (apiName: string, n: number): ModuleInfo => ({ id: `57257670000000001${String(n).padStart(2, "0")}`, apiName, label: apiName, generatedType: "default" });

function manualConfig(): LockConfig {
  const decoded = decodeLockConfig(ok({ status: 200, body: configBody({ lock_type: "manual", locking_rules: [], restricted_custom_buttons: [], excluded_fields: [] }) }));
  if (!decoded.ok || !decoded.value) throw new Error("fixture");
  return decoded.value;
}

/** Answers held until the test releases them, counting how many calls wait at once. */
function gate() {
  const waiting: (() => void)[] = [];
  let inFlight = 0;
  let most = 0;
  const held =
    (result: CrmResult<RawAnswer>): Scripted =>
    () =>
      new Promise((resolve) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        waiting.push(() => {
          inFlight -= 1;
          resolve(result);
        });
      });
  /** Lets every waiting call answer (the last asked first, with `lastFirst`), until none comes any more. */
  const drain = async (lastFirst = false) => {
    for (let round = 0; round < 50; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (waiting.length === 0) return;
      const now = waiting.splice(0);
      (lastFirst ? now.reverse() : now).forEach((release) => release());
    }
    throw new Error("calls kept coming");
  };
  return { held, drain, most: () => most };
}

describe("the copy model", () => {
  it(`keeps at most ${MAX_IN_FLIGHT} calls in flight, reviewing and sending to six modules`, async () => {
    const { held, drain, most } = gate();
    const routes: Record<string, Scripted[]> = {};
    for (const target of TARGETS) {
      routes[`GET ${CONFIGS} ${target}`] = [held(noContent())];
      routes[`GET /settings/fields ${target}`] = [held(answer({ fields: [] }))];
      routes[`POST ${CONFIGS} ${target}`] = [held(answer({ record_locking_configurations: [{ code: "SUCCESS", status: "success", message: "ok", details: { id: "5725767000000300009" } }] }, 201))];
    }
    const { rest } = restScript(routes);
    const withModule = (call: FakeCall) => ({ ...call, path: `${call.path} ${call.options.query?.module ?? ""}` });
    const fake = createFakePort({ rest: (call) => rest(withModule(call)) });
    const rows = signal([module("Deals", 1), ...TARGETS.map((name, index) => module(name, index + 2))].map((info) => ({ module: info })));
    const changed: string[] = [];
    const model = new CopyModel(fake.port, { module: "Deals", label: "Deals", config: manualConfig(), fields: [] }, rows, (name) => changed.push(name));

    for (const target of TARGETS) model.toggle(target, true);
    const reviewed = model.review();
    await drain();
    await reviewed;
    expect(model.reviewRows.value.map((row) => row.plan.status)).toEqual(TARGETS.map(() => "ready"));
    expect(fake.calls.filter((call) => call.method !== "GET")).toEqual([]);

    const applied = model.apply();
    await drain();
    await applied;
    expect([...model.results.value.values()].map((result) => result.status)).toEqual(TARGETS.map(() => "created"));
    expect(changed.sort()).toEqual([...TARGETS].sort());
    expect(fake.calls.filter((call) => call.method === "POST")).toHaveLength(TARGETS.length);
    expect(most()).toBe(MAX_IN_FLIGHT);
  });

  it("ignores a review's late answers once the admin went back and reviewed again", async () => {
    const { held, drain } = gate();
    const fields = (apiName: string) => answer({ fields: [{ id: "5725767000002100011", api_name: apiName, data_type: "text" }] });
    const { rest } = restScript({
      [`GET ${CONFIGS} Leads`]: [held(noContent()), held(noContent())],
      "GET /settings/fields Leads": [held(fields("First")), held(fields("Second"))],
    });
    const fake = createFakePort({ rest: (call) => rest({ ...call, path: `${call.path} ${call.options.query?.module ?? ""}` }) });
    const rows = signal([module("Deals", 1), module("Leads", 2)].map((info) => ({ module: info })));
    const config = { ...manualConfig(), excludedFields: [{ apiName: "Second" }] };
    const model = new CopyModel(fake.port, { module: "Deals", label: "Deals", config, fields: [] }, rows);
    model.toggle("Leads", true);
    const first = model.review();
    model.backToPick();
    const second = model.review();
    // The first review's answers come after the second's.
    await drain(true);
    await Promise.all([first, second]);
    const plan = model.reviewRows.value[0]?.plan;
    expect(plan?.status === "ready" && plan.value.config.excludedFields).toEqual([{ apiName: "Second", id: "5725767000002100011" }]);
  });
});
