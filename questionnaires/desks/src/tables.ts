/**
 * The desks survey's standard tables (../tables.json, the format of analysis/tables/plan.ts), written
 * from the survey's own lists: satisfaction by island, waiting time (mean and median) by desk, the
 * purposes of the visits, the outcome by purpose, interpretation need and provision by nationality group,
 * and the users' age group by sex. Tables are over the unit file (`unit: "household"` is today's name of
 * the unit level in the plan schema: here one row per visit); universe = completed and partial interviews.
 */
import { COUNTRIES, NATIONALITY_GROUPS } from './codelists.ts';
import { DESKS } from './desks.ts';

const pe = (l: { default: string; en: string }) => ({ pt: l.default, en: l.en });
const RESPONDENTS = [{ variable: 'z01_result', op: 'in', values: [11, 12] }];
const islands = [...new Map(DESKS.map((d) => [d.islandCode, d.island])).entries()].sort(([a], [b]) => a - b);

export const tables = {
  survey: 'desks',
  questionnaire: 'desks/exit.v1',
  notice: {
    pt: 'Dados sintéticos de demonstração. Não são estatísticas oficiais da AAI nem dos municípios.',
    en: 'Synthetic demonstration data. Not official statistics of AAI or the municipalities.',
  },
  confLevel: 0.95,
  derived: {
    island: {
      from: 'stratum',
      label: { pt: 'Ilha do balcão', en: 'Island of the desk' },
      recode: Object.fromEntries(
        islands.map(([code]) => [
          String(code),
          DESKS.filter((d) => d.islandCode === code).map((d) => d.code),
        ]),
      ),
      values: islands.map(([code, name]) => ({ code, pt: name, en: name })),
    },
    nat_group: {
      from: 'd01_nationality',
      label: { pt: 'Grupo de nacionalidade', en: 'Nationality group' },
      recode: Object.fromEntries(
        NATIONALITY_GROUPS.map((g) => [
          String(g.code),
          COUNTRIES.filter((c) => c.group === g.code).map((c) => c.code),
        ]),
      ),
      otherwise: 15,
      values: NATIONALITY_GROUPS.map((g) => ({ code: g.code, ...pe(g.name) })),
    },
    interpretation: {
      from: 'q08_interp_status',
      label: { pt: 'Necessidade e oferta de interpretação', en: 'Interpretation needed and given' },
      recode: { '1': [1], '2': [2], '3': [3], '4': [4] },
      values: [
        { code: 1, pt: 'Não precisou', en: 'Not needed' },
        { code: 2, pt: 'Precisou: teve do balcão', en: 'Needed: given by the desk' },
        { code: 3, pt: 'Precisou: teve de acompanhante', en: 'Needed: given by a companion' },
        { code: 4, pt: 'Precisou e não teve', en: 'Needed, not given' },
      ],
    },
  },
  tables: [
    {
      id: 'D01',
      title: {
        pt: 'Satisfação global com o atendimento por ilha',
        en: 'Overall satisfaction with the service by island',
      },
      notes: {
        pt: 'Visitantes elegíveis entrevistados (resultado 11 ou 12); "não sabe" (98) excluído.',
        en: 'Eligible visitors interviewed (result 11 or 12); "don’t know" (98) excluded.',
      },
      unit: 'household',
      statistic: 'proportion',
      variable: 'r01_sat_overall',
      domains: ['island'],
      universe: [...RESPONDENTS, { variable: 'r01_sat_overall', op: 'in', values: [1, 2, 3, 4, 5] }],
    },
    {
      id: 'D02',
      title: { pt: 'Tempo médio de espera (minutos) por balcão', en: 'Mean waiting time (minutes) by desk' },
      notes: { pt: '-98 (não sabe) excluído.', en: '-98 (don’t know) excluded.' },
      unit: 'household',
      statistic: 'mean',
      variable: 'q04_wait_minutes',
      domains: ['stratum'],
      universe: RESPONDENTS,
    },
    {
      id: 'D03',
      title: {
        pt: 'Tempo mediano de espera (minutos) por balcão',
        en: 'Median waiting time (minutes) by desk',
      },
      unit: 'household',
      statistic: 'median',
      variable: 'q04_wait_minutes',
      domains: ['stratum'],
      universe: RESPONDENTS,
    },
    {
      id: 'D04',
      title: { pt: 'Visitas por assunto principal', en: 'Visits by main purpose' },
      unit: 'household',
      statistic: 'proportion',
      variable: 'q01_purpose',
      domains: [],
      universe: RESPONDENTS,
    },
    {
      id: 'D05',
      title: { pt: 'Resultado da visita por assunto principal', en: 'Outcome of the visit by main purpose' },
      unit: 'household',
      statistic: 'proportion',
      variable: 'q03_outcome',
      domains: ['q01_purpose'],
      universe: RESPONDENTS,
    },
    {
      id: 'D06',
      title: {
        pt: 'Necessidade e oferta de interpretação por grupo de nacionalidade',
        en: 'Interpretation needed and given by nationality group',
      },
      unit: 'household',
      statistic: 'proportion',
      variable: 'interpretation',
      domains: ['nat_group'],
      universe: RESPONDENTS,
    },
    {
      id: 'D07',
      title: { pt: 'Utentes por grupo etário e sexo', en: 'Users by age group and sex' },
      unit: 'household',
      statistic: 'proportion',
      variable: 'd03_age_group',
      domains: ['d02_sex'],
      universe: RESPONDENTS,
    },
  ],
};
