/**
 * In-memory mock of the Zoho CRM v8 REST API over a deterministic seeded org.
 * See sandbox/api/types.ts for the contract and /crm/v8 routes below.
 */
import type { MockCrm, MockCrmOptions, MockRequest, MockResponse } from "./types";
import type { State } from "./model";
import type { Ctx, ResolvedOptions } from "./context";
import { findUser, iso, profileOf } from "./context";
import { ApiError } from "./errors";
import { matchRoute, type Route } from "./router";
import { syncAutomaticLocks } from "./locks";
import { buildSeedState } from "../seed/index";
import { SEED, zid } from "../seed/ids";
import { metadataRoutes } from "./routes/metadata";
import { layoutRoutes } from "./routes/layouts";
import { userRoutes } from "./routes/users";
import { lockingConfigRoutes } from "./routes/locking-config";
import { portalRoutes } from "./routes/portals";
import { lockingInfoRoutes } from "./routes/locking-info";
import { shareRoutes } from "./routes/share";
import { changeOwnerRoutes } from "./routes/change-owner";
import { permitThresholdRoutes } from "./routes/permit-threshold";
import { assignmentThresholdRoutes } from "./routes/assignment-thresholds";
import { recordRoutes } from "./routes/records";
import { searchRoutes } from "./routes/search";

export type { MockCrm, MockCrmOptions, MockRequest, MockResponse } from "./types";

/** Literal routes first; the generic /{module}/{id} routes last. */
const ROUTES: Route[] = [
  ...metadataRoutes,
  ...layoutRoutes,
  ...userRoutes,
  ...lockingConfigRoutes,
  ...portalRoutes,
  ...lockingInfoRoutes,
  ...shareRoutes,
  ...changeOwnerRoutes,
  ...permitThresholdRoutes,
  ...assignmentThresholdRoutes,
  ...searchRoutes,
  ...recordRoutes,
];

const PATH_RE = /^\/crm\/v(\d+)\/(.*)$/;

function invalidUrl(): MockResponse {
  return new ApiError(404, "INVALID_URL_PATTERN", "Please check if the URL trying to access is a correct one").toResponse();
}

function resolveOptions(options: MockCrmOptions): ResolvedOptions {
  return {
    shareJobMs: options.shareJobMs ?? 0,
    now: options.now ?? (() => new Date()),
    edition: options.edition ?? "enterprise",
    feedsEnabled: options.feedsEnabled ?? true,
  };
}

function splitPath(rest: string): string[] | null {
  try {
    return rest.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return null;
  }
}

export function createMockCrm(options: MockCrmOptions = {}): MockCrm {
  const opts = resolveOptions(options);
  const seed = { hostile: options.hostile, lockedRecords: options.lockedRecords, team: options.team };
  let state: State = buildSeedState(seed);

  function dispatch(req: MockRequest): MockResponse {
    const m = PATH_RE.exec(req.path);
    const segments = m ? splitPath(m[2] ?? "") : null;
    if (!m || !segments) return invalidUrl();
    if (m[1] !== "8") {
      if (Number(m[1]) < 8 && segments.includes("permit_threshold")) {
        return new ApiError(400, "API_NOT_SUPPORTED", "this API is not supported in this version", {
          supported_version: 8,
        }).toResponse();
      }
      return invalidUrl();
    }
    const match = matchRoute(ROUTES, req.method, segments);
    if (match.kind === "not_found") return invalidUrl();
    if (match.kind === "wrong_method") {
      return new ApiError(400, "INVALID_REQUEST_METHOD", "The http request method type is not a valid one").toResponse();
    }
    const user = findUser(state, req.userId ?? SEED.users.admin);
    if (!user || user.status !== "active" || !user.confirm) {
      return new ApiError(401, "INVALID_TOKEN", "invalid oauth token").toResponse();
    }
    const now = opts.now();
    const ctx: Ctx = {
      state,
      req,
      params: match.params,
      query: req.query,
      user,
      profile: profileOf(state, user),
      now,
      options: opts,
      newId: () => zid(++state.nextId),
    };
    try {
      return match.route.handler(ctx);
    } catch (err) {
      if (err instanceof ApiError) return err.toResponse();
      // A bug in the mock: answer like Zoho's server fault, keeping the cause visible.
      const cause = err instanceof Error ? err.message : String(err);
      return new ApiError(500, "INTERNAL_ERROR", "Internal Server Error", { cause }).toResponse();
    } finally {
      if (req.method !== "GET") syncAutomaticLocks(state, { nowIso: iso(now), newId: ctx.newId });
    }
  }

  return {
    handle(req: MockRequest): MockResponse {
      const res = dispatch(req);
      // Hand out copies so callers can never mutate the mock's state.
      return res.body === undefined ? { status: res.status } : { status: res.status, body: structuredClone(res.body) };
    },
    reset(): void {
      state = buildSeedState(seed);
    },
  };
}
