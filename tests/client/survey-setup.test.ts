import { describe, expect, it } from 'vitest';
import { createInterviewModel, preloadAnswers } from '../../client/interview/survey-setup.ts';
import { TEST_PROFILE } from './fixtures.ts';

const INTERVIEW_LANGUAGES = TEST_PROFILE.languages;

const json = {
  locale: 'pt',
  pages: [
    {
      name: 'cover',
      elements: [
        {
          type: 'dropdown',
          name: 'a02_island',
          title: { default: 'Ilha', en: 'Island', fr: 'Île' },
          choices: [
            { value: 1, text: 'Santo Antão' },
            { value: 7, text: 'Santiago' },
          ],
        },
        { type: 'text', name: 'a04_ea', title: 'ZR' },
      ],
    },
    { name: 'two', elements: [{ type: 'text', name: 'q2', title: 'Q2' }] },
  ],
};

describe('interview model', () => {
  it('keeps only preloads the questionnaire asks, mapping a choice named by its text to its code', () => {
    expect(preloadAnswers(json, { a02_island: 'Santiago', a04_ea: 'CV-PR-0001', a05_dwelling: 3 })).toEqual({
      a02_island: 7,
      a04_ea: 'CV-PR-0001',
    });
    expect(preloadAnswers(json, { a02_island: 1 })).toEqual({ a02_island: 1 });
  });

  it('switching among the six languages keeps every answer and the page; English shows the "en" texts', () => {
    const model = createInterviewModel(json, 'pt', INTERVIEW_LANGUAGES);
    model.data = { a02_island: 7, a04_ea: 'X', q2: 'resposta' };
    model.currentPageNo = 1;
    for (const { code } of INTERVIEW_LANGUAGES) {
      model.locale = code;
      expect(model.data).toEqual({ a02_island: 7, a04_ea: 'X', q2: 'resposta' });
      expect(model.currentPageNo).toBe(1);
    }
    const island = model.getQuestionByName('a02_island');
    model.locale = 'en';
    expect(island.locTitle.renderedHtml).toBe('Island');
    model.locale = 'fr';
    expect(island.locTitle.renderedHtml).toBe('Île');
    model.locale = 'pt';
    expect(island.locTitle.renderedHtml).toBe('Ilha');
    model.locale = 'fr';
    expect(model.completeText).toBe('Terminer');
  });

  it('runs expression checks only on answered questions: no error on an empty one, the error once answered', () => {
    const checked = {
      locale: 'pt',
      pages: [
        {
          name: 'migration',
          elements: [
            { type: 'text', inputType: 'number', name: 'birth_year', title: 'Nascimento' },
            {
              type: 'text',
              inputType: 'number',
              name: 'arrival_year',
              title: 'Chegada',
              validators: [
                {
                  type: 'expression',
                  expression: '{arrival_year} >= {birth_year}',
                  text: 'Chegada antes do nascimento',
                },
                { type: 'expression', expression: '{arrival_year} <= 2026', text: 'Ano no futuro' },
              ],
            },
          ],
        },
      ],
    };
    const model = createInterviewModel(checked, 'pt', INTERVIEW_LANGUAGES);
    model.setValue('birth_year', 1990);
    const arrival = model.getQuestionByName('arrival_year');
    expect(arrival.validate(true)).toBe(true);
    expect(arrival.errors).toHaveLength(0);
    model.setValue('arrival_year', 1980);
    expect(arrival.validate(true)).toBe(false);
    expect(arrival.errors.map((e) => e.getText())).toEqual(['Chegada antes do nascimento']);
    model.setValue('arrival_year', 2030);
    expect(arrival.validate(true)).toBe(false);
    expect(arrival.errors.map((e) => e.getText())).toEqual(['Ano no futuro']);
  });
});
