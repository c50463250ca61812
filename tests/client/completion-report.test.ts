import { describe, expect, it } from 'vitest';
import { completionReport } from '../../client/interview/completion-report.ts';
import { createInterviewModel } from '../../client/interview/survey-setup.ts';

const json = {
  locale: 'pt',
  pages: [
    {
      name: 'cover',
      title: { default: 'A. Capa', en: 'A. Cover' },
      elements: [
        { type: 'text', name: 'a01_name', title: { default: 'Nome', en: 'Name' }, isRequired: true },
        {
          type: 'radiogroup',
          name: 'b01_consent',
          title: 'Consente?',
          isRequired: true,
          choices: [1, 2],
        },
      ],
    },
    {
      name: 'household',
      title: 'B. Agregado',
      visibleIf: '{b01_consent} = 1',
      elements: [
        {
          type: 'text',
          inputType: 'number',
          name: 'b03_size',
          title: 'Membros',
          isRequired: true,
          validators: [{ type: 'numeric', minValue: 1, maxValue: 30 }],
        },
        {
          type: 'text',
          inputType: 'number',
          name: 'b04_rooms',
          title: 'Divisões',
          validators: [
            {
              type: 'expression',
              expression: '{b04_rooms} <= 10',
              notificationType: 'warning',
              text: 'Muitas divisões: confirme',
            },
          ],
        },
        {
          type: 'paneldynamic',
          name: 'members',
          title: 'Membros',
          bindings: { panelCount: 'b03_size' },
          templateElements: [
            { type: 'text', name: 'p_name', title: 'Nome', isRequired: true },
            {
              type: 'text',
              inputType: 'number',
              name: 'p_age',
              title: 'Idade',
              isRequired: true,
              validators: [{ type: 'numeric', minValue: 0, maxValue: 120 }],
            },
            { type: 'expression', name: 'p_adult', expression: '{panel.p_age} >= 18' },
          ],
        },
      ],
    },
    {
      name: 'refusal',
      visibleIf: '{b01_consent} = 2',
      elements: [{ type: 'text', name: 'r1', isRequired: true }],
    },
  ],
};

describe('the summary before completing', () => {
  it('lists unanswered required questions, errors and warnings apart, at their paths, on visible pages only', () => {
    const answers = {
      b01_consent: 1,
      b03_size: 2,
      b04_rooms: 14,
      members: [{ p_name: 'Ana', p_age: 150 }, { p_age: 30 }],
    };
    // a model on screen is not touched: the report validates its own copy
    const onScreen = createInterviewModel(json, 'pt');
    onScreen.data = answers;
    const problems = completionReport(json, answers, 'pt');
    const brief = problems.map((p) => [p.kind, p.path]);
    expect(brief).toEqual([
      ['unanswered', 'a01_name'],
      ['warning', 'b04_rooms'],
      ['error', 'members[0].p_age'],
      ['unanswered', 'members[1].p_name'],
    ]);
    expect(problems[0]).toMatchObject({ page: 'A. Capa', title: 'Nome' });
    expect(problems[1].text).toBe('Muitas divisões: confirme');
    expect(problems[2].title).toBe('Membros 1: Idade');
    // the page of the refusal is skipped, so its required question is not listed
    expect(brief.some(([, path]) => path === 'r1')).toBe(false);
    expect(onScreen.getAllQuestions().every((q) => q.errors.length === 0)).toBe(true);
  });

  it('speaks the interview language and is empty for a clean interview', () => {
    const en = completionReport(
      json,
      { b01_consent: 1, b03_size: 1, members: [{ p_name: 'A', p_age: 3 }] },
      'en',
    );
    expect(en).toEqual([
      expect.objectContaining({ kind: 'unanswered', path: 'a01_name', page: 'A. Cover', title: 'Name' }),
    ]);
    const clean = { a01_name: 'X', b01_consent: 2, r1: 'não quis' };
    expect(completionReport(json, clean, 'pt')).toEqual([]);
  });
});
