/**
 * The desks survey's exit interview (questionnaire `desks-exit`), as compact TypeScript that build.ts
 * writes to ../exit.v1.json. Modules: A cover and consent (the desk, week and visitor number preloaded
 * from the assignment), S eligibility (15 or older; not a Cabo Verdean national on someone else's
 * errand), Q the visit (purpose, first or return visit, outcome, waiting time, language of service and
 * interpretation), R satisfaction (overall, courtesy, clarity, time), D the visitor (nationality, sex,
 * age group), Z the result code (11-17, tied to consent and eligibility by checks). A partial interview
 * (result 12) may stop after module Q: modules R and D are required unless the result is 12.
 */
import {
  AGE_GROUPS,
  COUNTRIES,
  PURPOSES,
  SATISFACTION,
  SERVICE_LANGUAGES,
  VISIT_OUTCOMES,
} from './codelists.ts';
import { type Loc, NO, t, YES } from './text.ts';

type El = Record<string, unknown>;
const choices = (list: Array<{ code: number | string; name: Loc | string }>) =>
  list.map((c) => ({ value: c.code, text: c.name }));
const radio = (
  name: string,
  title: Loc,
  list: Array<{ code: number | string; name: Loc | string }>,
  more: El = {},
): El => ({
  type: 'radiogroup',
  name,
  title,
  isRequired: true,
  choices: choices(list),
  ...more,
});
const yesNo = [
  { code: 1, name: YES },
  { code: 2, name: NO },
];
const check = (expression: string, text: Loc, warning = false): El => ({
  type: 'expression',
  expression,
  text,
  ...(warning ? { notificationType: 'warning' } : {}),
});
const PRELOADED = t(
  'Pré-carregado da atribuição.',
  'Preloaded from the assignment.',
  'Prérempli depuis l’affectation.',
);
const INTERVIEWED = '{a05_consent} = 1 and {s04_eligible} = 1';
/** Modules R and D: required unless the interview broke off after module Q (result 12). */
const UNLESS_PARTIAL = { isRequired: false, requiredIf: '{z01_result} <> 12' };

const cover: El = {
  name: 'a_cover',
  title: t('A. Capa e consentimento', 'A. Cover and consent', 'A. Couverture et consentement'),
  elements: [
    {
      type: 'text',
      name: 'a01_desk',
      title: t('Balcão ou unidade de atendimento', 'Service desk or unit', 'Guichet ou unité d’accueil'),
      isRequired: true,
      readOnly: true,
      description: PRELOADED,
    },
    {
      type: 'text',
      name: 'a02_week',
      title: t('Semana do trabalho de campo', 'Fieldwork week', 'Semaine du terrain'),
      isRequired: true,
      readOnly: true,
      inputType: 'number',
      description: PRELOADED,
      validators: [
        check(
          '{a02_week} empty or ({a02_week} >= 1 and {a02_week} <= 53)',
          t('Valor entre 1 e 53.', 'Value between 1 and 53.', 'Valeur entre 1 et 53.'),
        ),
      ],
    },
    {
      type: 'text',
      name: 'a03_visitor',
      title: t(
        'Número de ordem do visitante na contagem da semana',
        'Visitor number in the week’s exit count',
        'Numéro du visiteur dans le comptage de la semaine',
      ),
      isRequired: true,
      readOnly: true,
      inputType: 'number',
      description: PRELOADED,
      validators: [
        check(
          '{a03_visitor} empty or ({a03_visitor} >= 1 and {a03_visitor} <= 9999)',
          t('Valor entre 1 e 9999.', 'Value between 1 and 9999.', 'Valeur entre 1 et 9999.'),
        ),
      ],
    },
    radio(
      'a04_interview_language',
      t('Língua da entrevista', 'Interview language', 'Langue de l’entretien'),
      [...SERVICE_LANGUAGES.slice(0, 4), SERVICE_LANGUAGES[SERVICE_LANGUAGES.length - 1]],
    ),
    radio(
      'a05_consent',
      t(
        'Bom dia. Estamos a fazer um pequeno inquérito (5 minutos) sobre o atendimento deste balcão. É anónimo e voluntário. Aceita responder?',
        'Hello. We are doing a short survey (5 minutes) about the service at this desk. It is anonymous and voluntary. Will you answer?',
        'Bonjour. Nous faisons une courte enquête (5 minutes) sur l’accueil de ce guichet. Elle est anonyme et volontaire. Acceptez-vous de répondre ?',
      ),
      [
        { code: 1, name: YES },
        { code: 2, name: t('Não (recusa)', 'No (refused)', 'Non (refus)') },
        {
          code: 3,
          name: t(
            'Entrevista impossível: saiu antes da abordagem, barreira linguística ou outro',
            'No interview possible: left before being approached, language barrier or other',
            'Entretien impossible : parti avant l’abord, barrière linguistique ou autre',
          ),
        },
      ],
    ),
  ],
};

