/**
 * Fuzzing of every answer decoder (hardening issue #8, "Malformed answers").
 *
 * Each decoder receives generated answers: near-misses of a valid answer (keys
 * dropped, values swapped for garbage, extra items), wrong types, HTML error
 * pages, empty bodies (undefined, "", {}), truncated JSON text, huge numbers
 * (1e308, 2**64, 12345678901234567890, and 1e400 in JSON text, which parses to
 * Infinity), nulls, strings where arrays belong, arrays where objects belong
 * and nested garbage. The resource decoders get both branches of
 * CrmResult<RawAnswer>, directly and through the two transport decoders.
 *
 * Checked for every answer:
 * - the decoder never throws;
 * - a failure is a typed CrmError: non-empty string `code`, string `message`,
 *   object `details`, integer `status` if any, and errorMessage(error) is a
 *   non-empty text without "undefined", "NaN" or "[object" (unless the code or
 *   the server's message itself contains them);
 * - a failure handed in is handed on unchanged (decodeLockInfo may turn
 *   NOT_ALLOWED/400 into "notConfigured", and only that);
 * - a success satisfies the decoder's output invariants (ids are strings of
 *   digits, enums are among the allowed values, lists are arrays, counts are
 *   finite non-negative integers; decodeUserTypes uses NaN for an unknown user
 *   count on purpose) and the answer was minimally well-formed for that
 *   decoder (e.g. "unlocked" only for a 204 or an empty `data` list).
 *
 * Replay: the seed is printed at the start of the run. To replay a run,
 *   FUZZ_SEED=<seed> npx vitest run --project unit test/unit/fuzz-decoders.test.ts
 * Every property is run with fc.assert(…, { seed, numRuns }), so the same
 * seed generates the same answers; a failing property also prints fast-check's
 * own counterexample, seed and path.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { decodeBulkOutcomes } from "../../widget-src/api/change-owner";
import { decodeFields } from "../../widget-src/api/fields";
import { decodeItemOutcomes, decodeWriteResult } from "../../widget-src/api/items";
import { decodeLayouts, decodeViews } from "../../widget-src/api/layouts";
import { decodeCustomButtons, decodeLockConfig } from "../../widget-src/api/locking-configurations";
import { decodeLockInfo } from "../../widget-src/api/locking-info";
import { decodeModules } from "../../widget-src/api/modules";
import { PERMIT_REASONS, decodePermit } from "../../widget-src/api/permit-threshold";
import { decodeThresholdScopes } from "../../widget-src/api/assignment-thresholds";
import {
  decodePortalUsers,
  decodePortals,
  decodeUserOutcomes,
  decodeUserTypeDetail,
  decodeUserTypes,
} from "../../widget-src/api/portals";
import { decodeProfileList, decodeProfilePermissions } from "../../widget-src/api/profiles";
import { decodeCount } from "../../widget-src/api/record-count";
import { decodeRecord, decodeRecordRows, decodeRecordValues } from "../../widget-src/api/records";
import { decodeRoles } from "../../widget-src/api/roles";
import { decodeSearchPage } from "../../widget-src/api/search";
import { decodeShares } from "../../widget-src/api/share";
import { decodeGroupsPage } from "../../widget-src/api/user-groups";
import { decodeCurrentUser, decodeUsersPage } from "../../widget-src/api/users";
import {
  decodeConnectionAnswer,
  decodeConnectionFailure,
  decodeZrcAnswer,
  decodeZrcFailure,
  type RawAnswer,
} from "../../widget-src/crm/decode";
import type { CrmError, CrmResult } from "../../widget-src/crm/result";
import { errorMessage, type ErrorAction } from "../../widget-src/i18n/error-message";

// ---------------------------------------------------------------------------
// Seed and run counts

function readSeed(): number {
  const raw = process.env.FUZZ_SEED;
  if (raw === undefined || raw.trim() === "") return (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, got ${JSON.stringify(raw)}`);
  return seed;
}

const seed = readSeed();
console.log(`fuzz-decoders: seed ${seed} (replay with FUZZ_SEED=${seed})`);

const TRANSPORT_RUNS = 600;
const RESOURCE_RUNS = 400;
let planned = 0;
let executed = 0;

afterAll(() => {
  console.log(`fuzz-decoders: ${executed} generated answers decoded (${planned} planned), seed ${seed}`);
});

// ---------------------------------------------------------------------------
// Small helpers

function must(condition: unknown, what: string): asserts condition {
  if (!condition) throw new Error(what);
}

function rec(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

const isDigits = (value: unknown): value is string => typeof value === "string" && /^\d+$/.test(value);
const isNonEmpty = (value: unknown): value is string => typeof value === "string" && value !== "";
const isBool = (value: unknown): value is boolean => typeof value === "boolean";
const isCount = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value) && Number.isInteger(value) && value >= 0;
const show = (value: unknown): string => fc.stringify(value);

function mustNamed(value: unknown, what: string): void {
  const item = rec(value);
  must(item && isDigits(item.id) && typeof item.name === "string", `${what} must be {id: digits, name: string}, got ${show(value)}`);
}

function mustOptional(value: unknown, test: (value: unknown) => boolean, what: string): void {
  must(value === undefined || test(value), `${what}: ${show(value)}`);
}

function mustIdList(value: unknown, what: string): void {
  must(Array.isArray(value) && value.every(isDigits), `${what} must be a list of digit ids, got ${show(value)}`);
}

/** Strict JSON validity: what a body given as text must be for a decoder to read it. */
function isStrictJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const ACTIONS: ErrorAction[] = ["readLock", "lock", "unlock", "editReason", "record", "share", "config", "changeOwner", "threshold", "portal"];
const UNREADABLE_WORDS = ["undefined", "NaN", "[object"];

/** A failure must be a typed CrmError that errorMessage turns into words. */
function mustBeTypedError(error: unknown, where: string): void {
  const e = rec(error);
  must(e, `${where}: the error is not an object: ${show(error)}`);
  must(isNonEmpty(e.code), `${where}: error.code must be a non-empty string, got ${show(e.code)} in ${show(error)}`);
  must(typeof e.message === "string", `${where}: error.message must be a string, got ${show(e.message)}`);
  must(rec(e.details) !== undefined, `${where}: error.details must be an object, got ${show(e.details)}`);
  must(
    e.status === undefined || (typeof e.status === "number" && Number.isInteger(e.status)),
    `${where}: error.status must be an integer when present, got ${show(e.status)}`,
  );
  const crmError = e as unknown as CrmError;
  for (const action of [undefined, ...ACTIONS]) {
    const text = errorMessage(crmError, action);
    must(typeof text === "string" && text.trim() !== "", `${where}: errorMessage(${show(error)}, ${action}) is empty`);
    for (const word of UNREADABLE_WORDS) {
      const fromServer = crmError.code.includes(word) || crmError.message.includes(word);
      must(fromServer || !text.includes(word), `${where}: errorMessage(…, ${action}) contains "${word}": ${JSON.stringify(text)} for ${show(error)}`);
    }
  }
}

function mustBeResult(out: unknown, where: string): asserts out is CrmResult<unknown> {
  const r = rec(out);
  must(r && typeof r.ok === "boolean", `${where}: not a CrmResult: ${show(out)}`);
  if (r.ok === false) mustBeTypedError(r.error, where);
}

// ---------------------------------------------------------------------------
// Garbage

const DROP = Symbol("drop");

