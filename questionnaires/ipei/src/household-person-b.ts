/** Individual module G (work: ILO 19th ICLS sequence, ICSE-18-A, ISCO-08, ISIC Rev.4): proxy allowed. */
import { ISCO, ISIC } from './codelists.ts';
import {
  type Choice,
  calc,
  check,
  DK,
  int,
  type Json,
  L,
  lookup,
  multi,
  single,
  text,
  warn,
  YES_NO,
  YES_NO_DK,
} from './dsl.ts';

const p = (n: string) => `{panel.${n}}`;
const OTHER: Choice = [96, L('Outro')];
// v3 (19th ICLS): absent from a job counts as employed only for the ILO reasons (holidays, illness, parental
// leave, job training) or, for another reason, by duration (back within 3 months) or continued pay; seasonal
// workers off-season are not employed; future starters who are available are unemployed.
const ILO_ABSENCE = '[1, 2, 4, 5]';
const notWorking = `${p('g01_worked')} = 2 and ${p('g02_absent')} notempty and ${p('g02e_employed')} = 0`;
const employed = `${p('g17_lf_status')} = 1`;
const otherAbsence = `${p('g03_absence_reason')} anyof [6, 96]`;
/**
 * v3: time-related underemployment (19th ICLS): employed persons who want more hours, are available for them
 * and worked fewer actual hours (all jobs) than this threshold in the reference week. Declared once, as the
 * survey's calculated value `g_underemployment_hours` (household.ts); 40 is a provisional value until
 * INE-CV confirms the one of its labour force survey.
 */
export const UNDEREMPLOYMENT_HOURS = 40;
const independent = `${p('g10_icse')} anyof [1, 2, 5]`;
const dependent = `${p('g10_icse')} anyof [3, 4]`;
const otherHours = `iif(${p('g13c_hours_other')} notempty, ${p('g13c_hours_other')}, 0)`;
const actualHours = `${p('g13b_hours_main')} + ${otherHours}`;

