/** The IPEI household interview (questionnaire id `ipei-household`), assembled from its modules. */
import { type Json, L, personPage } from './dsl.ts';
import { coverPage, rosterPage, screenerPage } from './household-cover.ts';
import { education, legal, migration } from './household-person-a.ts';
import { work } from './household-person-b.ts';
import { health, housing, remittances } from './household-rest.ts';
import { closing, discrimination, integration, intentions, respondent } from './household-views.ts';

const eligibleHousehold = '{a10_consent} = 1 and {b05_eligible} = 1';
const withIndividuals = `${eligibleHousehold} and {hh_n_individual} > 0`;
const individual = '{panel.c14_individual} = 1';
const proxyOk = `${individual} and {panel.z01_respondent} anyof [1, 2]`;
const selfOnly = `${individual} and {panel.z01_respondent} = 1`;

export const household: Json = {
  title: L(
    'IPEI: Inquérito à População Estrangeira e Imigrante — questionário do agregado',
    'IPEI: Foreign and Immigrant Population Survey — household questionnaire',
    'IPEI : Enquête sur la population étrangère et immigrée — questionnaire ménage',
    'IPEI: Inkéritu a Populason Stranjeru y Imigranti — kestionáriu di kaza',
    'IPEI: Lànket ci doxandeem yi — laaj yu kër gi',
    'IPEI：外国人和移民人口调查——住户问卷',
  ),
  description: L(
    'Dados de demonstração sintéticos. Não são estatísticas oficiais do INE-CV nem da AAI.',
    'Synthetic demonstration instrument. Not official statistics of INE-CV or AAI.',
    'Instrument de démonstration synthétique. Pas des statistiques officielles de l’INE-CV ni de l’AAI.',
  ),
  locale: 'pt',
  showQuestionNumbers: 'off',
  checkErrorsMode: 'onValueChanged',
  calculatedValues: [
    { name: 'hh_n_members', expression: "countInArray({members}, 'c01_name')", includeIntoResult: true },
    { name: 'hh_n_eligible', expression: "sumInArray({members}, 'c13_eligible')", includeIntoResult: true },
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
      title: L('H. Habitação', 'H. Housing', 'H. Logement', 'H. Kaza', 'H. Kër', 'H. 住房'),
      visibleIf: eligibleHousehold,
      elements: housing,
    },
    personPage(
      'p_respondent',
      L(
        'Respondente de cada membro elegível (15+)',
        'Respondent for each eligible member (15+)',
        'Répondant pour chaque membre éligible (15+)',
        'Rasponde pa kada algen ilejível (15+)',
        'Ku tontu ci ku war (15+)',
        '每位符合资格成员（15 岁以上）的回答者',
      ),
      individual,
      respondent,
      withIndividuals,
    ),
    personPage(
      'd_migration',
      L(
        'D. Trajetória migratória',
        'D. Migration trajectory',
        'D. Trajectoire migratoire',
        'D. Trajetória migratóriu',
        'D. Tukki',
        'D. 迁移经历',
      ),
      `${proxyOk} and {panel.c06_birth_country} <> 'CV'`,
      migration,
      withIndividuals,
    ),
    personPage(
      'e_legal',
      L(
        'E. Situação legal e documentos',
        'E. Legal status and documents',
        'E. Statut légal et documents',
        'E. Situason legal y dokumentu',
        'E. Këyit',
        'E. 法律身份和证件',
      ),
      proxyOk,
      legal,
      withIndividuals,
    ),
    personPage(
      'f_education',
      L(
        'F. Educação e línguas',
        'F. Education and languages',
        'F. Éducation et langues',
        'F. Edukason y lingua',
        'F. Jàng ak làkk',
        'F. 教育和语言',
      ),
      proxyOk,
      education,
      withIndividuals,
    ),
    personPage(
      'g_work',
      L('G. Trabalho', 'G. Work', 'G. Travail', 'G. Trabadju', 'G. Liggéey', 'G. 工作'),
      proxyOk,
      work,
      withIndividuals,
    ),
    personPage(
      'i_health',
      L(
        'I. Saúde e serviços públicos',
        'I. Health and public services',
        'I. Santé et services publics',
        'I. Saúdi y servisu públiku',
        'I. Wér-gi-yaram',
        'I. 健康和公共服务',
      ),
      selfOnly,
      health,
      withIndividuals,
    ),
    personPage(
      'j_remittances',
      L(
        'J. Remessas e laços',
        'J. Remittances and ties',
        'J. Transferts et liens',
        'J. Remesa y lasu',
        'J. Yónni xaalis',
        'J. 汇款和联系',
      ),
      selfOnly,
      remittances,
      withIndividuals,
    ),
    personPage(
      'k_discrimination',
      L(
        'K. Discriminação (só o próprio)',
        'K. Discrimination (self-response only)',
        'K. Discrimination (auto-réponse seulement)',
        'K. Diskriminason',
        'K. Beddi',
        'K. 歧视（仅限本人回答）',
      ),
      selfOnly,
      discrimination,
      withIndividuals,
    ),
    personPage(
      'l_integration',
      L(
        'L. Integração e participação',
        'L. Integration and participation',
        'L. Intégration et participation',
        'L. Integrason',
        'L. Dugg ci askan wi',
        'L. 融入和参与',
      ),
      selfOnly,
      integration,
      withIndividuals,
    ),
    personPage(
      'm_intentions',
      L('M. Intenções', 'M. Intentions', 'M. Intentions', 'M. Intenson', 'M. Yéene', 'M. 打算'),
      selfOnly,
      intentions,
      withIndividuals,
    ),
    {
      name: 'z_closing',
      title: L('Z. Encerramento', 'Z. Closing', 'Z. Clôture', 'Z. Fitxamentu', 'Z. Jeexital', 'Z. 结束'),
      elements: closing,
    },
  ],
};
