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
});
