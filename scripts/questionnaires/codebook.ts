/**
 * `npm run codebook -- ipei/household.v2 [--out <dir>]`: writes the codebook of a questionnaire version as
 * `<out>/ipei/household.v2.codebook.json` and `.md` (default out: codebooks/, generated, not committed).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { buildCodebook, type CodebookEntry } from '../../server/domain/codebook.ts';
import type { Json } from '../../server/domain/questionnaire-walk.ts';

const MAX_LISTED = 25;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function codebookMarkdown(id: string, title: string, entries: CodebookEntry[]): string {
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
  return `${lines.join('\n')}\n`;
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
  const target = join(out, `${id.replace(/\.json$/, '')}.codebook`);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(`${target}.json`, `${JSON.stringify({ questionnaire: id, variables: entries }, null, 2)}\n`);
  const title =
    typeof survey.title === 'object' ? String((survey.title as Json).default) : String(survey.title ?? '');
  writeFileSync(`${target}.md`, codebookMarkdown(id, title, entries));
  console.log(`wrote ${target}.json and ${target}.md (${entries.length} variables)`);
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) main();
