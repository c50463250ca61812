/**
 * The dashboard's tables as columns in the screen's language, one place for what each table shows and
 * downloads: headers from the staff messages, outcome codes by the survey profile's label (never "code 11"),
 * flags by their translated label, and numbers rounded as shown (percentages to 0.1, minutes to 0.1, the
 * eligibility share e to 0.001), so a CSV holds the same rounded figures as the screen.
 */
import type { Dashboard, ProgressRow, RatesRow } from '../../server/contract/dashboard.ts';
import type { SurveyProfile } from '../../server/contract/survey-profile.ts';
import type { TabletLanguage } from '../i18n.ts';
import type { Column } from '../review/csv.ts';
import { flagKind, flagLabel } from '../review/flag-text.ts';
import type { StaffKey } from '../review/messages.ts';

type T = (key: StaffKey) => string;
type Durations = Dashboard['durations'][number];
type FlagByCode = Dashboard['flags']['byCode'][number];
type FlagByEnumerator = Dashboard['flags']['byEnumerator'][number];
type Sync = Dashboard['lastSync'][number];

/** Rounded to `digits` decimals; null stays null. */
export const round = (x: number | null, digits: number) =>
  x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits;
const pct = (x: number | null) => (x === null ? null : round(x * 100, 1));

export type ProgressLevel = 'stratum' | 'island' | 'municipality' | 'ea' | 'enumerator';
export type RateLevel = 'stratum' | 'island' | 'ea' | 'team' | 'enumerator';

export function progressColumns(t: T, level: ProgressLevel): Column<ProgressRow>[] {
  return [
    { header: t(`dash.level.${level}`), value: (r) => r.key },
    { header: t('dash.assigned'), value: (r) => r.assigned },
    { header: t('dash.visited'), value: (r) => r.visited },
    { header: t('dash.completed'), value: (r) => r.completed },
    { header: t('dash.supApproved'), value: (r) => r.supervisorApproved },
    { header: t('dash.approved'), value: (r) => r.approved },
    { header: t('dash.nonInterviews'), value: (r) => r.nonInterviews },
    { header: t('dash.nonInterviewsApproved'), value: (r) => r.nonInterviewsApproved },
    { header: t('dash.pctCompleted'), value: (r) => (r.assigned ? pct(r.completed / r.assigned) : null) },
  ];
}

/** An outcome code's label in `lang` (else the profile's first language), with the code after it. */
export function outcomeLabel(profile: SurveyProfile | null, code: string, lang: TabletLanguage): string {
  const label = profile?.outcome.codes.find((c) => String(c.code) === code)?.label;
  const text = label ? (label[lang] ?? Object.values(label)[0]) : undefined;
  return text ? `${text} (${code})` : code;
}

export function rateColumns(
  t: T,
  lang: TabletLanguage,
  level: RateLevel,
  codes: string[],
  profile: SurveyProfile | null,
): Column<RatesRow>[] {
  return [
    { header: t(`dash.level.${level}`), value: (r) => r.key },
    { header: t('dash.cases'), value: (r) => r.cases },
    ...codes.map((c) => ({
      header: outcomeLabel(profile, c, lang),
      value: (r: RatesRow) => r.codes[c] ?? 0,
    })),
    { header: 'RR1 %', value: (r) => pct(r.rr1) },
    { header: 'RR2 %', value: (r) => pct(r.rr2) },
    { header: 'RR3 %', value: (r) => pct(r.rr3) },
    ...(splitsUnknowns(profile)
      ? [
          { header: 'e UH', value: (r: RatesRow) => round(r.eUH, 3) },
          { header: 'e UO', value: (r: RatesRow) => round(r.eUO, 3) },
        ]
      : [{ header: 'e', value: (r: RatesRow) => round(r.e, 3) }]),
    ...(splitsUnknowns(profile)
      ? [
          { header: `e UH ${t('dash.weighted')}`, value: (r: RatesRow) => round(r.weighted?.eUH ?? null, 3) },
          { header: `e UO ${t('dash.weighted')}`, value: (r: RatesRow) => round(r.weighted?.eUO ?? null, 3) },
        ]
      : [{ header: `e ${t('dash.weighted')}`, value: (r: RatesRow) => round(r.weighted?.e ?? null, 3) }]),
    { header: `RR1 % ${t('dash.weighted')}`, value: (r) => pct(r.weighted?.rr1 ?? null) },
    { header: `RR2 % ${t('dash.weighted')}`, value: (r) => pct(r.weighted?.rr2 ?? null) },
    { header: `RR3 % ${t('dash.weighted')}`, value: (r) => pct(r.weighted?.rr3 ?? null) },
  ];
}

