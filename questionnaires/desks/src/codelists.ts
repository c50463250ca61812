/**
 * Code lists of the desks survey: nationalities as ISO 3166-1 alpha-2 codes (the same code idea as the
 * IPEI household questionnaire, XX = stateless, ZZ = another country) and the 16 nationality groups the
 * tables use (groups 1-15 are IPEI's; 16 = Cabo Verdean), the languages of service, the purposes of a
 * visit, the outcomes of a visit and the satisfaction scale.
 */
import { type Loc, t } from './text.ts';

export interface Country {
  code: string;
  name: Loc;
  group: number;
}

const c = (code: string, group: number, pt: string, en: string, fr: string): Country => ({
  code,
  group,
  name: t(pt, en, fr),
});

/** The nationalities offered, the most frequent at the desks first (then the rest by group). */
export const COUNTRIES: Country[] = [
  c('GW', 1, 'Guiné-Bissau', 'Guinea-Bissau', 'Guinée-Bissau'),
  c('SN', 2, 'Senegal', 'Senegal', 'Sénégal'),
  c('PT', 3, 'Portugal', 'Portugal', 'Portugal'),
  c('CN', 4, 'China', 'China', 'Chine'),
  c('ST', 5, 'São Tomé e Príncipe', 'São Tomé and Príncipe', 'Sao Tomé-et-Principe'),
  c('NG', 6, 'Nigéria', 'Nigeria', 'Nigeria'),
  c('GN', 7, 'Guiné-Conacri', 'Guinea', 'Guinée'),
  c('IT', 8, 'Itália', 'Italy', 'Italie'),
  c('BR', 9, 'Brasil', 'Brazil', 'Brésil'),
  c('US', 10, 'Estados Unidos', 'United States', 'États-Unis'),
  c('GH', 11, 'Gana', 'Ghana', 'Ghana'),
  c('ML', 11, 'Mali', 'Mali', 'Mali'),
  c('CI', 11, 'Costa do Marfim', 'Côte d’Ivoire', 'Côte d’Ivoire'),
  c('GM', 11, 'Gâmbia', 'Gambia', 'Gambie'),
  c('SL', 11, 'Serra Leoa', 'Sierra Leone', 'Sierra Leone'),
  c('LR', 11, 'Libéria', 'Liberia', 'Libéria'),
  c('BF', 11, 'Burkina Faso', 'Burkina Faso', 'Burkina Faso'),
  c('TG', 11, 'Togo', 'Togo', 'Togo'),
  c('BJ', 11, 'Benim', 'Benin', 'Bénin'),
  c('NE', 11, 'Níger', 'Niger', 'Niger'),
  c('AO', 12, 'Angola', 'Angola', 'Angola'),
  c('MZ', 12, 'Moçambique', 'Mozambique', 'Mozambique'),
  c('CM', 12, 'Camarões', 'Cameroon', 'Cameroun'),
  c('MA', 12, 'Marrocos', 'Morocco', 'Maroc'),
  c('ES', 13, 'Espanha', 'Spain', 'Espagne'),
  c('FR', 13, 'França', 'France', 'France'),
  c('DE', 13, 'Alemanha', 'Germany', 'Allemagne'),
  c('NL', 13, 'Países Baixos', 'Netherlands', 'Pays-Bas'),
  c('GB', 13, 'Reino Unido', 'United Kingdom', 'Royaume-Uni'),
  c('XX', 14, 'Apátrida (sem nacionalidade)', 'Stateless (no nationality)', 'Apatride (sans nationalité)'),
  c('CU', 15, 'Cuba', 'Cuba', 'Cuba'),
  c('IN', 15, 'Índia', 'India', 'Inde'),
  c('ZZ', 15, 'Outro país', 'Another country', 'Autre pays'),
  c('CV', 16, 'Cabo Verde', 'Cabo Verde', 'Cap-Vert'),
];

export const NATIONALITY_GROUPS: Array<{ code: number; name: Loc }> = [
  { code: 1, name: t('Guiné-Bissau', 'Guinea-Bissau', 'Guinée-Bissau') },
  { code: 2, name: t('Senegal', 'Senegal', 'Sénégal') },
  { code: 3, name: t('Portugal', 'Portugal', 'Portugal') },
  { code: 4, name: t('China', 'China', 'Chine') },
  { code: 5, name: t('São Tomé e Príncipe', 'São Tomé and Príncipe', 'Sao Tomé-et-Principe') },
  { code: 6, name: t('Nigéria', 'Nigeria', 'Nigeria') },
  { code: 7, name: t('Guiné-Conacri', 'Guinea-Conakry', 'Guinée-Conakry') },
  { code: 8, name: t('Itália', 'Italy', 'Italie') },
  { code: 9, name: t('Brasil', 'Brazil', 'Brésil') },
  { code: 10, name: t('EUA', 'USA', 'États-Unis') },
  { code: 11, name: t('Outros CEDEAO', 'Other ECOWAS', 'Autres CEDEAO') },
  { code: 12, name: t('Angola e outros África', 'Angola and other Africa', 'Angola et autres Afrique') },
  { code: 13, name: t('Outros Europa', 'Other Europe', 'Autres Europe') },
  { code: 14, name: t('Apátrida', 'Stateless', 'Apatride') },
  {
    code: 15,
    name: t('Outros (Américas, Ásia, …)', 'Other (Americas, Asia, …)', 'Autres (Amériques, Asie, …)'),
  },
  { code: 16, name: t('Cabo-verdiana', 'Cabo Verdean', 'Cap-verdienne') },
];

