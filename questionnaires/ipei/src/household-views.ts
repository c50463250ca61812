/** Self-response modules K (discrimination), L (integration), M (intentions); Z (closing) and respondent status. */
import {
  type Choice,
  calc,
  check,
  DK,
  int,
  type Json,
  L,
  type Loc,
  multi,
  single,
  text,
  warn,
  YES_NO,
  YES_NO_DK,
} from './dsl.ts';
import { HH_INCOME_BANDS } from './household-rest.ts';

const p = (n: string) => `{panel.${n}}`;
const OTHER: Choice = [96, L('Outro')];
const c = (v: number, pt: string): Choice => [v, L(pt)];

const GROUNDS: [string, Loc][] = [
  ['colour', L('cor da pele')],
  ['sex', L('sexo')],
  ['religion', L('religião')],
  ['language', L('língua/sotaque')],
  ['origin', L('nacionalidade/origem')],
  ['pay', L('salário')],
];
const groundChoices: Choice[] = GROUNDS.map(([, t], i) => [i + 1, t]);
/**
 * v3: the grounds of SDG indicator 10.3.1 (OHCHR's list of grounds prohibited by international human rights
 * law) that K01's six do not cover, migration status among them; codes follow the first six.
 */
const MIGRATION_STATUS = 10;
const sdgGrounds: Choice[] = [
  c(7, 'idade'),
  c(8, 'deficiência'),
  c(9, 'etnia'),
  c(MIGRATION_STATUS, 'situação migratória (ser imigrante, documentos)'),
  c(11, 'orientação sexual ou identidade de género'),
  c(12, 'estado de saúde'),
  c(13, 'local de residência'),
  c(14, 'situação económica ou social'),
  c(15, 'opinião política'),
  c(16, 'estado civil ou situação familiar'),
  OTHER,
];

export const discrimination: Json[] = [
  ...GROUNDS.map(([key, g], i) =>
    single(
      `k01${'abcdef'[i]}_perceived_${key}`,
      L(`Na sua opinião, existe discriminação em Cabo Verde por causa de: ${g.default}?`),
      YES_NO_DK,
    ),
  ),
  single(
    'k02_felt_discriminated',
    L('Nos últimos 12 meses sentiu-se pessoalmente discriminado(a) ou assediado(a) em Cabo Verde?'),
    YES_NO,
  ),
  multi('k03_grounds', L('Por que motivos?'), [...groundChoices, ...sdgGrounds], {
    visibleIf: `${p('k02_felt_discriminated')} = 1`,
  }),
  multi(
    'k04_situations',
    L('Em que situações?'),
    [
      c(1, 'No trabalho'),
      c(2, 'À procura de trabalho'),
      c(3, 'Habitação'),
      c(4, 'Serviços de saúde'),
      c(5, 'Escola'),
      c(6, 'Polícia/fronteira'),
      c(7, 'Outros serviços públicos'),
      c(8, 'Lojas/restaurantes/transportes'),
      c(9, 'Vizinhança'),
    ],
    { visibleIf: `${p('k02_felt_discriminated')} = 1` },
  ),
  single(
    'k05_reported',
    L('Denunciou o último incidente?'),
    [c(1, 'Não'), c(2, 'Polícia'), c(3, 'AAI'), c(4, 'Empregador'), c(5, 'Associação'), OTHER],
    { visibleIf: `${p('k02_felt_discriminated')} = 1` },
  ),
  single('k06_knows_support', L('Conhece uma organização que ajuda vítimas de discriminação?'), YES_NO),
  calc(
    'k07_sdg1031',
    L('ODS 10.3.1: discriminado(a) ou assediado(a) nos últimos 12 meses, por qualquer motivo (1 = sim)'),
    `iif(${p('k02_felt_discriminated')} = 1, 1, iif(${p('k02_felt_discriminated')} = 2, 0, ''))`,
  ),
  calc(
    'k08_migration_status',
    L('Discriminado(a) pela situação migratória nos últimos 12 meses (1 = sim)'),
    `iif(${p('k03_grounds')} contains ${MIGRATION_STATUS}, 1, iif(${p('k02_felt_discriminated')} notempty, 0, ''))`,
  ),
];

