/**
 * Every standard table, fetched one by one so that the screen can show how far it is (a
 * determinate progress bar: "T05, 5 of 25") and no single request runs for as long as all 25
 * together would (the API client gives up on a request after CONFIG.requestTimeoutMs).
 * A table the server cannot make (422 table.invalid) becomes an issue and the others still come;
 * any other failure (no weighted data, logged out, network) stops and is returned as is.
 */
import type { TableResponse } from '../../server/contract/analysis.ts';
import type { ApiResult } from '../sync/api-client.ts';

export interface AllProgress {
  done: number;
  total: number;
  /** The table being computed; null when finished. */
  current: string | null;
}

export type AllResult =
  | { kind: 'ok'; data: TableResponse }
  | { kind: 'failed'; result: ApiResult<TableResponse> };

export async function computeAll(
  ids: readonly string[],
  fetchOne: (id: string) => Promise<ApiResult<TableResponse>>,
  onProgress: (p: AllProgress) => void,
): Promise<AllResult> {
  const out: TableResponse = { notice: null, legend: '', ciNote: '', tables: [], issues: [] };
  const notes: string[] = [];
  for (const [done, id] of ids.entries()) {
    onProgress({ done, total: ids.length, current: id });
    const r = await fetchOne(id);
    if (r.kind === 'ok') {
      out.notice = r.data.notice;
      out.legend = r.data.legend;
      if (r.data.ciNote && !notes.includes(r.data.ciNote)) notes.push(r.data.ciNote);
      out.tables.push(...r.data.tables);
      out.issues.push(...r.data.issues);
    } else if (r.kind === 'rejected' && r.problem?.code === 'table.invalid') {
      const d = (r.problem.details ?? {}) as { field?: string; message?: string };
      out.issues.push({ table: id, field: d.field ?? '', message: d.message ?? r.problem.message });
    } else return { kind: 'failed', result: r };
  }
  onProgress({ done: ids.length, total: ids.length, current: null });
  out.ciNote = notes.join(' ');
  return { kind: 'ok', data: out };
}
