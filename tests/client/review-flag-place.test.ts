/**
 * A flag's place and check text in the review's model, in the language shown: a roster row's question
 * is named by its title and row (read from the row's panel, not the bare path), and a failed check that
 * the server stored in the questionnaire's default language (Portuguese) reads in French or English.
 */
import { readFileSync } from 'node:fs';
import { surveyLocalization } from 'survey-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewModel } from '../../client/review/computed.ts';
import { checkText, flagPlace } from '../../client/review/flag-place.ts';

const read = (path: string) =>
  JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Record<string, unknown>;
const e2e = read('../e2e/fixtures/questionnaires/e2e/household.v1.json');
const ipei = read('../../questionnaires/ipei/household.v3.json');

const answers = {
  b01_consent: 1,
  b03_size: 2,
  members: [
    { p_name: 'Ana', p_age: 41 },
    { p_name: 'Rui', p_age: 99 },
  ],
  outcome: 11,
};

describe('where a flag sits, in the language shown', () => {
  // as the review screen does (setupLocales): the questionnaire's own default language is survey-core's
  const before = surveyLocalization.defaultLocale;
  beforeAll(() => {
    surveyLocalization.defaultLocale = 'pt';
  });
  afterAll(() => {
    surveyLocalization.defaultLocale = before;
  });

  it("names a roster row's question by its title and row, a page by its title", () => {
    const model = reviewModel(e2e, answers);
    model.locale = 'fr';
    expect(flagPlace(model, 'members[1].p_name')).toBe('Prénom · 2');
    expect(flagPlace(model, 'b03_size')).toBe('Nombre de membres');
    expect(flagPlace(model, 'household')).toBe('Ménage');
    expect(flagPlace(model, 'members[1]')).toBe('Membres du ménage · 2');
    expect(flagPlace(model, 'nowhere[0].x')).toBe('nowhere[0].x');
  });

  it("gives a check's text in the language shown, whatever language the server stored it in", () => {
    const model = reviewModel(e2e, answers);
    model.locale = 'fr';
    expect(checkText(model, 'members[1].p_age', 'Mais de 95 anos: confirme a idade')).toBe(
      "Plus de 95 ans : confirmez l'âge",
    );
    model.locale = 'en';
    expect(checkText(model, 'members[1].p_age', 'Mais de 95 anos: confirme a idade')).toBe(
      'Over 95: confirm the age',
    );
    // not a check of that question: the caller keeps the message
    expect(checkText(model, 'members[1].p_age', 'Por favor, responda à pergunta.')).toBeNull();
    expect(checkText(model, 'b03_size', 'Mais de 95 anos: confirme a idade')).toBeNull();
  });

  it("reads IPEI's roster check in Kriolu", () => {
    const model = reviewModel(ipei, { b01_residents: 3, members: [{ c01_name: 'Ana' }] });
    model.locale = 'kea';
    expect(checkText(model, 'members', 'O número de linhas difere do número de residentes (B01).')).toBe(
      'Númeru di linha ka ta bate ku B01.',
    );
  });
});
