/** Per-request context handed to route handlers, plus lookup helpers. */
import type { MockCrmOptions, MockRequest } from "./types";
import type { CrmRecord, ModuleDef, Profile, State, User } from "./model";
import { ApiError, invalidModule, invalidPathId } from "./errors";

export type Edition = NonNullable<MockCrmOptions["edition"]>;

export interface ResolvedOptions {
  shareJobMs: number;
  now: () => Date;
  edition: Edition;
  feedsEnabled: boolean;
}

export interface Ctx {
  state: State;
  req: MockRequest;
  /** Path parameters from the route pattern. */
  params: Record<string, string>;
  query: Record<string, string>;
  user: User;
  profile: Profile;
  now: Date;
  options: ResolvedOptions;
  /** Allocate a fresh deterministic 19-digit id. */
  newId(): string;
}

export function iso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "+00:00");
}

export function param(ctx: Ctx, name: string): string {
  const value = ctx.params[name];
  if (value === undefined) throw new Error(`route has no :${name} parameter`);
  return value;
}

export function isZohoId(value: unknown): value is string {
  return typeof value === "string" && /^\d{1,19}$/.test(value);
}

export function fullName(user: User): string {
  return `${user.first_name} ${user.last_name}`.trim();
}

export function userRef(state: State, userId: string | null): { name: string; id: string } | null {
  if (userId === null) return null;
  const user = findUser(state, userId);
  return user ? { name: fullName(user), id: user.id } : null;
}

export function findUser(state: State, id: unknown): User | undefined {
  return typeof id === "string" ? state.users.find((u) => u.id === id) : undefined;
}

export function profileOf(state: State, user: User): Profile {
  const profile = state.profiles.find((p) => p.id === user.profileId);
  if (!profile) throw new Error(`user ${user.id} has an unknown profile`);
  return profile;
}

export function isActiveConfirmed(user: User): boolean {
  return user.status === "active" && user.confirm;
}

export function findModule(state: State, name: string): ModuleDef | undefined {
  return (
    state.modules.find((m) => m.api_name === name) ??
    state.modules.find((m) => m.api_name.toLowerCase() === name.toLowerCase())
  );
}

/** Resolve a module from a path segment or query parameter, or throw INVALID_MODULE. */
export function resolveModule(state: State, name: string, pathIndex = 0): ModuleDef {
  const mod = findModule(state, name);
  if (!mod) throw invalidModule(pathIndex);
  return mod;
}

export function moduleRecords(state: State, module: string): CrmRecord[] {
  return (state.records[module] ??= []);
}

export function findRecord(state: State, module: string, id: string): CrmRecord | undefined {
  return moduleRecords(state, module).find((r) => r.id === id);
}

/** Find a record addressed by the path, or throw INVALID_DATA pointing at the id segment. */
export function resolveRecord(state: State, module: ModuleDef, id: string, pathIndex = 1): CrmRecord {
  const record = isZohoId(id) ? findRecord(state, module.api_name, id) : undefined;
  if (!record) throw invalidPathId(pathIndex);
  return record;
}

export function recordName(module: ModuleDef, record: CrmRecord): string {
  const value = record[module.nameField];
  return typeof value === "string" ? value : "";
}

export function recordOwnerId(record: CrmRecord): string | null {
  const owner = record["Owner"];
  if (owner && typeof owner === "object" && !Array.isArray(owner)) {
    const id = owner["id"];
    return typeof id === "string" ? id : null;
  }
  return null;
}

export function ownerValue(user: User): { name: string; id: string; email: string } {
  return { name: fullName(user), id: user.id, email: user.email };
}

/** Parse page/per_page query parameters (per_page at most 200). */
export function paging(query: Record<string, string>, defaultPerPage = 200): { page: number; perPage: number } {
  const page = query["page"] === undefined ? 1 : Number(query["page"]);
  const perPage = query["per_page"] === undefined ? defaultPerPage : Number(query["per_page"]);
  if (!Number.isInteger(page) || page < 1) {
    throw new ApiError(400, "INVALID_DATA", "invalid value for page", { param_name: "page" });
  }
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 200) {
    throw new ApiError(400, "INVALID_DATA", "per_page must be between 1 and 200", {
      param_name: "per_page",
      maximum_length: 200,
    });
  }
  return { page, perPage };
}

export function pageOf<T>(items: T[], page: number, perPage: number): { slice: T[]; more: boolean } {
  const start = (page - 1) * perPage;
  return { slice: items.slice(start, start + perPage), more: items.length > start + perPage };
}