const screening: El = {
  name: 's_screening',
  title: t('S. Elegibilidade', 'S. Eligibility', 'S. Éligibilité'),
  visibleIf: '{a05_consent} = 1',
  elements: [
    radio(
      's01_age15',
      t('Tem 15 anos ou mais?', 'Are you 15 or older?', 'Avez-vous 15 ans ou plus ?'),
      yesNo,
    ),
    radio(
      's02_for_whom',
      t(
        'Veio hoje tratar de um assunto seu (ou da sua família) ou em nome de outra pessoa?',
        'Did you come today about your own matter (or your family’s) or on behalf of someone else?',
        'Êtes-vous venu aujourd’hui pour une affaire personnelle (ou de votre famille) ou au nom d’une autre personne ?',
      ),
      [
        {
          code: 1,
          name: t(
            'Assunto meu ou da família',
            'My own or my family’s matter',
            'Mon affaire ou celle de ma famille',
          ),
        },
        {
          code: 2,
          name: t(
            'Em nome de outra pessoa (empregador, cliente, amigo)',
            'On behalf of someone else (employer, client, friend)',
            'Au nom d’une autre personne (employeur, client, ami)',
          ),
        },
      ],
      { visibleIf: '{s01_age15} = 1' },
    ),
    radio(
      's03_cv_national',
      t(
        'Tem apenas a nacionalidade cabo-verdiana?',
        'Are you a Cabo Verdean national only (no other nationality)?',
        'Avez-vous uniquement la nationalité cap-verdienne ?',
      ),
      yesNo,
      { visibleIf: '{s02_for_whom} = 2' },
    ),
    {
      type: 'expression',
      name: 's04_eligible',
      title: t('Visitante elegível (1 = sim)', 'Eligible visitor (1 = yes)', 'Visiteur éligible (1 = oui)'),
      expression: 'iif({s01_age15} = 1 and ({s02_for_whom} = 1 or {s03_cv_national} = 2), 1, 0)',
    },
  ],
};

