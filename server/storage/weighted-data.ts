/**
 * The weighted data on disk, as `npm run weights -- <survey>` writes it and the tables, exports
 * and analysts' API read it: a folder with weights.json (WeightedMeta) and households.csv and
 * persons.csv beside it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataFrame } from '../../analysis/data.ts';
import { isMissing } from '../../analysis/data.ts';
import { parseCsv } from '../../analysis/io/csv.ts';
import type { WeightedData, WeightedMeta } from '../../analysis/tables/weighted-data.ts';

/** Default folder of the weighted data written by `npm run weights -- <survey>`. */
export const defaultDataDir = (survey: string) => join('data', 'weights', survey);

export function loadWeightedData(dir: string): WeightedData {
  const metaFile = join(dir, 'weights.json');
  if (!existsSync(metaFile))
    throw new Error(
      `No weighted data in ${dir} (weights.json missing). Run \`npm run weights -- <survey>\` first, or pass --data DIR.`,
    );
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as WeightedMeta;
  for (const f of [meta.households.file, meta.persons.file])
    if (!existsSync(join(dir, f))) throw new Error(`${join(dir, f)} is missing (named in weights.json).`);
  return {
    meta,
    households: parseCsv(readFileSync(join(dir, meta.households.file), 'utf8')),
    persons: parseCsv(readFileSync(join(dir, meta.persons.file), 'utf8')),
  };
}

function frameCsv(frame: DataFrame): string {
  const names = Object.keys(frame);
  const n = names.length ? frame[names[0]].length : 0;
  const cell = (v: unknown): string => {
    if (isMissing(v as never)) return '';
    const s = String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [names.join(',')];
  for (let i = 0; i < n; i++) lines.push(names.map((k) => cell(frame[k][i])).join(','));
  return `${lines.join('\n')}\n`;
}

/** Writes WeightedData as loadWeightedData reads it: weights.json, households.csv, persons.csv. */
export function writeWeightedData(dir: string, data: WeightedData): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, data.meta.households.file), frameCsv(data.households));
  writeFileSync(join(dir, data.meta.persons.file), frameCsv(data.persons));
  writeFileSync(join(dir, 'weights.json'), `${JSON.stringify(data.meta, null, 2)}\n`);
}
