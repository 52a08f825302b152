/**
 * File latency: every widget file the sandbox serves (HTML, scripts, chunks,
 * stylesheets, translations, the SDK) is delayed by SANDBOX_FILE_LATENCY_MS,
 * or by a host page's `&file_latency=`, which travels in the frame URL's path
 * (sandbox/host/app-files.ts).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import { startSandbox, type Sandbox } from "../../sandbox/server";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SDK = "/__sandbox/ZohoEmbededAppSDK.min.js";
/** The widget files a page loads, named relative to the page as the widget names them. */
const FILES = ["record.html", "record.js", "chunks/chunk-1.js", "record.css", "translations/de.json"];

let dir: string;
let appDir: string;
let distDir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "sandbox-file-latency-"));
  distDir = path.join(dir, "dist");
  // A build of our own: test files run in parallel and must not race on sandbox/dist.
  execFileSync(process.execPath, [path.join(ROOT, "scripts/build-sandbox.mjs"), "--out", distDir], { cwd: ROOT });
  appDir = path.join(dir, "app");
  mkdirSync(path.join(appDir, "chunks"), { recursive: true });
  mkdirSync(path.join(appDir, "translations"), { recursive: true });
  writeFileSync(
    path.join(appDir, "record.html"),
    '<!doctype html><link rel="stylesheet" href="record.css"><script src="https://live.zwidgets.com/js-sdk/1.5/ZohoEmbededAppSDK.min.js"></script><script type="module" src="record.js"></script>',
  );
  writeFileSync(path.join(appDir, "record.js"), 'import "./chunks/chunk-1.js";');
  writeFileSync(path.join(appDir, "chunks", "chunk-1.js"), "export {};");
  writeFileSync(path.join(appDir, "record.css"), "body{}");
  writeFileSync(path.join(appDir, "translations", "de.json"), "{}");
  writeFileSync(path.join(dir, "secret.txt"), "TOP SECRET");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sandboxWith(options: Parameters<typeof startSandbox>[0] = {}): Promise<Sandbox> {
  return startSandbox({ port: 0, appDir, distDir, latencyMs: 0, faults: "", ...options });
}

/** Status, body and how long the answer took, measured from before the request. */
async function timed(url: string): Promise<{ status: number; text: string; ms: number }> {
  const start = performance.now();
  const response = await fetch(url);
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - start };
}

/** A GET with the path sent exactly as written (fetch would resolve `..`). */
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

/** The frame URL a host page embeds for host.js. */
async function frameUrl(sandbox: Sandbox, query: string): Promise<{ status: number; widgetUrl?: string }> {
  const response = await fetch(`${sandbox.url}/record?module=Deals&id=${SEED.records.dealUnlocked}${query}`);
  const page = await response.text();
  const match = /<script type="application\/json" id="sandbox-config">([^<]*)<\/script>/.exec(page);
  const config = match ? (JSON.parse(match[1] ?? "null") as { widgetUrl?: string }) : {};
  return { status: response.status, ...(config.widgetUrl ? { widgetUrl: config.widgetUrl } : {}) };
}