const visit: El = {
  name: 'q_visit',
  title: t('Q. A visita de hoje', 'Q. Today’s visit', 'Q. La visite d’aujourd’hui'),
  visibleIf: INTERVIEWED,
  elements: [
    radio(
      'q01_purpose',
      t(
        'Qual foi o principal assunto da visita de hoje?',
        'What was the main reason for today’s visit?',
        'Quel était le motif principal de la visite d’aujourd’hui ?',
      ),
      PURPOSES,
    ),
    {
      type: 'text',
      name: 'q01a_purpose_other',
      title: t('Outro assunto: qual?', 'Another matter: which?', 'Autre sujet : lequel ?'),
      isRequired: true,
      visibleIf: '{q01_purpose} = 97',
    },
    radio(
      'q02_first_visit',
      t(
        'É a primeira vez que vem a este balcão por este assunto?',
        'Is this your first visit to this desk about this matter?',
        'Est-ce votre première visite à ce guichet pour cette affaire ?',
      ),
      [
        { code: 1, name: t('Primeira visita', 'First visit', 'Première visite') },
        { code: 2, name: t('Já tinha vindo antes', 'Came before', 'Déjà venu auparavant') },
      ],
    ),
    radio(
      'q03_outcome',
      t(
        'Qual foi o resultado da visita?',
        'What was the outcome of the visit?',
        'Quel a été le résultat de la visite ?',
      ),
      VISIT_OUTCOMES,
    ),
    {
      type: 'text',
      name: 'q04_wait_minutes',
      title: t(
        'Quantos minutos esperou desde que chegou até ser atendido?',
        'How many minutes did you wait from arrival until you were served?',
        'Combien de minutes avez-vous attendu entre l’arrivée et l’accueil ?',
      ),
      description: t(
        'Minutos; -98 = não sabe.',
        'Minutes; -98 = don’t know.',
        'Minutes ; -98 = ne sait pas.',
      ),
      isRequired: true,
      inputType: 'number',
      validators: [
        check(
          '{q04_wait_minutes} empty or {q04_wait_minutes} = -98 or ({q04_wait_minutes} >= 0 and {q04_wait_minutes} <= 480)',
          t(
            'Entre 0 e 480 minutos, ou -98 (não sabe).',
            'Between 0 and 480 minutes, or -98 (don’t know).',
            'Entre 0 et 480 minutes, ou -98 (ne sait pas).',
          ),
        ),
        check(
          '{q04_wait_minutes} empty or {q04_wait_minutes} <= 180',
          t(
            'Mais de 3 horas: confirme.',
            'More than 3 hours: please confirm.',
            'Plus de 3 heures : confirmez.',
          ),
          true,
        ),
      ],
    },
    radio(
      'q05_language',
      t(
        'Em que língua foi atendido?',
        'In which language were you served?',
        'Dans quelle langue avez-vous été reçu ?',
      ),
      SERVICE_LANGUAGES,
    ),
    radio(
      'q06_interp_needed',
      t(
        'Precisou de intérprete ou de ajuda com a língua para ser atendido?',
        'Did you need an interpreter or language help to be served?',
        'Avez-vous eu besoin d’un interprète ou d’une aide linguistique ?',
      ),
      yesNo,
    ),
    radio(
      'q07_interp_provided',
      t('Teve essa ajuda?', 'Did you get that help?', 'Avez-vous eu cette aide ?'),
      [
        {
          code: 1,
          name: t(
            'Sim, do balcão (funcionário ou mediador)',
            'Yes, from the desk (staff or mediator)',
            'Oui, du guichet (agent ou médiateur)',
          ),
        },
        {
          code: 2,
          name: t(
            'Sim, de um acompanhante que trouxe',
            'Yes, from someone I brought',
            'Oui, d’un accompagnateur que j’ai amené',
          ),
        },
        { code: 3, name: NO },
      ],
      { visibleIf: '{q06_interp_needed} = 1' },
    ),
    {
      type: 'expression',
      name: 'q08_interp_status',
      title: t(
        'Interpretação: 1 não precisou; 2 precisou e teve do balcão; 3 precisou e teve de acompanhante; 4 precisou e não teve',
        'Interpretation: 1 not needed; 2 needed, given by the desk; 3 needed, given by a companion; 4 needed, not given',
        'Interprétation : 1 pas besoin ; 2 besoin, assurée par le guichet ; 3 besoin, par un accompagnateur ; 4 besoin, non assurée',
      ),
      expression:
        "iif({q06_interp_needed} = 2, 1, iif({q07_interp_provided} = 1, 2, iif({q07_interp_provided} = 2, 3, iif({q07_interp_provided} = 3, 4, ''))))",
    },
  ],
};

const aspect = (name: string, title: Loc): El => radio(name, title, SATISFACTION, UNLESS_PARTIAL);
const satisfaction: El = {
  name: 'r_satisfaction',
  title: t(
    'R. Satisfação com o atendimento',
    'R. Satisfaction with the service',
    'R. Satisfaction à l’égard de l’accueil',
  ),
  visibleIf: INTERVIEWED,
  elements: [
    aspect(
      'r01_sat_overall',
      t(
        'De um modo geral, está satisfeito com o atendimento de hoje?',
        'Overall, are you satisfied with today’s service?',
        'Dans l’ensemble, êtes-vous satisfait de l’accueil d’aujourd’hui ?',
      ),
    ),
    aspect(
      'r02_sat_courtesy',
      t('A cortesia do pessoal', 'The courtesy of the staff', 'La courtoisie du personnel'),
    ),
    aspect(
      'r03_sat_clarity',
      t(
        'A clareza da informação recebida',
        'The clarity of the information you received',
        'La clarté des informations reçues',
      ),
    ),
    aspect(
      'r04_sat_time',
      t('O tempo que levou a ser atendido', 'The time it took to be served', 'Le temps pour être reçu'),
    ),
  ],
};

const visitor: El = {
  name: 'd_visitor',
  title: t('D. Sobre si', 'D. About you', 'D. À votre sujet'),
  visibleIf: INTERVIEWED,
  elements: [
    {
      type: 'dropdown',
      name: 'd01_nationality',
      title: t('Qual é a sua nacionalidade?', 'What is your nationality?', 'Quelle est votre nationalité ?'),
      description: t(
        'Se tem mais de uma, a do documento com que foi atendido.',
        'If more than one, the one of the document you were served with.',
        'Si vous en avez plusieurs, celle du document présenté.',
      ),
      ...UNLESS_PARTIAL,
      choices: choices(COUNTRIES.map((c) => ({ code: c.code, name: c.name }))),
    },
    radio(
      'd02_sex',
      t('Sexo', 'Sex', 'Sexe'),
      [
        { code: 1, name: t('Masculino', 'Male', 'Masculin') },
        { code: 2, name: t('Feminino', 'Female', 'Féminin') },
      ],
      UNLESS_PARTIAL,
    ),
    radio('d03_age_group', t('Grupo etário', 'Age group', 'Groupe d’âge'), AGE_GROUPS, UNLESS_PARTIAL),
  ],
};

