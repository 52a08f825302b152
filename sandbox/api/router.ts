/**
 * A tiny path router. Patterns are slash-separated segments relative to
 * /crm/v8; `:name` captures a segment, `:module` captures any segment that is
 * not a reserved top-level word. Routes are tried in declaration order.
 */
import type { MockRequest, MockResponse } from "./types";
import type { Ctx } from "./context";

export type Method = MockRequest["method"];
export type Handler = (ctx: Ctx) => MockResponse;

export interface Route {
  method: Method;
  segments: string[];
  handler: Handler;
}

const RESERVED = new Set(["settings", "users", "org", "coql", "actions"]);

export function route(method: Method, pattern: string, handler: Handler): Route {
  return { method, segments: pattern.split("/").filter(Boolean), handler };
}

function matchSegments(pattern: string[], path: string[]): Record<string, string> | null {
  if (pattern.length !== path.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] as string;
    const s = path[i] as string;
    if (p.startsWith(":")) {
      if (p === ":module" && RESERVED.has(s.toLowerCase())) return null;
      params[p.slice(1)] = s;
    } else if (p !== s) {
      return null;
    }
  }
  return params;
}

export type MatchResult =
  | { kind: "found"; route: Route; params: Record<string, string> }
  | { kind: "wrong_method"; allowed: Method[] }
  | { kind: "not_found" };

export function matchRoute(routes: Route[], method: Method, path: string[]): MatchResult {
  const allowed: Method[] = [];
  for (const r of routes) {
    const params = matchSegments(r.segments, path);
    if (!params) continue;
    if (r.method === method) return { kind: "found", route: r, params };
    allowed.push(r.method);
  }
  return allowed.length ? { kind: "wrong_method", allowed } : { kind: "not_found" };
}
