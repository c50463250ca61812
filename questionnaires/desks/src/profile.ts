/**
 * The desks survey's profile (../profile.json, validated by server/contract/survey-profile.ts): written
 * from the questionnaire's own lists so that the result codes, their labels and the preloaded items have
 * one home. AAPOR classes: a refusal (13) and a visitor who left before being approached (14) count as
 * eligible nonrespondents (R, NC: the exit screen is observed at the door, so an unknown eligibility is
 * not assumed); 15-16 are other nonresponse (O); 17 is a visitor outside the survey population (NE).
 */
import { RESULTS } from './exit.ts';
import { byLanguage, t } from './text.ts';

export const profile = {
  id: 'desks',
  title: byLanguage(
    t(
      'Inquérito aos utentes dos balcões de atendimento a imigrantes',
      'Survey of the users of the migrant service desks',
      'Enquête auprès des usagers des guichets d’accueil des immigrés',
    ),
  ),
  languages: [
    { code: 'pt', name: 'Português' },
    { code: 'en', name: 'English' },
    { code: 'fr', name: 'Français' },
  ],
  questionnaires: { interview: 'exit', listing: null },
  unit: {
    label: byLanguage(t('Visita', 'Visit', 'Visite')),
    cluster: byLanguage(t('Balcão', 'Desk', 'Guichet')),
  },
  outcome: {
    variable: 'z01_result',
    codes: RESULTS.map((r) => ({
      code: r.code,
      aapor: r.aapor,
      stage: 'interview',
      label: byLanguage(r.name),
    })),
  },
  specialCodes: { dontKnow: [98, -98], refused: [], notApplicable: [] },
  roster: null,
  preload: [
    { item: 'a01_desk', from: 'cluster' },
    { item: 'a02_week', from: 'period' },
    { item: 'a03_visitor', from: 'position' },
  ],
  gpsQuestion: null,
  identifiers: [],
  geography: 'geography.json',
};
