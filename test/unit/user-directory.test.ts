import { describe, expect, it } from "vitest";
import { fail, ok, type CrmResult } from "../../widget-src/crm/result";
import { loadAllPages, type Page } from "../../widget-src/lib/load-pages";
import { UserDirectoryModel } from "../../widget-src/features/user-directory/model";
import { answer } from "../support/fake-crm";
import { createFakePort } from "../support/fake-port";

/** A paged source of `total` items, `size` a page, answering after a small random-ish delay. */
function pagedSource(total: number, size: number, failOn?: number) {
  let inFlight = 0;
  let maxInFlight = 0;
  const requested: number[] = [];
  const fetchPage = async (page: number): Promise<CrmResult<Page<number>>> => {
    requested.push(page);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, (page * 7) % 5));
    inFlight -= 1;
    if (page === failOn) return fail("INTERNAL_ERROR", "boom", {}, 500);
    const start = (page - 1) * size;
    const items = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => start + i);
    return ok({ items, more: start + size < total });
  };
  return { fetchPage, requested, maxInFlight: () => maxInFlight };
}

describe("loadAllPages", () => {
  it("delivers every item once, in page order, with at most 4 requests in flight", async () => {
    const source = pagedSource(2050, 200);
    const seen: number[] = [];
    const pages: number[] = [];
    const result = await loadAllPages({
      fetchPage: source.fetchPage,
      concurrency: 4,
      onPage: (page, items) => {
        pages.push(page);
        seen.push(...items);
      },
    });
    expect(result).toEqual(ok(11));
    expect(seen).toEqual(Array.from({ length: 2050 }, (_, i) => i));
    expect(pages).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(source.maxInFlight()).toBeLessThanOrEqual(4);
    expect(source.requested[0]).toBe(1);
    // Launching stops soon after the last page: at most the pages already in flight are extra.
    expect(Math.max(...source.requested)).toBeLessThanOrEqual(11 + 3);
  });

  it("asks for page 1 only when it is the last", async () => {
    const source = pagedSource(150, 200);
    expect(await loadAllPages({ fetchPage: source.fetchPage, concurrency: 4, onPage: () => undefined })).toEqual(ok(1));
    expect(source.requested).toEqual([1]);
  });

  it("reports a failed page as the result", async () => {
    const source = pagedSource(2000, 200, 3);
    const result = await loadAllPages({ fetchPage: source.fetchPage, concurrency: 4, onPage: () => undefined });
    expect(result).toMatchObject({ ok: false, error: { code: "INTERNAL_ERROR" } });
  });

  it("stops at maxPages when the server always says there is more", async () => {
    const fetchPage = (): Promise<CrmResult<Page<number>>> => Promise.resolve(ok({ items: [1], more: true }));
    expect(await loadAllPages({ fetchPage, concurrency: 4, onPage: () => undefined, maxPages: 6 })).toEqual(ok(6));
  });
});

describe("user directory", () => {
  const usersPage = (ids: string[], more: boolean) =>
    answer({ users: ids.map((id) => ({ id, full_name: `User ${id}`, status: "active", confirm: true })), info: { more_records: more } });

  it("loads once, page by page, and keeps the list for the popup's life", async () => {
    const { port, calls } = createFakePort({
      rest: (call) =>
        Promise.resolve(
          call.options.query?.page === "1" ? usersPage(["1", "2"], true) : call.options.query?.page === "2" ? usersPage(["3"], false) : answer(undefined, 204),
        ),
    });
    const directory = new UserDirectoryModel(port);
    expect(directory.status.value).toBe("idle");
    await Promise.all([directory.load(), directory.load()]);
    await directory.load();
    expect(directory.status.value).toBe("complete");
    expect(directory.users.value.map((user) => user.id)).toEqual(["1", "2", "3"]);
    expect(calls.filter((call) => call.options.query?.page === "1")).toHaveLength(1);
    expect(directory.index.value.keys[0]).toBe("user 1 ");
  });

  it("says the list failed instead of showing it as empty", async () => {
    const { port } = createFakePort({ rest: () => Promise.resolve(fail("NO_PERMISSION", "", {}, 403)) });
    const directory = new UserDirectoryModel(port);
    await directory.load();
    expect(directory.status.value).toBe("error");
    expect(directory.error.value?.code).toBe("NO_PERMISSION");
  });
});
