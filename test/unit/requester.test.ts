import { describe, expect, it, vi } from "vitest";
import type { RawAnswer } from "../../widget-src/crm/decode";
import { createRequester, type RequesterOptions } from "../../widget-src/crm/requester";
import { fail, ok, type CrmResult } from "../../widget-src/crm/result";
import type { ApiRequest, Transport, TransportKind } from "../../widget-src/crm/transport";

type Answer = CrmResult<RawAnswer> | "hang";

function scripted(kind: TransportKind, answers: Answer[]) {
  const sent: ApiRequest[] = [];
  const transport: Transport = {
    kind,
    send(request) {
      sent.push(request);
      const next = answers.shift() ?? ok({ status: 200, body: {} });
      return next === "hang" ? new Promise(() => undefined) : Promise.resolve(next);
    },
  };
  return { transport, sent };
}

const GET: ApiRequest = { method: "GET", path: "/Deals/1" };
const POST: ApiRequest = { method: "POST", path: "/Deals/1/Locking_Information__s", body: { data: [] } };
const okAnswer = ok<RawAnswer>({ status: 200, body: { data: [] } });
const status = (code: number, zohoCode = "X") => fail<RawAnswer>(zohoCode, "", {}, code);

function requester(primary: Transport | undefined, extra: Partial<RequesterOptions> = {}) {
  const sleep = vi.fn(() => Promise.resolve());
  const options: RequesterOptions = {
    primary,
    fallback: () => Promise.resolve(undefined),
    timeoutMs: 50,
    readRetries: 2,
    backoffMs: 100,
    sleep,
    ...extra,
  };
  return { requester: createRequester(options), sleep };
}

describe("requester", () => {
  it("retries a read on 429 and 5xx with growing backoff, then stops", async () => {
    const zrc = scripted("zrc", [status(429, "TOO_MANY_REQUESTS"), status(500), status(503)]);
    const { requester: r, sleep } = requester(zrc.transport);
    const result = await r.send(GET);
    expect(zrc.sent).toHaveLength(3);
    expect(sleep.mock.calls).toEqual([[100], [300]]);
    expect(result).toMatchObject({ ok: false, error: { status: 503 } });
  });

  it("returns the read once a retry succeeds", async () => {
    const zrc = scripted("zrc", [status(500), okAnswer]);
    expect(await requester(zrc.transport).requester.send(GET)).toEqual(okAnswer);
  });

  it("does not retry a read that failed for a reason retrying cannot fix", async () => {
    const zrc = scripted("zrc", [status(400, "INVALID_DATA")]);
    await requester(zrc.transport).requester.send(GET);
    expect(zrc.sent).toHaveLength(1);
  });

  it("never retries a write", async () => {
    const zrc = scripted("zrc", [status(500)]);
    await requester(zrc.transport).requester.send(POST);
    expect(zrc.sent).toHaveLength(1);
  });

  it("times out a call that is never answered", async () => {
    const zrc = scripted("zrc", ["hang"]);
    const result = await requester(zrc.transport, { readRetries: 0 }).requester.send(GET);
    expect(result).toMatchObject({ ok: false, error: { code: "TIMEOUT", details: { ms: 50, method: "GET" } } });
  });

  it("does not resend a write that timed out", async () => {
    const zrc = scripted("zrc", ["hang"]);
    const result = await requester(zrc.transport).requester.send(POST);
    expect(zrc.sent).toHaveLength(1);
    expect(result).toMatchObject({ ok: false, error: { code: "TIMEOUT", details: { method: "POST" } } });
  });

  it("falls back to the connection when ZRC is refused, and stays there", async () => {
    const zrc = scripted("zrc", [fail("ZRC_PERMISSION_DENIED", "no")]);
    const connection = scripted("connection", [okAnswer, okAnswer]);
    const onTransportChange = vi.fn();
    const { requester: r } = requester(zrc.transport, {
      fallback: () => Promise.resolve(connection.transport),
      onTransportChange,
    });
    expect(await r.send(POST)).toEqual(okAnswer);
    await r.send(GET);
    expect(zrc.sent).toHaveLength(1);
    expect(connection.sent).toEqual([POST, GET]);
    expect(onTransportChange).toHaveBeenCalledWith("connection");
  });

  it("sends every concurrent call refused by ZRC through the one fallback", async () => {
    const refused = fail<RawAnswer>("ZRC_PERMISSION_DENIED", "no");
    const zrc = scripted("zrc", [refused, refused, refused]);
    const connection = scripted("connection", [okAnswer, okAnswer, okAnswer]);
    let built = 0;
    const { requester: r } = requester(zrc.transport, {
      fallback: async () => {
        built += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
        return connection.transport;
      },
    });
    const results = await Promise.all([r.send(GET), r.send(POST), r.send(GET)]);
    expect(results).toEqual([okAnswer, okAnswer, okAnswer]);
    expect(built).toBe(1);
    expect(connection.sent).toHaveLength(3);
  });

  it("uses the connection from the start when there is no ZRC", async () => {
    const connection = scripted("connection", [okAnswer]);
    const { requester: r } = requester(undefined, { fallback: () => Promise.resolve(connection.transport) });
    expect(await r.send(GET)).toEqual(okAnswer);
  });

  it("says so when no transport exists", async () => {
    const { requester: r } = requester(undefined);
    expect(await r.send(GET)).toMatchObject({ ok: false, error: { code: "NO_TRANSPORT" } });
  });

  it("keeps ZRC's refusal when no fallback can be built", async () => {
    const zrc = scripted("zrc", [fail("ZRC_PERMISSION_DENIED", "no")]);
    expect(await requester(zrc.transport).requester.send(POST)).toMatchObject({
      ok: false,
      error: { code: "ZRC_PERMISSION_DENIED" },
    });
  });
});
