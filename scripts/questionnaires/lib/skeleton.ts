/**
 * The files of a new survey folder (`npm run survey:new -- <id>`): a profile, a minimal interview
 * questionnaire v1 in Portuguese and English (the cluster preloaded, consent, one example question, the
 * result code tied to consent by checks), a one-stage stratified design, a weighting recipe, one table
 * and a three-cluster frame, all marked as a skeleton to replace. `questionnaires:check` passes on it.
 * Pure: new-survey.ts writes the files.
 */
const SURVEY_ID = /^[a-z][a-z0-9]*$/;

/** Why an id cannot name a survey folder, or null when it can. */
export function surveyIdProblem(id: string | undefined): string | null {
  if (!id)
    return 'give the new survey id: npm run survey:new -- <id> (lowercase letters and digits, e.g. health2027)';
  if (!SURVEY_ID.test(id))
    return `"${id}" is not a survey id: use lowercase letters and digits, starting with a letter (e.g. health2027); it names the folder and prefixes the questionnaire ids (<id>-interview)`;
  if (id.length > 30) return `"${id}" is too long: at most 30 characters`;
  return null;
}

const t = (pt: string, en: string) => ({ default: pt, en });
const yes = t('Sim', 'Yes');
const no = t('Não', 'No');
const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

const RESULTS = [
  { code: 11, aapor: 'I', pt: 'Completa', en: 'Complete' },
  { code: 12, aapor: 'P', pt: 'Parcial', en: 'Partial' },
  { code: 13, aapor: 'R', pt: 'Recusa', en: 'Refused' },
  { code: 14, aapor: 'NC', pt: 'Sem contacto', en: 'No contact' },
  { code: 16, aapor: 'O', pt: 'Outro', en: 'Other' },
  { code: 17, aapor: 'NE', pt: 'Não elegível', en: 'Not eligible' },
];

function interview(id: string) {
  return {
    title: t(`${id}: questionário (esqueleto)`, `${id}: questionnaire (skeleton)`),
    description: t('Esqueleto criado por survey:new: substitua.', 'Skeleton made by survey:new: replace it.'),
    locale: 'pt',
    showQuestionNumbers: 'off',
    checkErrorsMode: 'onValueChanged',
    pages: [
      {
        name: 'a_cover',
        title: t('A. Capa e consentimento', 'A. Cover and consent'),
        elements: [
          {
            type: 'text',
            name: 'a01_cluster',
            title: t('Conglomerado', 'Cluster'),
            isRequired: true,
            readOnly: true,
            description: t('Pré-carregado da atribuição.', 'Preloaded from the assignment.'),
          },
          {
            type: 'radiogroup',
            name: 'a02_consent',
            title: t('Aceita participar no inquérito?', 'Do you agree to take part in the survey?'),
            isRequired: true,
            choices: [
              { value: 1, text: yes },
              { value: 2, text: t('Não (recusa)', 'No (refused)') },
              { value: 3, text: t('Entrevista impossível', 'No interview possible') },
            ],
          },
        ],
      },
      {
        name: 'q_main',
        title: t('Q. Perguntas', 'Q. Questions'),
        visibleIf: '{a02_consent} = 1',
        elements: [
          {
            type: 'radiogroup',
            name: 'q01_example',
            title: t('Pergunta de exemplo: substitua.', 'Example question: replace it.'),
            isRequired: true,
            choices: [
              { value: 1, text: yes },
              { value: 2, text: no },
              { value: 98, text: t('Não sabe', "Don't know") },
            ],
          },
        ],
      },
      {
        name: 'z_closing',
        title: t('Z. Encerramento', 'Z. Closing'),
        elements: [
          {
            type: 'radiogroup',
            name: 'z01_result',
            title: t('Resultado da entrevista', 'Interview result'),
            isRequired: true,
            choices: RESULTS.map((r) => ({ value: r.code, text: t(r.pt, r.en) })),
            validators: [
              {
                type: 'expression',
                expression:
                  '{z01_result} empty or {a02_consent} <> 1 or {z01_result} = 11 or {z01_result} = 12 or {z01_result} = 17',
                text: t(
                  'Entrevista aceite: o resultado é 11, 12 ou 17.',
                  'Interview accepted: the result is 11, 12 or 17.',
                ),
              },
              {
                type: 'expression',
                expression: '{z01_result} empty or {a02_consent} <> 2 or {z01_result} = 13',
                text: t('Recusa: o resultado é 13.', 'Refused: the result is 13.'),
              },
              {
                type: 'expression',
                expression:
                  '{z01_result} empty or {a02_consent} <> 3 or {z01_result} = 14 or {z01_result} = 16',
                text: t(
                  'Entrevista impossível: o resultado é 14 ou 16.',
                  'No interview possible: the result is 14 or 16.',
                ),
              },
            ],
          },
        ],
      },
    ],
  };
}

