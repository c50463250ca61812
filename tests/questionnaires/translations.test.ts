/**
 * Translation catalogues (scripts/questionnaires/lib/catalogue.ts, translation-keys.ts) and the IPEI generator
 * merging them: the interview languages come from questionnaires/ipei/src/translations/, not from the code;
 * a catalogue edit changes that string and no logic; keys depend on names and codes, not on positions.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { questionnaireFiles } from '../../questionnaires/ipei/src/build.ts';
import { logicSkeleton, parseCatalogue } from '../../scripts/questionnaires/lib/catalogue.ts';
import { localisableStrings } from '../../scripts/questionnaires/lib/translation-keys.ts';

const repo = new URL('../..', import.meta.url).pathname;
const catalogues = join(repo, 'questionnaires', 'ipei', 'src', 'translations');
const tmp = mkdtempSync(join(tmpdir(), 'morabeza-translations-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Page = { name: string; title: Record<string, string> };
const page = (files: Record<string, unknown>, name: string) =>
  ((files['household.v3.json'] as { pages: Page[] }).pages.find((p) => p.name === name) as Page).title;

describe('translation catalogues', () => {
  it('are the only source of the non-Portuguese text: without them the questionnaire is Portuguese only', () => {
    const files = questionnaireFiles(join(tmp, 'none'));
    expect(page(files, 'a_cover')).toEqual({ default: 'A. Capa e consentimento' });
    expect(JSON.stringify(files['household.v3.json'])).not.toMatch(/"(en|fr|kea|wo|zh-Hans)":/);
  });

  it('a catalogue edit changes that string in the generated JSON and no variable, code or skip', () => {
    const folder = join(tmp, 'edited');
    cpSync(catalogues, folder, { recursive: true });
    const kea = JSON.parse(readFileSync(join(folder, 'kea.json'), 'utf8'));
    kea['household:a_cover.title'] = { text: 'A. Kapa', status: 'reviewed' };
    writeFileSync(join(folder, 'kea.json'), JSON.stringify(kea));
    const before = questionnaireFiles(catalogues);
    const after = questionnaireFiles(folder);
    expect(page(before, 'a_cover').kea).toBe('A. Kapa y konsentimentu');
    expect(page(after, 'a_cover').kea).toBe('A. Kapa');
    expect(logicSkeleton(after['household.v3.json'])).toBe(logicSkeleton(before['household.v3.json']));
    const status = after['translations-status.json'] as {
      strings: Record<string, { status: { kea: string } }>;
    };
    expect(status.strings['household.v3:a_cover.title'].status.kea).toBe('reviewed');
  });

  it('keys come from element names, properties and choice codes, not positions', () => {
    const q = {
      type: 'radiogroup',
      name: 'q2',
      title: { default: 'B' },
      choices: [{ value: 98, text: { default: 'NS' } }],
    };
    const one = localisableStrings('f', { pages: [{ name: 'p', elements: [q] }] });
    const two = localisableStrings('f', {
      pages: [
        { name: 'p0', elements: [] },
        { name: 'p', elements: [{ type: 'text', name: 'q1', title: { default: 'A' } }, q] },
      ],
    });
    expect(one.map((s) => s.key)).toEqual(['f:q2.title', 'f:q2.choices[98].text']);
    expect(two.slice(1).map((s) => [s.key, s.page])).toEqual([
      ['f:q2.title', 'p'],
      ['f:q2.choices[98].text', 'p'],
    ]);
    expect(() => localisableStrings('f', { pages: [q, q] })).toThrow(/share the key f:q2.title/);
  });

  it('refuses a catalogue entry with an unknown status or text under "missing", naming the key', () => {
    expect(() => parseCatalogue('x.json', '{"k":{"text":"a","status":"done"}}')).toThrow(/x.json: k.status/);
    expect(() => parseCatalogue('x.json', '{"k":{"text":"a","status":"missing"}}')).toThrow(
      /x.json: k: status "missing" with a text/,
    );
  });

  it('every kea and wo string has a text; project-written language names are drafts, not CLDR names', () => {
    const files = questionnaireFiles(catalogues);
    const status = files['translations-status.json'] as {
      summary: Record<string, Record<string, number>>;
      strings: Record<string, { pt: string; status: Record<string, string> }>;
    };
    expect(status.summary.kea.missing).toBe(0);
    expect(status.summary.wo.missing).toBe(0);
    // names CLDR lacks in the language (Susu, Kimbundu...) were written by the project: draft, needing review
    expect(status.strings['household.v3:f06_mother_tongue.choices[kmb].text'].status).toMatchObject({
      kea: 'draft',
      wo: 'draft',
      en: 'cldr',
    });
  });

  it("listing v2's Wolof names nationality by its word, not réew (country) or askan (people)", () => {
    const files = questionnaireFiles(catalogues);
    const text = JSON.stringify(files['listing.v2.json']);
    const wolof = [...text.matchAll(/"wo":"([^"]*)"/g)].map((m) => m[1]);
    const nationality = wolof.filter((t) => /nasiyonalite/i.test(t));
    // l14 (title, choice 2) and l14a (a foreign household's nationality group)
    expect(nationality).toHaveLength(4);
    for (const t of wolof) expect(t).not.toMatch(/\baskan|r[ée]ew/i);
  });
});
