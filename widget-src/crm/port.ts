/**
 * The CRM port: everything a feature may ask of the CRM. Features receive it
 * injected, so tests can pass an in-memory fake (test/support/fake-port.ts).
 */
import type { RawAnswer } from "./decode";
import type { WidgetContext } from "./context";
import type { CrmResult } from "./result";
import type { HttpMethod } from "./sdk-types";
import type { TransportKind } from "./transport";

export interface RequestOptions {
  query?: Record<string, string>;
  body?: unknown;
}

export type Theme = "day" | "night";

export interface CrmPort {
  readonly context: WidgetContext;
  /** A v8 REST call; `path` is below /crm/v8 and starts with "/". */
  request(method: HttpMethod, path: string, options?: RequestOptions): Promise<CrmResult<RawAnswer>>;
  /** CONFIG.getCurrentUser(), undecoded (`{users:[user]}`); see api/users. */
  currentUser(): Promise<CrmResult<unknown>>;
  /** API.getRecord(), undecoded (`{data:[record]}`); see api/records. */
  getRecord(module: string, id: string): Promise<CrmResult<unknown>>;
  /** The CRM user's theme when the SDK reports it. */
  theme(): Promise<Theme | undefined>;
  resize(size: { height: number; width?: number }): void;
  close(): void;
  /** Which transport REST calls currently use; the fallback runs as the connection's owner. */
  transport(): TransportKind | undefined;
  onTransportChange(listener: (kind: TransportKind) => void): void;
}