/** File name (relative to the survey folder) -> content. */
export function skeletonFiles(id: string): Record<string, string> {
  const problem = surveyIdProblem(id);
  if (problem) throw new Error(problem);
  const notice = 'Skeleton made by npm run survey:new: replace every value before fieldwork.';
  const profile = {
    id,
    title: { pt: `Inquérito ${id}`, en: `Survey ${id}` },
    languages: [
      { code: 'pt', name: 'Português' },
      { code: 'en', name: 'English' },
    ],
    questionnaires: { interview: 'interview', listing: null },
    unit: { label: { pt: 'Unidade', en: 'Unit' }, cluster: { pt: 'Conglomerado', en: 'Cluster' } },
    outcome: {
      variable: 'z01_result',
      codes: RESULTS.map((r) => ({
        code: r.code,
        aapor: r.aapor,
        stage: 'interview',
        label: { pt: r.pt, en: r.en },
      })),
    },
    specialCodes: { dontKnow: [98, -98], refused: [99, -99], notApplicable: [] },
    roster: null,
    preload: [{ item: 'a01_cluster', from: 'cluster' }],
    gpsQuestion: null,
    identifiers: [],
    geography: null,
  };
  const frame = [
    'cluster_code,name,stratum,measure_of_size,synthetic',
    'C001,Cluster 1,S1,120,1',
    'C002,Cluster 2,S1,80,1',
    'C003,Cluster 3,S2,100,1',
  ];
  const design = {
    survey: id,
    notice,
    frame: { file: 'frame.csv', unit: 'cluster', clusters: 3 },
    strata: [
      { code: 'S1', name: 'Stratum 1', clusters_in_frame: 2, clusters_sampled: 2 },
      { code: 'S2', name: 'Stratum 2', clusters_in_frame: 1, clusters_sampled: 1 },
    ],
    stages: [
      {
        stage: 1,
        unit: 'cluster',
        psu: 'cluster_code',
        selection: 'certainty: every cluster of the frame',
        pi: 'pi1 = 1',
      },
      { stage: 2, unit: 'unit', selection: 'systematic within the cluster', pi: 'pi2 = n / N' },
    ],
    reliability: {
      cv_flag: 0.3,
      min_n: 30,
      rule: "as the tables apply it: each cell by its own unweighted n and its own CV: a cell with no respondent (n = 0) is empty (-), never an estimate; suppress (x) a cell with fewer than 30 respondents of its own (a proportion's level counts its own respondents, not its domain's); flag (*) an estimate whose CV exceeds 30%; mark (c) a cell that reproduces a calibration control (its rows are classes of a margin of the weighting recipe, same unit), and publish it without SE, CI or CV. Intervals: logit (svyciprop) for proportions, Wald for means and totals, both on t with the domain's design df (R degf)",
    },
  };
  const weighting = {
    survey: id,
    description: `${notice} Base weight 1 / (pi1 * pi2), nonresponse adjusted within stratum, JKn replicates.`,
    base: { inclusion: ['pi1', 'pi2'] },
    eligibilityUnknown: null,
    variables: {},
    units: { nonresponse: { by: [], collapse: { minRespondents: 1, maxFactor: null } }, calibration: null },
    persons: null,
    replicates: { method: 'JKn', certaintyClusters: 'unitsArePsus' },
  };
  const tables = {
    survey: id,
    questionnaire: `${id}/interview.v1`,
    notice: { pt: 'Esqueleto: dados de exemplo.', en: 'Skeleton: example data.' },
    confLevel: 0.95,
    derived: {},
    tables: [
      {
        id: 'T01',
        title: { pt: 'Pergunta de exemplo por estrato', en: 'Example question by stratum' },
        unit: 'household',
        statistic: 'proportion',
        variable: 'q01_example',
        domains: ['stratum'],
        universe: [{ variable: 'z01_result', op: 'in', values: [11, 12] }],
      },
    ],
  };
  const readme = [
    `# ${id} (skeleton)`,
    '',
    'Made by `npm run survey:new`. Replace each file, then run `npm run questionnaires:check`:',
    '',
    '- `profile.json`: languages, outcome codes and their AAPOR classes, preloaded items (server/contract/survey-profile.ts).',
    '- `interview.v1.json`: the questionnaire (SurveyJS JSON); lock it when fielded: `npx tsx scripts/questionnaires/lock.ts ' +
      `${id}/interview.v1.json\`.`,
    '- `frame.csv`, `design.json`: the frame and the design; `weighting.json`: the weighting recipe; `tables.json`: the standard tables.',
    '',
  ];
  return {
    'profile.json': json(profile),
    'interview.v1.json': json(interview(id)),
    'design.json': json(design),
    'weighting.json': json(weighting),
    'tables.json': json(tables),
    'frame.csv': `${frame.join('\n')}\n`,
    'README.md': readme.join('\n'),
  };
}
