/**
 * The tablet build's cut of SurveyJS (scripts/build/omit-question-types.ts), run on the installed
 * survey-core and loaded in Node: the question types the tablet keeps still load from JSON with their
 * decorated properties (the ones the repo's questionnaires use, and boolean, image, matrixdynamic),
 * the left-out candidates (server/contract/tablet-question-types.ts) are gone from the serializer, and a
 * registration the cut cannot find fails the build. The build leaves out only the candidates no
 * questionnaire of the survey folders uses (a survey with a `rating` keeps `rating`), and the tablet
 * finds a left-out type anywhere in a questionnaire (it refuses to open such an interview).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { omitQuestionTypes, typesToOmitFor } from '../../scripts/build/omit-question-types.ts';
import {
  OMITTABLE_QUESTION_TYPES,
  omittedTypesIn,
  typesToOmit,
} from '../../server/contract/tablet-question-types.ts';

const require = createRequire(import.meta.url);
const coreFile = join(dirname(require.resolve('survey-core')), 'fesm/survey-core.mjs');
const reactFile = join(dirname(require.resolve('survey-react-ui')), 'fesm/survey-react-ui.mjs');
const ALL = Object.keys(OMITTABLE_QUESTION_TYPES);

// biome-ignore lint/suspicious/noExplicitAny: the cut module is loaded untyped
let core: any;
let dir = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'omit-types-'));
  const file = join(dir, 'survey-core.mjs');
  // (without survey-core's source map comment: the map does not fit the cut source)
  writeFileSync(
    file,
    omitQuestionTypes(readFileSync(coreFile, 'utf8'), false, ALL).replace(/^\/\/# sourceMappingURL=.*$/m, ''),
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
    for (const [type, items] of Object.entries(OMITTABLE_QUESTION_TYPES)) {
      expect(core.Serializer.findClass(type), type).toBeFalsy();
      for (const item of items) expect(core.Serializer.findClass(item), item).toBeFalsy();
    }
    const survey = new core.Model({ elements: [{ type: 'rating', name: 'q_rate' }] });
    expect(survey.getAllQuestions()).toHaveLength(0);
  });

  it('removes survey-react-ui registrations of the omitted types only', () => {
    const source = readFileSync(reactFile, 'utf8');
    const cut = omitQuestionTypes(source, true, ALL);
    expect(cut.length).toBeLessThan(source.length);
    for (const type of ['radiogroup', 'checkbox', 'boolean', 'matrixdynamic', 'paneldynamic', 'tagbox'])
      expect(cut).toContain(`ReactQuestionFactory.Instance.registerQuestion("${type}"`);
    for (const type of ['rating', 'file', 'ranking', 'matrix', 'multipletext'])
      expect(cut).not.toContain(`ReactQuestionFactory.Instance.registerQuestion("${type}"`);
  });

  it('fails rather than half-removing a type it cannot find', () => {
    const source = readFileSync(coreFile, 'utf8').replaceAll('("rating",', '("rating2",');
    expect(() => omitQuestionTypes(source, false, ALL)).toThrow(/no registration of rating in survey-core/);
    // even when this build keeps rating: the next survey's build must not find it gone
    expect(() => omitQuestionTypes(source, false, [])).toThrow(/no registration of rating in survey-core/);
  });

  it('cuts only the types it is asked to, keeping the others registered', () => {
    const core = omitQuestionTypes(readFileSync(coreFile, 'utf8'), false, ['file', 'matrix']);
    expect(core).toContain('Serializer.addClass("rating"');
    expect(core).toContain('Serializer.addClass("ratingitem"');
    expect(core).toContain('QuestionFactory.Instance.registerQuestion("matrixdropdown"');
    expect(core).not.toContain('QuestionFactory.Instance.registerQuestion("file"');
    expect(core).not.toContain('Serializer.addClass("matrixcolumn"');
    const react = omitQuestionTypes(readFileSync(reactFile, 'utf8'), true, ['file', 'matrix']);
    expect(react).toContain('ReactQuestionFactory.Instance.registerQuestion("rating"');
    expect(react).toContain('ReactElementFactory.Instance.registerElement("sv-rating-item"');
    expect(react).not.toContain('ReactQuestionFactory.Instance.registerQuestion("matrix"');
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
    // among what one build left out
    expect(omittedTypesIn(nested, ['file', 'ranking'])).toEqual(['file']);
    expect(omittedTypesIn(nested, [])).toEqual([]);
  });
});

describe('the types a build leaves out follow the questionnaires', () => {
  const page = (elements: unknown[]) => ({ pages: [{ name: 'p1', elements }] });

  it('leaves out every candidate for questionnaires of the kept types only', () => {
    expect(typesToOmit([page(KEPT)])).toEqual([...ALL].sort());
    expect(typesToOmit([])).toEqual([...ALL].sort());
  });

  it('keeps a type one questionnaire uses, as a question or a cell type, wherever it is', () => {
    const rating = page([{ type: 'panel', name: 'p', elements: [{ type: 'rating', name: 'q_rate' }] }]);
    expect(typesToOmit([page(KEPT), rating])).toEqual(ALL.filter((t) => t !== 'rating').sort());
    const grid = page([
      {
        type: 'paneldynamic',
        name: 'roster',
        templateElements: [
          {
            type: 'matrixdropdown',
            name: 'q_grid',
            rows: [1, 2],
            columns: [{ name: 'c1', cellType: 'rating' }],
          },
        ],
      },
      { type: 'matrixdynamic', name: 'q_dyn', cellType: 'matrix', columns: [{ name: 'c' }] },
    ]);
    expect(typesToOmit([grid])).toEqual(
      ALL.filter((t) => !['matrix', 'matrixdropdown', 'rating'].includes(t)).sort(),
    );
  });

  it("reads every version file of every survey folder, a listing's and an old fielded one's too", () => {
    const root = join(dir, 'questionnaires');
    for (const survey of ['alpha', 'beta']) mkdirSync(join(root, survey), { recursive: true });
    const write = (file: string, json: unknown) => writeFileSync(join(root, file), JSON.stringify(json));
    write('alpha/household.v1.json', page([{ type: 'matrix', name: 'q_likert', columns: [1], rows: [1] }]));
    write('alpha/household.v2.json', page(KEPT));
    write('alpha/listing.v1.json', page([{ type: 'file', name: 'q_photo' }]));
    write(
      'beta/exit.v1.json',
      page([{ type: 'matrixdynamic', name: 'q', columns: [{ name: 'c', cellType: 'rating' }] }]),
    );
    // not a version file: not read
    write('beta/design.json', page([{ type: 'slider', name: 'q_slide' }]));
    expect(typesToOmitFor(root)).toEqual(ALL.filter((t) => !['file', 'matrix', 'rating'].includes(t)).sort());
  });

  it("leaves out every candidate for the repository's own survey folders (the demo's size)", () => {
    const repo = new URL('../../questionnaires', import.meta.url).pathname;
    expect(typesToOmitFor(repo)).toEqual([...ALL].sort());
  });
});
