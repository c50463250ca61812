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
import { WEIGHTING_FAILURES } from '../../../server/problems.ts';

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
  'files.survey_id': [{ survey: 'Kiosk!' }, ['Kiosk!']],
  'files.no_folder': [{ folder: 'questionnaires/kiosk' }, ['questionnaires/kiosk']],
  'files.missing': [{ path: 'q/kiosk/design.json', file: 'design' }, ['q/kiosk/design.json']],
  'files.not_json': [
    { path: 'q/kiosk/profile.json', error: 'Unexpected token } in JSON' },
    ['q/kiosk/profile.json', 'Unexpected token } in JSON'],
  ],
  'files.invalid': [
    { path: 'q/kiosk/weighting.json', problems: ['units.margins: required', 'survey: required'] },
    ['q/kiosk/weighting.json', 'units.margins: required', 'survey: required'],
  ],
  'files.survey_mismatch': [
    { path: 'q/kiosk/weighting.json', survey: 'other', folder: 'kiosk' },
    ['other', 'kiosk', 'survey'],
  ],
  'files.persons_no_roster': [{ path: 'q/kiosk/weighting.json' }, ['q/kiosk/weighting.json', 'roster']],
  'input.no_tables': [{ error: 'no such table: households' }, ['no such table: households', 'DATABASE_URL']],
  'run.stopped': [{}, []],
  'run.interrupted': [{}, []],
  'run.worker_exit': [{ exit: 137 }, ['137']],
  'thread.exit': [{ exit: 1 }, [' 1 ']],
  'thread.error': [{ error: 'out of memory' }, ['out of memory']],
  'thread.count': [{ found: 26, expected: 27 }, ['26', '27']],
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
    for (const code of Object.values(DETAIL_CODES)) expect(WEIGHTING_FAILURES).toContain(code);
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

  it("says the server's checks, the database and the run's threads in each language, each with its code", () => {
    const say = (key: keyof WeightingDetailParams) =>
      Object.fromEntries(FAILURE_LANGS.map((l) => [l, detailText(l, detailOf(key))]));
    expect(say('files.missing')).toEqual({
      pt: 'Falta q/kiosk/design.json: cada pasta de inquérito precisa do seu desenho.',
      en: 'q/kiosk/design.json is missing: every survey folder needs its design.',
      fr: "q/kiosk/design.json manque : chaque dossier d'enquête a besoin de son plan de sondage.",
      kea: 'q/kiosk/design.json ka sta la: kada pasta di inkéritu presiza di se dezenhu.',
    });
    expect(say('run.stopped')).toEqual({
      pt: 'A ponderação foi parada enquanto o servidor encerrava.',
      en: 'The run was stopped while the server was shutting down.',
      fr: "La pondération a été arrêtée pendant l'extinction du serveur.",
      kea: 'Ponderason para enkuantu servidor sa ta fitxa.',
    });
    expect(say('thread.exit').fr).toBe(
      "Un processus des poids répliqués s'est terminé avec le code 1 avant de finir ses répliques.",
    );
    expect(say('input.no_tables').pt).toContain('A base de dados não tem as tabelas do Morabeza');
    // the interrupted run's English words are the ones stored by the restart's SQL update
    expect(detailText('en', detailOf('run.interrupted'))).toBe('interrupted by a restart');
    const codes = Object.fromEntries(
      (
        [
          'files.missing',
          'files.survey_id',
          'input.no_tables',
          'run.stopped',
          'run.interrupted',
          'run.worker_exit',
          'thread.error',
        ] as const
      ).map((k) => [k, DETAIL_CODES[k]]),
    );
    expect(codes).toEqual({
      'files.missing': 'weighting.recipe',
      'files.survey_id': 'weighting.input',
      'input.no_tables': 'weighting.input',
      'run.stopped': 'weighting.stopped',
      'run.interrupted': 'weighting.interrupted',
      'run.worker_exit': 'weighting.failed',
      'thread.error': 'weighting.replicates',
    });
  });
});
