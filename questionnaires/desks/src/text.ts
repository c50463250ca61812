/**
 * Texts of the desks survey: every string in Portuguese (the default), English and French, complete.
 * `t(pt, en, fr)` is the SurveyJS localisable string `{ default, en, fr }`.
 */
export interface Loc {
  default: string;
  en: string;
  fr: string;
}

export const t = (pt: string, en: string, fr: string): Loc => ({ default: pt, en, fr });

/** The profile's and tables' form of a text: `{ pt, en, fr }`. */
export const byLanguage = (l: Loc) => ({ pt: l.default, en: l.en, fr: l.fr });

export const YES = t('Sim', 'Yes', 'Oui');
export const NO = t('Não', 'No', 'Non');
export const DONT_KNOW = t('Não sabe', "Don't know", 'Ne sait pas');
