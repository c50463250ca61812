/** Translation coverage: for each language, how many localisable strings have their own text. */
import { type Json, walkStrings } from '../../../server/domain/questionnaire-walk.ts';

export const LANGUAGES = ['pt', 'en', 'fr', 'kea', 'wo', 'zh-Hans'] as const;
export type Coverage = Record<(typeof LANGUAGES)[number], { present: number; total: number }>;

/** `pt` is the default text; a string that is a plain JSON string counts as language-neutral (not counted). */
export function coverage(json: Json): Coverage {
  const strings = walkStrings(json);
  const out = {} as Coverage;
  for (const l of LANGUAGES) {
    const key = l === 'pt' ? 'default' : l;
    out[l] = {
      present: strings.filter((s) => typeof s.value[key] === 'string' && s.value[key] !== '').length,
      total: strings.length,
    };
  }
  return out;
}

export function coverageTable(rows: { file: string; coverage: Coverage }[]): string {
  const pct = (c: { present: number; total: number }) =>
    c.total ? `${((100 * c.present) / c.total).toFixed(1)}%` : '-';
  const lines = [
    `| file | strings | ${LANGUAGES.join(' | ')} |`,
    `| --- | --- | ${LANGUAGES.map(() => '---').join(' | ')} |`,
  ];
  for (const r of rows)
    lines.push(
      `| ${r.file} | ${r.coverage.pt.total} | ${LANGUAGES.map((l) => pct(r.coverage[l])).join(' | ')} |`,
    );
  return lines.join('\n');
}
