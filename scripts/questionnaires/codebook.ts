/**
 * `npm run codebook -- ipei/household.v2 [--out <dir>] [--lang pt|en|fr|kea]`: writes the codebook of a
 * questionnaire version as `<out>/ipei/household.v2.codebook.json` and `.md` (default out: codebooks/,
 * generated, not committed), with the questionnaire's versions: for each, whether its logic changed and which
 * strings changed in which language. The JSON carries every label the questionnaire gives (pt, en, and fr and
 * kea where it has them); the Markdown is in `--lang` (English by default; another language is written as
 * `.codebook.<lang>.md`): its words from analysis/export/codebook-words.ts, the title, variable and value labels in
 * that language where the questionnaire gives it (else its Portuguese), with a label column for pt, en and
 * the language. The module names and the universe's quoted categories stay the questionnaire's Portuguese.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CODEBOOK_WORDS } from '../../analysis/export/codebook-words.ts';
import { isTableLang, TABLE_LANGS, type TableLang } from '../../analysis/tables/table-words.ts';
import { buildCodebook, type CodebookEntry } from '../../server/domain/codebook.ts';
import type { Json } from '../../server/domain/questionnaire-walk.ts';
import { versionStem } from './lib/translation-keys.ts';
import { describeDiff, type VersionChange, versionHistory } from './lib/version-diff.ts';

const MAX_LISTED = 25;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A variable's label in a language: the questionnaire's own, else its Portuguese. */
function labelIn(e: CodebookEntry, lang: TableLang): string {
  if (lang === 'pt') return e.label_pt;
  if (lang === 'en') return e.label_en;
  return e.labels?.[lang] || e.label_pt;
}

export function codebookMarkdown(
  id: string,
  title: string,
  entries: CodebookEntry[],
  history: VersionChange[] = [],
  lang: TableLang = 'en',
): string {
  const w = CODEBOOK_WORDS[lang];
  const c = w.columns;
  const roster = entries.find((e) => e.level === 'person')?.roster ?? 'roster';
  const langs = [...new Set<TableLang>(['pt', 'en', lang])];
  const lines = [`# ${w.heading(id)}`, '', title, '', w.count(entries.length, roster), ''];
  let module = '';
  for (const e of entries) {
    if (e.module !== module) {
      module = e.module;
      const heads = [
        c.variable,
        ...langs.map((l) => `${c.label} (${l})`),
        c.type,
        c.level,
        c.values,
        c.universe,
      ];
      lines.push(
        '',
        `## ${module}`,
        '',
        `| ${heads.join(' | ')} |`,
        `|${heads.map(() => ' --- |').join('')}`,
      );
    }
    const valueIn = (v: CodebookEntry['values'][number]) => v[lang] || v.pt;
    const values =
      e.values.length > MAX_LISTED
        ? w.manyCodes(
            e.values.length,
            e.values
              .slice(0, 3)
              .map((v) => `${v.code} ${valueIn(v)}`)
              .join('; '),
          )
        : e.values.map((v) => `${v.code} = ${valueIn(v)}`).join('; ');
    const extra = [e.range && `${w.range} ${e.range}`, e.expression && `= ${e.expression}`]
      .filter(Boolean)
      .join('; ');
    lines.push(
      `| \`${e.name}\` | ${langs.map((l) => cell(labelIn(e, l))).join(' | ')} | ${e.type} | ${e.level} | ${cell([values, extra].filter(Boolean).join('; '))} | ${cell(e.universe)} |`,
    );
  }
  if (history.length) lines.push('', ...historyMarkdown(history, lang));
  return `${lines.join('\n')}\n`;
}

/** "Versions": per version, whether its logic changed and which strings changed in which language. */
export function historyMarkdown(history: VersionChange[], lang: TableLang = 'en'): string[] {
  const w = CODEBOOK_WORDS[lang];
  const lines = [`## ${w.versions}`, ''];
  for (const h of history) {
    const [logic, count] = describeDiff(h, w);
    lines.push(`### ${w.version(h.version, h.from)}`, '', `${logic}. ${count}.`, '');
    if (h.strings.length) {
      lines.push(`| ${w.string} | ${w.languagesChanged} |`, '| --- | --- |');
      for (const s of h.strings) lines.push(`| \`${s.key}\` | ${s.languages.join(', ')} |`);
      lines.push('');
    }
  }
  return lines;
}

function main(): void {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : 'codebooks';
  const langAt = args.indexOf('--lang');
  const lang = langAt >= 0 ? args[langAt + 1] : 'en';
  const values = new Set([outAt, langAt].filter((at) => at >= 0).map((at) => at + 1));
  const id = args.find((a, i) => !a.startsWith('--') && !values.has(i));
  if (!id || !isTableLang(lang)) {
    console.error(
      `usage: npm run codebook -- <survey>/<name>.vN  (e.g. ipei/household.v2) [--out <dir>] [--lang ${TABLE_LANGS.join('|')}]`,
    );
    process.exit(2);
  }
  const file = join('questionnaires', `${id.replace(/\.json$/, '')}.json`);
  const survey = JSON.parse(readFileSync(file, 'utf8')) as Json;
  const profileFile = join('questionnaires', dirname(id), 'profile.json');
  const profile = existsSync(profileFile)
    ? (JSON.parse(readFileSync(profileFile, 'utf8')) as { roster?: { variable?: string } | null })
    : null;
  const entries = buildCodebook(
    survey,
    basename(id).startsWith('listing') ? 'ea' : 'household',
    profile?.roster?.variable ?? null,
    ['fr', 'kea'],
  );
  const version = Number(/\.v([0-9]+)$/.exec(id.replace(/\.json$/, ''))?.[1] ?? 0);
  const stem = versionStem(basename(id).replace(/\.json$/, ''));
  const history = stem ? versionHistory(dirname(file), stem, version) : [];
  const target = join(out, `${id.replace(/\.json$/, '')}.codebook`);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(
    `${target}.json`,
    `${JSON.stringify({ questionnaire: id, variables: entries, versions: history }, null, 2)}\n`,
  );
  const titles = typeof survey.title === 'object' ? (survey.title as Json) : { default: survey.title ?? '' };
  const title = String(titles[lang] || titles.default);
  const md = `${target}${lang === 'en' ? '' : `.${lang}`}.md`;
  writeFileSync(md, codebookMarkdown(id, title, entries, history, lang));
  console.log(`wrote ${target}.json and ${md} (${entries.length} variables)`);
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) main();