const HTML_PAGES = [
  "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>",
  "<!DOCTYPE html><html><body>Service Temporarily Unavailable</body></html>",
  "<html>…",
  "<?xml version=\"1.0\"?><error>Internal</error>",
  "Internal Server Error",
  "null",
  "undefined",
  "{\"data\":",
  "[",
  "{\"users\":[{\"id\":\"1\"",
  // Not JSON: unquoted or zero-padded long numbers where JSON allows none.
  "{1234567890123456789:{\"id\":\"1\"}}",
  "{\"data\":[{\"id\":0012345678901234567}]}",
];

/** Placeholders replaced by raw number text when a body is sent as JSON text (1e400 parses to Infinity). */
const NUMBER_TEXTS = ["1e400", "-1e400", "1e308", "12345678901234567890", "18446744073709551616", "-1", "0.5", "-0"];

const hugeNumber = fc.constantFrom(1e308, -1e308, 2 ** 64, 12345678901234567890, Number.MAX_SAFE_INTEGER + 2, Infinity, -Infinity, NaN, -0, -1, 0.5);

const trickyString = fc.constantFrom(
  "",
  " ",
  "5725767000000123457",
  "0",
  "-1",
  "1e3",
  " 123",
  "12a",
  "٣",
  "SUCCESS",
  "success",
  "error",
  "public",
  "manual",
  "read_only",
  "users",
  "NOT_ALLOWED",
  "constructor",
  "__proto__",
  "toString",
  "hasOwnProperty",
  "valueOf",
  ...NUMBER_TEXTS.map((text) => `__NUM:${text}`),
  ...HTML_PAGES,
);

const garbageLeaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(undefined, null, "", {}, [], [[]], [{}], [null], "[]", "{}"),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  hugeNumber,
  trickyString,
  fc.string({ maxLength: 12 }),
);

const garbage: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: garbageLeaf },
  {
    weight: 1,
    arbitrary: fc.anything({
      maxDepth: 2,
      maxKeys: 4,
      withNullPrototype: true,
      withBoxedValues: true,
      withSparseArray: true,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
    }),
  },
  { weight: 1, arbitrary: fc.array(garbageLeaf, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), trickyString), garbageLeaf, { maxKeys: 3 }) },
);

/**
 * Near-misses of a valid template: every node is kept (and mutated below),
 * dropped, or replaced by garbage; lists get extra items.
 */
function mutated(template: unknown): fc.Arbitrary<unknown> {
  if (Array.isArray(template)) {
    const items = template.map((item) =>
      fc.oneof({ weight: 8, arbitrary: mutated(item) }, { weight: 1, arbitrary: fc.constant<unknown>(DROP) }),
    );
    const extra = template.length > 0 ? fc.oneof(mutated(template[0]), garbage) : garbage;
    const list = fc
      .tuple(fc.tuple(...items), fc.array(extra, { maxLength: 2 }))
      .map(([kept, more]) => [...kept.filter((item) => item !== DROP), ...more]);
    return fc.oneof({ weight: 10, arbitrary: list }, { weight: 1, arbitrary: garbage });
  }
  const object = rec(template);
  if (object) {
    const keys = Object.keys(object);
    const values = keys.map((key) =>
      fc.oneof(
        { weight: 10, arbitrary: mutated(object[key]) },
        { weight: 1, arbitrary: fc.constant<unknown>(DROP) },
        { weight: 1, arbitrary: garbage },
      ),
    );
    const extraKey = fc.oneof(fc.constantFrom("id", "data", "info", "code", "status", "message", "__proto__", "constructor"), fc.string({ maxLength: 6 }));
    const built = fc.tuple(fc.tuple(...values), fc.option(fc.tuple(extraKey, garbage), { freq: 6 })).map(([kept, extra]) => {
      const out: Record<string, unknown> = {};
      keys.forEach((key, index) => {
        if (kept[index] !== DROP) Object.defineProperty(out, key, { value: kept[index], enumerable: true, writable: true, configurable: true });
      });
      if (extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true, writable: true, configurable: true });
      return out;
    });
    return fc.oneof({ weight: 12, arbitrary: built }, { weight: 1, arbitrary: garbage });
  }
  return fc.oneof({ weight: 7, arbitrary: fc.constant(template) }, { weight: 1, arbitrary: garbageLeaf });
}

/** A decoder's bodies: exact templates, near-misses of them, Zoho error envelopes, and plain garbage. */
function bodies(...templates: unknown[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...templates) },
    { weight: 10, arbitrary: fc.oneof(...templates.map(mutated)) },
    { weight: 1, arbitrary: mutated(ENVELOPE) },
    { weight: 2, arbitrary: garbage },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, "", {}, null, [], ...HTML_PAGES) },
  );
}

/** JSON text of a body, with the number placeholders written as raw number text. */
function jsonText(body: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(body);
  } catch {
    text = undefined; // BigInt
  }
  return (text ?? "").replace(/"__NUM:([^"]*)"/g, "$1");
}

function answerData(body: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: body },
    { weight: 3, arbitrary: body.map(jsonText) },
    {
      weight: 2,
      arbitrary: fc.tuple(body, fc.nat()).map(([value, cut]) => {
        const text = jsonText(value);
        return text.length > 1 ? text.slice(0, 1 + (cut % (text.length - 1))) : "{";
      }),
    },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, "", "  ", null, "null", "{}", "[]", ...HTML_PAGES) },
  );
}

const httpStatus = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(200, 201, 202, 204, 207, 400, 401, 403, 404, 429, 500, 502) },
  { weight: 2, arbitrary: fc.integer({ min: 100, max: 599 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(99, 600, 200.5, NaN, "200", -1, 1e308, 2 ** 64, undefined, null) },
);

function zrcAnswer(body: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.record({ status: httpStatus, data: answerData(body), headers: fc.constant({}) }) },
    { weight: 1, arbitrary: garbage },
  );
}

function connectionAnswer(body: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const code = fc.oneof({ weight: 8, arbitrary: fc.constant<unknown>("SUCCESS") }, { weight: 2, arbitrary: garbageLeaf });
  const details = fc.oneof(
    { weight: 8, arbitrary: fc.record({ statusMessage: answerData(body) }) },
    { weight: 1, arbitrary: garbage },
  );
  return fc.oneof({ weight: 8, arbitrary: fc.record({ code, details }) }, { weight: 1, arbitrary: garbage });
}

const ERROR_CODES = ["NOT_ALLOWED", "INVALID_DATA", "NO_PERMISSION", "RECORD_LOCKED", "TIMEOUT", "UNREADABLE_RESPONSE", "HTTP_ERROR", "CONNECTION_FAILED", "TRANSPORT_FAILED"];

