/**
 * Static files of the built widget (app/), served on the widget origin. HTML
 * pages get the production SDK URL swapped for the sandbox's SDK, which is
 * served from the same origin so the page's CSP (`script-src 'self'
 * https://live.zwidgets.com`) still allows it.
 *
 * File latency: in CRM the widget's files come from Zoho's servers, so each
 * one costs a network round trip. The sandbox delays every widget file by
 * SANDBOX_FILE_LATENCY_MS, or by what a host page's `&file_latency=` asks
 * for. A page's own value travels in the frame URL's path, as its first
 * segment below /app/ (`/app/~file_latency=100/record.html`): the widget
 * names its scripts, chunks, stylesheets and translations relative to its
 * page or module, so every file it loads carries the segment too, without a
 * cookie (the frame is cross-site to the host page) or a query string (which
 * relative URLs drop). The SDK is delayed too, as it also comes from Zoho's
 * CDN; the HTML's SDK URL, which is absolute, gets the page's value as a query.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";

export const SANDBOX_SDK_PATH = "/__sandbox/ZohoEmbededAppSDK.min.js";
/** Zoho's CDN URL of any SDK version, e.g. https://live.zwidgets.com/js-sdk/1.5/ZohoEmbededAppSDK.min.js */
const PRODUCTION_SDK = /https:\/\/live\.zwidgets\.com\/js-sdk\/\d+(?:\.\d+)*\/ZohoEmbededAppSDK\.min\.js/g;

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

export interface FileAnswer {
  status: number;
  contentType: string;
  body: Buffer | string;
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

/** The query parameter (SDK URL, host pages) and path segment (widget files) that carry a page's file latency. */
export const FILE_LATENCY_PARAM = "file_latency";
export const MAX_FILE_LATENCY_MS = 999_999;
const FILE_LATENCY_SEGMENT = /^~file_latency=(\d{1,6})\//;

/** The widget page's path below the widget origin, with the page's own file latency when it has one. */
export function appPagePath(page: string, fileLatencyMs?: number): string {
  return fileLatencyMs === undefined ? `/app/${page}` : `/app/~${FILE_LATENCY_PARAM}=${fileLatencyMs}/${page}`;
}

/** Splits a path below /app/ into the file's path and the page's own file latency, if the path carries one. */
export function splitFileLatency(relative: string): { relative: string; fileLatencyMs?: number } {
  const match = FILE_LATENCY_SEGMENT.exec(relative);
  return match ? { relative: relative.slice(match[0].length), fileLatencyMs: Number(match[1]) } : { relative };
}

export function rewriteSdkUrl(page: string, fileLatencyMs?: number): string {
  const sdk = fileLatencyMs === undefined ? SANDBOX_SDK_PATH : `${SANDBOX_SDK_PATH}?${FILE_LATENCY_PARAM}=${fileLatencyMs}`;
  return page.replace(PRODUCTION_SDK, sdk);
}

/**
 * `relative` is the URL path below /app/, still percent-encoded. Anything that would leave appDir is refused.
 * `fileLatencyMs` is the page's own file latency, passed on to the SDK URL of an HTML page.
 */
export async function readAppFile(appDir: string, relative: string, fileLatencyMs?: number): Promise<FileAnswer> {
  const file = resolveInside(appDir, relative);
  if (!file) return notFound("refused");
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return notFound("not found");
  const contentType = contentTypeOf(file);
  const body = await readFile(file);
  if (contentType.startsWith("text/html")) return { status: 200, contentType, body: rewriteSdkUrl(body.toString("utf8"), fileLatencyMs) };
  return { status: 200, contentType, body };
}

function resolveInside(root: string, relative: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return undefined;
  if (decoded.split("/").some((segment) => segment === "..")) return undefined;
  const base = path.resolve(root);
  const file = path.resolve(base, `.${path.posix.normalize(`/${decoded}`)}`);
  return file.startsWith(base + path.sep) ? file : undefined;
}

const notFound = (why: string): FileAnswer => ({ status: 404, contentType: "text/plain; charset=utf-8", body: `${why}\n` });
