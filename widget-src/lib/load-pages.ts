/**
 * Fetches every page of a paged list with at most `concurrency` requests in
 * flight. Zoho reports only "more records" per page, not a total, so pages
 * are requested ahead in order and launching stops at the first page that
 * says it is the last. Page 1 alone comes first, so a picker can start at once.
 */
import type { CrmResult } from "../crm/result";

export interface Page<T> {
  items: T[];
  more: boolean;
}

export interface LoadPagesOptions<T> {
  fetchPage: (page: number) => Promise<CrmResult<Page<T>>>;
  concurrency: number;
  /** Called as each page arrives, in page order. */
  onPage: (page: number, items: T[]) => void;
  /** A safety stop for a server that always says "more". */
  maxPages?: number;
}

export async function loadAllPages<T>(options: LoadPagesOptions<T>): Promise<CrmResult<number>> {
  const { fetchPage, concurrency, onPage, maxPages = 500 } = options;
  const first = await fetchPage(1);
  if (!first.ok) return first;
  onPage(1, first.value.items);
  if (!first.value.more) return { ok: true, value: 1 };

  let lastPage = Infinity; // known once a page says it is the last
  let next = 2;
  let delivered = 1;
  const arrived = new Map<number, T[]>();
  let failure: CrmResult<number> | undefined;

  const deliverInOrder = () => {
    while (arrived.has(delivered + 1)) {
      delivered += 1;
      onPage(delivered, arrived.get(delivered) as T[]);
      arrived.delete(delivered);
    }
  };

  const worker = async (): Promise<void> => {
    while (!failure && next <= Math.min(lastPage, maxPages)) {
      const page = next;
      next += 1;
      const result = await fetchPage(page);
      if (!result.ok) {
        failure ??= result;
        return;
      }
      if (page <= lastPage) arrived.set(page, result.value.items);
      if (!result.value.more) lastPage = Math.min(lastPage, page);
      deliverInOrder();
    }
  };

  await Promise.all(Array.from({ length: concurrency }, worker));
  if (failure) return failure;
  return { ok: true, value: delivered };
}
