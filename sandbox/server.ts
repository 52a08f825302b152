/**
 * The local CRM sandbox server (node:http, no framework). One port, two
 * origins, like real CRM: host pages on http://localhost:PORT and the widget
 * on http://127.0.0.1:PORT.
 *
 *   /, /record, /list, /settings      host pages (sandbox/host)
 *   /crm/v8/*                         the mock REST API
 *   POST /__sandbox/reset             restore the seeded state
 *   /__sandbox/ZohoEmbededAppSDK.min.js, /__sandbox/host.js
 *   /app/*                            the built widget (app/)
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createMockCrm } from "./api/index";
import type { MockCrm } from "./api/types";
import { FILE_LATENCY_PARAM, SANDBOX_SDK_PATH, readAppFile, splitFileLatency } from "./host/app-files";
import type { ZrcErrorMode } from "./host/config";
import { parseFaults } from "./host/faults";
import { answerMockRequest, latencyFor, sendMockResponse } from "./host/mock-route";
import { renderHostPage } from "./host/page-routes";

export interface SandboxOptions {
  /** 0 picks a free port. Default: env PORT, else 5050. */
  port?: number;
  /** Delay added to every mock API answer. Default: env SANDBOX_LATENCY_MS, else 0. */
  latencyMs?: number;
  /**
   * Delay added to every widget file (HTML, scripts, chunks, stylesheets,
   * translations, the SDK), as if it came over the network. A host page's
   * `&file_latency=` overrides it for that page (host/app-files.ts says how).
   * Default: env SANDBOX_FILE_LATENCY_MS, else 0.
   */
  fileLatencyMs?: number;
  /** Default: env SANDBOX_ZRC_ERRORS, else "resolve". */
  zrcErrors?: ZrcErrorMode;
  /** Serve this file as the SDK (e.g. Zoho's official build). Default: env ZOHO_SDK_FILE, else our stand-in. */
  sdkFile?: string;
  shareJobMs?: number;
  /** Seed the hostile XSS test data too (sandbox/seed/hostile.ts). Default: env SANDBOX_HOSTILE=1, else false. */
  hostile?: boolean;
  /**
   * Seed this many extra locked records across the modules with locking
   * (sandbox/seed/locked-records.ts), for scale figures. Default: env SANDBOX_LOCKED, else 0.
   */
  locked?: number;
  /** Seed the sales team and the deals to hand over (sandbox/seed/team.ts). Default: env SANDBOX_TEAM=1, else false. */
  team?: boolean;
  /**
   * Transport faults on every host page, e.g. "GET:lock:500*1" (syntax in
   * sandbox/api/README.md, "Fault injection"). Default: env SANDBOX_FAULTS, else none.
   */
  faults?: string;
  /** The built widget. Default: <project>/app. */
  appDir?: string;
  /** Where scripts/build-sandbox.mjs put host.js and the stand-in SDK. Default: <project>/sandbox/dist. */
  distDir?: string;
}

