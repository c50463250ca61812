/**
 * Locking a questionnaire version for fielding (scripts/questionnaires/lib/locks.ts lockFiles, lib/fielding.ts):
 * refused while a string of a fielded language is not "approved" in the catalogue (or differs from it), allowed
 * once all are, and allowed with --pilot, which locks.json records; the check's per-status coverage and the
 * flagged back-translations.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { catalogueCoverage, catalogueGaps } from '../../scripts/questionnaires/lib/fielding.ts';
import { lockFiles, readLocks } from '../../scripts/questionnaires/lib/locks.ts';

const tmp = mkdtempSync(join(tmpdir(), 'morabeza-fielding-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const FORM = {
  title: { default: 'Inquérito', en: 'Survey', fr: 'Enquête' },
  pages: [
    {
      name: 'p1',
      elements: [{ type: 'text', name: 'q1', title: { default: 'Idade', en: 'Age', fr: 'Âge' } }],
    },
  ],
};
/** A survey folder `demo` with profile languages pt, en, fr and the given catalogues. */
function survey(name: string, catalogues: Record<string, Record<string, unknown>>): string {
  const dir = join(tmp, name);
  mkdirSync(join(dir, 'demo', 'src', 'translations'), { recursive: true });
  writeFileSync(join(dir, 'demo', 'form.v1.json'), JSON.stringify(FORM));
  writeFileSync(
    join(dir, 'demo', 'profile.json'),
    JSON.stringify({ languages: [{ code: 'pt' }, { code: 'en' }, { code: 'fr' }] }),
  );
  writeFileSync(join(dir, 'demo', 'src', 'index.ts'), 'export const generators = {};\n');
  for (const [lang, c] of Object.entries(catalogues))
    writeFileSync(join(dir, 'demo', 'src', 'translations', `${lang}.json`), JSON.stringify(c));
  return dir;
}
const approved = (title: string, q1: string) => ({
  'form:title': { text: title, status: 'approved' as const },
  'form:q1.title': { text: q1, status: 'approved' as const },
});

describe('locking a version for fielding', () => {
  it('is refused while a fielded language has an unapproved string, naming language and keys', () => {
    const dir = survey('draft', {
      en: approved('Survey', 'Age'),
      fr: { ...approved('Enquête', 'Âge'), 'form:q1.title': { text: 'Âge', status: 'reviewed', flag: 'ok' } },
    });
    const result = lockFiles(dir, ['demo/form.v1.json']);
    expect(result.locked).toEqual([]);
    expect(result.refused).toEqual([
      'demo/form.v1.json: fr: 1 of 2 strings not approved in the catalogue (or not generated from it): form:q1.title',
    ]);
    expect(readLocks(join(dir, 'locks.json'))).toEqual({});
    const [, fr] = catalogueCoverage(dir, ['demo']);
    expect(fr).toEqual({
      survey: 'demo',
      lang: 'fr',
      counts: { missing: 0, machine: 0, draft: 0, reviewed: 1, approved: 1 },
      flagged: [['form:q1.title', 'ok']],
    });
  });

  it('is refused when the file does not carry the approved text, or a language has no catalogue', () => {
    const dir = survey('stale', { en: approved('Survey', 'Age (years)') });
    expect(lockFiles(dir, ['demo/form.v1.json']).refused).toEqual([
      'demo/form.v1.json: en: 1 of 2 strings not approved in the catalogue (or not generated from it): form:q1.title',
      `demo/form.v1.json: fr: no catalogue ${join(dir, 'demo', 'src', 'translations')}/fr.json, so no string is approved`,
    ]);
  });

  it('locks once every string is approved; --pilot locks anyway and is recorded', () => {
    const dir = survey('ok', { en: approved('Survey', 'Age'), fr: approved('Enquête', 'Âge') });
    expect(lockFiles(dir, ['demo/form.v1.json']).refused).toEqual([]);
    expect(Object.keys(readLocks(join(dir, 'locks.json')))).toEqual(['demo/form.v1.json']);
    const pilot = survey('pilot', {});
    expect(lockFiles(pilot, ['demo/form.v1.json'], { pilot: true }).refused).toEqual([]);
    const locks = JSON.parse(readFileSync(join(pilot, 'locks.json'), 'utf8'));
    expect(Object.keys(locks.files)).toEqual(['demo/form.v1.json']);
    expect(locks.pilot).toEqual(['demo/form.v1.json']);
  });

  it('the check lists strings without a catalogue entry and entries no questionnaire has', () => {
    const sites = [{ key: 'form:title' }, { key: 'form:q2.title' }];
    expect(catalogueGaps(sites, { en: approved('Survey', 'Age') })).toEqual([
      { lang: 'en', absent: ['form:q2.title'], stale: ['form:q1.title'] },
    ]);
  });
});