/**
 * The person stage and the overall two-stage rates, a table of their own beside the household rates (the
 * two together would not fit 1280 px with a column per outcome): persons by class, person RR1/RR2 and the
 * overall RR1-RR3, for a survey with a person stage.
 */
export function personRateColumns(t: T, level: RateLevel): Column<RatesRow>[] {
  const count = (k: 'I' | 'P' | 'R' | 'NC' | 'O' | 'X') => (r: RatesRow) => r.person?.[k] ?? null;
  return [
    { header: t(`dash.level.${level}`), value: (r) => r.key },
    { header: t('dash.persons'), value: (r) => r.person?.persons ?? null },
    ...(['I', 'P', 'R', 'NC', 'O', 'X'] as const).map((k) => ({ header: k, value: count(k) })),
    { header: `${t('dash.person')} RR1 %`, value: (r) => pct(r.person?.rr1 ?? null) },
    { header: `${t('dash.person')} RR2 %`, value: (r) => pct(r.person?.rr2 ?? null) },
    {
      header: `${t('dash.person')} RR1 % ${t('dash.weighted')}`,
      value: (r) => pct(r.person?.weighted?.rr1 ?? null),
    },
    {
      header: `${t('dash.person')} RR2 % ${t('dash.weighted')}`,
      value: (r) => pct(r.person?.weighted?.rr2 ?? null),
    },
    ...overallColumns(t),
  ];
}

/**
 * The screening stage (the listing before the draw) beside the household rates, for a survey that lists
 * its units: the listed units by class, the screening e of UH and of UO and RR1/RR3, unweighted and
 * base-weighted; and the overall rates where no person
 * table shows them (a survey that lists its units but interviews no persons).
 */
export function screeningRateColumns(t: T, level: RateLevel, withOverall: boolean): Column<RatesRow>[] {
  const count = (k: 'E' | 'I' | 'OOS' | 'UH' | 'UO') => (r: RatesRow) => r.screening?.[k] ?? null;
  const s = t('dash.screening');
  const w = t('dash.weighted');
  return [
    { header: t(`dash.level.${level}`), value: (r) => r.key },
    { header: t('dash.listings'), value: (r) => r.screening?.listings ?? null },
    ...(['E', 'I', 'OOS', 'UH', 'UO'] as const).map((k) => ({
      header: t(`dash.listed.${k}`),
      value: count(k),
    })),
    { header: `${s} e UH`, value: (r) => round(r.screening?.eUH ?? null, 3) },
    { header: `${s} e UO`, value: (r) => round(r.screening?.eUO ?? null, 3) },
    { header: `${s} RR1 %`, value: (r) => pct(r.screening?.rr1 ?? null) },
    { header: `${s} RR3 %`, value: (r) => pct(r.screening?.rr3 ?? null) },
    { header: `${s} e UH ${w}`, value: (r) => round(r.screening?.weighted?.eUH ?? null, 3) },
    { header: `${s} e UO ${w}`, value: (r) => round(r.screening?.weighted?.eUO ?? null, 3) },
    { header: `${s} RR1 % ${w}`, value: (r) => pct(r.screening?.weighted?.rr1 ?? null) },
    { header: `${s} RR3 % ${w}`, value: (r) => pct(r.screening?.weighted?.rr3 ?? null) },
    ...(withOverall ? overallColumns(t) : []),
  ];
}

function overallColumns(t: T): Column<RatesRow>[] {
  return [
    { header: `${t('dash.overall')} RR1 %`, value: (r) => pct(r.overall?.rr1 ?? null) },
    { header: `${t('dash.overall')} RR2 %`, value: (r) => pct(r.overall?.rr2 ?? null) },
    { header: `${t('dash.overall')} RR3 %`, value: (r) => pct(r.overall?.rr3 ?? null) },
    {
      header: `${t('dash.overall')} RR1 % ${t('dash.weighted')}`,
      value: (r) => pct(r.overall?.weighted?.rr1 ?? null),
    },
    {
      header: `${t('dash.overall')} RR2 % ${t('dash.weighted')}`,
      value: (r) => pct(r.overall?.weighted?.rr2 ?? null),
    },
    {
      header: `${t('dash.overall')} RR3 % ${t('dash.weighted')}`,
      value: (r) => pct(r.overall?.weighted?.rr3 ?? null),
    },
  ];
}

/**
 * Whether the household stage's UH and UO take an e each: the profile marks not-eligible codes that are no
 * household (`household: false`); else one e serves both.
 */
export const splitsUnknowns = (profile: SurveyProfile | null): boolean =>
  profile?.outcome.codes.some((c) => c.household === false) ?? false;