/** The result codes with their AAPOR class (the profile's outcome codes are written from this list). */
export const RESULTS: Array<{ code: number; aapor: 'I' | 'P' | 'R' | 'NC' | 'O' | 'NE'; name: Loc }> = [
  { code: 11, aapor: 'I', name: t('Completa', 'Complete', 'Complet') },
  {
    code: 12,
    aapor: 'P',
    name: t(
      'Parcial (parou depois do módulo Q)',
      'Partial (stopped after module Q)',
      'Partiel (arrêt après le module Q)',
    ),
  },
  { code: 13, aapor: 'R', name: t('Recusa', 'Refused', 'Refus') },
  {
    code: 14,
    aapor: 'NC',
    name: t('Saiu antes de ser abordado', 'Left before being approached', 'Parti avant d’être abordé'),
  },
  { code: 15, aapor: 'O', name: t('Barreira linguística', 'Language barrier', 'Barrière linguistique') },
  { code: 16, aapor: 'O', name: t('Outro', 'Other', 'Autre') },
  {
    code: 17,
    aapor: 'NE',
    name: t(
      'Não elegível (menos de 15 anos, ou cabo-verdiano em nome de outra pessoa)',
      'Not eligible (under 15, or a Cabo Verdean on someone else’s behalf)',
      'Non éligible (moins de 15 ans, ou Cap-Verdien pour le compte d’autrui)',
    ),
  },
];

const closing: El = {
  name: 'z_closing',
  title: t('Z. Encerramento', 'Z. Closing', 'Z. Clôture'),
  elements: [
    radio(
      'z01_result',
      t('Resultado da entrevista', 'Interview result', 'Résultat de l’entretien'),
      RESULTS,
      {
        validators: [
          check(
            '{z01_result} empty or {a05_consent} <> 1 or {s04_eligible} = 1 or {z01_result} = 17',
            t(
              'Visitante não elegível (S04): o resultado é 17.',
              'Visitor not eligible (S04): the result is 17.',
              'Visiteur non éligible (S04) : le résultat est 17.',
            ),
          ),
          check(
            '{z01_result} empty or {a05_consent} <> 1 or {s04_eligible} <> 1 or {z01_result} = 11 or {z01_result} = 12',
            t(
              'Entrevista aceite por um visitante elegível: o resultado é 11 ou 12.',
              'Interview accepted by an eligible visitor: the result is 11 or 12.',
              'Entretien accepté par un visiteur éligible : le résultat est 11 ou 12.',
            ),
          ),
          check(
            '{z01_result} empty or {a05_consent} <> 2 or {z01_result} = 13',
            t(
              'Recusa (A05): o resultado é 13.',
              'Refused (A05): the result is 13.',
              'Refus (A05) : le résultat est 13.',
            ),
          ),
          check(
            '{z01_result} empty or {a05_consent} <> 3 or {z01_result} = 14 or {z01_result} = 15 or {z01_result} = 16',
            t(
              'Entrevista impossível (A05 = 3): o resultado é 14, 15 ou 16.',
              'No interview possible (A05 = 3): the result is 14, 15 or 16.',
              'Entretien impossible (A05 = 3) : le résultat est 14, 15 ou 16.',
            ),
          ),
        ],
      },
    ),
  ],
};

export const exitV1 = {
  title: t(
    'Inquérito aos utentes dos balcões de atendimento a imigrantes — entrevista à saída',
    'Survey of the users of the migrant service desks — exit interview',
    'Enquête auprès des usagers des guichets d’accueil des immigrés — entretien à la sortie',
  ),
  description: t(
    'Instrumento de demonstração sintético. Não são estatísticas oficiais da AAI nem dos municípios.',
    'Synthetic demonstration instrument. Not official statistics of AAI or the municipalities.',
    'Instrument de démonstration synthétique. Pas des statistiques officielles de l’AAI ni des municipalités.',
  ),
  locale: 'pt',
  showQuestionNumbers: 'off',
  checkErrorsMode: 'onValueChanged',
  pages: [cover, screening, visit, satisfaction, visitor, closing],
};
