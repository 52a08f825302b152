import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** A GET with the path sent exactly as written (fetch would normalise `..`). */
function rawGet(port: number, rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: rawPath, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("widget files and sandbox scripts", () => {
  let sandbox: Sandbox;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "sandbox-static-"));
    // A build of our own: test files run in parallel and must not race on sandbox/dist.
    execFileSync(process.execPath, [path.join(ROOT, "scripts/build-sandbox.mjs"), "--out", path.join(dir, "dist")], { cwd: ROOT });
    const app = path.join(dir, "app");
    mkdirSync(path.join(app, "img"), { recursive: true });
    writeFileSync(
      path.join(app, "record.html"),
      '<!doctype html><script src="https://live.zwidgets.com/js-sdk/1.5/ZohoEmbededAppSDK.min.js"></script><script src="record.js"></script>',
    );
    writeFileSync(path.join(app, "record.js"), "console.log(1);");
    writeFileSync(path.join(app, "style.css"), "body{}");
    writeFileSync(path.join(app, "img", "logo.svg"), "<svg/>");
    writeFileSync(path.join(dir, "secret.txt"), "TOP SECRET");
    writeFileSync(path.join(dir, "official-sdk.js"), "/* official */");
    sandbox = await startSandbox({ port: 0, appDir: app, distDir: path.join(dir, "dist") });
  });
  afterAll(async () => {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves widget HTML from the widget origin with the SDK URL pointed at the sandbox", async () => {
    const response = await fetch(`${sandbox.widgetOrigin}/app/record.html`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const page = await response.text();
    expect(page).toContain('<script src="/__sandbox/ZohoEmbededAppSDK.min.js"></script>');
    expect(page).not.toContain("live.zwidgets.com");
  });

  it("serves other files unchanged with their content type", async () => {
    const cases: [string, string][] = [
      ["record.js", "text/javascript; charset=utf-8"],
      ["style.css", "text/css; charset=utf-8"],
      ["img/logo.svg", "image/svg+xml"],
    ];
    for (const [file, type] of cases) {
      const response = await fetch(`${sandbox.widgetOrigin}/app/${file}`);
      expect(response.status, file).toBe(200);
      expect(response.headers.get("content-type"), file).toBe(type);
    }
    expect(await (await fetch(`${sandbox.widgetOrigin}/app/record.js`)).text()).toBe("console.log(1);");
  });

  it.each(["/app/../secret.txt", "/app/%2e%2e/secret.txt", "/app/..%2fsecret.txt", "/app/img/..%2f..%2fsecret.txt", "/app/..%5csecret.txt", "/app/record.html%00"])(
    "refuses to leave the app folder: %s",
    async (rawPath) => {
      const response = await rawGet(sandbox.port, rawPath);
      expect(response.status).toBe(404);
      expect(response.body).not.toContain("TOP SECRET");
    },
  );

  it("answers 404 for missing files and folders", async () => {
    expect((await fetch(`${sandbox.widgetOrigin}/app/missing.html`)).status).toBe(404);
    expect((await fetch(`${sandbox.widgetOrigin}/app/img`)).status).toBe(404);
  });

  it("serves the stand-in SDK and host.js built by scripts/build-sandbox.mjs", async () => {
    const sdk = await fetch(`${sandbox.widgetOrigin}/__sandbox/ZohoEmbededAppSDK.min.js`);
    expect(sdk.status).toBe(200);
    expect(sdk.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    const sdkText = await sdk.text();
    expect(sdkText).toBe(readFileSync(path.join(dir, "dist/ZohoEmbededAppSDK.min.js"), "utf8"));
    // zrc must be a top-level const, not a window property, as in SDK 1.5.
    expect(sdkText.trimEnd().endsWith("const zrc = window.__standInZrc; delete window.__standInZrc;")).toBe(true);
    const host = await fetch(`${sandbox.url}/__sandbox/host.js`);
    expect(host.status).toBe(200);
    expect(await host.text()).toBe(readFileSync(path.join(dir, "dist/host.js"), "utf8"));
  });

  it("serves another SDK file when sdkFile is given (e.g. Zoho's official build)", async () => {
    const other = await startSandbox({ port: 0, sdkFile: path.join(dir, "official-sdk.js") });
    try {
      expect(await (await fetch(`${other.widgetOrigin}/__sandbox/ZohoEmbededAppSDK.min.js`)).text()).toBe("/* official */");
    } finally {
      await other.close();
    }
  });
});