/** Whether the survey lists and screens its units before drawing them (its profile's `listing`). */
export const hasScreeningStage = (profile: SurveyProfile | null): boolean => Boolean(profile?.listing);

/** Whether the survey interviews persons within its units: its profile classes person result codes. */
export const hasPersonStage = (profile: SurveyProfile | null): boolean =>
  (profile?.roster?.personResult?.codes.length ?? 0) > 0;

/** A person result code's label in `lang` (else the profile's first language), with the code after it. */
function personLabel(profile: SurveyProfile, code: number, lang: TabletLanguage): string {
  const label = profile.roster?.personResult?.codes.find((c) => c.code === code)?.label;
  const text = label ? (label[lang] ?? Object.values(label)[0]) : undefined;
  return text ? `${text} (${code})` : String(code);
}

export function durationColumns(t: T): Column<Durations>[] {
  return [
    { header: t('dash.enumerator'), value: (d) => d.enumerator },
    { header: t('dash.interviews'), value: (d) => d.n },
    { header: t('dash.median'), value: (d) => round(d.median, 1) },
    { header: t('dash.p25'), value: (d) => round(d.p25, 1) },
    { header: t('dash.p75'), value: (d) => round(d.p75, 1) },
    { header: t('dash.min'), value: (d) => round(d.min, 1) },
    { header: t('dash.max'), value: (d) => round(d.max, 1) },
    { header: t('dash.short'), value: (d) => d.short },
  ];
}

export function flagCodeColumns(t: T, lang: TabletLanguage): Column<FlagByCode>[] {
  return [
    { header: t('dash.flag'), value: (f) => flagLabel(f.code, lang) },
    { header: t('dash.kind'), value: (f) => flagKind(f.code, lang) },
    { header: t('dash.interviews'), value: (f) => f.interviews },
  ];
}

export function flagEnumeratorColumns(t: T): Column<FlagByEnumerator>[] {
  return [
    { header: t('dash.enumerator'), value: (f) => f.enumerator },
    { header: t('dash.interviews'), value: (f) => f.interviews },
    { header: t('dash.flagged'), value: (f) => f.flagged },
    { header: t('dash.flagCount'), value: (f) => f.flags },
  ];
}

export function syncColumns(t: T): Column<Sync>[] {
  return [
    { header: t('dash.enumerator'), value: (s) => s.enumerator },
    { header: t('dash.device'), value: (s) => s.deviceId },
    { header: t('dash.lastSync'), value: (s) => s.lastSyncAt ?? t('dash.never') },
    { header: t('dash.uploads'), value: (s) => s.uploads },
  ];
}

/**
 * The rates' definitions in the screen's language: the formulas, the survey's codes by class, the scope;
 * where the survey lists its units, the screening stage; where it interviews persons, the person stage;
 * with either, the overall rates over the stages; and the base-weighted rates beside them (their formulas
 * are those of server/domain/dashboard-rates.ts, the one home of the computation).
 */
export function rateDefinitionLines(t: T, lang: TabletLanguage, profile: SurveyProfile | null): string[] {
  const byClass = new Map<string, string[]>();
  for (const c of profile?.outcome.codes ?? [])
    byClass.set(c.aapor, [...(byClass.get(c.aapor) ?? []), outcomeLabel(profile, String(c.code), lang)]);
  const persons = profile !== null && hasPersonStage(profile);
  const screening = hasScreeningStage(profile);
  return [
    'RR1 = I / (I + P + R + NC + O + UH + UO)',
    'RR2 = (I + P) / (I + P + R + NC + O + UH + UO)',
    t(splitsUnknowns(profile) ? 'dash.def.rr3Split' : 'dash.def.rr3'),
    ...(byClass.size
      ? [`${t('dash.def.codes')}: ${[...byClass].map(([k, v]) => `${k} = ${v.join(', ')}`).join('; ')}`]
      : []),
    t('dash.def.scope'),
    ...(screening ? [t('dash.def.screening')] : []),
    ...(profile && persons ? personDefinitionLines(t, lang, profile) : []),
    ...(screening || persons ? [t('dash.def.overall')] : []),
    t('dash.def.weighted'),
  ];
}

/** The person stage and the overall two-stage rates, with the survey's person result codes by class. */
function personDefinitionLines(t: T, lang: TabletLanguage, profile: SurveyProfile): string[] {
  const byClass = new Map<string, string[]>();
  for (const c of profile.roster?.personResult?.codes ?? [])
    byClass.set(c.aapor, [...(byClass.get(c.aapor) ?? []), personLabel(profile, c.code, lang)]);
  return [
    t('dash.def.person'),
    `${t('dash.def.personCodes')}: ${[...byClass].map(([k, v]) => `${k} = ${v.join(', ')}`).join('; ')}`,
  ];
}
