/**
 * "Select all clean" beyond the page: every matching interview is read over as many pages as the total
 * needs, and a bulk approval larger than one request allows goes in chunks whose counts add up.
 */
import { describe, expect, it } from 'vitest';
import {
  ALL_PAGE_SIZE,
  approveInChunks,
  BULK_MAX,
  readAllPages,
} from '../../client/review/queue-selection.ts';

const ok = <T>(data: T) => ({ kind: 'ok' as const, status: 200, data });

describe('selecting and approving across pages', () => {
  it('reads every page until the total (2,345 items in 3 requests)', async () => {
    const all = Array.from({ length: 2345 }, (_, k) => k);
    const asked: Array<[number, number]> = [];
    const r = await readAllPages(async (offset, limit) => {
      asked.push([offset, limit]);
      return ok({ items: all.slice(offset, offset + limit), total: all.length });
    });
    expect(r.kind === 'ok' && r.items).toEqual(all);
    expect(asked).toEqual([
      [0, ALL_PAGE_SIZE],
      [1000, ALL_PAGE_SIZE],
      [2000, ALL_PAGE_SIZE],
    ]);
  });

  it('stops when the queue shrinks while being read, and on a failure', async () => {
    const shrunk = await readAllPages(async (offset) => ok({ items: offset ? [] : [1, 2], total: 5 }));
    expect(shrunk).toEqual({ kind: 'ok', items: [1, 2] });
    const failed = await readAllPages(async () => ({ kind: 'transient', status: null, message: 'offline' }));
    expect(failed.kind).toBe('transient');
  });

  it('approves 1,101 interviews in chunks of 500 and sums what each chunk did', async () => {
    const items = Array.from({ length: 1101 }, (_, k) => ({ interviewId: `i${k}`, revision: 1 }));
    const sizes: number[] = [];
    const r = await approveInChunks(items, async (chunk) => {
      sizes.push(chunk.length);
      return ok({ approved: chunk.length - 1, skipped: 1 });
    });
    expect(sizes).toEqual([BULK_MAX, BULK_MAX, 101]);
    expect(r).toEqual({ kind: 'ok', approved: 1098, skipped: 3 });
  });
});
