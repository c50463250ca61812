/**
 * The weighting pipeline's structured errors (analysis/weighting/failure-text.ts) in the staff's four
 * languages: every detail key has a whole sentence in Portuguese, English, French and Kriolu, translated
 * rather than copied from English, each naming the data's own names (units, clusters, margins,
 * categories) and writing numbers with the language's decimal sign; weightingError gives the detail's
 * catalogue code, its English words as the message, and the detail itself; a detail read back from JSON
 * is recognised, and an unknown key is not.
 */
import { describe, expect, it } from 'vitest';
import {
  DETAIL_CODES,
  WEIGHTING_DETAIL_KEYS,
  WEIGHTING_ERROR_CODES,
  type WeightingDetail,
  type WeightingDetailParams,
  WeightingError,
} from '../../../analysis/weighting/errors.ts';
import {
  detailText,
  FAILURE_LANGS,
  isWeightingDetail,
  weightingError,
} from '../../../analysis/weighting/failure-text.ts';

// one example of every key; the names each sentence must repeat
const EXAMPLES: { [K in keyof WeightingDetailParams]: [WeightingDetailParams[K], string[]] } = {
  'input.no_units': [{}, []],
  'input.probabilities': [{ unit: 'EA7-003-1', cluster: 'EA7', pi1: 0.25, pi2: 0 }, ['EA7-003-1', 'EA7']],
  'input.pi2_lost': [{ units: ['EA7-003-1', 'EA7-009-1'], clusters: ['EA7'] }, ['EA7-003-1', 'EA7-009-1']],
  'input.no_sample': [
    { survey: 'kiosk', source: 'file:data/morabeza.db' },
    ['kiosk', 'file:data/morabeza.db'],
  ],
  'input.no_respondents': [{}, ['ANALYSIS_STATES']],
  'input.person_outside': [{ person: 'H1-2', unit: 'H1' }, ['H1-2']],
  'input.person_nonrespondent': [{ person: 'H1-2', unit: 'H1' }, ['H1-2']],
  'recipe.no_persons': [{ persons: 41 }, ['41']],
  'recipe.omit_unknown': [{ where: 'units.margins.0 (sex)', category: 'N9', categories: ['F', 'M'] }, ['N9']],
  'recipe.controls_path': [
    { where: 'units.margins.0 (sex)', path: 'totals.sex', part: 'sex' },
    ['totals.sex'],
  ],
  'recipe.controls_total': [{ where: 'units.margins.0 (sex)', category: 'F', value: '"12"' }, ['"12"']],
  'recipe.controls_table': [{ where: 'units.margins.0 (sex)', design: 'totals.sex' }, ['totals.sex']],
  'recipe.controls_key': [{ where: 'units.margins.0 (sex)', design: 'served' }, ['served', '(key)']],
  'recipe.controls_row': [
    { where: 'units.margins.0 (sex)', design: 'served', row: 3, key: 'kiosk' },
    ['served', 'kiosk'],
  ],
  'recipe.controls_value': [
    { where: 'units.margins.0 (sex)', design: 'served' },
    ['served', 'value', 'columns'],
  ],
  'recipe.group_twice': [{ variable: 'nat', code: 'C7', first: 'a', second: 'b' }, ['variables.nat', 'C7']],
  'margin.missing_value': [{ level: 'person', id: 'H1-2', variable: 'age_group' }, ['H1-2', 'age_group']],
  'margin.unknown_category': [{ margin: 'nat', category: 'N2', controls: ['N1', 'N3'] }, ['nat', 'N2']],
  'margin.empty_category': [{ margin: 'nat', category: 'N3', total: 12.5 }, ['nat', 'N3']],
  'margin.sum_mismatch': [{ margin: 'sex', sum: 100.5, first: 'nat', total: 99 }, ['sex', 'nat']],
  'calibration.no_convergence': [
    {
      method: 'raking',
      margins: ['sex', 'nat'],
      bounds: [0.5, 2.5],
      solver: 'no convergence after 100 iterations',
      far: [{ margin: 'nat', category: 'N3', weighted: 80.04, control: 120, factor: 1.456 }],
    },
    ['nat=N3'],
  ],
  'listing.none_screened': [{ cluster: 'EA7', screened: 0 }, ['EA7']],
  'cell.unknown': [{ level: 'unit', cell: 'A|q' }, ['A|q']],
  'cell.empty': [{ level: 'person', cell: 'B|z' }, ['B|z']],
};
const detailOf = (key: keyof WeightingDetailParams) => ({ key, params: EXAMPLES[key][0] }) as WeightingDetail;

describe("the pipeline's errors in the staff languages", () => {
  it('has a sentence for every key in every language, naming the data', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...WEIGHTING_DETAIL_KEYS].sort());
    for (const key of WEIGHTING_DETAIL_KEYS)
      for (const lang of FAILURE_LANGS) {
        const text = detailText(lang, detailOf(key));
        expect(text.trim().length, `${lang} ${key}`).toBeGreaterThan(20);
        for (const name of EXAMPLES[key][1]) expect(text, `${lang} ${key}`).toContain(name);
      }
  });

  it('translates Portuguese, French and Kriolu rather than copying English', () => {
    for (const key of WEIGHTING_DETAIL_KEYS) {
      const en = detailText('en', detailOf(key));
      for (const lang of ['pt', 'fr', 'kea'] as const)
        expect(detailText(lang, detailOf(key)), `${lang} ${key}`).not.toBe(en);
    }
  });

  it('writes numbers with the language’s decimal sign', () => {
    const d = detailOf('calibration.no_convergence');
    expect(detailText('en', d)).toContain('[0.5, 2.5]');
    expect(detailText('en', d)).toContain('weighted 80.0 against a control of 120');
    expect(detailText('pt', d)).toContain('[0,5; 2,5]');
    expect(detailText('pt', d)).toContain('ponderado 80 para um controlo de 120');
    expect(detailText('pt', d)).toContain('1,46');
    expect(detailText('fr', detailOf('margin.empty_category'))).toContain('12,5');
  });

  it('makes the error: its catalogue code, English words and the detail', () => {
    const error = weightingError('margin.unknown_category', {
      margin: 'nat',
      category: 'N2',
      controls: ['N1', 'N3'],
    });
    expect(error).toBeInstanceOf(WeightingError);
    expect(error.code).toBe('weighting.margin');
    expect(error.message).toBe(
      "Calibration margin 'nat': category 'N2' is in the data but not in the controls (N1, N3): recode the data or add its total.",
    );
    expect(error.detail).toEqual({
      key: 'margin.unknown_category',
      params: { margin: 'nat', category: 'N2', controls: ['N1', 'N3'] },
    });
    for (const code of Object.values(DETAIL_CODES)) expect(WEIGHTING_ERROR_CODES).toContain(code);
  });

  it('recognises a detail read back from JSON, and no other value', () => {
    const back = JSON.parse(JSON.stringify(detailOf('cell.empty')));
    expect(isWeightingDetail(back)).toBe(true);
    expect(detailText('kea', back)).toContain('B|z');
    expect(isWeightingDetail({ key: 'cell.gone', params: {} })).toBe(false);
    expect(isWeightingDetail({ key: 'cell.empty' })).toBe(false);
    expect(isWeightingDetail('cell.empty')).toBe(false);
    expect(isWeightingDetail(null)).toBe(false);
  });
});
