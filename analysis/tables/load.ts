/**
 * Reads WeightedData from a folder: weights.json (WeightedMeta) with households.csv and persons.csv
 * beside it. The one file of analysis/tables that touches the file system.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv } from '../io/csv.ts';
import type { WeightedData, WeightedMeta } from './weighted-data.ts';

export function loadWeightedData(dir: string): WeightedData {
  const metaFile = join(dir, 'weights.json');
  if (!existsSync(metaFile))
    throw new Error(
      `No weighted data in ${dir} (weights.json missing). Run \`npm run weights -- ipei\` first, or pass --data DIR.`,
    );
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as WeightedMeta;
  for (const f of [meta.households.file, meta.persons.file])
    if (!existsSync(join(dir, f))) throw new Error(`${join(dir, f)} is missing (named in weights.json).`);
  return {
    meta,
    households: readCsv(join(dir, meta.households.file)),
    persons: readCsv(join(dir, meta.persons.file)),
  };
}