export interface Sandbox {
  /** Host origin, http://localhost:PORT */
  url: string;
  /** Widget origin, http://127.0.0.1:PORT */
  widgetOrigin: string;
  port: number;
  mock: MockCrm;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const env = process.env;
  const root = projectRoot();
  const distDir = options.distDir ?? path.join(root, "sandbox/dist");
  const settings = {
    latencyMs: options.latencyMs ?? numberFrom(env.SANDBOX_LATENCY_MS) ?? 0,
    fileLatencyMs: options.fileLatencyMs ?? numberFrom(env.SANDBOX_FILE_LATENCY_MS) ?? 0,
    zrcErrors: options.zrcErrors ?? (env.SANDBOX_ZRC_ERRORS === "reject" ? "reject" : "resolve"),
    sdkFile: options.sdkFile ?? (env.ZOHO_SDK_FILE || undefined) ?? path.join(distDir, "ZohoEmbededAppSDK.min.js"),
    hostScript: path.join(distDir, "host.js"),
    appDir: options.appDir ?? path.join(root, "app"),
  } as const;
  const mock = createMockCrm({
    shareJobMs: options.shareJobMs,
    hostile: options.hostile ?? env.SANDBOX_HOSTILE === "1",
    lockedRecords: options.locked ?? lockedFrom(env.SANDBOX_LOCKED),
    team: options.team ?? env.SANDBOX_TEAM === "1",
  });
  const faults = parseFaults(options.faults ?? env.SANDBOX_FAULTS);
  if (!faults.ok) throw new Error(`sandbox faults: ${faults.error}`);
  const timers = new Set<NodeJS.Timeout>();
  let origins = { host: "", widget: "" };
  /**
   * Resolves no sooner than `ms` from now (a timer can fire a little early, so
   * it is set again for what is left); never, once the sandbox closes (its
   * connections close with it).
   */
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const until = performance.now() + ms;
      const check = () => {
        const left = until - performance.now();
        if (left <= 0) return resolve();
        const timer = setTimeout(() => {
          timers.delete(timer);
          check();
        }, Math.ceil(left));
        timers.add(timer);
      };
      check();
    });

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://sandbox.invalid");
    const route = url.pathname;
    if (route.startsWith("/crm/v8/")) {
      const answer = await answerMockRequest(mock, request, url);
      const delay = latencyFor(request, settings.latencyMs);
      if (delay <= 0) return sendMockResponse(response, answer);
      const timer = setTimeout(() => {
        timers.delete(timer);
        sendMockResponse(response, answer);
      }, delay);
      timers.add(timer);
      return;
    }
    if (route === "/__sandbox/reset") {
      if (request.method !== "POST") return send(response, 405, "text/plain; charset=utf-8", "use POST\n");
      mock.reset();
      return send(response, 200, "application/json; charset=utf-8", '{"reset":true}');
    }
    if (route === SANDBOX_SDK_PATH) {
      // The delay counts from the request, so reading the file does not add to it.
      const delayed = wait(numberFrom(url.searchParams.get(FILE_LATENCY_PARAM) ?? undefined) ?? settings.fileLatencyMs);
      const body = await readFile(settings.sdkFile).catch(() => undefined);
      await delayed;
      return body ? send(response, 200, "text/javascript; charset=utf-8", body) : missingScript(response, settings.sdkFile);
    }
    if (route === "/__sandbox/host.js") return sendFile(response, settings.hostScript);
    if (route.startsWith("/app/")) {
      const { relative, fileLatencyMs } = splitFileLatency(route.slice("/app/".length));
      const delayed = wait(fileLatencyMs ?? settings.fileLatencyMs);
      const file = await readAppFile(settings.appDir, relative, fileLatencyMs);
      await delayed;
      return send(response, file.status, file.contentType, file.body);
    }
    if (request.method !== "GET" && request.method !== "HEAD") return send(response, 405, "text/plain; charset=utf-8", "method not allowed\n");
    const page = renderHostPage(route, url, mock, { widgetOrigin: origins.widget, zrcErrors: settings.zrcErrors, faults: faults.rules, latencyMs: settings.latencyMs });
    if (!page) return send(response, 404, "text/plain; charset=utf-8", "not found\n");
    return send(response, page.status, "text/html; charset=utf-8", page.html);
  };

  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, "text/plain; charset=utf-8", `${error instanceof Error ? error.message : String(error)}\n`);
      else response.destroy();
    });
  };

  // Loopback only. "localhost" may resolve to ::1 first, so listen there too when the system has IPv6.
  const primary = createServer(onRequest);
  const port = await listen(primary, options.port ?? numberFrom(env.PORT) ?? 5050, "127.0.0.1");
  const servers = [primary];
  const secondary = createServer(onRequest);
  if (await listen(secondary, port, "::1").then(() => true, () => false)) servers.push(secondary);
  origins = { host: `http://localhost:${port}`, widget: `http://127.0.0.1:${port}` };

  return {
    url: origins.host,
    widgetOrigin: origins.widget,
    port,
    mock,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all(servers.map((server) => closeServer(server)));
    },
  };
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  response.writeHead(status, { "content-type": contentType, "x-content-type-options": "nosniff", "cache-control": "no-store" }).end(body);
}

async function sendFile(response: ServerResponse, file: string): Promise<void> {
  const body = await readFile(file).catch(() => undefined);
  if (!body) return missingScript(response, file);
  send(response, 200, "text/javascript; charset=utf-8", body);
}

function missingScript(response: ServerResponse, file: string): void {
  send(response, 404, "text/plain; charset=utf-8", `${path.basename(file)} is missing; run npm run build\n`);
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** The project root: the nearest folder with package.json above this file (works from sources and from sandbox/dist). */
function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

/** SANDBOX_LOCKED: a whole number; anything else stops the start with the reason. */
function lockedFrom(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return 0;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new Error(`SANDBOX_LOCKED must be a whole number, got "${value}"`);
  return number;
}

function numberFrom(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}
