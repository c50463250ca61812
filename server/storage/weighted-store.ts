/**
 * The weighted data of a run in the database (table weighted_frames): one row per unit kind, the
 * frame packed by weighted-columns.ts, the WeightedMeta on the households row. Any API node reads what
 * any other node's run stored; a run's rows are written once and never change.
 */
import type { Client, InStatement } from '@libsql/client';
import type { WeightedData, WeightedMeta } from '../../analysis/tables/weighted-data.ts';
import { packFrame, unpackFrame } from './weighted-columns.ts';

/** The insert statements of a run's weighted data (run them in the batch that marks the run done). */
export function weightedFrameStatements(runId: number, data: WeightedData): InStatement[] {
  return (['households', 'persons'] as const).map((unit) => {
    const p = packFrame(data[unit]);
    return {
      sql: 'insert into weighted_frames (run_id, unit, rows, meta, columns, numbers) values (?, ?, ?, ?, ?, ?)',
      args: [
        runId,
        unit,
        p.rows,
        unit === 'households' ? JSON.stringify(data.meta) : null,
        p.columns,
        p.numbers,
      ],
    };
  });
}

/** The weighted data of a run, or null if it stored none. */
export async function loadWeightedFrames(client: Client, runId: number): Promise<WeightedData | null> {
  const rs = await client.execute({
    sql: 'select unit, rows, meta, columns, numbers from weighted_frames where run_id = ?',
    args: [runId],
  });
  const byUnit = new Map(rs.rows.map((r) => [String(r.unit), r]));
  const h = byUnit.get('households');
  const p = byUnit.get('persons');
  if (!h || !p) return null;
  const frame = (r: typeof h) =>
    unpackFrame({
      rows: Number(r.rows),
      columns: String(r.columns),
      numbers: new Uint8Array(r.numbers as ArrayBuffer),
    });
  return { meta: JSON.parse(String(h.meta)) as WeightedMeta, households: frame(h), persons: frame(p) };
}
