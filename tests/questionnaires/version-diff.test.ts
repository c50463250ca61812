/**
 * Two versions of a questionnaire compared (scripts/questionnaires/lib/version-diff.ts, questionnaires:diff,
 * the codebook's "Versions"): a translation fix changes strings only, named by key and language; a skip, a
 * choice code, a required flag or a check changes the logic, named by path; IPEI's v1 -> v2 is a logic change
 * (A10's third answer) with its four new strings.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codebookMarkdown } from '../../scripts/questionnaires/codebook.ts';
import { diffVersions, versionHistory } from '../../scripts/questionnaires/lib/version-diff.ts';

const repo = new URL('../..', import.meta.url).pathname;
// biome-ignore lint/suspicious/noExplicitAny: questionnaire JSON edited freely by path
type Json = Record<string, any>;
const read = (v: number): Json =>
  JSON.parse(readFileSync(join(repo, `questionnaires/ipei/household.v${v}.json`), 'utf8'));
const tmp = mkdtempSync(join(tmpdir(), 'morabeza-versions-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** v2 with a Kriolu fix and a Portuguese typo fixed in B01's title. */
function translationFix(): Json {
  const v = read(2);
  const title = v.pages[1].elements[0].title;
  title.kea = 'Kantu pesoa ta mora sempri na es kaza?';
  title.default = 'Quantas pessoas residem habitualmente no agregado?';
  return v;
}

describe('comparing two versions', () => {
  it('a translation fix changes strings only, named by key and language', () => {
    expect(diffVersions('household', read(2), translationFix())).toEqual({
      logic: [],
      strings: [{ key: 'household:b01_residents.title', languages: ['kea', 'pt'] }],
    });
  });

  it('a skip, a choice code, a required flag and a check are logic, named by path', () => {
    const edits: [(v: Json) => void, string][] = [
      [(v) => (v.pages[1].visibleIf = '{a10_consent} = 2'), 'pages[b_screener].visibleIf'],
      [
        (v) => (v.pages[0].elements[10].choices[2].value = 4),
        'pages[a_cover].elements[a10_consent].choices[2].value',
      ],
      [
        (v) => (v.pages[1].elements[1].isRequired = false),
        'pages[b_screener].elements[b02_foreign_nat].isRequired',
      ],
      [
        (v) => (v.pages[1].elements[0].validators[0].expression = '{b01_residents} <= 40'),
        'pages[b_screener].elements[b01_residents].validators[0].expression',
      ],
    ];
    for (const [edit, path] of edits) {
      const v = translationFix();
      edit(v);
      const d = diffVersions('household', read(2), v);
      expect(d.logic).toHaveLength(1);
      expect(d.logic[0].startsWith(`${path}: `), d.logic[0]).toBe(true);
    }
  });

  it("IPEI's v2 changed the logic (A10's third answer) and four strings", () => {
    const d = diffVersions('household', read(1), read(2));
    expect(d.logic[0]).toBe('pages[a_cover].elements[a10_consent].choices: 2 items, now 3');
    expect(d.strings.map((s) => s.key)).toEqual([
      'household:a10_consent.choices[3].text',
      'household:z05_hh_result.validators[3].text',
      'household:z05_hh_result.validators[4].text',
      'household:z05_hh_result.validators[5].text',
    ]);
  });

  it('the codebook says which version changed which strings', () => {
    writeFileSync(join(tmp, 'household.v1.json'), JSON.stringify(read(2)));
    writeFileSync(join(tmp, 'household.v2.json'), JSON.stringify(translationFix()));
    const history = versionHistory(tmp, 'household', 2);
    const md = codebookMarkdown('x/household.v2', 't', [], history);
    expect(md).toContain(
      '### v2 (from v1)\n\nstrings only: no variable, code, skip or check changed. 1 string(s) changed (kea 1, pt 1).',
    );
    expect(md).toContain('| `household:b01_residents.title` | kea, pt |');
  });

  it('questionnaires:diff --strings-only exits 1 on a logic change', () => {
    const run = () =>
      execFileSync(
        'npx',
        ['tsx', 'scripts/questionnaires/diff.ts', 'ipei/household.v1', 'ipei/household.v2', '--strings-only'],
        {
          cwd: repo,
          encoding: 'utf8',
          stdio: 'pipe',
        },
      );
    expect(run).toThrow(/not a translation-only change/);
  });
});
