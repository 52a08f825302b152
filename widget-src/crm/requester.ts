/**
 * Sends REST calls through the current transport with a timeout on every
 * attempt, bounded retries for reads, and a one-way switch to the fallback
 * transport when ZRC is missing or refused.
 */
import type { RawAnswer } from "./decode";
import { LOCAL_CODES, fail, type CrmResult } from "./result";
import { withTimeout } from "./timeout";
import type { ApiRequest, Transport, TransportKind } from "./transport";

export interface RequesterOptions {
  primary: Transport | undefined;
  /** Builds the fallback lazily: it may need one more SDK call (the data centre). */
  fallback: () => Promise<Transport | undefined>;
  timeoutMs: number;
  /** Extra attempts for GET after 429 or 5xx. */
  readRetries: number;
  backoffMs: number;
  sleep?: (ms: number) => Promise<void>;
  onTransportChange?: (kind: TransportKind) => void;
}

export interface Requester {
  send(request: ApiRequest): Promise<CrmResult<RawAnswer>>;
}

const RETRYABLE_CODES = new Set(["TOO_MANY_REQUESTS", "INTERNAL_ERROR", "INTERNAL_SERVER_ERROR"]);

export function isRetryableRead(result: CrmResult<RawAnswer>): boolean {
  if (result.ok) return false;
  const { status, code } = result.error;
  if (status === 429 || (status !== undefined && status >= 500)) return true;
  return RETRYABLE_CODES.has(code);
}

export function createRequester(options: RequesterOptions): Requester {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let current = options.primary;
  // One shared attempt: concurrent calls refused by ZRC all wait for the same fallback.
  let fallback: Promise<Transport | undefined> | undefined;

  function switchToFallback(): Promise<Transport | undefined> {
    fallback ??= options.fallback().then((transport) => {
      if (transport) {
        current = transport;
        options.onTransportChange?.(transport.kind);
      }
      return transport;
    });
    return fallback;
  }

  async function attempt(transport: Transport, request: ApiRequest): Promise<CrmResult<RawAnswer>> {
    return withTimeout(transport.send(request), options.timeoutMs, `${request.method} ${request.path}`, { method: request.method });
  }

  async function sendOnce(request: ApiRequest): Promise<CrmResult<RawAnswer>> {
    const transport = current ?? (await switchToFallback());
    if (!transport) return noTransport();
    const result = await attempt(transport, request);
    // ZRC refuses before anything reaches the CRM, so resending is safe even for writes.
    if (!result.ok && result.error.code === LOCAL_CODES.zrcRefused && transport.kind === "zrc") {
      const fallback = await switchToFallback();
      return fallback ? attempt(fallback, request) : result;
    }
    return result;
  }

  return {
    async send(request) {
      let result = await sendOnce(request);
      if (request.method !== "GET") return result;
      for (let retry = 1; retry <= options.readRetries && isRetryableRead(result); retry += 1) {
        await sleep(options.backoffMs * 3 ** (retry - 1));
        result = await sendOnce(request);
      }
      return result;
    },
  };
}

function noTransport(): CrmResult<RawAnswer> {
  return fail(LOCAL_CODES.noTransport, "Neither ZRC nor the fallback connection is available");
}