// the institution with its contracted preposition ("na polícia", not "em a polícia"; issue 19)
const TRUST: [string, Loc][] = [
  ['police', L('na polícia')],
  ['health', L('nos serviços de saúde')],
  ['municipality', L('na câmara municipal')],
  ['aai', L('na AAI')],
];
const trustScale: Choice[] = [c(1, 'Muita'), c(2, 'Alguma'), c(3, 'Pouca'), c(4, 'Nenhuma')];

export const integration: Json[] = [
  single('l01_integrated', L('Até que ponto se sente integrado(a) em Cabo Verde?'), [
    c(1, 'Muito bem'),
    c(2, 'Bem'),
    c(3, 'Um pouco'),
    c(4, 'Nada'),
    DK,
  ]),
  single('l02_cv_friends', L('Quantos dos seus amigos próximos são cabo-verdianos?'), [
    c(1, 'Nenhum'),
    c(2, 'Poucos'),
    c(3, 'Cerca de metade'),
    c(4, 'A maioria'),
    c(5, 'Todos'),
  ]),
  multi(
    'l03_associations',
    L('É membro de alguma associação?'),
    [
      c(1, 'Associação de imigrantes'),
      c(2, 'Religiosa'),
      c(3, 'Desportiva/cultural'),
      c(4, 'Sindicato/profissional'),
    ],
    { none: [0, L('Nenhuma')] },
  ),
  single(
    'l04_religion',
    L('Religião'),
    [
      c(1, 'Católica'),
      c(2, 'Protestante/evangélica'),
      c(3, 'Muçulmana'),
      c(4, 'Outra cristã'),
      c(5, 'Budista/tradicional chinesa'),
      c(6, 'Nenhuma'),
      OTHER,
    ],
    { required: false },
  ),
  ...TRUST.map(([key, inst], i) =>
    single(`l05${'abcd'[i]}_trust_${key}`, L(`Quanta confiança tem ${inst.default}?`), trustScale),
  ),
  int('l06_life_satisfaction', L('Satisfação com a vida (0 = nada, 10 = totalmente)'), 0, 10),
  // v3: foreign residents may vote in municipal elections (legal residence and reciprocity)
  single(
    'l07_vote_registered',
    L('Está recenseado(a) para votar nas eleições autárquicas (municipais) em Cabo Verde?'),
    YES_NO_DK,
  ),
  single('l08_voted_local', L('Votou nas últimas eleições autárquicas em Cabo Verde?'), YES_NO_DK, {
    visibleIf: `${p('l07_vote_registered')} = 1`,
  }),
];

export const intentions: Json[] = [
  single('m01_plan_5y', L('Nos próximos 5 anos, pensa…'), [
    c(1, 'Ficar em Cabo Verde'),
    c(2, 'Regressar ao país de origem'),
    c(3, 'Ir para outro país'),
    DK,
  ]),
  single(
    'm02_bring_family',
    L('Pensa trazer familiares para Cabo Verde?'),
    [c(1, 'Sim'), c(2, 'Não'), c(3, 'Não se aplica')],
    { visibleIf: `${p('m01_plan_5y')} = 1` },
  ),
  single(
    'm03_destination_region',
    L('Região de destino'),
    [c(1, 'Europa'), c(2, 'América do Norte'), c(3, 'Outro país africano'), OTHER],
    { visibleIf: `${p('m01_plan_5y')} = 3` },
  ),
  single(
    'm04_plan_reason',
    L('Principal motivo do plano'),
    [
      c(1, 'Trabalho'),
      c(2, 'Família'),
      c(3, 'Documentos'),
      c(4, 'Custo de vida'),
      c(5, 'Discriminação'),
      c(6, 'Estudos'),
      OTHER,
    ],
    { visibleIf: `${p('m01_plan_5y')} anyof [1, 2, 3]` },
  ),
];

/**
 * Who answers for each eligible member 15+ (proxy allowed only for D to G), the person result code, and
 * the years since the latest arrival derived from module D and the interview's date.
 */
/** v3: the person (or, for 15-17-year-olds, the parent or guardian) refused the individual interview. */
const refused = `(${p('z01b_consent')} = 2 or ${p('z01c_guardian_consent')} = 2)`;

