import { describe, expect, it } from "vitest";
import type { ShareEntry } from "../../widget-src/api/share";
import { decodeUsersPage, listUsersRequest, type CrmUser } from "../../widget-src/api/users";
import { fail, ok } from "../../widget-src/crm/result";
import { ineligibility, userCandidate } from "../../widget-src/features/record-share/picker";
import { buildIndex, extendIndex, normalise, search } from "../../widget-src/features/user-directory/search";

const user = (id: string, name: string, extra: Partial<CrmUser> = {}): CrmUser => ({
  id,
  name,
  active: true,
  confirmed: true,
  profile: { id: "p", name: "Standard" },
  ...extra,
});

describe("user list pages", () => {
  it("asks for 200 users a page", () => {
    expect(listUsersRequest(3)).toEqual({
      method: "GET",
      path: "/users",
      query: { type: "AllUsers", page: "3", per_page: "200" },
    });
  });

  it("decodes users and whether more pages follow", () => {
    const body = {
      users: [
        { id: "5725767000000101003", full_name: "Sam Standard", email: "sam@example.com", status: "active", confirm: true, profile: { id: "2", name: "Standard" } },
        { id: "5725767000000101024", first_name: "Una", last_name: "Unconfirmed", status: "active", confirm: false },
        { id: "5725767000000101021", full_name: "Ian Inactive", status: "disabled" },
      ],
      info: { more_records: true, page: 1, per_page: 200, count: 3 },
    };
    const decoded = decodeUsersPage(ok({ status: 200, body }));
    expect(decoded).toEqual(
      ok({
        users: [
          { id: "5725767000000101003", name: "Sam Standard", email: "sam@example.com", active: true, confirmed: true, profile: { id: "2", name: "Standard" } },
          { id: "5725767000000101024", name: "Una Unconfirmed", active: true, confirmed: false },
          { id: "5725767000000101021", name: "Ian Inactive", active: false, confirmed: true },
        ],
        more: true,
      }),
    );
  });

  it("reads 204 as an empty last page, and refuses errors and garbage", () => {
    expect(decodeUsersPage(ok({ status: 204, body: undefined }))).toEqual(ok({ users: [], more: false }));
    expect(decodeUsersPage(fail("NO_PERMISSION", "")).ok).toBe(false);
    expect(decodeUsersPage(ok({ status: 200, body: { users: [{ id: 5 }] } })).ok).toBe(false);
  });
});

describe("who can be picked", () => {
  const shares: ShareEntry[] = [
    { sharedWith: { id: "20", name: "Shared", type: "users" }, permission: "read_only", shareRelatedRecords: false, type: "private" },
    { sharedWith: { id: "30", name: "A group", type: "groups" }, permission: "read_only", shareRelatedRecords: false, type: "private" },
  ];
  const context = { ownerId: "10", currentUserId: "80", shares };

  it.each([
    [user("10", "Owner"), "owner"],
    [user("20", "Shared"), "alreadyShared"],
    [user("40", "Admin", { profile: { id: "a", name: "Administrator" } }), "administrator"],
    [user("50", "Inactive", { active: false }), "inactive"],
    [user("60", "Unconfirmed", { confirmed: false }), "unconfirmed"],
    [user("30", "Same id as a group"), undefined],
    [user("70", "Free"), undefined],
    [user("80", "Me"), "self"],
  ])("%o → %s", (candidate, reason) => {
    expect(ineligibility(userCandidate(candidate), context)).toBe(reason);
  });

  it("blocks a group or role only when it is already on the list", () => {
    expect(ineligibility({ target: { id: "30", name: "A group", type: "groups" } }, context)).toBe("alreadyShared");
    expect(ineligibility({ target: { id: "31", name: "Another group", type: "groups" } }, context)).toBeUndefined();
    // Ids are compared within a type: a role with a shared group's id is free.
    expect(ineligibility({ target: { id: "30", name: "A role", type: "roles" } }, context)).toBeUndefined();
    // Owner and self rules are about users only.
    expect(ineligibility({ target: { id: "10", name: "Role with the owner's id", type: "roles" } }, context)).toBeUndefined();
  });
});

describe("type-ahead search", () => {
  const users = [
    user("1", "José Álvarez", { email: "jose@example.com" }),
    user("2", "Joseph Smith", { email: "jsmith@example.com" }),
    user("3", "Aiko Tanaka", { email: "aiko@example.com" }),
  ];
  const index = buildIndex(users, (found) => `${found.name} ${found.email ?? ""}`);

  it("ignores case and accents and matches every word, in name or e-mail", () => {
    expect(normalise("José ÁLVAREZ")).toBe("jose alvarez");
    expect(search(index, "jose").map((found) => found.id)).toEqual(["1", "2"]);
    expect(search(index, "jo alv").map((found) => found.id)).toEqual(["1"]);
    expect(search(index, "aiko@").map((found) => found.id)).toEqual(["3"]);
    expect(search(index, "nobody")).toEqual([]);
  });

  it("grows page by page and finds old and new users alike", () => {
    const text = (found: CrmUser) => found.name;
    const grown = extendIndex(buildIndex(users.slice(0, 1), text), users.slice(1), text);
    expect(grown.keys).toEqual(["jose alvarez", "joseph smith", "aiko tanaka"]);
    expect(search(grown, "jose").map((found) => found.id)).toEqual(["1", "2"]);
  });

  it("stops at the limit, and finds nothing for a blank query", () => {
    expect(search(index, "example", 2)).toHaveLength(2);
    expect(search(index, "   ")).toEqual([]);
  });
});
