/**
 * The secret key of a weighting run's public-use file (analysis/export/keyed-draws.ts draws every
 * random code from it): 32 random bytes made on the run's first public-use export and kept where the
 * run's data are, never exported. In the database it is the `meta` of the run's persons row of
 * weighted_frames (that row's meta is otherwise empty; the WeightedMeta is on the households row), set
 * once by whichever node asks first. In a folder of `npm run weights` it is public-use.key beside
 * weights.json, bound to a digest of weights.json and the household file, so a new run in the same
 * folder gets a new key. The same run therefore always gives the same public file, another run other codes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@libsql/client';

export const PUBLIC_USE_KEY_FILE = 'public-use.key';

const parseKey = (text: string | null): Uint8Array | null => {
  if (!text) return null;
  try {
    const k = (JSON.parse(text) as { publicUseKey?: unknown }).publicUseKey;
    return typeof k === 'string' && /^[0-9a-f]{64}$/.test(k) ? Buffer.from(k, 'hex') : null;
  } catch {
    return null;
  }
};

/** The run's public-use key, made and stored on first use (the first node to store it wins). */
export async function runPublicUseKey(client: Client, runId: number): Promise<Uint8Array> {
  const read = async () => {
    const rs = await client.execute({
      sql: "select meta from weighted_frames where run_id = ? and unit = 'persons'",
      args: [runId],
    });
    if (!rs.rows.length) throw new Error(`weighting run ${runId} stored no weighted data`);
    const meta = rs.rows[0].meta;
    return parseKey(meta === null ? null : String(meta));
  };
  const known = await read();
  if (known) return known;
  await client.execute({
    sql: "update weighted_frames set meta = ? where run_id = ? and unit = 'persons' and meta is null",
    args: [JSON.stringify({ publicUseKey: randomBytes(32).toString('hex') }), runId],
  });
  const stored = await read();
  if (!stored) throw new Error(`weighting run ${runId}: the public-use key could not be stored`);
  return stored;
}

/** The public-use key of a folder's weighted data, made (or remade, for new data) on first use. */
export function folderPublicUseKey(dir: string): Uint8Array {
  const meta = readFileSync(join(dir, 'weights.json'));
  const households = (JSON.parse(meta.toString('utf8')) as { households: { file: string } }).households.file;
  const digest = createHash('sha256')
    .update(meta)
    .update(readFileSync(join(dir, households)))
    .digest('hex');
  const file = join(dir, PUBLIC_USE_KEY_FILE);
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8');
    const key = parseKey(text);
    if (key && (JSON.parse(text) as { data?: string }).data === digest) return key;
  }
  const key = randomBytes(32);
  writeFileSync(file, `${JSON.stringify({ data: digest, publicUseKey: key.toString('hex') })}\n`, {
    mode: 0o600,
  });
  return key;
}