export const respondent: Json[] = [
  single(
    'z01_respondent',
    L('Quem responde às perguntas individuais de {panel.c01_name}?'),
    [c(1, 'A própria pessoa'), c(2, 'Outro membro (proxy)'), c(3, 'Ninguém (sem entrevista)')],
    {
      validators: [
        check(
          `${p('z01_respondent')} <> 2 or {hh_n_members} > 1`,
          L('Num agregado de uma só pessoa não há respondente proxy.'),
        ),
      ],
    },
  ),
  // v3: the proxy must be another member of the roster aged 15+ (a line number: a drop-down fed from the
  // roster left a reused validation model with stale rows)
  int('z01a_proxy_line', L('Quem responde por {panel.c01_name} (proxy)? Linha no roster'), 1, 30, {
    visibleIf: `${p('z01_respondent')} = 2`,
    validators: [
      check(
        `${p('z01a_proxy_line')} <> ${p('c00_line')} and countInArray({members}, 'c01_name', '{c00_line} = ' + ${p('z01a_proxy_line')} + ' and {c05_age} >= 15') = 1`,
        L('O respondente proxy é outro membro do agregado com 15 anos ou mais.'),
      ),
    ],
  }),
  // v3: individual consent before the person's modules (read again to a proxy respondent); a person aged
  // 15-17 is interviewed only with a parent's or guardian's consent as well as their own
  single(
    'z01b_consent',
    L(
      'Consentimento individual: leia o texto de consentimento. {panel.c01_name} (ou o respondente proxy) aceita responder às perguntas individuais?',
    ),
    YES_NO,
    { visibleIf: `${p('z01_respondent')} anyof [1, 2]` },
  ),
  single(
    'z01c_guardian_consent',
    L('{panel.c01_name} tem 15 a 17 anos: o pai, a mãe ou o(a) tutor(a) também dá o seu consentimento?'),
    YES_NO,
    { visibleIf: `${p('z01b_consent')} = 1 and ${p('c05_age')} <= 17` },
  ),
  single(
    'z05p_person_result',
    L('Resultado da entrevista individual de {panel.c01_name}'),
    [
      c(21, 'Completa, próprio'),
      c(22, 'Proxy (módulos permitidos)'),
      c(26, 'Parcial: parou a meio (as respostas dadas ficam)'),
      c(23, 'Recusa'),
      c(24, 'Ausente'),
      c(25, 'Incapaz'),
    ],
    {
      validators: [
        check(
          `${refused} or (${p('z01_respondent')} = 1 and ${p('z05p_person_result')} anyof [21, 26]) or (${p('z01_respondent')} = 2 and ${p('z05p_person_result')} anyof [22, 26]) or (${p('z01_respondent')} = 3 and ${p('z05p_person_result')} anyof [23, 24, 25])`,
          L('O resultado não corresponde ao tipo de respondente.'),
        ),
        check(
          `(${p('z01b_consent')} <> 2 and ${p('z01c_guardian_consent')} <> 2) or ${p('z05p_person_result')} = 23`,
          L('Consentimento individual recusado (Z01b ou Z01c): o resultado é 23 (recusa).'),
        ),
      ],
    },
  ),
  // v3 (issue 18): years since the latest arrival (D03 after 12 months or more abroad, else D01) at the
  // interview's year (A07a), for the tables' years_in_cv; empty without an arrival year or a date
  calc(
    'd11_years_in_cv',
    L('Anos em Cabo Verde desde a chegada mais recente, no ano da entrevista'),
    `iif({a07a_date} empty or ${p('d01_year_first')} empty, '', getYear({a07a_date}) - iif(${p('d02_abroad_12m')} = 1 and ${p('d03_year_recent')} notempty, ${p('d03_year_recent')}, ${p('d01_year_first')}))`,
  ),
];

/** The members' net monthly job incomes (G14) summed, the codes -98/-99 left out. */
const jobIncomes = "sumInArray({members}, 'g14_income', '{g14_income} > 0')";

