/**
 * "Select all clean" beyond the page shown: every interview matching the queue's filters is read page
 * after page (the queue API's largest page at a time), and a bulk approval of more than the contract
 * allows in one request (500) is sent in chunks, its counts summed. Pure: the API calls are passed in.
 */
import type { ApiResult } from '../sync/api-client.ts';

/** Interviews read per request when selecting across pages (the queue API's most). */
export const ALL_PAGE_SIZE = 1000;
/** Interviews approved per bulk request (bulkApproveRequestSchema's most). */
export const BULK_MAX = 500;

type Failure = Exclude<ApiResult<unknown>, { kind: 'ok' }>;

/** Every item over all pages, or the first failure. */
export async function readAllPages<T>(
  page: (offset: number, limit: number) => Promise<ApiResult<{ items: T[]; total: number }>>,
): Promise<{ kind: 'ok'; items: T[] } | Failure> {
  const items: T[] = [];
  let total = Number.POSITIVE_INFINITY;
  while (items.length < total) {
    const r = await page(items.length, ALL_PAGE_SIZE);
    if (r.kind !== 'ok') return r;
    total = r.data.total;
    // a queue that shrank while being read ends the reading
    if (r.data.items.length === 0) break;
    items.push(...r.data.items);
  }
  return { kind: 'ok', items };
}

/** Approves `items` in chunks of BULK_MAX; the counts of every chunk sent, or the first failure. */
export async function approveInChunks<I>(
  items: I[],
  approve: (chunk: I[]) => Promise<ApiResult<{ approved: number; skipped: number }>>,
): Promise<{ kind: 'ok'; approved: number; skipped: number } | Failure> {
  let approved = 0;
  let skipped = 0;
  for (let start = 0; start < items.length; start += BULK_MAX) {
    const r = await approve(items.slice(start, start + BULK_MAX));
    if (r.kind !== 'ok') return r;
    approved += r.data.approved;
    skipped += r.data.skipped;
  }
  return { kind: 'ok', approved, skipped };
}
