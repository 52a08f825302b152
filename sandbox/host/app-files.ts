/**
 * Static files of the built widget (app/), served on the widget origin. HTML
 * pages get the production SDK URL swapped for the sandbox's SDK, which is
 * served from the same origin so the page's CSP (`script-src 'self'
 * https://live.zwidgets.com`) still allows it.
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

export function rewriteSdkUrl(page: string): string {
  return page.replace(PRODUCTION_SDK, SANDBOX_SDK_PATH);
}

/** `relative` is the URL path below /app/, still percent-encoded. Anything that would leave appDir is refused. */
export async function readAppFile(appDir: string, relative: string): Promise<FileAnswer> {
  const file = resolveInside(appDir, relative);
  if (!file) return notFound("refused");
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return notFound("not found");
  const contentType = contentTypeOf(file);
  const body = await readFile(file);
  if (contentType.startsWith("text/html")) return { status: 200, contentType, body: rewriteSdkUrl(body.toString("utf8")) };
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
