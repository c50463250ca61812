/** The IPEI household interview (questionnaire id `ipei-household`), assembled from its modules. */
import { type Json, keepPartial, L, personPage, specifyOthers } from './dsl.ts';
import { coverPage, rosterPage, screenerPage } from './household-cover.ts';
import { addInstructions } from './household-instructions.ts';
import { education, legal, migration } from './household-person-a.ts';
import { UNDEREMPLOYMENT_HOURS, work } from './household-person-b.ts';
import { health, housing, remittances } from './household-rest.ts';
import { closing, discrimination, integration, intentions, respondent } from './household-views.ts';

const eligibleHousehold = '{a10_consent} = 1 and {b05_eligible} = 1';
const withIndividuals = `${eligibleHousehold} and {hh_n_individual} > 0`;
const individual = '{panel.c14_individual} = 1';
// v3: the modules are asked only with individual consent (and, at 15-17, a parent's or guardian's as well)
const consented = `${individual} and {panel.z01b_consent} = 1 and ({panel.c05_age} >= 18 or {panel.z01c_guardian_consent} = 1)`;
const proxyOk = `${consented} and {panel.z01_respondent} anyof [1, 2]`;
const selfOnly = `${consented} and {panel.z01_respondent} = 1`;

export const household: Json = addInstructions(
  specifyOthers({
    title: L('IPEI: Inquérito à População Estrangeira e Imigrante — questionário do agregado'),
    description: L('Dados de demonstração sintéticos. Não são estatísticas oficiais do INE-CV nem da AAI.'),
    locale: 'pt',
    showQuestionNumbers: 'off',
    checkErrorsMode: 'onValueChanged',
    calculatedValues: [
      // v3: the hours threshold of time-related underemployment (g20_underemployed), declared once
      { name: 'g_underemployment_hours', expression: String(UNDEREMPLOYMENT_HOURS) },
      { name: 'hh_n_members', expression: "countInArray({members}, 'c01_name')", includeIntoResult: true },
      { name: 'hh_n_eligible', expression: "sumInArray({members}, 'c13_eligible')", includeIntoResult: true },
      {
        name: 'hh_n_born_abroad',
        expression: "sumInArray({members}, 'c13b_born_abroad')",
        includeIntoResult: true,
      },
      {
        name: 'hh_n_individual',
        expression: "sumInArray({members}, 'c14_individual')",
        includeIntoResult: true,
      },
    ],
    pages: [
      coverPage,
      screenerPage,
      rosterPage,
      {
        name: 'h_housing',
        title: L('H. Habitação'),
        visibleIf: eligibleHousehold,
        elements: housing,
      },
      personPage(
        'p_respondent',
        L('Respondente de cada membro elegível (15+)'),
        individual,
        respondent,
        withIndividuals,
      ),
      personPage(
        'd_migration',
        L('D. Trajetória migratória'),
        `${proxyOk} and {panel.c06_birth_country} <> 'CV'`,
        keepPartial(migration),
        withIndividuals,
      ),
      personPage(
        'e_legal',
        L('E. Situação legal e documentos'),
        proxyOk,
        keepPartial(legal),
        withIndividuals,
      ),
      personPage('f_education', L('F. Educação e línguas'), proxyOk, keepPartial(education), withIndividuals),
      personPage('g_work', L('G. Trabalho'), proxyOk, keepPartial(work), withIndividuals),
      personPage(
        'i_health',
        L('I. Saúde e serviços públicos'),
        selfOnly,
        keepPartial(health),
        withIndividuals,
      ),
      personPage(
        'j_remittances',
        L('J. Remessas e laços'),
        selfOnly,
        keepPartial(remittances),
        withIndividuals,
      ),
      personPage(
        'k_discrimination',
        L('K. Discriminação (só o próprio)'),
        selfOnly,
        keepPartial(discrimination),
        withIndividuals,
      ),
      personPage(
        'l_integration',
        L('L. Integração e participação'),
        selfOnly,
        keepPartial(integration),
        withIndividuals,
      ),
      personPage('m_intentions', L('M. Intenções'), selfOnly, keepPartial(intentions), withIndividuals),
      {
        name: 'z_closing',
        title: L('Z. Encerramento'),
        elements: closing,
      },
    ],
  }),
);
