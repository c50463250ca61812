import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueDir, readCatalogues } from '../../scripts/questionnaires/lib/catalogue.ts';
import { catalogueGaps } from '../../scripts/questionnaires/lib/fielding.ts';
import { sha256 } from '../../scripts/questionnaires/lib/locks.ts';
import { runCheck } from '../../scripts/questionnaires/lib/run.ts';
import { surveyStrings } from '../../scripts/questionnaires/lib/survey-strings.ts';
import { localisableStrings } from '../../scripts/questionnaires/lib/translation-keys.ts';

const fixture = new URL('../fixtures/questionnaires/check', import.meta.url).pathname;
const repo = new URL('../..', import.meta.url).pathname;
// biome-ignore lint/suspicious/noExplicitAny: fixtures are edited freely by path
type Json = Record<string, any>;

/** A copy of the good fixture folder with demo/form.v1.json edited (or replaced by raw text). */
function seeded(edit: ((form: Json) => void) | string): string {
  const dir = mkdtempSync(join(tmpdir(), 'q-check-'));
  cpSync(fixture, dir, { recursive: true });
  const path = join(dir, 'demo/form.v1.json');
  if (typeof edit === 'string') writeFileSync(path, edit);
  else {
    const form = JSON.parse(readFileSync(path, 'utf8')) as Json;
    edit(form);
    writeFileSync(path, JSON.stringify(form, null, 2));
  }
  return dir;
}
const page1 = (f: Json) => f.pages[0].elements as Json[];
const roster = (f: Json) => f.pages[1].elements[0].templateElements as Json[];

