/**
 * survey-core's interface strings per interview language (client/interview/interface-locales.ts,
 * scripts/questionnaires/lib/interface-check.ts): every IPEI language shows its own buttons, required
 * message and validation messages (Kriolu and Wolof from questionnaires/ipei/interface/, the others from
 * survey-core's locales); the check refuses a language without interface strings and a bad catalogue;
 * locking for fielding needs the interface strings approved.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INTERFACE_KEYS } from '../../client/interview/interface-locales.ts';
import { createInterviewModel } from '../../client/interview/survey-setup.ts';
import { checkInterfaces } from '../../scripts/questionnaires/lib/interface-check.ts';
import { lockFiles } from '../../scripts/questionnaires/lib/locks.ts';
import { loadSurveyFolder } from '../../server/domain/surveys.ts';

const repo = new URL('../..', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'morabeza-interface-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** One required question and one number 0-120: the required message and a validation message. */
const FORM = {
  locale: 'pt',
  pages: [
    { name: 'p1', elements: [{ type: 'text', name: 'q1', title: 'Nome', isRequired: true }] },
    {
      name: 'p2',
      elements: [{ type: 'text', name: 'q2', title: 'Idade', inputType: 'number', min: 0, max: 120 }],
    },
  ],
};

/** What an interview in `lang` shows: the buttons and the two messages. */
function shown(
  lang: string,
  languages: { code: string; name: string }[],
  strings: Record<string, Record<string, string>>,
) {
  const model = createInterviewModel(FORM, lang, languages, strings);
  model.data = { q2: 200 };
  model.validate(true, false);
  const q1 = model.getQuestionByName('q1');
  const q2 = model.getQuestionByName('q2');
  return {
    prev: model.pagePrevText,
    next: model.pageNextText,
    complete: model.completeText,
    required: q1.errors.map((e) => e.getText()).join(' '),
    max: q2.errors.map((e) => e.getText()).join(' '),
  };
}

describe('interface strings of the IPEI interview languages', () => {
  const ipei = loadSurveyFolder(join(repo, 'questionnaires'), 'ipei');
  const languages = ipei.profile.languages;
  const strings = ipei.interfaceStrings ?? {};

  it('Kriolu and Wolof come from their catalogues, complete', () => {
    expect(Object.keys(strings).sort()).toEqual(['kea', 'wo']);
    for (const lang of ['kea', 'wo'])
      expect(Object.keys(strings[lang]).sort()).toEqual([...INTERFACE_KEYS].sort());
  });

  it("each language shows its own buttons, required and validation messages, none another language's", () => {
    const byLang = Object.fromEntries(languages.map((l) => [l.code, shown(l.code, languages, strings)]));
    expect(byLang.kea).toEqual({
      prev: strings.kea.pagePrevText,
      next: strings.kea.pageNextText,
      complete: strings.kea.completeText,
      required: strings.kea.requiredError,
      max: strings.kea.maxError.replace('{0}', '120'),
    });
    expect(byLang.wo.required).toBe(strings.wo.requiredError);
    expect(byLang.pt.required).toBe('Por favor, responda à pergunta.');
    expect(byLang.fr.complete).toBe('Terminer');
    expect(byLang['zh-Hans'].required).toBe('请填写此问题');
    expect(byLang.en.max).toBe('The value should not be greater than 120');
    for (const field of ['prev', 'next', 'complete', 'required', 'max'] as const) {
      const texts = languages.map((l) => byLang[l.code][field]);
      expect(new Set(texts).size, `${field}: ${texts.join(' | ')}`).toBe(languages.length);
    }
  });
});

/** A survey folder `demo` under a fresh dir: profile languages, content and interface catalogues. */
function survey(
  name: string,
  langs: string[],
  interfaces: Record<string, Record<string, unknown>>,
  content: Record<string, Record<string, unknown>> = {},
): string {
  const dir = join(tmp, name);
  mkdirSync(join(dir, 'demo', 'interface'), { recursive: true });
  mkdirSync(join(dir, 'demo', 'src', 'translations'), { recursive: true });
  writeFileSync(
    join(dir, 'demo', 'form.v1.json'),
    readFileSync(join(repo, 'tests/fixtures/questionnaires/check/demo/form.v1.json')),
  );
  writeFileSync(
    join(dir, 'demo', 'profile.json'),
    JSON.stringify({ languages: langs.map((code) => ({ code })) }),
  );
  writeFileSync(join(dir, 'demo', 'src', 'index.ts'), 'export const generators = {};\n');
  for (const [lang, c] of Object.entries(interfaces))
    writeFileSync(join(dir, 'demo', 'interface', `${lang}.json`), JSON.stringify(c));
  for (const [lang, c] of Object.entries(content))
    writeFileSync(join(dir, 'demo', 'src', 'translations', `${lang}.json`), JSON.stringify(c));
  return dir;
}
const kea = JSON.parse(readFileSync(join(repo, 'questionnaires/ipei/interface/kea.json'), 'utf8')) as Record<
  string,
  { text: string; status: string }