/** A well-formed CrmError, as the transports hand them to the resource decoders. */
const crmError: fc.Arbitrary<CrmError> = fc
  .record({
    code: fc.oneof(fc.constantFrom(...ERROR_CODES), fc.string({ minLength: 1, maxLength: 12 }).filter((code) => !/undefined|NaN|\[object/.test(code))),
    message: fc.string({ maxLength: 20 }),
    details: fc.oneof(fc.constant({}), fc.record({ ms: fc.integer({ min: 0, max: 60_000 }) }), fc.dictionary(fc.string({ maxLength: 4 }), garbageLeaf, { maxKeys: 2 })),
    status: fc.option(fc.constantFrom(400, 401, 403, 404, 500), { nil: undefined }),
  })
  .map(({ status, ...rest }) => (status === undefined ? rest : { ...rest, status }));

// ---------------------------------------------------------------------------
// Valid templates

const ID1 = "5725767000000123457";
const ID2 = "5725767000000654321";
const ID3 = "111111000000000001";
const P1 = "5725767000000900001";
const P2 = "5725767000000900002";

const ENVELOPE = { code: "INVALID_DATA", message: "invalid data", status: "error", details: { api_name: "id" } };

const SHARES = {
  share: [
    {
      permission: "read_write",
      share_related_records: true,
      type: "private",
      shared_with: { id: ID1, name: "Ann Lee", type: "users" },
      shared_through: { id: ID2, name: "Acme", module: { api_name: "Accounts" } },
      shared_by: { id: ID3, name: "Bob" },
      shared_time: "2024-05-01T10:00:00+02:00",
    },
    { permission: "read_only", share_related_records: false, type: "public" },
    { permission: "full_access", type: "private", user: { id: ID2, full_name: "Cy" } },
  ],
};

const USER = {
  id: ID1,
  full_name: "Ann Lee",
  first_name: "Ann",
  last_name: "Lee",
  email: "ann@example.com",
  status: "active",
  confirm: true,
  profile: { id: ID2, name: "Administrator" },
  role: { id: ID3, name: "CEO" },
  locale: "en_US",
  time_zone: "Europe/Berlin",
};

const USERS_PAGE = { users: [USER, { id: ID2, email: "b@example.com", status: "disabled", confirm: false }], info: { more_records: true, page: 1 } };

const USER_TYPE = {
  id: ID1,
  name: "Partners",
  personality_module: { api_name: "Contacts", plural_label: "Contacts" },
  active: true,
  default: false,
  no_of_users: 3,
};

const USER_TYPE_DETAIL = {
  user_type: [
    {
      ...USER_TYPE,
      modules: [
        {
          id: ID2,
          api_name: "Contacts",
          shared_type: "private",
          layouts: [{ id: ID3 }],
          views: { id: ID1, type: "custom_view" },
          filters: [{ id: ID2 }],
          permissions: { view: true, edit: true, create: false },
          fields: [{ id: ID3, read_only: true }, { id: ID1, read_only: false }],
        },
      ],
    },
  ],
};

const PORTAL_USERS = {
  users: [
    { personality_id: P1, name: "Pat", email: "pat@example.com", active: true, confirm: true, invited_time: "2024-01-01T00:00:00Z", status_reason__s: "ok" },
    { personality_id: P2, email: "q@example.com", active: false, confirm: false },
  ],
  info: { more_records: false, total_count: 2 },
};

const successItem = (details: Record<string, unknown>, message = "done") => ({ code: "SUCCESS", status: "success", message, details });
const errorItem = (details: Record<string, unknown>) => ({ code: "RECORD_LOCKED", status: "error", message: "locked", details });

const LOCK_CONFIG = {
  record_locking_configurations: [
    {
      id: ID1,
      lock_type: "both",
      locked_for: "all_profiles_except_excluded_profiles",
      lock_excluded_profiles: [{ id: ID2, name: "Administrator" }],
      excluded_fields: [{ id: ID3, api_name: "Description" }, { api_name: "Stage" }],
      restricted_actions: ["update", "delete"],
      restricted_communications: ["email"],
      restricted_custom_buttons: [{ id: ID3, name: "Approve" }],
      lock_for_portal_users: true,
      locking_rules: [
        { id: ID2, name: "Closed deals", lock_existing_records: true, criteria: { field: { api_name: "Stage" }, comparator: "equal", value: "Closed" } },
      ],
      system_defined: false,
      modified_time: "2024-05-01T10:00:00+02:00",
    },
  ],
};

const LOCK_INFO = {
  data: [
    {
      id: ID1,
      Lock_Source__s: "Manual",
      Locked_By__s: { id: ID2, name: "Ann" },
      Locked_Reason__s: "Audit",
      Locked_Time__s: "2024-05-01T10:00:00+02:00",
      Record_Locking_Configuration_Id__s: ID3,
      Record_Locking_Rule_Id__s: ID2,
    },
  ],
};

const RECORD = { data: [{ id: ID1, Deal_Name: "Big deal", Owner: { id: ID2, name: "Ann" } }] };
const SEARCH_PAGE = { data: [{ id: ID1, Deal_Name: "Big deal", Owner: { id: ID2, name: "Ann" } }, { id: ID2, Name: "X" }], info: { more_records: true } };
const RECORD_ROWS = { data: [{ id: ID1, Deal_Name: "Big deal", Owner: { id: ID2, name: "Ann" }, Locked__s: true }, { id: ID2, Name: "X", $locked_for_me: true }] };

const ALL_TEMPLATES: unknown[] = [
  SHARES,
  USERS_PAGE,
  USER_TYPE_DETAIL,
  PORTAL_USERS,
  LOCK_CONFIG,
  LOCK_INFO,
  RECORD_ROWS,
  { data: [successItem({ id: ID1 }), errorItem({ id: ID2 })] },
  { permit_threshold: { allow: true, reason: "RECORD_ALLOWED", remaining_allow_count: 4 } },
  ENVELOPE,
];

// ---------------------------------------------------------------------------
// Property runners

function property<I>(name: string, input: fc.Arbitrary<I>, numRuns: number, check: (input: I) => void): void {
  planned += numRuns;
  it(`${name}: ${numRuns} generated answers`, () => {
    fc.assert(
      fc.property(input, (value) => {
        executed += 1;
        check(value);
      }),
      { seed, numRuns },
    );
  });
}

type ResourceInput = { via: "direct"; result: CrmResult<RawAnswer> } | { via: "zrc" | "connection"; answer: unknown };

function resourceInputs(body: fc.Arbitrary<unknown>): fc.Arbitrary<ResourceInput> {
  const status = fc.option(fc.oneof(fc.constantFrom(200, 201, 202, 204, 207), fc.integer({ min: 100, max: 599 })), { nil: undefined });
  return fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({ status, body }).map(({ status: s, body: b }): ResourceInput => ({
        via: "direct",
        result: { ok: true, value: s === undefined ? { body: b } : { status: s, body: b } },
      })),
    },
    { weight: 1, arbitrary: crmError.map((error): ResourceInput => ({ via: "direct", result: { ok: false, error } })) },
    { weight: 2, arbitrary: zrcAnswer(body).map((answer): ResourceInput => ({ via: "zrc", answer })) },
    { weight: 2, arbitrary: connectionAnswer(body).map((answer): ResourceInput => ({ via: "connection", answer })) },
  );
}

function toResult(input: ResourceInput): CrmResult<RawAnswer> {
  if (input.via === "direct") return input.result;
  return input.via === "zrc" ? decodeZrcAnswer(input.answer) : decodeConnectionAnswer(input.answer);
}

/**
 * A resource decoder over CrmResult<RawAnswer>. `valid` checks a success
 * against the answer it came from; `fromError` allows a success for a failed
 * input (decodeLockInfo only).
 */
