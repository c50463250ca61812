/** Writes WeightedData as loadWeightedData reads it: weights.json, households.csv, persons.csv. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataFrame } from '../data.ts';
import { isMissing } from '../data.ts';
import type { WeightedData } from './weighted-data.ts';

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

export function writeWeightedData(dir: string, data: WeightedData): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, data.meta.households.file), frameCsv(data.households));
  writeFileSync(join(dir, data.meta.persons.file), frameCsv(data.persons));
  writeFileSync(join(dir, 'weights.json'), `${JSON.stringify(data.meta, null, 2)}\n`);
}
