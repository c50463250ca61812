/**
 * parseCsv (analysis/io/csv.ts) gives the same columns as the parser before it sliced plain runs
 * at once and parsed numbers once (tests/analysis/io/csv-reference.ts): on a fixture's weighted
 * person file and on seeded random CSV texts with quoted fields, doubled quotes, quotes after and
 * before plain text, CRLF and CR line ends, a BOM, `NA` quoted and not, empty and blank values,
 * short rows, and columns numeric except for one late value.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../analysis/io/csv.ts';
import { seededUniform as random } from '../../../analysis/sampling/rng.ts';
import { parseCsvOneCharAtATime } from './csv-reference.ts';

const pieces = [
  '1',
  '2.5',
  '-3e2',
  'NA',
  '"NA"',
  '',
  ' ',
  'abc',
  '"a,b"',
  '"say ""hi"""',
  'x"y',
  '"q"z',
  ' 7 ',
  '0x1F',
  'Infinity',
  'é',
];

function randomCsv(seed: number): string {
  const u = random(seed);
  const cols = 1 + Math.floor(u() * 6);
  const rows = Math.floor(u() * 30);
  const ends = ['\n', '\r\n', '\r'];
  const end = () => ends[Math.floor(u() * ends.length)];
  const lines = [Array.from({ length: cols }, (_, j) => `c${j}`).join(',')];
  for (let r = 0; r < rows; r++) {
    const width = u() < 0.1 ? Math.floor(u() * cols) : cols;
    lines.push(
      Array.from({ length: width }, (_, j) =>
        j === 0 && u() < 0.7 ? String(Math.round(u() * 1e6) / 1e3) : pieces[Math.floor(u() * pieces.length)],
      ).join(','),
    );
  }
  return (u() < 0.2 ? '\ufeff' : '') + lines.map((l) => l + end()).join('') + (u() < 0.3 ? '' : end());
}

describe('parseCsv as the one-character-at-a-time parser', () => {
  it('a weighted person file (numeric and text columns)', () => {
    const text = readFileSync('tests/fixtures/tables/persons.csv', 'utf8');
    const got = parseCsv(text);
    expect(Object.values(got).some((c) => c instanceof Float64Array)).toBe(true);
    expect(Object.values(got).some((c) => Array.isArray(c))).toBe(true);
    expect(got).toEqual(parseCsvOneCharAtATime(text));
  });

  it('400 seeded random CSV texts', () => {
    let numeric = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const text = randomCsv(seed);
      const got = parseCsv(text);
      expect(got, text).toEqual(parseCsvOneCharAtATime(text));
      if (Object.values(got).some((c) => c instanceof Float64Array && c.length > 0)) numeric++;
    }
    expect(numeric).toBeGreaterThan(100);
  });
});