function fuzzResource<T>(
  name: string,
  body: fc.Arbitrary<unknown>,
  decode: (result: CrmResult<RawAnswer>) => CrmResult<T>,
  valid: (answer: RawAnswer, value: T) => void,
  fromError?: (error: CrmError, value: T) => void,
): void {
  property(name, resourceInputs(body), RESOURCE_RUNS, (input) => {
    // Errors of the transport decoders themselves are checked in their own properties.
    const result = toResult(input);
    const out: unknown = decode(result);
    const shape = rec(out);
    must(shape && typeof shape.ok === "boolean", `${name}: not a CrmResult: ${show(out)}`);
    const decoded = out as CrmResult<T>;
    if (!result.ok) {
      if (decoded.ok) {
        must(fromError, `${name} turned a failure into a success: ${show(result.error)} -> ${show(decoded.value)}`);
        fromError(result.error, decoded.value);
      } else {
        must(decoded.error === result.error, `${name} changed a failure it should hand on: ${show(result.error)} -> ${show(decoded.error)}`);
      }
      return;
    }
    if (decoded.ok) valid(result.value, decoded.value);
    else mustBeTypedError(decoded.error, name);
  });
}

/** The list under `key`, when the body has one. */
function listIn(body: unknown, key: string): unknown[] | undefined {
  const value = rec(body)?.[key];
  return Array.isArray(value) ? value : undefined;
}

/** A decoder that fails on any unreadable item: a success has one value per item (204: none). */
function mustMatchList(name: string, answer: RawAnswer, key: string, value: unknown[]): void {
  must(Array.isArray(value), `${name}: the value must be an array, got ${show(value)}`);
  if (answer.body === undefined) {
    must(value.length === 0, `${name}: a 204 must decode to an empty list, got ${show(value)}`);
    return;
  }
  const list = listIn(answer.body, key);
  must(list, `${name} succeeded on a body without a "${key}" list: ${show(answer.body)}`);
  must(list.length === value.length, `${name}: ${list.length} items in, ${value.length} out: ${show(answer.body)} -> ${show(value)}`);
}

/** For a decoder that may drop unreadable items: at most one value per item. */
function mustFitList(name: string, answer: RawAnswer, key: string, value: unknown[]): void {
  must(Array.isArray(value), `${name}: the value must be an array, got ${show(value)}`);
  if (answer.body === undefined) {
    must(value.length === 0, `${name}: a 204 must decode to an empty list, got ${show(value)}`);
    return;
  }
  const list = listIn(answer.body, key);
  must(list, `${name} succeeded on a body without a "${key}" list: ${show(answer.body)}`);
  must(value.length <= list.length, `${name}: more values than items: ${show(answer.body)} -> ${show(value)}`);
}

const isSuccessItem = (item: unknown): boolean => rec(item)?.code === "SUCCESS" && rec(item)?.status === "success";

/**
 * Per-id outcomes of a bulk write: every requested id has one, every outcome
 * is typed, and an id reads as done only if a SUCCESS item names it (or sits
 * at its position without naming another id).
 */
function mustBeOutcomes(name: string, answer: RawAnswer, wrapper: string, idKey: string, ids: string[], byId: unknown): void {
  must(byId instanceof Map, `${name}: the outcomes must be a Map, got ${show(byId)}`);
  const items = listIn(answer.body, wrapper);
  must(items, `${name} succeeded without a "${wrapper}" list: ${show(answer.body)}`);
  for (const requested of ids) must(byId.has(requested), `${name}: no outcome for ${requested}`);
  for (const [key, outcome] of byId as Map<unknown, unknown>) {
    must(isDigits(key), `${name}: outcome key ${show(key)} is not an id`);
    const o = rec(outcome);
    must(o && isBool(o.ok), `${name}: outcome for ${key} is not {ok}: ${show(outcome)}`);
    if (o.ok === false) {
      mustBeTypedError(o.error, `${name} (item ${key})`);
      continue;
    }
    const vouched = items.some((item, index) => {
      if (!isSuccessItem(item)) return false;
      const named = rec(rec(item)?.details)?.[idKey];
      return isDigits(named) ? named === key : ids[index] === key;
    });
    must(vouched, `${name}: ${key} reads as done, but no SUCCESS item names it: ${show(answer.body)}`);
  }
}

// ---------------------------------------------------------------------------
// The transport ("answer") decoders

const anyBody = bodies(...ALL_TEMPLATES);

function mustBeReadableAnswer(name: string, data: unknown, value: RawAnswer): void {
  if (typeof data === "string" && data.trim() !== "") {
    must(isStrictJson(data), `${name} read a body that is not JSON: ${JSON.stringify(data)} -> ${show(value.body)}`);
  }
  must(value.body !== null, `${name}: a null body must read as undefined (no content)`);
  const body = rec(value.body);
  must(!(body && body.status === "error" && typeof body.code === "string"), `${name} read Zoho's error envelope as success: ${show(value.body)}`);
}

const zrcErrorKind = fc.oneof(
  fc.constantFrom(
    "PermissionException",
    "ZrcValidationError",
    "ZRC_VALIDATION_FAILED_ERROR",
    "ConnectionError",
    "ZRC_CONNECTION_ERROR",
    "TypeError",
    "Error",
    "",
    "constructor",
    "toString",
    "__proto__",
    "hasOwnProperty",
    "valueOf",
  ),
  fc.string({ maxLength: 10 }),
);

const zrcFailures: fc.Arbitrary<unknown> = fc.oneof(
  fc
    .tuple(zrcErrorKind, fc.string({ maxLength: 12 }), fc.constantFrom("name", "type", "errorType"))
    .map(([kind, message, key]) => Object.assign(new Error(message), { [key]: kind })),
  fc.record({ errorType: fc.oneof(zrcErrorKind, garbageLeaf), errorMessage: fc.oneof(fc.string(), garbageLeaf) }),
  fc.record({ error: fc.record({ type: fc.oneof(zrcErrorKind, garbageLeaf), message: fc.oneof(fc.string(), garbageLeaf) }) }),
  fc.record({ response: fc.record({ status: httpStatus, data: answerData(anyBody) }), request: fc.constant({}) }),
  fc.record({ response: garbage }),
  garbage,
);

const connectionFailures: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 12 }).map((message) => new Error(message)),
  fc.string({ maxLength: 12 }),
  mutated(ENVELOPE),
  fc.record({ code: fc.oneof(fc.string(), garbageLeaf), message: fc.oneof(fc.string(), garbageLeaf), details: mutated(ENVELOPE) }),
  garbage,
);

describe("fuzzing the transport answer decoders", () => {
  property("decodeZrcAnswer", zrcAnswer(anyBody), TRANSPORT_RUNS, (answer) => {
    const out: unknown = decodeZrcAnswer(answer);
    mustBeResult(out, "decodeZrcAnswer");
    if (!out.ok) return;
    const a = rec(answer);
    const status = a?.status;
    must(
      a && typeof status === "number" && Number.isInteger(status) && status >= 100 && status < 400,
      `decodeZrcAnswer succeeded without a 1xx-3xx status: ${show(answer)}`,
    );
    const value = out.value as RawAnswer;
    must(value.status === status, `decodeZrcAnswer changed the status: ${show(answer)} -> ${show(value)}`);
    mustBeReadableAnswer("decodeZrcAnswer", a.data, value);
  });

  property("decodeZrcFailure", zrcFailures, TRANSPORT_RUNS, (reason) => {
    const out: unknown = decodeZrcFailure(reason);
    mustBeResult(out, "decodeZrcFailure");
    must(!out.ok, `decodeZrcFailure claimed success for ${show(reason)}`);
  });

  property("decodeConnectionAnswer", connectionAnswer(anyBody), TRANSPORT_RUNS, (answer) => {
    const out: unknown = decodeConnectionAnswer(answer);
    mustBeResult(out, "decodeConnectionAnswer");
    if (!out.ok) return;
    const a = rec(answer);
    must(a && a.code === "SUCCESS", `decodeConnectionAnswer succeeded without code SUCCESS: ${show(answer)}`);
    mustBeReadableAnswer("decodeConnectionAnswer", rec(a.details)?.statusMessage, out.value as RawAnswer);
  });

  property("decodeConnectionFailure", connectionFailures, TRANSPORT_RUNS, (reason) => {
    const out: unknown = decodeConnectionFailure(reason);
    mustBeResult(out, "decodeConnectionFailure");
    must(!out.ok, `decodeConnectionFailure claimed success for ${show(reason)}`);
  });
});

