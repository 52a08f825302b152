import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escapeHtml, html, jsonForScript } from "../../sandbox/host/html";
import { SEED } from "../../sandbox/seed/ids";
import { startSandbox, type Sandbox } from "../../sandbox/server";

/** The HostConfig a host page embeds for host.js. */
function embeddedConfig(page: string): Record<string, unknown> {
  const match = /<script type="application\/json" id="sandbox-config">([^<]*)<\/script>/.exec(page);
  expect(match, "host page embeds its config").not.toBeNull();
  return JSON.parse(match?.[1] ?? "null") as Record<string, unknown>;
}

describe("host pages", () => {
  let sandbox: Sandbox;
  const get = async (path: string) => {
    const response = await fetch(sandbox.url + path);
    return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, latencyMs: 0, zrcErrors: "resolve" });
  });
  afterAll(() => sandbox.close());

  it("serves host pages on localhost and the widget from 127.0.0.1 on the same port", () => {
    expect(sandbox.url).toBe(`http://localhost:${sandbox.port}`);
    expect(sandbox.widgetOrigin).toBe(`http://127.0.0.1:${sandbox.port}`);
  });

  it("index offers a user picker and links to seeded records as the chosen user", async () => {
    const page = await get(`/?as=${SEED.users.standard}`);
    expect(page.status).toBe(200);
    expect(page.type).toContain("text/html");
    expect(page.text).toContain('<select name="as">');
    expect(page.text).toContain(`<option value="${SEED.users.readOnly}"`);
    expect(page.text).toMatch(new RegExp(`<option value="${SEED.users.standard}" selected>`));
    expect(page.text).toContain(`/record?module=Deals&amp;id=${SEED.records.dealAutoLocked}&amp;as=${SEED.users.standard}`);
    expect(page.text).toContain(`/record?module=Leads&amp;id=${SEED.records.leadNoConfig}`);
    expect(page.text).toContain(`/settings?as=${SEED.users.standard}`);
  });

  it("record page frames record.html from the widget origin with DetailView PageLoad data", async () => {
    const page = await get(`/record?module=Deals&id=${SEED.records.dealUnlocked}&as=${SEED.users.standard}&open=1&latency=250`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<script src="/__sandbox/host.js" defer></script>');
    expect(page.text).toContain('id="open-widget"');
    expect(page.text).toContain('id="widget-popup"');
    expect(page.text).toContain('data-testid="record-module">Deals<');
    expect(embeddedConfig(page.text)).toEqual({
      frame: "popup",
      widgetUrl: `${sandbox.widgetOrigin}/app/record.html`,
      pageLoad: { Entity: "Deals", EntityId: [SEED.records.dealUnlocked], ButtonPosition: "DetailView" },
      actingUserId: SEED.users.standard,
      theme: "day",
      zrcErrors: "resolve",
      zrcRefused: false,
      latencyMs: 250,
      openAtOnce: true,
    });
  });

  it("record page options: night theme, rejecting ZRC errors, refused ZRC, default acting user", async () => {
    const page = await get(`/record?module=Deals&id=${SEED.records.dealUnlocked}&theme=night&zrcErrors=reject&zrc=refuse`);
    const config = embeddedConfig(page.text);
    expect(config).toMatchObject({ theme: "night", zrcErrors: "reject", zrcRefused: true, openAtOnce: false, actingUserId: SEED.users.admin });
    expect(page.text).toContain('<body class="night">');
  });

  it("list page sends ListView PageLoad with every selected id", async () => {
    const ids = [SEED.records.dealAutoLocked, SEED.records.dealShared];
    const page = await get(`/list?module=Deals&ids=${ids.join(",")}&as=${SEED.users.admin}`);
    expect(page.status).toBe(200);
    expect(embeddedConfig(page.text).pageLoad).toEqual({ Entity: "Deals", EntityId: ids, ButtonPosition: "ListView" });
  });

  it("settings page frames settings.html as a web tab with no record", async () => {
    const page = await get(`/settings?as=${SEED.users.admin}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('id="widget-tab"');
    expect(embeddedConfig(page.text)).toMatchObject({ frame: "tab", widgetUrl: `${sandbox.widgetOrigin}/app/settings.html`, pageLoad: {} });
  });

  it("refuses malformed page parameters and unknown routes", async () => {
    expect((await get("/record?module=Deals&id=abc")).status).toBe(400);
    expect((await get("/record?module=Deals%3Cx&id=1")).status).toBe(400);
    expect((await get(`/record?module=Deals&id=1&as=${encodeURIComponent("1\r\nx: y")}`)).status).toBe(400);
    expect((await get("/list?module=Deals&ids=")).status).toBe(400);
    expect((await get("/nope")).status).toBe(404);
  });
});

describe("host page HTML helpers", () => {
  it("escapes interpolated CRM values", () => {
    expect(html`<p title="${'a"b'}">${"<img src=x onerror=alert(1)>"}</p>`.text).toBe(
      '<p title="a&quot;b">&lt;img src=x onerror=alert(1)&gt;</p>',
    );
    expect(escapeHtml("'&")).toBe("&#39;&amp;");
  });

  it("embeds JSON that cannot close its script element", () => {
    const text = jsonForScript({ name: "</script><script>alert(1)</script>" }).text;
    expect(text).not.toContain("</script>");
    expect(JSON.parse(text)).toEqual({ name: "</script><script>alert(1)</script>" });
  });
});
