/**
 * `npm run codebook -- ipei/household.v2 [--out <dir>]`: writes the codebook of a questionnaire version as
 * `<out>/ipei/household.v2.codebook.json` and `.md` (default out: codebooks/, generated, not committed), with the
 * questionnaire's versions: for each, whether its logic changed and which strings changed in which language.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { buildCodebook, type CodebookEntry } from '../../server/domain/codebook.ts';
import type { Json } from '../../server/domain/questionnaire-walk.ts';
import { versionStem } from './lib/translation-keys.ts';
import { describeDiff, type VersionChange, versionHistory } from './lib/version-diff.ts';

const MAX_LISTED = 25;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function codebookMarkdown(
  id: string,
  title: string,
  entries: CodebookEntry[],
  history: VersionChange[] = [],
): string {
  const lines = [
    `# Codebook: ${id}`,
    '',
    title,
    '',
    `${entries.length} variables. Level: household = one row per interview; person = one row per roster member (\`members[i]\`).`,
    '',
  ];
  let module = '';
  for (const e of entries) {
    if (e.module !== module) {
      module = e.module;
      lines.push(
        '',
        `## ${module}`,
        '',
        '| variable | label (pt) | label (en) | type | level | values | universe |',
        '| --- | --- | --- | --- | --- | --- | --- |',
      );
    }
    const values =
      e.values.length > MAX_LISTED
        ? `${e.values.length} codes (${e.values
            .slice(0, 3)
            .map((v) => `${v.code} ${v.pt}`)
            .join('; ')}; …) — full list in the JSON codebook`
        : e.values.map((v) => `${v.code} = ${v.pt}`).join('; ');
    const extra = [e.range && `range ${e.range}`, e.expression && `= ${e.expression}`]
      .filter(Boolean)
      .join('; ');
    lines.push(
      `| \`${e.name}\` | ${cell(e.label_pt)} | ${cell(e.label_en)} | ${e.type} | ${e.level} | ${cell([values, extra].filter(Boolean).join('; '))} | ${cell(e.universe)} |`,
    );
  }
  if (history.length) lines.push('', ...historyMarkdown(history));
  return `${lines.join('\n')}\n`;
}

/** "Versions": per version, whether its logic changed and which strings changed in which language. */
export function historyMarkdown(history: VersionChange[]): string[] {
  const lines = ['## Versions', ''];
  for (const h of history) {
    const [logic, count] = describeDiff(h);
    lines.push(`### v${h.version} (from v${h.from})`, '', `${logic}. ${count}.`, '');
    if (h.strings.length) {
      lines.push('| string | languages changed |', '| --- | --- |');
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
  const id = args.find((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1));
  if (!id) {
    console.error('usage: npm run codebook -- <survey>/<name>.vN  (e.g. ipei/household.v2) [--out <dir>]');
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
  const title =
    typeof survey.title === 'object' ? String((survey.title as Json).default) : String(survey.title ?? '');
  writeFileSync(`${target}.md`, codebookMarkdown(id, title, entries, history));
  console.log(`wrote ${target}.json and ${target}.md (${entries.length} variables)`);
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) main();