// ---------------------------------------------------------------------------
// The resource decoders

const SHARE_PERMISSIONS = ["read_only", "read_write", "full_access"];
const SHARE_TARGETS = ["users", "groups", "roles"];
const LOCK_TYPES = ["manual", "automatic", "both"];
const LOCKED_FOR = ["all_profiles", "all_profiles_except_excluded_profiles"];

function mustBeUser(name: string, value: unknown, full: boolean): void {
  const user = rec(value);
  must(user && isDigits(user.id) && isNonEmpty(user.name), `${name}: a user needs a digit id and a name, got ${show(value)}`);
  mustOptional(user.email, isNonEmpty, `${name}: email`);
  if (user.profile !== undefined) mustNamed(user.profile, `${name}: profile`);
  if (user.role !== undefined) mustNamed(user.role, `${name}: role`);
  if (full) must(isBool(user.active) && isBool(user.confirmed), `${name}: active/confirmed must be booleans, got ${show(value)}`);
}

function mustBeUserType(name: string, value: unknown): void {
  const type = rec(value);
  must(type && isDigits(type.id) && isNonEmpty(type.name), `${name}: a user type needs a digit id and a name, got ${show(value)}`);
  const personality = rec(type.personalityModule);
  must(personality && typeof personality.apiName === "string" && typeof personality.label === "string", `${name}: personalityModule ${show(value)}`);
  must(isBool(type.active) && isBool(type.isDefault), `${name}: active/isDefault must be booleans, got ${show(value)}`);
  // NaN is the documented "unknown" count; anything else must be a real count.
  must(Number.isNaN(type.users) || isCount(type.users), `${name}: users must be a count or NaN, got ${show(type.users)} in ${show(value)}`);
}

function mustBeNamedItems(name: string, items: unknown): void {
  must(Array.isArray(items), `${name}: items must be an array, got ${show(items)}`);
  for (const item of items) {
    const i = rec(item);
    must(i && isDigits(i.id) && isNonEmpty(i.name), `${name}: an item needs a digit id and a name, got ${show(item)}`);
  }
}

