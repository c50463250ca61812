/**
 * "All standard tables" in the analyst's screen: fetched one table at a time with a progress
 * report before each (0/3 ... then 3/3 when done), tables kept in order, a table the server cannot
 * make (422 table.invalid) listed as an issue while the others still come, and any other failure
 * (409 no weighted data) stopping at once with the server's answer.
 */
import { describe, expect, it } from 'vitest';
import { type AllProgress, computeAll } from '../../client/analyst/compute-all.ts';
import type { ApiResult } from '../../client/sync/api-client.ts';
import type { TableResponse, TableResultBody } from '../../server/contract/analysis.ts';

const table = (id: string) => ({ id, title: id }) as unknown as TableResultBody;
const ok = (id: string, ciNote: string): ApiResult<TableResponse> => ({
  kind: 'ok',
  status: 200,
  data: { notice: 'Demo', legend: 'legend', ciNote, tables: [table(id)], issues: [] },
});

describe('computeAll', () => {
  it('fetches the tables one by one, reports progress, keeps the order and merges the notes', async () => {
    const asked: string[] = [];
    const seen: AllProgress[] = [];
    const r = await computeAll(
      ['T01', 'T02', 'T03'],
      async (id) => {
        asked.push(id);
        expect(seen.at(-1)).toEqual({ done: asked.length - 1, total: 3, current: id });
        return ok(id, id === 'T02' ? '95% CI: Wald (Normal) for means.' : '95% CI: logit for proportions.');
      },
      (p) => seen.push(p),
    );
    expect(asked).toEqual(['T01', 'T02', 'T03']);
    expect(seen.map((p) => p.done)).toEqual([0, 1, 2, 3]);
    expect(seen.at(-1)).toEqual({ done: 3, total: 3, current: null });
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.data.tables.map((t) => t.id)).toEqual(['T01', 'T02', 'T03']);
    expect(r.data).toMatchObject({ notice: 'Demo', legend: 'legend', issues: [] });
    expect(r.data.ciNote).toBe('95% CI: logit for proportions. 95% CI: Wald (Normal) for means.');
  });
  it('a table the server cannot make becomes an issue naming its field; the others still come', async () => {
    const r = await computeAll(
      ['T01', 'BAD', 'T03'],
      async (id) =>
        id === 'BAD'
          ? {
              kind: 'rejected',
              status: 422,
              problem: {
                code: 'table.invalid',
                message: 'Table BAD, field variable: unknown',
                details: { table: 'BAD', field: 'variable', message: 'unknown' },
              },
            }
          : ok(id, ''),
      () => {},
    );
    expect(r.kind === 'ok' && r.data.tables.map((t) => t.id)).toEqual(['T01', 'T03']);
    expect(r.kind === 'ok' && r.data.issues).toEqual([
      { table: 'BAD', field: 'variable', message: 'unknown' },
    ]);
  });
  it('any other failure stops at once and is returned as the server gave it', async () => {
    const asked: string[] = [];
    const conflict: ApiResult<TableResponse> = {
      kind: 'conflict',
      problem: { code: 'analysis.no_data', message: 'Run npm run weights', details: {} },
    };
    const r = await computeAll(
      ['T01', 'T02', 'T03'],
      async (id) => {
        asked.push(id);
        return id === 'T02' ? conflict : ok(id, '');
      },
      () => {},
    );
    expect(asked).toEqual(['T01', 'T02']);
    expect(r).toEqual({ kind: 'failed', result: conflict });
  });
});