describe("SANDBOX_FILE_LATENCY_MS and startSandbox({ fileLatencyMs })", () => {
  it("delays every widget file and the SDK by at least the setting", async () => {
    const sandbox = await sandboxWith({ fileLatencyMs: 200 });
    try {
      for (const file of [...FILES.map((f) => `/app/${f}`), SDK]) {
        const answer = await timed(sandbox.widgetOrigin + file);
        expect(answer.status, file).toBe(200);
        expect(answer.ms, file).toBeGreaterThanOrEqual(200);
      }
      // A file that is not there takes as long: the delay stands for the network, not the disk.
      expect((await timed(`${sandbox.widgetOrigin}/app/missing.js`)).ms).toBeGreaterThanOrEqual(200);
    } finally {
      await sandbox.close();
    }
  });

  it("reads SANDBOX_FILE_LATENCY_MS when no option is given", async () => {
    vi.stubEnv("SANDBOX_FILE_LATENCY_MS", "150");
    const sandbox = await sandboxWith();
    vi.unstubAllEnvs();
    try {
      expect((await timed(`${sandbox.widgetOrigin}/app/record.js`)).ms).toBeGreaterThanOrEqual(150);
    } finally {
      await sandbox.close();
    }
  });

  it("does not delay host pages, host.js or the mock API", async () => {
    // 60 s would time the test out if any of these waited for it.
    const sandbox = await sandboxWith({ fileLatencyMs: 60_000 });
    try {
      expect((await timed(`${sandbox.url}/record?module=Deals&id=${SEED.records.dealUnlocked}`)).status).toBe(200);
      expect((await timed(`${sandbox.url}/__sandbox/host.js`)).status).toBe(200);
      expect((await timed(`${sandbox.url}/crm/v8/settings/roles`)).status).toBe(200);
    } finally {
      await sandbox.close();
    }
  });

  it("0 (the default) means no delay", async () => {
    vi.stubEnv("SANDBOX_FILE_LATENCY_MS", "");
    const sandbox = await sandboxWith();
    vi.unstubAllEnvs();
    try {
      const frame = await frameUrl(sandbox, "");
      expect(frame.widgetUrl).toBe(`${sandbox.widgetOrigin}/app/record.html`);
      for (const file of [...FILES.map((f) => `/app/${f}`), SDK]) {
        const answer = await timed(sandbox.widgetOrigin + file);
        expect(answer.status, file).toBe(200);
        // Generous: a local file takes milliseconds; any delay worth the name is caught by the test above.
        expect(answer.ms, file).toBeLessThan(1_000);
      }
    } finally {
      await sandbox.close();
    }
  });
});

describe("a host page's &file_latency=", () => {
  it("puts the page's value in the frame URL's path, so every file the page names relative to itself carries it", async () => {
    const sandbox = await sandboxWith({ fileLatencyMs: 0 });
    try {
      const { widgetUrl } = await frameUrl(sandbox, "&file_latency=150");
      expect(widgetUrl).toBe(`${sandbox.widgetOrigin}/app/~file_latency=150/record.html`);
      const html = await timed(widgetUrl!);
      expect(html.ms).toBeGreaterThanOrEqual(150);
      // The SDK is named by an absolute URL, so the page's value goes in its query.
      expect(html.text).toContain(`<script src="${SDK}?file_latency=150"></script>`);
      expect((await timed(new URL(`${SDK}?file_latency=150`, widgetUrl).href)).ms).toBeGreaterThanOrEqual(150);
      // What the browser would fetch: URLs relative to the page, and a chunk relative to the script that imports it.
      const script = new URL("record.js", widgetUrl).href;
      for (const url of [script, new URL("./chunks/chunk-1.js", script).href, new URL("record.css", widgetUrl).href, new URL("translations/de.json", widgetUrl).href]) {
        const answer = await timed(url);
        expect(answer.status, url).toBe(200);
        expect(answer.ms, url).toBeGreaterThanOrEqual(150);
      }
    } finally {
      await sandbox.close();
    }
  });

  it("overrides the sandbox's setting, and 0 means no delay for that page", async () => {
    // 60 s would time the test out if the page's 0 did not win.
    const sandbox = await sandboxWith({ fileLatencyMs: 60_000 });
    try {
      const { widgetUrl } = await frameUrl(sandbox, "&file_latency=0");
      expect(widgetUrl).toBe(`${sandbox.widgetOrigin}/app/~file_latency=0/record.html`);
      for (const file of FILES) expect((await timed(new URL(file, widgetUrl).href)).status, file).toBe(200);
      expect((await timed(`${sandbox.widgetOrigin}${SDK}?file_latency=0`)).status).toBe(200);
    } finally {
      await sandbox.close();
    }
  });

  it("refuses a value that is not a whole number of milliseconds, and keeps files inside app/", async () => {
    const sandbox = await sandboxWith({ fileLatencyMs: 0 });
    try {
      for (const bad of ["-5", "1.5", "abc", "", "1000000"]) {
        expect((await frameUrl(sandbox, `&file_latency=${encodeURIComponent(bad)}`)).status, bad).toBe(400);
      }
      for (const raw of ["/app/~file_latency=0/../secret.txt", "/app/~file_latency=0/%2e%2e/secret.txt", "/app/~file_latency=0/~file_latency=0/../../secret.txt"]) {
        const escape = await rawGet(sandbox.port, raw);
        expect(escape.status, raw).toBe(404);
        expect(escape.body, raw).not.toContain("TOP SECRET");
      }
    } finally {
      await sandbox.close();
    }
  });
});
