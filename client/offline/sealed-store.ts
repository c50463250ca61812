/**
 * Encryption at rest as a Dexie DBCore middleware, beneath every other layer: each record of a personal
 * table is written as its primary key and index fields (random ids, states, times: what the queries
 * need) plus `sealed`, the whole record encrypted with the data key; reads open it again, so the rest of
 * the app (stores, uploader, liveQuery screens) sees plain objects and cannot forget to encrypt. Without
 * the data key in memory (locked) every read and write of those tables fails with LockedError.
 * The WebCrypto calls run under Dexie.waitFor, which keeps the IndexedDB transaction alive meanwhile.
 * A record that does not open (altered bytes) is reported with its table and key, copied to the
 * `damaged` table for recovery, left in place, and skipped: the app keeps working on the others.
 */
import Dexie, { type DBCore, type DBCoreTable, type Middleware } from 'dexie';
import { seal, unseal } from './crypto.ts';

/**
 * The tables holding personal data: drafts (and returned interviews, comments), outbox, assignments, sync
 * log, and the notices for the office (which name assignments and interviews).
 */
export const SEALED_TABLES = ['assignments', 'drafts', 'outbox', 'notices', 'syncLog'] as const;

export class LockedError extends Error {
  constructor(table: string) {
    super(`the tablet is locked: ${table} cannot be read or written until the enumerator unlocks it`);
    this.name = 'LockedError';
  }
}

export interface DamagedRecord {
  id: string; // `${table}:${key}`
  table: string;
  key: string;
  raw: unknown;
  at: number;
}

/** The data key while unlocked, and who hears of damaged records. One per database. */
export class KeyHold {
  private key: CryptoKey | null = null;
  onDamaged: (d: DamagedRecord) => void = (d) => console.error(`unreadable record ${d.id}`);

  get unlocked(): boolean {
    return this.key !== null;
  }
  set(key: CryptoKey): void {
    this.key = key;
  }
  /** Lock: the only reference to the data key is dropped. */
  clear(): void {
    this.key = null;
  }
  require(table: string): CryptoKey {
    if (!this.key) throw new LockedError(table);
    return this.key;
  }
}

const SEALED = 'sealed';

function clearFieldsOf(table: DBCoreTable): string[] {
  const paths = [table.schema.primaryKey, ...table.schema.indexes].map((i) => i.keyPath);
  return paths.filter((p): p is string => typeof p === 'string');
}

function isSealed(v: unknown): v is Record<string, unknown> & { sealed: Uint8Array } {
  return typeof v === 'object' && v !== null && (v as Record<string, unknown>)[SEALED] instanceof Uint8Array;
}

export function sealingMiddleware(hold: KeyHold, keep: (d: DamagedRecord) => void): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'SealingMiddleware',
    level: -10, // below Dexie's caches, hooks and observers: only this layer sees ciphertext
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          if (!(SEALED_TABLES as readonly string[]).includes(name)) return table;
          const fields = clearFieldsOf(table);
          const primary = table.schema.primaryKey.keyPath as string;

          const sealOne = async (key: CryptoKey, value: Record<string, unknown>) => {
            const row: Record<string, unknown> = {};
            for (const f of fields) if (value[f] !== undefined) row[f] = value[f];
            row[SEALED] = await seal(key, value, name);
            return row;
          };
          const openOne = async (key: CryptoKey, row: unknown): Promise<unknown> => {
            // Written before encryption existed (migrated at the first unlock): passed through as is.
            if (!isSealed(row)) return row;
            try {
              const value = (await unseal(key, row.sealed, name)) as Record<string, unknown>;
              for (const f of fields) if (row[f] !== undefined) value[f] = row[f];
              return value;
            } catch {
              const k = String(row[primary]);
              const damaged = { id: `${name}:${k}`, table: name, key: k, raw: row, at: Date.now() };
              hold.onDamaged(damaged);
              keep(damaged);
              return undefined;
            }
          };
          const openAll = (values: readonly unknown[]) => {
            const key = hold.require(name);
            return Dexie.waitFor(Promise.all(values.map((v) => (v === undefined ? v : openOne(key, v)))));
          };

          return {
            ...table,
            mutate(req) {
              if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
              const key = hold.require(name);
              const sealing = Promise.all(req.values.map((v) => sealOne(key, v)));
              return Dexie.waitFor(sealing).then((values) => table.mutate({ ...req, values }));
            },
            get(req) {
              hold.require(name);
              return table.get(req).then((v) => (v === undefined ? v : openAll([v]).then(([o]) => o)));
            },
            getMany(req) {
              hold.require(name);
              return table.getMany(req).then((vs) => openAll(vs));
            },
            query(req) {
              hold.require(name);
              if (!req.values) return table.query(req);
              return table.query(req).then((res) =>
                openAll(res.result).then((opened) => ({
                  ...res,
                  // a damaged record is skipped (it was reported and kept)
                  result: opened.filter((v) => v !== undefined),
                })),
              );
            },
            openCursor(req) {
              // Cursors would hand out ciphertext: the app reads these tables with queries only.
              hold.require(name);
              if (!req.values) return table.openCursor(req);
              return Promise.reject(new Error(`${name}: read sealed records with toArray(), not a cursor`));
            },
          } satisfies DBCoreTable;
        },
      };
    },
  };
}