describe("fuzzing the resource decoders", () => {
  fuzzResource("decodeShares", bodies(SHARES, { share: [] }), decodeShares, (answer, entries) => {
    mustMatchList("decodeShares", answer, "share", entries);
    const items = listIn(answer.body, "share") ?? [];
    entries.forEach((entry, index) => {
      must(SHARE_PERMISSIONS.includes(entry.permission), `decodeShares: permission ${show(entry.permission)}`);
      must(rec(items[index])?.permission === entry.permission, `decodeShares: permission not as sent: ${show(items[index])} -> ${show(entry)}`);
      must(entry.type === "private" || entry.type === "public", `decodeShares: type ${show(entry.type)}`);
      must(isBool(entry.shareRelatedRecords), `decodeShares: shareRelatedRecords ${show(entry)}`);
      if (entry.type === "private") must(entry.sharedWith, `decodeShares: a private share without a target: ${show(items[index])}`);
      if (entry.sharedWith) {
        must(isDigits(entry.sharedWith.id) && isNonEmpty(entry.sharedWith.name), `decodeShares: target ${show(entry.sharedWith)}`);
        must(SHARE_TARGETS.includes(entry.sharedWith.type), `decodeShares: target type ${show(entry.sharedWith)}`);
      }
      if (entry.sharedThrough) {
        must(isDigits(entry.sharedThrough.id) && typeof entry.sharedThrough.name === "string", `decodeShares: sharedThrough ${show(entry)}`);
        mustOptional(entry.sharedThrough.module, isNonEmpty, "decodeShares: sharedThrough.module");
      }
      if (entry.sharedBy) mustNamed(entry.sharedBy, "decodeShares: sharedBy");
      mustOptional(entry.sharedTime, isNonEmpty, "decodeShares: sharedTime");
    });
  });

  property("decodeCurrentUser", fc.oneof(bodies({ users: [USER] }, USER), garbage), RESOURCE_RUNS, (answer) => {
    const out: unknown = decodeCurrentUser(answer);
    mustBeResult(out, "decodeCurrentUser");
    if (!out.ok) return;
    must(rec(answer), `decodeCurrentUser succeeded on ${show(answer)}`);
    mustBeUser("decodeCurrentUser", out.value, false);
    const user = rec(out.value) ?? {};
    mustOptional(user.locale, isNonEmpty, "decodeCurrentUser: locale");
    mustOptional(user.timeZone, isNonEmpty, "decodeCurrentUser: timeZone");
  });

  fuzzResource("decodeUsersPage", bodies(USERS_PAGE), decodeUsersPage, (answer, page) => {
    mustMatchList("decodeUsersPage", answer, "users", page.users);
    must(isBool(page.more), `decodeUsersPage: more ${show(page.more)}`);
    for (const user of page.users) mustBeUser("decodeUsersPage", user, true);
  });

  fuzzResource("decodePortals", bodies({ portals: [{ name: "custom", active: true }, { name: "b", active: false }] }), decodePortals, (answer, portals) => {
    mustMatchList("decodePortals", answer, "portals", portals);
    for (const portal of portals) must(isNonEmpty(portal.name) && isBool(portal.active), `decodePortals: ${show(portal)}`);
  });

  fuzzResource("decodeUserTypes", bodies({ user_type: [USER_TYPE, { ...USER_TYPE, id: ID2, no_of_users: 0 }] }), decodeUserTypes, (answer, types) => {
    mustMatchList("decodeUserTypes", answer, "user_type", types);
    for (const type of types) mustBeUserType("decodeUserTypes", type);
  });

  fuzzResource("decodeUserTypeDetail", bodies(USER_TYPE_DETAIL), decodeUserTypeDetail, (answer, detail) => {
    must(listIn(answer.body, "user_type")?.length, `decodeUserTypeDetail succeeded without a user type: ${show(answer.body)}`);
    mustBeUserType("decodeUserTypeDetail", detail);
    must(Array.isArray(detail.modules), `decodeUserTypeDetail: modules ${show(detail.modules)}`);
    for (const module of detail.modules) {
      must(isDigits(module.moduleId) && typeof module.apiName === "string", `decodeUserTypeDetail: module ${show(module)}`);
      must(module.sharedType === "private" || module.sharedType === "public", `decodeUserTypeDetail: sharedType ${show(module)}`);
      mustIdList(module.layoutIds, "decodeUserTypeDetail: layoutIds");
      mustIdList(module.filterIds, "decodeUserTypeDetail: filterIds");
      mustIdList(module.readOnlyFieldIds, "decodeUserTypeDetail: readOnlyFieldIds");
      if (module.view) must(isDigits(module.view.id) && isNonEmpty(module.view.type), `decodeUserTypeDetail: view ${show(module.view)}`);
      const p = module.permissions;
      must(isBool(p.view) && isBool(p.edit) && isBool(p.create), `decodeUserTypeDetail: permissions ${show(p)}`);
    }
  });

  fuzzResource("decodePortalUsers", bodies(PORTAL_USERS), decodePortalUsers, (answer, page) => {
    mustMatchList("decodePortalUsers", answer, "users", page.users);
    must(isBool(page.more), `decodePortalUsers: more ${show(page.more)}`);
    mustOptional(page.total, isCount, "decodePortalUsers: total must be a count");
    for (const user of page.users) {
      must(isDigits(user.personalityId) && isNonEmpty(user.name), `decodePortalUsers: ${show(user)}`);
      must(isBool(user.active) && isBool(user.confirmed), `decodePortalUsers: active/confirmed ${show(user)}`);
      mustOptional(user.email, isNonEmpty, "decodePortalUsers: email");
      mustOptional(user.invitedTime, isNonEmpty, "decodePortalUsers: invitedTime");
      mustOptional(user.statusReason, isNonEmpty, "decodePortalUsers: statusReason");
    }
  });

  const portalIds = [P1, P2];
  fuzzResource(
    "decodeUserOutcomes",
    bodies(
      { users: [successItem({ personality_id: P1 }, "Users transferred"), { ...errorItem({ personality_id: P2 }), code: "INVALID_DATA" }] },
      { users: [successItem({}, "Scheduled successfully")] },
    ),
    (result) => decodeUserOutcomes(result, portalIds),
    (answer, value) => {
      must(isBool(value.scheduled), `decodeUserOutcomes: scheduled ${show(value.scheduled)}`);
      mustBeOutcomes("decodeUserOutcomes", answer, "users", "personality_id", portalIds, value.byUser);
    },
  );

  fuzzResource(
    "decodePermit",
    bodies(
      { permit_threshold: { allow: true, reason: "RECORD_ALLOWED", remaining_allow_count: 4 } },
      { permit_threshold: { allow: false, reason: "RECORD_DENIED_BY_BACKLOG", remaining_allow_count: 0 } },
      { permit_threshold: { allow: true, reason: "NO_RESTRICTION" } },
    ),
    decodePermit,
    (answer, permit) => {
      const raw = rec(rec(answer.body)?.permit_threshold);
      must(raw && raw.allow === permit.allow && raw.reason === permit.reason, `decodePermit: not as sent: ${show(answer.body)} -> ${show(permit)}`);
      must((PERMIT_REASONS as readonly string[]).includes(permit.reason), `decodePermit: reason ${show(permit.reason)}`);
      const denied = permit.reason === "RECORD_DENIED_BY_BACKLOG" || permit.reason === "RECORD_DENIED_BY_ALLOWCOUNT";
      must(permit.allow !== denied, `decodePermit: allow and reason disagree: ${show(permit)}`);
      must(isCount(permit.remaining), `decodePermit: remaining must be a count, got ${show(permit.remaining)}`);
    },
  );

  fuzzResource(
    "decodeThresholdScopes",
    bodies(
      {
        assignment_thresholds: [
          { id: ID1, name: "Reps", exclude_criteria: { comparator: "less_than", field: { api_name: "Amount", id: ID2 }, value: "1000" }, restrict_to: [{ user: { id: ID2, name: "Ann" } }] },
          { id: ID2, name: "Team", exclude_criteria: null, restrict_to: [] },
        ],
      },
    ),
    decodeThresholdScopes,
    (answer, scopes) => {
      const raw = rec(answer.body)?.assignment_thresholds;
      must(answer.body === undefined ? scopes.length === 0 : Array.isArray(raw) && raw.length === scopes.length, `decodeThresholdScopes: not one per item: ${show(answer.body)}`);
      for (const scope of scopes) {
        must(isDigits(scope.id) && isBool(scope.excludes), `decodeThresholdScopes: ${show(scope)}`);
        must(scope.userIds.every(isDigits), `decodeThresholdScopes: user ids ${show(scope.userIds)}`);
      }
    },
  );

  fuzzResource(
    "decodeGroupsPage",
    bodies({ user_groups: [{ id: ID1, name: "Sales" }, { id: ID2, name: "", display_label: "Ops" }], info: { more_records: true } }),
    decodeGroupsPage,
    (answer, page) => {
      mustMatchList("decodeGroupsPage", answer, "user_groups", page.items);
      mustBeNamedItems("decodeGroupsPage", page.items);
      must(isBool(page.more), `decodeGroupsPage: more ${show(page.more)}`);
    },
  );

  fuzzResource("decodeRoles", bodies({ roles: [{ id: ID1, name: "CEO", display_label: "CEO" }, { id: ID2, name: "Manager" }] }), decodeRoles, (answer, roles) => {
    mustMatchList("decodeRoles", answer, "roles", roles);
    mustBeNamedItems("decodeRoles", roles);
  });

  fuzzResource(
    "decodeProfileList",
    bodies({ profiles: [{ id: ID1, name: "Administrator", display_label: "Administrator" }, { id: ID2, name: "Standard" }] }),
    decodeProfileList,
    (answer, profiles) => {
      mustMatchList("decodeProfileList", answer, "profiles", profiles);
      mustBeNamedItems("decodeProfileList", profiles);
    },
  );

  fuzzResource(
    "decodeProfilePermissions",
    bodies({
      profiles: [
        {
          id: ID1,
          name: "Administrator",
          permissions_details: [
            { id: ID2, name: "Leads_Lock", display_label: "Lock", module: "Leads", enabled: true },
            { id: ID3, name: "Crm_Implied_Share", display_label: "Share", enabled: false },
          ],
        },
      ],
    }),
    decodeProfilePermissions,
    (answer, permissions) => {
      const first = listIn(answer.body, "profiles")?.[0];
      const details = rec(first)?.permissions_details;
      must(Array.isArray(details), `decodeProfilePermissions succeeded without permissions_details: ${show(answer.body)}`);
      must(Array.isArray(permissions) && permissions.length <= details.length, `decodeProfilePermissions: ${show(permissions)}`);
      for (const permission of permissions) {
        must(isNonEmpty(permission.name) && isBool(permission.enabled), `decodeProfilePermissions: ${show(permission)}`);
        mustOptional(permission.label, isNonEmpty, "decodeProfilePermissions: label");
        mustOptional(permission.module, isNonEmpty, "decodeProfilePermissions: module");
      }
    },
  );

  fuzzResource(
    "decodeLayouts",
    bodies({
      layouts: [
        {
          id: ID1,
          name: "Standard",
          display_label: "Standard",
          sections: [{ fields: [{ id: ID2, api_name: "Last_Name", display_label: "Last Name", required: true, data_type: "text" }, { id: ID3, api_name: "Email", field_label: "Email", system_mandatory: false }] }],
        },
      ],
    }),
    decodeLayouts,
    (answer, layouts) => {
      mustMatchList("decodeLayouts", answer, "layouts", layouts);
      for (const layout of layouts) {
        must(isDigits(layout.id) && isNonEmpty(layout.name) && Array.isArray(layout.fields), `decodeLayouts: ${show(layout)}`);
        for (const field of layout.fields) {
          must(isDigits(field.id) && isNonEmpty(field.apiName) && isNonEmpty(field.label), `decodeLayouts: field ${show(field)}`);
          must(isBool(field.required) && isNonEmpty(field.dataType), `decodeLayouts: field ${show(field)}`);
        }
      }
    },
  );

  fuzzResource("decodeViews", bodies({ custom_views: [{ id: ID1, name: "All", display_value: "All open" }, { id: ID2, name: "Mine" }] }), decodeViews, (answer, views) => {
    mustMatchList("decodeViews", answer, "custom_views", views);
    mustBeNamedItems("decodeViews", views);
  });

  for (const wrapper of ["data", "share", "record_locking_configurations", "user_type"]) {
    fuzzResource(
      `decodeWriteResult (${wrapper})`,
      bodies(
        { [wrapper]: [successItem({ id: ID1 })] },
        { [wrapper]: successItem({ id: ID1 }) },
        { [wrapper]: [successItem({ id: ID1 }), errorItem({ id: ID2 })] },
      ),
      (result) => decodeWriteResult(result, wrapper),
      (answer, success) => {
        const raw = rec(answer.body)?.[wrapper];
        const items = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
        must(items.length > 0 && items.every(isSuccessItem), `decodeWriteResult claimed success for ${show(answer.body)}`);
        must(rec(success.details), `decodeWriteResult: details ${show(success)}`);
      },
    );
  }

  const recordIds = [ID1, ID2, ID3];
  const bulkBody = bodies(
    { data: [successItem({ id: ID1 }), errorItem({ id: ID2 }), successItem({ id: ID3 })] },
    { data: [successItem({}), successItem({}), errorItem({})] },
  );

  fuzzResource(
    "decodeItemOutcomes",
    bulkBody,
    (result) => decodeItemOutcomes(result, "data", "id", recordIds),
    (answer, value) => {
      must(Array.isArray(value.messages) && value.messages.every((message) => typeof message === "string"), `decodeItemOutcomes: messages ${show(value.messages)}`);
      mustBeOutcomes("decodeItemOutcomes", answer, "data", "id", recordIds, value.byId);
    },
  );

  fuzzResource(
    "decodeBulkOutcomes",
    bulkBody,
    (result) => decodeBulkOutcomes(result, recordIds),
    (answer, byId) => mustBeOutcomes("decodeBulkOutcomes", answer, "data", "id", recordIds, byId),
  );

  fuzzResource(
    "decodeFields",
    bodies({
      fields: [
        { id: ID1, api_name: "Stage", display_label: "Stage", data_type: "picklist", pick_list_values: [{ actual_value: "Closed", display_value: "Closed Won" }, { display_value: "Open" }] },
        { id: ID2, api_name: "Amount", field_label: "Amount", data_type: "currency" },
      ],
    }),
    decodeFields,
    (answer, fields) => {
      mustMatchList("decodeFields", answer, "fields", fields);
      for (const field of fields) {
        must(isDigits(field.id) && isNonEmpty(field.apiName) && isNonEmpty(field.label) && isNonEmpty(field.dataType), `decodeFields: ${show(field)}`);
        if (field.picklist) {
          for (const entry of field.picklist) must(isNonEmpty(entry.value) && isNonEmpty(entry.label), `decodeFields: picklist ${show(entry)}`);
        }
      }
    },
  );

  fuzzResource(
    "decodeModules",
    bodies({ modules: [{ id: ID1, api_name: "Leads", plural_label: "Leads", module_name: "Leads", generated_type: "default" }, { api_name: "Custom_X", generated_type: "custom" }] }),
    decodeModules,
    (answer, modules) => {
      mustMatchList("decodeModules", answer, "modules", modules);
      for (const module of modules) {
        // The id is documented to be empty when the answer lacks it.
        must(module.id === "" || isDigits(module.id), `decodeModules: id ${show(module)}`);
        must(isNonEmpty(module.apiName) && isNonEmpty(module.label) && typeof module.generatedType === "string", `decodeModules: ${show(module)}`);
      }
    },
  );

  fuzzResource("decodeLockConfig", bodies(LOCK_CONFIG), decodeLockConfig, (answer, config) => {
    if (config === undefined) {
      must(answer.body === undefined, `decodeLockConfig read "no configuration" from ${show(answer.body)}`);
      return;
    }
    must(listIn(answer.body, "record_locking_configurations")?.length, `decodeLockConfig succeeded without a configuration: ${show(answer.body)}`);
    must(isDigits(config.id) && LOCK_TYPES.includes(config.lockType) && LOCKED_FOR.includes(config.lockedFor), `decodeLockConfig: ${show(config)}`);
    for (const profile of config.excludedProfiles) mustNamed(profile, "decodeLockConfig: excludedProfiles");
    for (const button of config.restrictedCustomButtons) mustNamed(button, "decodeLockConfig: restrictedCustomButtons");
    for (const field of config.excludedFields) {
      must(isNonEmpty(field.apiName), `decodeLockConfig: excludedFields ${show(field)}`);
      mustOptional(field.id, isDigits, "decodeLockConfig: excludedFields id");
    }
    must(config.restrictedActions.every((action) => typeof action === "string"), `decodeLockConfig: restrictedActions ${show(config.restrictedActions)}`);
    must(config.restrictedActions.includes("update"), `decodeLockConfig: update is always restricted, got ${show(config.restrictedActions)}`);
    must(config.restrictedCommunications.every((entry) => typeof entry === "string"), `decodeLockConfig: restrictedCommunications`);
    for (const rule of config.rules) {
      must(isDigits(rule.id) && typeof rule.name === "string" && isBool(rule.lockExistingRecords), `decodeLockConfig: rule ${show(rule)}`);
    }
    must(isBool(config.lockForPortalUsers) && isBool(config.systemDefined), `decodeLockConfig: flags ${show(config)}`);
    mustOptional(config.modifiedTime, isNonEmpty, "decodeLockConfig: modifiedTime");
  });

  fuzzResource(
    "decodeCustomButtons",
    bodies({ custom_buttons: [{ id: ID1, name: "Approve", display_label: "Approve it" }, { id: ID2, name: "" }] }),
    decodeCustomButtons,
    (answer, buttons) => {
      mustFitList("decodeCustomButtons", answer, "custom_buttons", buttons);
      mustBeNamedItems("decodeCustomButtons", buttons);
    },
  );

  fuzzResource(
    "decodeLockInfo",
    bodies(LOCK_INFO, { data: [] }, { data: [{ id: ID1, Lock_Source__s: "Automatic" }] }),
    decodeLockInfo,
    (answer, state) => {
      if (state.kind === "unlocked") {
        const data = listIn(answer.body, "data");
        must(answer.body === undefined || data?.length === 0, `decodeLockInfo read "unlocked" from ${show(answer.body)}`);
        return;
      }
      must(state.kind === "locked", `decodeLockInfo: ${show(state)} from a readable answer ${show(answer.body)}`);
      const lock = state.lock;
      must(isDigits(lock.id) && ["manual", "automatic", "unknown"].includes(lock.source), `decodeLockInfo: lock ${show(lock)}`);
      must(listIn(answer.body, "data")?.length, `decodeLockInfo read a lock from ${show(answer.body)}`);
      if (lock.lockedBy) mustNamed(lock.lockedBy, "decodeLockInfo: lockedBy");
      mustOptional(lock.reason, isNonEmpty, "decodeLockInfo: reason");
      mustOptional(lock.lockedAt, isNonEmpty, "decodeLockInfo: lockedAt");
      mustOptional(lock.configurationId, isDigits, "decodeLockInfo: configurationId");
      mustOptional(lock.ruleId, isDigits, "decodeLockInfo: ruleId");
    },
    (error, state) => {
      must(
        state.kind === "notConfigured" && error.code === "NOT_ALLOWED" && (error.status === undefined || error.status === 400),
        `decodeLockInfo turned ${show(error)} into ${show(state)}`,
      );
    },
  );

  function mustBeRecord(name: string, value: unknown, module: string): void {
    const r = rec(value);
    must(r && isDigits(r.id) && r.module === module && isNonEmpty(r.name), `${name}: ${show(value)}`);
    if (r.owner !== undefined) mustNamed(r.owner, `${name}: owner`);
  }

  property("decodeRecord", fc.tuple(fc.oneof(bodies(RECORD), garbage), fc.constantFrom("Deals", "Leads", "Custom_X")), RESOURCE_RUNS, ([answer, module]) => {
    const out: unknown = decodeRecord(answer, module);
    mustBeResult(out, "decodeRecord");
    if (!out.ok) return;
    must(listIn(answer, "data")?.length, `decodeRecord succeeded on ${show(answer)}`);
    mustBeRecord("decodeRecord", out.value, module);
  });

  property("decodeRecordValues", fc.oneof(bodies(RECORD), garbage), RESOURCE_RUNS, (answer) => {
    const out: unknown = decodeRecordValues(answer);
    mustBeResult(out, "decodeRecordValues");
    if (!out.ok) return;
    // The values are the record as sent: its first item, with a Zoho id.
    const values = rec(out.value);
    must(values && isDigits(values.id) && listIn(answer, "data")?.[0] === out.value, `decodeRecordValues: ${show(answer)} gave ${show(out.value)}`);
  });

  fuzzResource("decodeRecordRows", bodies(RECORD_ROWS), (result) => decodeRecordRows(result, "Deals"), (answer, rows) => {
    mustMatchList("decodeRecordRows", answer, "data", rows);
    for (const row of rows) {
      mustBeRecord("decodeRecordRows", row, "Deals");
      mustOptional(row.locked, isBool, "decodeRecordRows: locked");
    }
  });

  fuzzResource("decodeSearchPage", bodies(SEARCH_PAGE), (result) => decodeSearchPage(result, "Deals"), (answer, page) => {
    mustMatchList("decodeSearchPage", answer, "data", page.records);
    must(isBool(page.moreRecords), `decodeSearchPage: moreRecords ${show(page.moreRecords)}`);
    if (page.records.length > 0) {
      const said = rec(rec(answer.body)?.info)?.more_records;
      must(said === page.moreRecords, `decodeSearchPage: moreRecords ${show(page.moreRecords)} from ${show(answer.body)}`);
    } else {
      must(!page.moreRecords, `decodeSearchPage: an empty page must be the last: ${show(answer.body)}`);
    }
    for (const record of page.records) {
      const r = rec(record);
      must(r && isDigits(r.id) && isNonEmpty(r.name) && !("module" in r), `decodeSearchPage: ${show(record)}`);
      if (r.owner !== undefined) mustNamed(r.owner, "decodeSearchPage: owner");
    }
  });

  fuzzResource("decodeCount", bodies({ count: 694 }, { count: "12" }), decodeCount, (answer, count) => {
    must(isCount(count), `decodeCount: ${show(count)} is not a count`);
    const raw = rec(answer.body)?.count;
    must(raw === count || raw === String(count), `decodeCount read ${show(count)} from ${show(answer.body)}`);
  });
});