describe('questionnaires:check', () => {
  it('passes the clean fixture and reports its translation coverage', () => {
    const { problems, rows } = runCheck(fixture);
    expect(problems).toEqual([]);
    expect(rows[0].file).toBe('demo/form.v1.json');
    expect(rows[0].coverage.en).toEqual({ present: 11, total: 11 });
    expect(rows[0].coverage.kea.present).toBe(0);
  });

  it('passes the shipped questionnaires, with locks', () => {
    const { problems, rows } = runCheck(join(repo, 'questionnaires'));
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.file)).toEqual([
      'desks/exit.v1.json',
      'ipei/household.v1.json',
      'ipei/household.v2.json',
      'ipei/household.v3.json',
      'ipei/listing.v1.json',
      'ipei/listing.v2.json',
    ]);
    for (const r of rows) expect(r.coverage.en.present).toBe(r.coverage.en.total);
  });

  it("IPEI's catalogues hold the latest versions' keys only; frozen listing.v1 renders from its own file", async () => {
    const dir = join(repo, 'questionnaires');
    const latest = await surveyStrings(dir, 'ipei');
    const catalogues = readCatalogues(catalogueDir(dir, 'ipei'));
    for (const g of catalogueGaps(latest, catalogues))
      expect(g, g.lang).toEqual({ lang: g.lang, absent: [], stale: [] });
    // listing.v1 (locked) carries its text in every language it was fielded with, inline: its own
    // items (dwelling listing and screener), gone from listing.v2 and the catalogues, still read in
    // en and fr there; v1's two range messages never had kea, wo or zh-Hans (they show Portuguese)
    const v1 = JSON.parse(readFileSync(join(dir, 'ipei/listing.v1.json'), 'utf8'));
    const keys = new Set(latest.map((x) => x.key));
    const own = localisableStrings('listing', v1).filter((x) => !keys.has(x.key));
    expect(own.length).toBe(19);
    for (const x of own) {
      const loc = x.loc as Record<string, string>;
      for (const l of ['en', 'fr']) expect(loc[l], `${x.key} ${l}`).toBeTruthy();
    }
    const noKea = own.filter((x) => !(x.loc as Record<string, string>).kea).map((x) => x.key);
    expect(noKea).toEqual([
      'listing:l06_households.validators[0].text',
      'listing:l08_residents.validators[0].text',
    ]);
  });

  it('accepts any question type survey-core knows, one the tablet build could leave out too', () => {
    // the tablet's build keeps the types the survey folders use (scripts/build/omit-question-types.ts)
    const { problems } = runCheck(
      seeded((f) => {
        const residents = page1(f)[1];
        residents.type = 'rating';
        delete residents.inputType;
        residents.rateMin = 0;
        residents.rateMax = 30;
      }),
    );
    expect(problems).toEqual([]);
  });

  const cases: [string, ((f: Json) => void) | string, string, RegExp][] = [
    ['invalid JSON', '{ "pages": [ ', '(file)', /invalid JSON/],
    [
      'an unknown question type',
      (f) => {
        page1(f)[1].type = 'textbox';
      },
      'b01_residents',
      /unknown question type "textbox"/,
    ],
    [
      'a duplicate name',
      (f) => {
        roster(f)[0].name = 'b01_residents';
      },
      'b01_residents',
      /duplicate name/,
    ],
    [
      'a name that is not snake_case',
      (f) => {
        page1(f)[1].name = 'B01Residents';
      },
      'B01Residents',
      /snake_case/,
    ],
    [
      'an expression naming a missing question',
      (f) => {
        page1(f)[1].visibleIf = '{a10_consentt} = 1';
      },
      'b01_residents',
      /missing question "a10_consentt"/,
    ],
    [
      'a validator naming a missing question',
      (f) => {
        page1(f)[1].validators[0].expression = '{b01_residentz} <= 30';
      },
      'b01_residents',
      /missing question "b01_residentz"/,
    ],
    [
      'a roster expression naming a missing member question',
      (f) => {
        f.pages[1].elements[1].templateElements[0].visibleIf = '{panel.c05_agee} > 0';
      },
      'd04_prev_country',
      /missing question "panel.c05_agee"/,
    ],
    [
      'a duplicate choice code',
      (f) => {
        page1(f)[0].choices[1].value = 1;
      },
      'a10_consent',
      /duplicate choice code 1/,
    ],
    [
      'an unstable choice code',
      (f) => {
        page1(f)[0].choices[1].value = 'Não sabe / recusa';
      },
      'a10_consent',
      /not a stable code/,
    ],
    [
      'an unknown property',
      (f) => {
        page1(f)[0].isRequried = true;
      },
      'a10_consent',
      /unknown property "isRequried"/,
    ],
    [
      'a schema violation',
      (f) => {
        page1(f)[0].isRequired = 'yes';
      },
      'a10_consent',
      /schema: .*isRequired must be boolean/,
    ],
  ];
  for (const [what, edit, question, reason] of cases)
    it(`refuses ${what}, naming the file and question`, () => {
      const { problems } = runCheck(seeded(edit));
      expect(problems.length).toBeGreaterThan(0);
      const hit = problems.find((p) => p.question === question && reason.test(p.reason));
      expect(hit, JSON.stringify(problems)).toBeDefined();
      expect(hit?.file).toBe('demo/form.v1.json');
    });

  it('refuses an edit to a locked (fielded) file and accepts the file it locked', () => {
    const dir = seeded(() => undefined);
    const path = join(dir, 'demo/form.v1.json');
    const bytes = readFileSync(path);
    writeFileSync(join(dir, 'locks.json'), JSON.stringify({ files: { 'demo/form.v1.json': sha256(bytes) } }));
    expect(runCheck(dir).problems).toEqual([]);
    const form = JSON.parse(bytes.toString('utf8')) as Json;
    form.title.en = 'Edited';
    writeFileSync(path, JSON.stringify(form, null, 2));
    expect(runCheck(dir).problems).toEqual([
      expect.objectContaining({
        file: 'demo/form.v1.json',
        question: '(file)',
        reason: expect.stringMatching(/locked \(fielded\) file changed/),
      }),
    ]);
  });

  it('exits non-zero from the command line on a defect and zero on the clean fixture', () => {
    const cli = join(repo, 'scripts/questionnaires/check.ts');
    const tsx = join(repo, 'node_modules/.bin/tsx');
    expect(execFileSync(tsx, [cli, fixture], { encoding: 'utf8' })).toMatch(/all good/);
    let status = 0;
    let stderr = '';
    try {
      execFileSync(
        tsx,
        [
          cli,
          seeded((f) => {
            page1(f)[0].choices[1].value = 1;
          }),
        ],
        { encoding: 'utf8', stdio: 'pipe' },
      );
    } catch (e) {
      status = (e as { status: number }).status;
      stderr = String((e as { stderr: string }).stderr);
    }
    expect(status).toBe(1);
    expect(stderr).toMatch(/demo\/form\.v1\.json: a10_consent: duplicate choice code 1/);
  });
});
