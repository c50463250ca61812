/**
 * The computed tables of a release, stored once (table release_tables) and reused: a download or the
 * all-tables view of a release is read back byte for byte instead of recomputed. A release never
 * changes, so a stored table never goes stale; any node reads what another node stored.
 */
import type { Database } from '../db/client.ts';

export interface StoredTable {
  body: Uint8Array;
  type: string;
  filename: string;
}

export interface TableKey {
  releaseId: number;
  tableId: string;
  lang: string;
  format: string;
}

export async function storedTable(database: Database, k: TableKey): Promise<StoredTable | null> {
  const rs = await database.client.execute({
    sql: 'select body, type, filename from release_tables where release_id = ? and table_id = ? and lang = ? and format = ?',
    args: [k.releaseId, k.tableId, k.lang, k.format],
  });
  const r = rs.rows[0];
  if (!r) return null;
  return { body: new Uint8Array(r.body as ArrayBuffer), type: String(r.type), filename: String(r.filename) };
}

/** Stores a computed table (the first node to store it wins; the same key is never rewritten). */
export async function storeTable(database: Database, k: TableKey, t: StoredTable): Promise<void> {
  await database.client.execute({
    sql: `insert into release_tables (release_id, table_id, lang, format, type, filename, body)
          values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing`,
    args: [k.releaseId, k.tableId, k.lang, k.format, t.type, t.filename, Buffer.from(t.body)],
  });
}

/** Whether any table of a release is stored (start-up then leaves its tables to be read back). */
export async function hasStoredTables(database: Database, releaseId: number): Promise<boolean> {
  const rs = await database.client.execute({
    sql: 'select 1 from release_tables where release_id = ? limit 1',
    args: [releaseId],
  });
  return rs.rows.length > 0;
}
