/**
 * The mock CRM's contract with its callers (the HTTP server, the host page's
 * ZRC/CONNECTION bridge and the sandbox tests). It is transport-free so tests
 * can call it directly.
 */
export interface MockRequest {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path starting with /crm/v8/, without the query string. */
  path: string;
  /** Decoded query parameters. */
  query: Record<string, string>;
  /** Acting user id (19-digit string). Undefined means the seeded administrator. */
  userId?: string;
  /** Parsed JSON body, or undefined when none was sent. */
  body?: unknown;
}

export interface MockResponse {
  status: number;
  /** JSON-serialisable body; undefined for 204. */
  body?: unknown;
}

export interface MockCrmOptions {
  /** How long a share job stays "running" after a share write (ms). Default 0. */
  shareJobMs?: number;
  /** Clock, for deterministic tests. */
  now?: () => Date;
  /**
   * CRM edition. "standard" lacks record locking and assignment thresholds
   * (FEATURE_NOT_SUPPORTED). Default "enterprise".
   */
  edition?: "standard" | "professional" | "enterprise";
  /** Whether Feeds is enabled (needed by share notify_shared_members). Default true. */
  feedsEnabled?: boolean;
  /** Seed the hostile XSS test data too (sandbox/seed/hostile.ts). Default false. */
  hostile?: boolean;
  /**
   * Seed this many extra locked records across the modules with a locking
   * configuration, for scale tests (sandbox/seed/locked-records.ts). Default 0.
   */
  lockedRecords?: number;
  /**
   * Seed a sales team with different Deals capacities and 500 deals to hand
   * over (sandbox/seed/team.ts). Default false.
   */
  team?: boolean;
}

export interface MockCrm {
  handle(req: MockRequest): MockResponse;
  /** Restore the seeded state. */
  reset(): void;
}
