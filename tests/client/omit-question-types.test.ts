/**
 * The tablet build's cut of SurveyJS (scripts/build/omit-question-types.ts), run on the installed
 * survey-core and loaded in Node: the question types the tablet keeps still load from JSON with their
 * decorated properties (the ones the repo's questionnaires use, and boolean, image, matrixdynamic),
 * the omitted ones (server/contract/tablet-question-types.ts) are gone from the serializer, and a
 * registration the cut cannot find fails the build. And the tablet finds an omitted type anywhere in a
 * questionnaire (it refuses to open such an interview).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { omitQuestionTypes } from '../../scripts/build/omit-question-types.ts';
import {
  omittedTypesIn,
  TABLET_OMITTED_QUESTION_TYPES,
} from '../../server/contract/tablet-question-types.ts';

const require = createRequire(import.meta.url);
const coreFile = join(dirname(require.resolve('survey-core')), 'fesm/survey-core.mjs');
const reactFile = join(dirname(require.resolve('survey-react-ui')), 'fesm/survey-react-ui.mjs');

// biome-ignore lint/suspicious/noExplicitAny: the cut module is loaded untyped
let core: any;
let dir = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'omit-types-'));
  const file = join(dir, 'survey-core.mjs');
  // (without survey-core's source map comment: the map does not fit the cut source)
  writeFileSync(
    file,
    omitQuestionTypes(readFileSync(coreFile, 'utf8'), false).replace(/^\/\/# sourceMappingURL=.*$/m, ''),
  );
  core = await import(pathToFileURL(file).href);
}, 60_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const KEPT = [
  { type: 'text', name: 'q_text', inputType: 'number', min: 0, max: 120 },
  { type: 'comment', name: 'q_comment', maxLength: 200 },
  { type: 'radiogroup', name: 'q_radio', choices: [1, 2], showOtherItem: true },
  { type: 'checkbox', name: 'q_check', choices: [1, 2], showNoneItem: true },
  { type: 'dropdown', name: 'q_drop', choices: [1, 2] },
  { type: 'tagbox', name: 'q_tag', choices: [1, 2] },
  { type: 'boolean', name: 'q_bool', labelTrue: 'Sim' },
  { type: 'expression', name: 'q_expr', expression: '{q_text} + 1' },
  { type: 'html', name: 'q_html', html: '<b>x</b>' },
  { type: 'image', name: 'q_image', imageLink: 'data:,' },
  { type: 'paneldynamic', name: 'q_panel', templateElements: [{ type: 'text', name: 'p_name' }] },
  {
    type: 'matrixdynamic',
    name: 'q_matrix',
    columns: [{ name: 'c1', cellType: 'text' }, { name: 'c2', cellType: 'boolean' }, { name: 'c3' }],
  },
];

describe('the SurveyJS question types the tablet build leaves out', () => {
  it('keeps every other type loading from JSON, with its properties', () => {
    const survey = new core.Model({ pages: [{ name: 'p1', elements: KEPT }] });
    expect(survey.jsonErrors ?? []).toEqual([]);
    expect(survey.getAllQuestions().map((q: { getType(): string }) => q.getType())).toEqual(
      KEPT.map((q) => q.type),
    );
    expect(survey.getQuestionByName('q_text').max).toBe(120);
    expect(survey.getQuestionByName('q_bool').labelTrue).toBe('Sim');
    expect(survey.getQuestionByName('q_matrix').columns.map((c: { cellType: string }) => c.cellType)).toEqual(
      ['text', 'boolean', 'default'],
    );
    survey.data = { q_text: 4, q_matrix: [{ c1: 'a', c2: true }] };
    expect(survey.getQuestionByName('q_expr').value).toBe(5);
    expect(survey.getQuestionByName('q_matrix').visibleRows).toHaveLength(1);
  });

  it('drops the omitted types and their item classes from the serializer', () => {
    for (const [type, items] of Object.entries(TABLET_OMITTED_QUESTION_TYPES)) {
      expect(core.Serializer.findClass(type), type).toBeFalsy();
      for (const item of items) expect(core.Serializer.findClass(item), item).toBeFalsy();
    }
    const survey = new core.Model({ elements: [{ type: 'rating', name: 'q_rate' }] });
    expect(survey.getAllQuestions()).toHaveLength(0);
  });

  it('removes survey-react-ui registrations of the omitted types only', () => {
    const source = readFileSync(reactFile, 'utf8');
    const cut = omitQuestionTypes(source, true);
    expect(cut.length).toBeLessThan(source.length);
    for (const type of ['radiogroup', 'checkbox', 'boolean', 'matrixdynamic', 'paneldynamic', 'tagbox'])
      expect(cut).toContain(`ReactQuestionFactory.Instance.registerQuestion("${type}"`);
    for (const type of ['rating', 'file', 'ranking', 'matrix', 'multipletext'])
      expect(cut).not.toContain(`ReactQuestionFactory.Instance.registerQuestion("${type}"`);
  });

  it('fails rather than half-removing a type it cannot find', () => {
    const source = readFileSync(coreFile, 'utf8').replaceAll('("rating",', '("rating2",');
    expect(() => omitQuestionTypes(source, false)).toThrow(/no registration of rating in survey-core/);
  });

  it('finds an omitted type in a questionnaire wherever it is, and none in the kept ones', () => {
    expect(omittedTypesIn({ pages: [{ name: 'p1', elements: KEPT }] })).toEqual([]);
    const nested = {
      triggers: [{ type: 'complete', expression: '{q} = 1' }],
      pages: [
        {
          elements: [
            { type: 'panel', elements: [{ type: 'rating', name: 'a' }] },
            { type: 'paneldynamic', templateElements: [{ type: 'file', name: 'b' }] },
            { type: 'matrixdynamic', cellType: 'matrix', columns: [{ name: 'c', cellType: 'slider' }] },
          ],
        },
      ],
    };
    expect(omittedTypesIn(nested)).toEqual(['file', 'matrix', 'rating', 'slider']);
  });
});
