/**
 * survey-core's interface strings (buttons, the required message, validation messages) for every interview
 * language of every survey: each language of a profile must have its own, from survey-core's locale or from
 * the survey's interface catalogue (questionnaires/<survey>/interface/<lang>.json, entries as in the
 * translation catalogues, keyed by survey-core's string names). A catalogue must name only survey-core's
 * strings, keep each English placeholder ({0}, {rowIndex}), and cover every string when survey-core has no
 * locale to fill the gaps. Locking for fielding also needs its strings approved (fielding.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  englishInterfaceText,
  INTERFACE_KEYS,
  interfaceStringsFor,
  surveyCoreLocale,
} from '../../../client/interview/interface-locales.ts';
import { type Catalogue, parseCatalogue, STATUSES, type Status } from './catalogue.ts';
import type { Problem } from './checks.ts';
import type { LocSite } from './translation-keys.ts';

export const interfaceDir = (dir: string, survey: string): string => join(dir, survey, 'interface');

/**
 * survey-core's interface strings as rows of a translator's workbook: key = survey-core's string name,
 * source = survey-core's Portuguese (the project's source language), module "interface".
 */
export function interfaceSites(): LocSite[] {
  const pt = interfaceStringsFor('pt') ?? {};
  return INTERFACE_KEYS.map((key) => ({
    key,
    loc: { default: pt[key] ?? '' },
    page: 'interface',
    element: '',
    property: key,
  }));
}

export interface InterfaceCoverage {
  survey: string;
  lang: string;
  /** survey-core's locale the language takes, or null */
  surveyCore: string | null;
  /** the catalogue's strings by status (all zero without a catalogue) */
  counts: Record<Status, number>;
  /** keys whose back-translation a reviewer flagged, with the flag */
  flagged: [key: string, flag: string][];
}

const placeholders = (text: string): string => [...new Set(text.match(/\{[^{}]+\}/g) ?? [])].sort().join(' ');

/** The interview languages of a profile; [] when there is none. */
function profileLanguages(dir: string, survey: string): string[] {
  const path = join(dir, survey, 'profile.json');
  if (!existsSync(path)) return [];
  const profile = JSON.parse(readFileSync(path, 'utf8')) as { languages?: { code: string }[] };
  return (profile.languages ?? []).map((l) => l.code);
}

/** The interface catalogues of a survey by language; parse errors come back as problems. */
export function readInterfaceCatalogues(
  dir: string,
  survey: string,
): { catalogues: Record<string, Catalogue>; problems: Problem[] } {
  const folder = interfaceDir(dir, survey);
  const catalogues: Record<string, Catalogue> = {};
  const problems: Problem[] = [];
  if (!existsSync(folder)) return { catalogues, problems };
  for (const name of readdirSync(folder).sort()) {
    if (!name.endsWith('.json')) continue;
    const path = join(folder, name);
    try {
      catalogues[name.slice(0, -5)] = parseCatalogue(path, readFileSync(path, 'utf8'));
    } catch (e) {
      problems.push({
        file: `${survey}/interface/${name}`,
        question: '(file)',
        reason: (e as Error).message,
      });
    }
  }
  return { catalogues, problems };
}

/** The interface problems and coverage of every survey folder (one with a profile.json) under `dir`. */
export function checkInterfaces(dir: string): { problems: Problem[]; rows: InterfaceCoverage[] } {
  const problems: Problem[] = [];
  const rows: InterfaceCoverage[] = [];
  const surveys = existsSync(dir)
    ? readdirSync(dir)
        .filter((d) => statSync(join(dir, d)).isDirectory() && existsSync(join(dir, d, 'profile.json')))
        .sort()
    : [];
  for (const survey of surveys) {
    const languages = profileLanguages(dir, survey);
    const read = readInterfaceCatalogues(dir, survey);
    problems.push(...read.problems);
    for (const [lang, catalogue] of Object.entries(read.catalogues)) {
      const file = `${survey}/interface/${lang}.json`;
      if (!languages.includes(lang))
        problems.push({
          file,
          question: '(file)',
          reason: `'${lang}' is not an interview language of ${survey}/profile.json (${languages.join(', ')})`,
        });
      for (const [key, e] of Object.entries(catalogue)) {
        const english = englishInterfaceText(key);
        if (english === undefined)
          problems.push({ file, question: key, reason: 'not an interface string of survey-core' });
        else if (e.status !== 'missing' && placeholders(e.text) !== placeholders(english))
          problems.push({
            file,
            question: key,
            reason: `placeholders "${placeholders(e.text)}" differ from survey-core's English "${english}"`,
          });
      }
    }
    for (const lang of languages) {
      const catalogue = read.catalogues[lang];
      const surveyCore = surveyCoreLocale(lang) ?? null;
      const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
      const flagged: InterfaceCoverage['flagged'] = [];
      for (const [key, e] of Object.entries(catalogue ?? {})) {
        counts[e.status]++;
        if (e.flag) flagged.push([key, e.flag]);
      }
      rows.push({ survey, lang, surveyCore, counts, flagged });
      if (surveyCore) continue;
      if (!catalogue) {
        problems.push({
          file: `${survey}/profile.json`,
          question: `languages: ${lang}`,
          reason: `survey-core has no interface strings for '${lang}' and there is no ${survey}/interface/${lang}.json: the interview would show another language's buttons and messages`,
        });
        continue;
      }
      const absent = INTERFACE_KEYS.filter((k) => !catalogue[k] || catalogue[k].status === 'missing');
      if (absent.length)
        problems.push({
          file: `${survey}/interface/${lang}.json`,
          question: '(file)',
          reason: `${absent.length} of ${INTERFACE_KEYS.length} survey-core interface strings have no text (survey-core has no '${lang}' locale to fall back on): ${absent.slice(0, 5).join(', ')}${absent.length > 5 ? ', ...' : ''}`,
        });
    }
  }
  return { problems, rows };
}

export function interfaceTable(rows: InterfaceCoverage[]): string {
  const lines = [
    `| survey | language | survey-core locale | catalogue: ${STATUSES.join(' | ')} |`,
    `| --- | --- | --- | ${STATUSES.map(() => '---').join(' | ')} |`,
  ];
  for (const r of rows)
    lines.push(
      `| ${r.survey} | ${r.lang} | ${r.surveyCore ?? '-'} | ${STATUSES.map((s) => r.counts[s]).join(' | ')} |`,
    );
  return lines.join('\n');
}
