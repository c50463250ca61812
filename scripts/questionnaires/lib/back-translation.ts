/**
 * The back-translation report: every string whose back-translation a reviewer flagged (`flag` in a catalogue
 * entry, the workbook's "back-translation flag" column), with the Portuguese source, the translation, its
 * status and the back-translation side by side, per language, for the questionnaires' catalogues and the
 * interface catalogues. What a reviewer meeting goes through; `questionnaires:check` only counts them.
 */
import type { Catalogue } from './catalogue.ts';
import type { LocSite } from './translation-keys.ts';

export interface FlaggedString {
  key: string;
  source: string;
  text: string;
  status: string;
  backTranslation: string;
  flag: string;
}

export interface FlaggedGroup {
  lang: string;
  /** "questionnaire" or "interface" */
  kind: string;
  rows: FlaggedString[];
}

/** The flagged entries of `catalogue`, in the order of `sites` (then keys no questionnaire has). */
export function flaggedStrings(sites: LocSite[], catalogue: Catalogue): FlaggedString[] {
  const source = new Map(sites.map((s) => [s.key, s.loc.default]));
  const order = [...sites.map((s) => s.key), ...Object.keys(catalogue).filter((k) => !source.has(k))];
  return order.flatMap((key) => {
    const e = catalogue[key];
    if (!e?.flag) return [];
    return [
      {
        key,
        source: source.get(key) ?? '(no longer in the questionnaire)',
        text: e.text,
        status: e.status,
        backTranslation: e.backTranslation ?? '',
        flag: e.flag,
      },
    ];
  });
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function flaggedMarkdown(survey: string, groups: FlaggedGroup[]): string {
  const total = groups.reduce((n, g) => n + g.rows.length, 0);
  const lines = [`# Back-translations flagged by reviewers: ${survey}`, '', `${total} flagged string(s).`];
  for (const g of groups) {
    if (!g.rows.length) continue;
    lines.push(
      '',
      `## ${g.lang} (${g.kind}): ${g.rows.length}`,
      '',
      '| key | Portuguese source | translation | status | back-translation | flag |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const r of g.rows)
      lines.push(
        `| \`${r.key}\` | ${cell(r.source)} | ${cell(r.text)} | ${r.status} | ${cell(r.backTranslation)} | ${cell(r.flag)} |`,
      );
  }
  return `${lines.join('\n')}\n`;
}
