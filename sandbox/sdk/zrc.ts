/**
 * ZRC, the SDK 1.5 request client: the CRM page performs the REST call as the
 * signed-in user. On the wire it first asks the page for its URL
 * (GET_PARENT_URL) to resolve relative paths, then sends one ZRC_REQUEST per
 * call with the absolute URL (query string included) and a request config
 * whose body is JSON text.
 */
import type { Messenger } from "./messenger";
import { SDK_VERSION, ZRC_VERSION, isRecord, type ZrcWireConfig } from "./protocol";
import { convertFailure, zrcError, zrcValidationError } from "./zrc-errors";

type Config = Record<string, unknown>;

/** The config keys ZRC accepts; anything else is refused, as in SDK 1.5. */
const ALLOWED_KEYS = ["connection", "method", "headers", "signal", "mode", "cache", "referrerPolicy", "responseType", "baseUrl", "params"];
const BODY_METHODS = ["POST", "PUT", "PATCH", "DELETE"];

export interface ZrcClient {
  get(path: string, config?: Config): Promise<unknown>;
  post(path: string, body?: unknown, config?: Config): Promise<unknown>;
  put(path: string, body?: unknown, config?: Config): Promise<unknown>;
  patch(path: string, body?: unknown, config?: Config): Promise<unknown>;
  delete(path: string, config?: Config): Promise<unknown>;
  request(config: Config): Promise<unknown>;
}

/** `initStarted` tells whether ZOHO.embeddedApp.init() was called; ZRC refuses to run before it. */
export function createZrc(messenger: Messenger, initStarted: () => boolean): ZrcClient {
  let parentUrl: Promise<URL> | undefined;

  const send = async (data: { category: string; [key: string]: unknown }): Promise<unknown> => {
    // Calls made right after init() wait for the handshake instead of failing.
    await messenger.whenReady();
    return messenger.request({ ...data, zrcVersion: ZRC_VERSION, sdkVersion: SDK_VERSION });
  };

  const pageUrl = (): Promise<URL> => {
    parentUrl ??= send({ category: "GET_PARENT_URL" }).then((url) => {
      if (typeof url !== "string" || !url) throw zrcError("Failed to get current page url for your zrc request");
      return new URL(url);
    });
    return parentUrl;
  };

  const call = async (method: string, path: unknown, body: unknown, config: Config = {}): Promise<unknown> => {
    if (!initStarted()) throw zrcError("ZRC methods called before init");
    const wire = validate(path, config);
    const base = typeof config.baseUrl === "string" ? config.baseUrl : (await pageUrl()).origin;
    const url = new URL(isRelative(wire.path) ? base.replace(/\/$/, "") + wire.path : wire.path);
    appendParams(url, config.params);

    const headers = lowerCaseKeys(config.headers);
    const requestConfig: ZrcWireConfig = { method, ...cloneable(config), headers };
    if (body !== undefined && body !== null && body !== "" && BODY_METHODS.includes(method)) {
      if (!headers["content-type"] && isJsonLike(body)) headers["content-type"] = "application/json";
      requestConfig.body = headers["content-type"]?.startsWith("application/json") && typeof body !== "string" ? JSON.stringify(body) : body;
    }
    try {
      return await send({ category: "ZRC_REQUEST", url: url.toString(), options: {}, requestConfig });
    } catch (failure) {
      throw convertFailure(failure);
    }
  };

  return {
    get: (path, config) => call("GET", path, undefined, config),
    post: (path, body, config) => call("POST", path, body, config),
    put: (path, body, config) => call("PUT", path, body, config),
    patch: (path, body, config) => call("PATCH", path, body, config),
    delete: (path, config) => call("DELETE", path, undefined, config),
    request: async (config) => {
      if (!isRecord(config)) throw zrcValidationError("Invalid requestConfig provided for zrc.request method");
      const { path, url, body, method, ...rest } = config;
      const verb = typeof method === "string" ? method.toUpperCase() : "GET";
      return call(verb, url ?? path ?? "/", body, rest);
    },
  };
}

function validate(path: unknown, config: Config): { path: string } {
  if (typeof path !== "string" || path.trim() === "") throw zrcValidationError(`Invalid url provided for zrc request: '${String(path)}'`);
  if (!isRecord(config)) throw zrcValidationError("Invalid requestConfig");
  for (const key of Object.keys(config)) {
    if (!ALLOWED_KEYS.includes(key)) throw zrcValidationError(`The property '${key}' is not allowed in requestConfig.`);
  }
  if (!isRelative(path) && !isAbsolute(path)) {
    throw zrcValidationError(`Invalid 'url' provided, please provide a relative-path or a valid absolute url for zrc requests: ${path}`);
  }
  return { path };
}

const isRelative = (path: string) => path.startsWith("/") && !isAbsolute(path);

function isAbsolute(path: string): boolean {
  try {
    new URL(path);
    return true;
  } catch {
    return false;
  }
}

function isJsonLike(body: unknown): boolean {
  if (typeof body === "string") {
    try {
      JSON.parse(body);
      return true;
    } catch {
      return false;
    }
  }
  return typeof body === "object" && !(body instanceof FormData) && !(body instanceof Blob) && !(body instanceof URLSearchParams);
}

/** Query params: null/undefined skipped, arrays as `key[]`, objects as JSON, dates as ISO text. */
function appendParams(url: URL, params: unknown): void {
  if (!isRecord(params)) return;
  const text = (value: unknown) => (value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value));
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && item !== undefined) url.searchParams.append(`${key}[]`, text(item));
    } else {
      url.searchParams.append(key, text(value));
    }
  }
}

function lowerCaseKeys(headers: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (isRecord(headers)) for (const [key, value] of Object.entries(headers)) result[key.toLowerCase()] = String(value);
  return result;
}

/** An AbortSignal cannot cross postMessage, so it stays behind. */
function cloneable(config: Config): Config {
  const { signal: _signal, ...rest } = config;
  return rest;
}