/** Languages of service (q05) and of the interview; the tablet's locale is pt, en or fr. */
export const SERVICE_LANGUAGES: Array<{ code: number; name: Loc }> = [
  { code: 1, name: t('Português', 'Portuguese', 'Portugais') },
  { code: 2, name: t('Kriolu cabo-verdiano', 'Cabo Verdean Kriolu', 'Créole capverdien') },
  { code: 3, name: t('Francês', 'French', 'Français') },
  { code: 4, name: t('Inglês', 'English', 'Anglais') },
  { code: 5, name: t('Espanhol', 'Spanish', 'Espagnol') },
  { code: 6, name: t('Wolof', 'Wolof', 'Wolof') },
  { code: 7, name: t('Mandarim', 'Mandarin', 'Mandarin') },
  { code: 97, name: t('Outra', 'Other', 'Autre') },
];

/** The main purpose of the visit (q01); 97 = other, specify (q01a). */
export const PURPOSES: Array<{ code: number; name: Loc }> = [
  {
    code: 1,
    name: t(
      'Autorização de residência (pedido ou renovação)',
      'Residence permit (application or renewal)',
      'Titre de séjour (demande ou renouvellement)',
    ),
  },
  {
    code: 2,
    name: t(
      'Outros documentos (passaporte, registo, certidões)',
      'Other documents (passport, registration, certificates)',
      'Autres documents (passeport, état civil, certificats)',
    ),
  },
  {
    code: 3,
    name: t(
      'Trabalho: contrato, INPS, procura de emprego',
      'Work: contract, INPS, looking for a job',
      'Travail : contrat, INPS, recherche d’emploi',
    ),
  },
  {
    code: 4,
    name: t('Reagrupamento familiar', 'Family reunification', 'Regroupement familial'),
  },
  {
    code: 5,
    name: t(
      'Acesso a saúde, educação ou apoio social',
      'Access to health, education or social support',
      'Accès à la santé, à l’éducation ou à l’aide sociale',
    ),
  },
  {
    code: 6,
    name: t(
      'Apoio jurídico ou queixa (discriminação, conflito laboral)',
      'Legal aid or a complaint (discrimination, labour dispute)',
      'Aide juridique ou plainte (discrimination, conflit du travail)',
    ),
  },
  {
    code: 7,
    name: t(
      'Cursos de português ou formação',
      'Portuguese classes or training',
      'Cours de portugais ou formation',
    ),
  },
  {
    code: 8,
    name: t('Pedido de informação geral', 'General information', 'Demande d’information générale'),
  },
  { code: 97, name: t('Outro assunto', 'Another matter', 'Autre sujet') },
];

/** The outcome of the visit as the visitor reports it (q03). */
export const VISIT_OUTCOMES: Array<{ code: number; name: Loc }> = [
  { code: 1, name: t('Resolvido', 'Resolved', 'Résolu') },
  {
    code: 2,
    name: t('Encaminhado para outro serviço', 'Referred to another service', 'Orienté vers un autre service'),
  },
  {
    code: 3,
    name: t(
      'Tem de voltar (documentos em falta, marcação)',
      'Must come back (missing documents, appointment)',
      'Doit revenir (documents manquants, rendez-vous)',
    ),
  },
  { code: 4, name: t('Não resolvido', 'Not resolved', 'Non résolu') },
];

/** The 5-point satisfaction scale (r01-r04); 98 = don't know / no opinion. */
export const SATISFACTION: Array<{ code: number; name: Loc }> = [
  { code: 1, name: t('Muito insatisfeito', 'Very dissatisfied', 'Très insatisfait') },
  { code: 2, name: t('Insatisfeito', 'Dissatisfied', 'Insatisfait') },
  { code: 3, name: t('Nem satisfeito nem insatisfeito', 'Neither', 'Ni satisfait ni insatisfait') },
  { code: 4, name: t('Satisfeito', 'Satisfied', 'Satisfait') },
  { code: 5, name: t('Muito satisfeito', 'Very satisfied', 'Très satisfait') },
  { code: 98, name: t('Não sabe / sem opinião', "Don't know / no opinion", 'Ne sait pas / sans opinion') },
];

export const AGE_GROUPS: Array<{ code: number; name: string }> = [
  { code: 1, name: '15-24' },
  { code: 2, name: '25-34' },
  { code: 3, name: '35-44' },
  { code: 4, name: '45-54' },
  { code: 5, name: '55-64' },
  { code: 6, name: '65+' },
];
