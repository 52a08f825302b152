/** The strict fake CRM every model and component test relies on: it must fail tests, not answer something plausible. */
import { describe, expect, it } from "vitest";
import { answer, maybe, restScript } from "../support/fake-crm";
import { createFakePort } from "../support/fake-port";

describe("the fake CRM", () => {
  it("rejects a call nobody scripted at once, naming the call, and fails the test when it ends", async () => {
    const { rest, unexpected, verify } = restScript({ "GET /users": [answer({ users: [] })] });
    const { port } = createFakePort({ rest });
    await expect(port.request("DELETE", "/Deals/1/actions/share", { query: { module: "Deals" } })).rejects.toThrow(
      'unscripted CRM call: DELETE /Deals/1/actions/share {"query":{"module":"Deals"}}',
    );
    expect(await port.request("GET", "/users")).toEqual(answer({ users: [] }));
    expect(verify).toThrow("unscripted CRM calls:\nDELETE /Deals/1/actions/share");
    // Cleared here only so that this test itself can pass: in any other test the check at its end fails it.
    unexpected.length = 0;
    verify();
  });

  it("fails when a scripted call never came, unless it was marked as maybe", async () => {
    const { rest, verify } = restScript({ "GET /users": [answer({ users: [] })], "GET /settings/roles": maybe(answer({ roles: [] })) });
    expect(verify).toThrow("scripted CRM calls that never came:\nGET /users");
    await createFakePort({ rest }).port.request("GET", "/users");
    verify();
  });

  it("repeats the last answer of a route, so that re-reads need not be scripted one by one", async () => {
    const { rest } = restScript({ "GET /users": [answer({ n: 1 }), answer({ n: 2 })] });
    const { port } = createFakePort({ rest });
    const bodies = [];
    for (let i = 0; i < 3; i += 1) {
      const result = await port.request("GET", "/users");
      bodies.push(result.ok ? result.value.body : undefined);
    }
    expect(bodies).toEqual([{ n: 1 }, { n: 2 }, { n: 2 }]);
  });

  it("answers nothing at all without a script: a test that expects no calls proves it makes none", async () => {
    await expect(createFakePort().port.request("GET", "/users")).rejects.toThrow("unscripted CRM call (no script): GET /users");
  });
});