>;
const withStatus = (status: string): Record<string, Record<string, string>> =>
  Object.fromEntries(Object.entries(kea).map(([k, e]) => [k, { text: e.text, status }]));

describe('questionnaires:check on interface strings', () => {
  it('passes the shipped surveys and counts the catalogues by status', () => {
    const { problems, rows } = checkInterfaces(join(repo, 'questionnaires'));
    expect(problems).toEqual([]);
    expect(rows.find((r) => r.survey === 'ipei' && r.lang === 'wo')).toMatchObject({
      surveyCore: null,
      counts: { draft: INTERFACE_KEYS.length, approved: 0 },
    });
    expect(rows.find((r) => r.survey === 'ipei' && r.lang === 'zh-Hans')?.surveyCore).toBe('zh-cn');
  });

  it('lists the interface strings whose back-translation a reviewer flagged', () => {
    const flagged = withStatus('reviewed');
    flagged.requiredError = {
      ...flagged.requiredError,
      backTranslation: 'You have to answer',
      flag: 'an order',
    };
    const { problems, rows } = checkInterfaces(survey('flagged', ['pt', 'kea'], { kea: flagged }));
    expect(problems).toEqual([]);
    expect(rows.find((r) => r.lang === 'kea')?.flagged).toEqual([['requiredError', 'an order']]);
  });

  it('refuses a language with no interface strings of its own, naming it', () => {
    const { problems } = checkInterfaces(survey('none', ['pt', 'fr', 'kea'], {}));
    expect(problems).toEqual([
      {
        file: 'demo/profile.json',
        question: 'languages: kea',
        reason: expect.stringMatching(
          /survey-core has no interface strings for 'kea' and there is no demo\/interface\/kea\.json/,
        ),
      },
    ]);
  });

  it('refuses a gap, a lost placeholder, an unknown string and a language the profile lacks', () => {
    const bad = withStatus('draft');
    delete bad.requiredError;
    bad.maxError = { text: 'Ka podi ser más', status: 'draft' };
    bad.pageNextButton = { text: 'Sigi', status: 'draft' };
    const { problems } = checkInterfaces(survey('bad', ['pt', 'kea'], { kea: bad, wo: withStatus('draft') }));
    expect(problems.map((p) => `${p.file} ${p.question}: ${p.reason.split(':')[0]}`)).toEqual([
      'demo/interface/kea.json maxError: placeholders "" differ from survey-core\'s English "The value should not be greater than {0}"',
      'demo/interface/kea.json pageNextButton: not an interface string of survey-core',
      "demo/interface/wo.json (file): 'wo' is not an interview language of demo/profile.json (pt, kea)",
      "demo/interface/kea.json (file): 1 of 123 survey-core interface strings have no text (survey-core has no 'kea' locale to fall back on)",
    ]);
  });
});

describe('locking for fielding', () => {
  const content = {
    kea: Object.fromEntries(
      ['form:title', 'form:p1.title', 'form:q1.title'].map((k) => [k, { text: 'x', status: 'approved' }]),
    ),
  };
  it('is refused while an interface string is not approved, naming the catalogue', () => {
    const dir = survey('lock-draft', ['pt', 'kea'], { kea: withStatus('reviewed') }, content);
    const { refused } = lockFiles(dir, ['demo/form.v1.json']);
    expect(refused).toContain(
      `demo/form.v1.json: kea: 123 of 123 interface strings not approved in demo/interface/kea.json: ${INTERFACE_KEYS.slice(0, 5).join(', ')}, ...`,
    );
  });
  it('is refused for a language with no interface strings at all', () => {
    const dir = survey('lock-none', ['pt', 'kea'], {}, content);
    expect(lockFiles(dir, ['demo/form.v1.json']).refused).toContain(
      "demo/form.v1.json: kea: no interface strings: survey-core has no 'kea' locale and there is no demo/interface/kea.json",
    );
  });
  it('says nothing of the interface once its strings are approved', () => {
    const dir = survey('lock-ok', ['pt', 'kea'], { kea: withStatus('approved') }, content);
    expect(lockFiles(dir, ['demo/form.v1.json']).refused.filter((r) => r.includes('interface'))).toEqual([]);
  });
});