export const closing: Json[] = [
  single('z02_others_present', L('Estavam outras pessoas presentes durante a entrevista?'), YES_NO, {
    required: false,
    visibleIf: '{a10_consent} = 1',
  }),
  single(
    'z03_understanding',
    L('Avaliação do entrevistador: compreensão'),
    [c(1, 'Boa'), c(2, 'Razoável'), c(3, 'Fraca')],
    { visibleIf: '{a10_consent} = 1' },
  ),
  text('z04_phone', L('Telefone para controlo (com consentimento)'), {
    required: false,
    inputType: 'tel',
    visibleIf: '{a10_consent} = 1',
  }),
  single(
    'z05_hh_result',
    L('Resultado da entrevista do agregado'),
    [
      c(2, 'Não elegível (triagem ou nenhum membro elegível no roster)'),
      c(11, 'Completa'),
      c(12, 'Parcial'),
      c(13, 'Recusa'),
      c(14, 'Ninguém em casa após 3 visitas'),
      c(15, 'Barreira linguística'),
      c(16, 'Outro'),
    ],
    {
      validators: [
        check(
          '{a10_consent} <> 1 or {b05_eligible} = 1 or {z05_hh_result} = 2',
          L('Nenhum membro elegível no roster (B05): o resultado é 2, não 11 nem 12.'),
        ),
        check(
          '{b05_eligible} <> 1 or {z05_hh_result} <> 2',
          L('Agregado elegível: o resultado não pode ser 2.'),
        ),
        check(
          '{a10_consent} <> 2 or {z05_hh_result} = 13',
          L('Sem consentimento, o resultado é 13 (recusa).'),
        ),
        check(
          '{a10_consent} <> 3 or {z05_hh_result} >= 14',
          L('Entrevista impossível (A10): o resultado é 14, 15 ou 16.'),
        ),
        check(
          '{z05_hh_result} < 14 or {a10_consent} = 3 or {a07f_contact} = 2',
          L('O resultado 14-16 quer dizer sem entrevista: responda A10 “entrevista impossível”.'),
        ),
        check(
          '{a10_consent} <> 1 or {z05_hh_result} <> 13',
          L('Com consentimento, o resultado não pode ser 13.'),
        ),
        check(
          '{a07f_contact} <> 2 or {z05_hh_result} = 14',
          L('Sem contacto nesta visita: o resultado é 14 (ninguém em casa após 3 visitas).'),
        ),
        check(
          "{z05_hh_result} <> 14 or countInArray({a07b_visits}, 'a07e_visit_result', '{a07e_visit_result} = 2') >= 3",
          L('O resultado 14 exige três visitas registadas sem contacto.'),
        ),
        check(
          "countInArray({members}, 'g12_inps_job', '{g12_inps_job} = 1 and {e05_inps} = 2') = 0",
          L(
            'Contribuições pagas ao INPS (G12), mas E05 diz que não está inscrito(a): corrija uma das respostas.',
          ),
        ),
        check(
          "{z05_hh_result} <> 11 or {hh_n_individual} = 0 or countInArray({members}, 'z05p_person_result', '{z05p_person_result} anyof [21, 22, 26]') >= 1",
          L('Nenhuma pessoa elegível foi entrevistada: o resultado não pode ser 11.'),
        ),
        // v3: checks across a person's modules live here, as the person pages are separate rosters
        warn(
          "countInArray({members}, 'k02_felt_discriminated', '{k02_felt_discriminated} = 2 and {i04_care_barriers} contains 6') = 0",
          L('Em I04 não obteve cuidados de saúde por se sentir discriminado(a): K02 “Não”? Confirme.'),
        ),
        warn(
          "countInArray({members}, 'l07_vote_registered', '{l07_vote_registered} = 1 and {e01_residence_status} = 7') = 0",
          L('Recenseado(a) para votar mas sem documento de residência (E01): confirme.'),
        ),
        warn(
          `{h10_hh_income_band} empty or {h10_hh_income_band} anyof [98, 99] or ${HH_INCOME_BANDS.filter(
            ([, upper]) => upper !== null,
          )
            .map(([code, upper]) => `({h10_hh_income_band} = ${code} and ${jobIncomes} < ${upper})`)
            .join(
              ' or ',
            )} or {h10_hh_income_band} anyof [${HH_INCOME_BANDS.filter(([, upper]) => upper === null).map(([code]) => code)}]`,
          L(
            'O rendimento do agregado (H10) é menor que a soma dos rendimentos do trabalho dos membros (G14): confirme.',
          ),
        ),
      ],
    },
  ),
];