export const work: Json[] = [
  single(
    'g01_worked',
    L(
      'Na semana passada, trabalhou pelo menos 1 hora por pagamento ou lucro (por conta de outrem, no seu negócio ou a ajudar num negócio familiar)?',
    ),
    YES_NO,
  ),
  single('g02_absent', L('Tem um emprego ou negócio do qual esteve temporariamente ausente?'), YES_NO, {
    visibleIf: `${p('g01_worked')} = 2`,
  }),
  single(
    'g03_absence_reason',
    L('Principal motivo da ausência'),
    [
      [1, L('Férias/licença')],
      [2, L('Doença')],
      [4, L('Licença de maternidade ou paternidade')],
      [5, L('Formação ligada ao trabalho')],
      [3, L('Sazonal')],
      [6, L('Falta de trabalho, suspensão ou lay-off')],
      OTHER,
    ],
    { visibleIf: `${p('g02_absent')} = 1` },
  ),
  single(
    'g03a_return_3m',
    L('Vai voltar a esse trabalho no prazo de 3 meses desde o início da ausência?'),
    YES_NO_DK,
    {
      visibleIf: otherAbsence,
    },
  ),
  single('g03b_paid', L('Continua a receber pagamento desse trabalho durante a ausência?'), YES_NO_DK, {
    visibleIf: `${otherAbsence} and ${p('g03a_return_3m')} anyof [2, 98]`,
  }),
  calc(
    'g02e_employed',
    L('Empregado (1 = sim): trabalhou ou ausente por motivo OIT, por menos de 3 meses ou com pagamento'),
    `iif(${p('g01_worked')} = 1 or (${p('g02_absent')} = 1 and (${p('g03_absence_reason')} anyof ${ILO_ABSENCE} or ${p('g03a_return_3m')} = 1 or ${p('g03b_paid')} = 1)), 1, 0)`,
  ),
  single(
    'g04_searched',
    L('Nas últimas 4 semanas, fez alguma coisa para encontrar trabalho ou criar um negócio?'),
    YES_NO,
    { visibleIf: notWorking },
  ),
  multi(
    'g05_search_methods',
    L('O que fez?'),
    [
      [1, L('Perguntou a amigos ou familiares')],
      [2, L('Contactou empregadores')],
      [3, L('Serviço de emprego (IEFP)')],
      [4, L('Anúncios/internet')],
      [5, L('Passos para criar um negócio')],
      OTHER,
    ],
    { visibleIf: `${p('g04_searched')} = 1` },
  ),
  single(
    'g06a_future_start',
    L('Já tem um trabalho ou negócio combinado para começar nos próximos 3 meses?'),
    YES_NO,
    { visibleIf: `${p('g04_searched')} = 2` },
  ),
  single(
    'g07_not_search_reason',
    L('Principal motivo para não procurar'),
    [
      [1, L('A estudar')],
      [2, L('Tarefas familiares/domésticas')],
      [3, L('Reformado(a)')],
      [4, L('Doente/incapacitado(a)')],
      [5, L('À espera de documentos / sem autorização')],
      [6, L('Acha que não há trabalho')],
      OTHER,
    ],
    { visibleIf: `${p('g06a_future_start')} = 2` },
  ),
  single('g06_available', L('Poderia começar a trabalhar nas próximas 2 semanas?'), YES_NO, {
    visibleIf: notWorking,
  }),
  calc(
    'g17_lf_status',
    L('Condição perante o trabalho (1 empregado, 2 desempregado, 3 fora da força de trabalho)'),
    `iif(${p('g02e_employed')} = 1, 1, iif(${p('g06_available')} = 1 and (${p('g04_searched')} = 1 or ${p('g06a_future_start')} = 1), 2, iif(${p('g06_available')} notempty, 3, '')))`,
  ),
  calc(
    'g18_potential_lf',
    L('Força de trabalho potencial (1 = procura mas indisponível, ou disponível sem procurar)'),
    `iif(${p('g17_lf_status')} = 3 and ((${p('g04_searched')} = 1 and ${p('g06_available')} = 2) or (${p('g04_searched')} = 2 and ${p('g06_available')} = 1)), 1, 0)`,
  ),
  // the free texts are kept for coding in the office (ISCO-08 / ISIC Rev.4 at full detail); the field codes
  // that follow them are the enumerator's first, coarse coding
  text('g08_occupation', L('Emprego principal: profissão (descreva as tarefas)'), {
    visibleIf: employed,
    description: L(
      'Escreva a profissão e as principais tarefas nas palavras do respondente (ex.: “vende roupa no mercado”, não “comerciante”). O texto é codificado no escritório; o código de campo vem a seguir.',
    ),
  }),
  lookup('g08a_isco', L('Grande grupo da CITP-08 (ISCO-08)'), ISCO, { visibleIf: employed }),
  text('g09_activity', L('Atividade principal do local de trabalho'), {
    visibleIf: employed,
    description: L(
      'Escreva o que o local de trabalho produz ou faz (ex.: “restaurante”, “construção de casas”), não a profissão da pessoa. O texto é codificado no escritório; o código de campo vem a seguir.',
    ),
  }),
  lookup('g09a_isic', L('Secção da CAE/ISIC Rev.4'), ISIC, { visibleIf: employed }),
  single(
    'g10_icse',
    L('Neste trabalho é…'),
    [
      [1, L('Empregador')],
      [2, L('Conta própria (sem empregados)')],
      [3, L('Contratado dependente')],
      [4, L('Trabalhador por conta de outrem')],
      [5, L('Trabalhador familiar')],
    ],
    { visibleIf: employed },
  ),
  single(
    'g11_contract',
    L('Tipo de contrato'),
    [
      [1, L('Escrito, sem termo')],
      [2, L('Escrito, a termo')],
      [3, L('Verbal')],
      [4, L('Nenhum')],
    ],
    { visibleIf: `${employed} and ${p('g10_icse')} = 4` },
  ),
  single('g12_inps_job', L('São pagas contribuições ao INPS por este trabalho?'), YES_NO_DK, {
    visibleIf: employed,
  }),
  int('g13_hours', L('Horas habitualmente trabalhadas por semana'), 1, 98, {
    visibleIf: employed,
    validators: [warn(`${p('g13_hours')} <= 72`, L('Mais de 72 horas por semana: confirme.'))],
  }),
  // v3: informality (ILO 21st ICLS): registration of an independent worker's business; paid annual and sick
  // leave of a dependent worker (contributions are G12)
  single(
    'g12a_registered',
    L('O negócio está registado (Registo Comercial ou NIF de empresa nas Finanças)?'),
    YES_NO_DK,
    { visibleIf: `${employed} and ${independent}` },
  ),
  single('g12b_paid_leave', L('Neste trabalho, tem direito a férias anuais pagas?'), YES_NO_DK, {
    visibleIf: `${employed} and ${dependent}`,
  }),
  single('g12c_sick_leave', L('Neste trabalho, tem direito a baixa por doença paga?'), YES_NO_DK, {
    visibleIf: `${employed} and ${dependent}`,
  }),
  calc(
    'g19_informal',
    L(
      'Emprego informal (1 = sim): trabalhador familiar; independente sem registo; dependente sem INPS (ou, não sabendo, sem férias ou baixa pagas)',
    ),
    `iif(${p('g10_icse')} = 5, 1, iif(${independent}, iif(${p('g12a_registered')} = 1, 0, iif(${p('g12a_registered')} = 2, 1, '')), iif(${dependent}, iif(${p('g12_inps_job')} = 1, 0, iif(${p('g12_inps_job')} = 2, 1, iif(${p('g12b_paid_leave')} = 1 and ${p('g12c_sick_leave')} = 1, 0, iif(${p('g12b_paid_leave')} = 2 or ${p('g12c_sick_leave')} = 2, 1, '')))), '')))`,
  ),
  // v3: a second job, the actual hours of the reference week (main and other jobs) and underemployment
  single('g13a_second_job', L('Na semana passada, tinha mais do que um trabalho ou negócio?'), YES_NO, {
    visibleIf: employed,
  }),
  int(
    'g13b_hours_main',
    L('Na semana passada, quantas horas trabalhou efetivamente no trabalho principal?'),
    0,
    98,
    {
      visibleIf: employed,
      validators: [
        check(
          `${p('g01_worked')} <> 1 or ${p('g13a_second_job')} = 1 or ${p('g13b_hours_main')} >= 1`,
          L('Trabalhou na semana passada (G01): pelo menos 1 hora efetiva.'),
        ),
        check(
          `${p('g01_worked')} <> 2 or ${p('g13b_hours_main')} = 0`,
          L('Não trabalhou na semana passada (G01): 0 horas efetivas.'),
        ),
      ],
    },
  ),
  int(
    'g13c_hours_other',
    L('E nos outros trabalhos, quantas horas trabalhou efetivamente na semana passada?'),
    0,
    98,
    {
      visibleIf: `${employed} and ${p('g13a_second_job')} = 1`,
      validators: [
        check(
          `${p('g01_worked')} <> 1 or ${actualHours} >= 1`,
          L('Trabalhou na semana passada (G01): pelo menos 1 hora efetiva.'),
        ),
        check(
          `${p('g01_worked')} <> 2 or ${p('g13c_hours_other')} = 0`,
          L('Não trabalhou na semana passada (G01): 0 horas efetivas.'),
        ),
        check(
          `${actualHours} <= 112`,
          L('Mais de 112 horas efetivas na semana em todos os trabalhos (G13b + G13c): corrija.'),
        ),
      ],
    },
  ),
  single(
    'g13d_wants_more',
    L('Gostaria de trabalhar mais horas do que trabalha agora (no mesmo ou noutro trabalho)?'),
    YES_NO,
    { visibleIf: employed },
  ),
  single('g13e_available_more', L('Poderia começar a trabalhar mais horas nas próximas 2 semanas?'), YES_NO, {
    visibleIf: `${employed} and ${p('g13d_wants_more')} = 1`,
  }),
  calc(
    'g20_underemployed',
    L(
      'Subemprego por insuficiência de horas (1 = quer e pode trabalhar mais e trabalhou menos horas do que o limiar)',
    ),
    `iif(${employed} and ${p('g13d_wants_more')} = 1 and ${p('g13e_available_more')} = 1 and ${actualHours} < {g_underemployment_hours}, 1, iif(${employed} and ${p('g13d_wants_more')} notempty and ${p('g13b_hours_main')} notempty, 0, ''))`,
  ),
  int(
    'g14_income',
    L('Rendimento líquido mensal do emprego principal (CVE; -98 não sabe, -99 recusa)'),
    0,
    5000000,
    {
      special: [-98, -99],
      visibleIf: employed,
      validators: [
        warn(
          `${p('g14_income')} < 0 or ${p('g14_income')} <= 500000`,
          L('Rendimento acima de 500 000 CVE: confirme.'),
        ),
        warn(
          `${p('g14_income')} < 0 or ${p('g14_income')} >= 5000`,
          L('Rendimento abaixo de 5 000 CVE: confirme.'),
        ),
      ],
    },
  ),
  single(
    'g14a_income_band',
    L('Em que escalão está o rendimento?'),
    [
      [1, L('< 15 000')],
      [2, L('15 000–29 999')],
      [3, L('30 000–49 999')],
      [4, L('50 000–99 999')],
      [5, L('≥ 100 000')],
      DK,
      [99, L('Recusa')],
    ],
    { visibleIf: `${employed} and ${p('g14_income')} < 0` },
  ),
  single(
    'g15_skills_match',
    L('O trabalho corresponde à sua formação e competências?'),
    [
      [1, L('Corresponde')],
      [2, L('Sobrequalificado(a)')],
      [3, L('Subqualificado(a)')],
    ],
    { visibleIf: employed },
  ),
  single('g16_work_before', L('Trabalhava antes de vir para Cabo Verde?'), YES_NO_DK, {
    visibleIf: `${p('c06_birth_country')} <> 'CV'`,
  }),
  lookup('g16a_isco_before', L('Profissão antes de vir (grande grupo ISCO-08)'), ISCO, {
    visibleIf: `${p('g16_work_before')} = 1`,
  }),
];