/**
 * The smallest answers the fuzzer found for each decoder bug, kept as plain
 * regression tests so each bug fails on its own, whatever the seed.
 */
describe("malformed answers found by fuzzing", () => {
  const answer = (body: unknown, status = 200): CrmResult<RawAnswer> => ({ ok: true, value: { status, body } });
  const codeOf = (result: CrmResult<unknown>): unknown => (result.ok ? "(success)" : result.error.code);

  it("an error envelope with an empty code still yields a non-empty error code", () => {
    const envelope = { code: "", message: "invalid", status: "error", details: {} };
    expect(codeOf(decodeZrcAnswer({ status: 400, data: envelope }))).toMatch(/^.+$/);
    expect(codeOf(decodeConnectionAnswer({ code: "SUCCESS", details: { statusMessage: envelope } }))).toMatch(/^.+$/);
    expect(codeOf(decodeConnectionFailure(envelope))).toMatch(/^.+$/);
    expect(codeOf(decodeWriteResult(answer({ data: [{ code: "", status: "error" }] }), "data"))).toMatch(/^.+$/);
    const outcomes = decodeItemOutcomes(answer({ data: [{ code: "", status: "success" }] }), "data", "id", [ID1]);
    const outcome = outcomes.ok ? outcomes.value.byId.get(ID1) : undefined;
    expect(outcome?.ok === false ? outcome.error.code : "(no item error)").toMatch(/^.+$/);
  });

  it("a ZRC error kind named like an Object.prototype member yields a string code", () => {
    for (const kind of ["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__"]) {
      const result = decodeZrcFailure({ errorType: kind, errorMessage: "boom" });
      expect(result.ok).toBe(false);
      expect(typeof codeOf(result), kind).toBe("string");
    }
  });

  it("a body that is not JSON is unreadable even when it has long unquoted numbers", () => {
    for (const text of ['{"data":[{"id":0012345678901234567}]}', '{1234567890123456789:{"id":"1"}}']) {
      expect(decodeZrcAnswer({ status: 200, data: text }).ok, text).toBe(false);
      expect(decodeConnectionAnswer({ code: "SUCCESS", details: { statusMessage: text } }).ok, text).toBe(false);
    }
  });

  it("a user type's user count is a count or NaN (unknown), never negative or fractional", () => {
    for (const count of [-1, 0.5]) {
      const result = decodeUserTypes(answer({ user_type: [{ ...USER_TYPE, no_of_users: count }] }));
      const users = result.ok ? result.value[0]?.users : Number.NaN;
      expect(Number.isNaN(users) || isCount(users), `no_of_users ${count} -> ${users}`).toBe(true);
    }
  });

  it("a portal user page's total is a count or absent, never Infinity (1e400 in JSON), negative or fractional", () => {
    const viaJson = decodeZrcAnswer({ status: 200, data: '{"users":[],"info":{"total_count":1e400}}' });
    for (const result of [viaJson, answer({ users: [], info: { total_count: -1 } }), answer({ users: [], info: { total_count: 0.5 } })]) {
      const page = decodePortalUsers(result);
      const total = page.ok ? page.value.total : undefined;
      expect(total === undefined || isCount(total), `total ${total}`).toBe(true);
    }
  });

  it("a lock list whose first item is missing is not read as unlocked", () => {
    for (const data of [[undefined], [undefined, LOCK_INFO.data[0]], new Array<unknown>(1)]) {
      const state = decodeLockInfo(answer({ data }));
      expect(state.ok && state.value.kind === "unlocked", `data ${show(data)}`).toBe(false);
    }
  });
});

describe("fuzzing budget", () => {
  it("generates at least 10,000 answers in total", () => {
    expect(planned).toBeGreaterThanOrEqual(10_000);
  });
});
