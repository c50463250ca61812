/**
 * What a questionnaire version needs before it is locked for fielding, and the translation coverage the check
 * reports. Every localisable string must be "approved", with the approved text, in the survey's catalogue of
 * each fielded language (profile.json `languages` but the default, Portuguese), and so must every string of
 * the language's interface catalogue (interface-check.ts), if it has one. A pilot may be locked anyway
 * with `lock.ts --pilot`, which records the file under `pilot` in locks.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { surveyCoreLocale } from '../../../client/interview/interface-locales.ts';
import { type Catalogue, catalogueDir, readCatalogues, STATUSES, type Status } from './catalogue.ts';
import { readInterfaceCatalogues } from './interface-check.ts';
import { localisableStrings, versionStem } from './translation-keys.ts';

const SHOWN = 5;

/** The fielded languages of `survey`: profile.json's codes but pt; [] when there is no profile. */
export function fieldedLanguages(dir: string, survey: string): string[] {
  const path = join(dir, survey, 'profile.json');
  if (!existsSync(path)) return [];
  const profile = JSON.parse(readFileSync(path, 'utf8')) as { languages?: { code: string }[] };
  return (profile.languages ?? []).map((l) => l.code).filter((c) => c !== 'pt');
}

/** Why `file` (relative to `dir`, e.g. `ipei/household.v3.json`) may not be locked for fielding; [] when it may. */
export function fieldingProblems(dir: string, file: string): string[] {
  const survey = file.split('/')[0];
  const stem = versionStem(basename(file));
  if (!stem) return [`${file}: not a questionnaire version (<name>.vN.json)`];
  const sites = localisableStrings(stem, JSON.parse(readFileSync(join(dir, file), 'utf8')));
  const catalogues = readCatalogues(catalogueDir(dir, survey));
  const problems: string[] = [];
  const interfaces = readInterfaceCatalogues(dir, survey).catalogues;
  for (const lang of fieldedLanguages(dir, survey)) {
    problems.push(...interfaceFieldingProblems(file, survey, lang, interfaces[lang]));
    const catalogue: Catalogue | undefined = catalogues[lang];
    if (!catalogue) {
      problems.push(
        `${file}: ${lang}: no catalogue ${catalogueDir(dir, survey)}/${lang}.json, so no string is approved`,
      );
      continue;
    }
    const bad = sites.filter(({ key, loc }) => {
      const e = catalogue[key];
      return e?.status !== 'approved' || e.text !== loc[lang];
    });
    if (bad.length)
      problems.push(
        `${file}: ${lang}: ${bad.length} of ${sites.length} strings not approved in the catalogue (or not generated from it): ${bad
          .slice(0, SHOWN)
          .map((s) => s.key)
          .join(', ')}${bad.length > SHOWN ? ', ...' : ''}`,
      );
  }
  return problems;
}

/**
 * A fielded language's interface strings: every entry of its interface catalogue approved; without a
 * catalogue, survey-core must have the language's locale.
 */
function interfaceFieldingProblems(
  file: string,
  survey: string,
  lang: string,
  catalogue: Catalogue | undefined,
): string[] {
  const where = `${survey}/interface/${lang}.json`;
  if (!catalogue)
    return surveyCoreLocale(lang)
      ? []
      : [
          `${file}: ${lang}: no interface strings: survey-core has no '${lang}' locale and there is no ${where}`,
        ];
  const bad = Object.entries(catalogue)
    .filter(([, e]) => e.status !== 'approved')
    .map(([key]) => key);
  if (!bad.length) return [];
  return [
    `${file}: ${lang}: ${bad.length} of ${Object.keys(catalogue).length} interface strings not approved in ${where}: ${bad
      .slice(0, SHOWN)
      .join(', ')}${bad.length > SHOWN ? ', ...' : ''}`,
  ];
}

export interface LanguageCoverage {
  survey: string;
  lang: string;
  counts: Record<Status, number>;
  /** keys whose back-translation a reviewer flagged, with the flag */
  flagged: [key: string, flag: string][];
}

/** Per survey with catalogues and per language: strings by status, and the flagged back-translations. */
export function catalogueCoverage(dir: string, surveys: string[]): LanguageCoverage[] {
  const out: LanguageCoverage[] = [];
  for (const survey of surveys)
    for (const [lang, catalogue] of Object.entries(readCatalogues(catalogueDir(dir, survey)))) {
      const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
      const flagged: LanguageCoverage['flagged'] = [];
      for (const [key, e] of Object.entries(catalogue)) {
        counts[e.status]++;
        if (e.flag) flagged.push([key, e.flag]);
      }
      out.push({ survey, lang, counts, flagged });
    }
  return out;
}

export function catalogueTable(rows: LanguageCoverage[]): string {
  const lines = [
    `| survey | language | ${STATUSES.join(' | ')} | flagged |`,
    `| --- | --- | ${STATUSES.map(() => '---').join(' | ')} | --- |`,
  ];
  for (const r of rows)
    lines.push(
      `| ${r.survey} | ${r.lang} | ${STATUSES.map((s) => r.counts[s]).join(' | ')} | ${r.flagged.length} |`,
    );
  return lines.join('\n');
}

/**
 * Per language: keys of the survey's questionnaires that have no catalogue entry (the interview shows Portuguese;
 * `translations:export` lists them as missing) and catalogue keys the questionnaires no longer have.
 */
export function catalogueGaps(
  sites: { key: string }[],
  catalogues: Record<string, Catalogue>,
): { lang: string; absent: string[]; stale: string[] }[] {
  const keys = new Set(sites.map((s) => s.key));
  return Object.entries(catalogues).map(([lang, c]) => ({
    lang,
    absent: [...keys].filter((k) => !c[k]),
    stale: Object.keys(c).filter((k) => !keys.has(k)),
  }));
}
