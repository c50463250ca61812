/**
 * The survey registry: every survey folder's profile (questionnaires/<id>/profile.json), validated by the
 * zod schema and checked against the survey's latest interview questionnaire (the outcome variable, the
 * roster and its age and sex, the preloaded items, the GPS item and the identifiers must be questions
 * there), with its geography. Loaded once when the server starts: a bad profile stops the start with a
 * message naming the file and the field. Domain code finds a survey from the data (an assignment's or an
 * interview's questionnaire id, `<survey>-<name>`), never from a constant.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import '../zod-english.ts';
import { type Geography, geographySchema } from '../contract/geography.ts';
import {
  type SurveyProfile,
  surveyOfQuestionnaire,
  surveyProfileSchema,
} from '../contract/survey-profile.ts';
import { type InterfaceStrings, translationCatalogueSchema } from '../contract/translation-entry.ts';
import type { Database } from '../db/client.ts';
import { Problem } from '../problems.ts';
import { type OfficePair, readOfficePairs } from './office-coding-pairs.ts';
import { findQuestionnaireFiles } from './questionnaire-files.ts';
import { type Json, walkQuestions } from './questionnaire-walk.ts';

export class SurveyProfileError extends Error {}

export interface SurveyRegistry {
  /** The folder the surveys were read from. */
  dir: string;
  list(): SurveyProfile[];
  get(id: string): SurveyProfile | undefined;
  /** The survey's profile, or a 404 problem naming it. */
  require(id: string): SurveyProfile;
  /** The profile of the survey a questionnaire id (`<survey>-<name>`) belongs to. */
  ofQuestionnaire(questionnaireId: string): SurveyProfile | undefined;
  geography(id: string): Geography | null;
  /** The survey's interface catalogues (`interface/<lang>.json`): language -> string name -> text. */
  interfaceStrings(id: string): InterfaceStrings;
  /**
   * Where a roster's rows are in the answers: its variable (`valueName`) in the latest interview
   * questionnaire (a second panel over the same persons, `valueName: "persons"`, keeps its rows in
   * `persons`); the name itself when it has none.
   */
  dataKey(id: string, name: string): string;
  /** The survey's office-coding pairs with their code lists (profile.json `officeCoding`). */
  officeCoding(id: string): OfficePair[];
}

interface Loaded {
  profile: SurveyProfile;
  geography: Geography | null;
  interfaceStrings?: InterfaceStrings;
  /** Roster element names to their variables, in the latest interview questionnaire. */
  keys?: Map<string, string>;
  officeCoding?: OfficePair[];
}

const issueText = (file: string, error: z.core.$ZodError) =>
  error.issues.map((i) => `${file}: ${i.path.join('.') || '(file)'}: ${i.message}`).join('\n');

function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SurveyProfileError(`${file}: not readable JSON (${(error as Error).message})`);
  }
}

/**
 * The questions of a questionnaire JSON by name and by variable, each with the roster it is in (null:
 * unit level). A roster is named by its element name or its variable (a panel with `valueName` keeps its
 * rows under that variable): both are accepted, compared as the variable.
 */
function questionsOf(definition: Json) {
  const byName = new Map<string, { roster: string | null; variable: string }>();
  for (const q of walkQuestions(definition)) {
    byName.set(q.name, { roster: q.roster, variable: q.variable });
    byName.set(q.variable, { roster: q.roster, variable: q.variable });
  }
  return {
    get: (name: string) => byName.get(name),
    sameRoster: (found: string | null, expected: string | null) =>
      found === (expected === null ? null : (byName.get(expected)?.variable ?? expected)),
  };
}

/** Checks the profile's variables against the latest version of its questionnaires; returns the errors. */
export function checkProfileAgainstQuestionnaires(
  profile: SurveyProfile,
  questionnaires: Array<{ name: string; version: number; definition: Json }>,
): string[] {
  const latest = (name: string) =>
    questionnaires.filter((q) => q.name === name).sort((a, b) => b.version - a.version)[0];
  const errors: string[] = [];
  const interview = latest(profile.questionnaires.interview);
  if (!interview) {
    return [`questionnaires.interview: no questionnaire file ${profile.questionnaires.interview}.v<N>.json`];
  }
  const where = `${profile.questionnaires.interview}.v${interview.version}.json`;
  const questions = questionsOf(interview.definition);
  const need = (field: string, name: string | null | undefined, roster: string | null | 'any' = 'any') => {
    if (!name) return;
    const q = questions.get(name);
    if (!q) errors.push(`${field}: '${name}' is not a question of ${where}`);
    else if (roster !== 'any' && !questions.sameRoster(q.roster, roster))
      errors.push(
        `${field}: '${name}' is ${q.roster ? `in the roster '${q.roster}'` : 'not in a roster'} in ${where}, expected ${roster ? `in '${roster}'` : 'outside any roster'}`,
      );
  };
  need('outcome.variable', profile.outcome.variable, null);
  const roster = profile.roster;
  if (roster) {
    need('roster.variable', roster.variable, null);
    need('roster.age', roster.age, roster.variable);
    need('roster.sex.variable', roster.sex.variable, roster.variable);
    if (roster.respondent) {
      need('roster.respondent.roster', roster.respondent.roster, null);
      need('roster.respondent.variable', roster.respondent.variable, roster.respondent.roster);
    }
    if (roster.personResult) {
      need('roster.personResult.roster', roster.personResult.roster, null);
      need('roster.personResult.variable', roster.personResult.variable, roster.personResult.roster);
    }
  }
  profile.preload.forEach((p, i) => {
    need(`preload.${i}.item`, p.item, null);
  });
  need('gpsQuestion', profile.gpsQuestion);
  profile.identifiers.forEach((v, i) => {
    need(`identifiers.${i}`, v);
  });
  if (profile.questionnaires.listing && profile.listing) {
    const listing = latest(profile.questionnaires.listing);
    if (!listing) {
      errors.push(
        `questionnaires.listing: no questionnaire file ${profile.questionnaires.listing}.v<N>.json`,
      );
    } else {
      const lq = questionsOf(listing.definition);
      const lwhere = `${profile.questionnaires.listing}.v${listing.version}.json`;
      const l = profile.listing;
      const needL = (field: string, name: string, roster: string | null) => {
        const q = lq.get(name);
        if (!q || !lq.sameRoster(q.roster, roster))
          errors.push(
            `${field}: '${name}' is not a question of ${lwhere}${roster ? ` in the roster '${roster}'` : ''}`,
          );
      };
      needL('listing.units', l.units, null);
      needL('listing.unit', l.unit, l.units);
      needL('listing.disposition', l.disposition, l.units);
      if (l.size) needL('listing.size', l.size, l.units);
      const h = l.households;
      if (h) {
        needL('listing.households.roster', h.roster, l.units);
        needL('listing.households.unit', h.unit, h.roster);
        needL('listing.households.disposition', h.disposition, h.roster);
        if (h.class) needL('listing.households.class', h.class, h.roster);
        if (h.size) needL('listing.households.size', h.size, h.roster);
      }
    }
  }
  return errors;
}

/** Reads and checks one survey folder; throws a SurveyProfileError naming the file and the field. */
export function loadSurveyFolder(root: string, folder: string): Loaded {
  const dir = join(root, folder);
  const file = join(dir, 'profile.json');
  if (!existsSync(file))
    throw new SurveyProfileError(
      `${file}: missing: every survey folder needs a profile.json (see README.md, "The survey profile")`,
    );
  const parsed = surveyProfileSchema.safeParse(readJsonFile(file));
  if (!parsed.success) throw new SurveyProfileError(issueText(file, parsed.error));
  const profile = parsed.data;
  if (profile.id !== folder)
    throw new SurveyProfileError(`${file}: id: '${profile.id}' must be the folder name '${folder}'`);
  const files = findQuestionnaireFiles(root).filter((f) => f.survey === folder);
  const errors = checkProfileAgainstQuestionnaires(
    profile,
    files.map((f) => ({
      name: f.id.slice(folder.length + 1),
      version: f.version,
      definition: JSON.parse(f.text) as Json,
    })),
  );
  if (errors.length) throw new SurveyProfileError(errors.map((e) => `${file}: ${e}`).join('\n'));
  const interview = files
    .filter((f) => f.id === `${folder}-${profile.questionnaires.interview.replaceAll('_', '-')}`)
    .sort((a, b) => b.version - a.version)[0];
  const keys = new Map(
    walkQuestions(JSON.parse(interview.text) as Json)
      .filter((q) => q.type === 'paneldynamic' || q.type === 'matrixdynamic')
      .map((q) => [q.name, q.variable]),
  );
  const office = readOfficePairs(dir, profile, JSON.parse(interview.text) as Json);
  if (office.errors.length)
    throw new SurveyProfileError(office.errors.map((e) => `${file}: ${e}`).join('\n'));
  let geography: Geography | null = null;
  if (profile.geography) {
    const gfile = join(dir, profile.geography);
    if (!existsSync(gfile)) throw new SurveyProfileError(`${file}: geography: no file ${gfile}`);
    const g = geographySchema.safeParse(readJsonFile(gfile));
    if (!g.success) throw new SurveyProfileError(issueText(gfile, g.error));
    geography = g.data;
  }
  return {
    profile,
    geography,
    keys,
    officeCoding: office.pairs,
    interfaceStrings: readInterfaceStrings(dir, file, profile),
  };
}

/**
 * The folder's interface catalogues (`interface/<lang>.json`, one per interview language survey-core has
 * no locale for), texts only; a file for a language the profile does not list, or a bad entry, stops the
 * start naming the file and the key.
 */
function readInterfaceStrings(dir: string, profileFile: string, profile: SurveyProfile): InterfaceStrings {
  const folder = join(dir, 'interface');
  if (!existsSync(folder)) return {};
  const out: InterfaceStrings = {};
  const languages = profile.languages.map((l) => l.code);
  for (const name of readdirSync(folder).sort()) {
    if (!name.endsWith('.json')) continue;
    const file = join(folder, name);
    const lang = name.slice(0, -5);
    if (!languages.includes(lang))
      throw new SurveyProfileError(
        `${file}: '${lang}' is not an interview language of ${profileFile} (${languages.join(', ')})`,
      );
    const parsed = translationCatalogueSchema.safeParse(readJsonFile(file));
    if (!parsed.success) throw new SurveyProfileError(issueText(file, parsed.error));
    out[lang] = Object.fromEntries(
      Object.entries(parsed.data)
        .filter(([, e]) => e.status !== 'missing')
        .map(([key, e]) => [key, e.text]),
    );
  }
  return out;
}

/** Loads every survey folder under `root` (folders holding questionnaire files or a profile.json). */
export function loadSurveys(root: string): SurveyRegistry {
  let folders: string[] = [];
  try {
    folders = readdirSync(root)
      .filter((d) => statSync(join(root, d)).isDirectory())
      .sort();
  } catch {
    folders = [];
  }
  const withQuestionnaires = new Set(findQuestionnaireFiles(root).map((f) => f.survey));
  const surveys = new Map<string, Loaded>();
  for (const folder of folders) {
    if (!withQuestionnaires.has(folder) && !existsSync(join(root, folder, 'profile.json'))) continue;
    surveys.set(folder, loadSurveyFolder(root, folder));
  }
  return registryOf(root, surveys);
}

export function registryOf(dir: string, surveys: Map<string, Loaded>): SurveyRegistry {
  const get = (id: string) => surveys.get(id)?.profile;
  return {
    dir,
    list: () => [...surveys.values()].map((s) => s.profile),
    get,
    require: (id) => {
      const p = get(id);
      if (!p) throw new Problem('resource.not_found', { survey: id });
      return p;
    },
    ofQuestionnaire: (questionnaireId) => get(surveyOfQuestionnaire(questionnaireId)),
    geography: (id) => surveys.get(id)?.geography ?? null,
    interfaceStrings: (id) => surveys.get(id)?.interfaceStrings ?? {},
    dataKey: (id, name) => surveys.get(id)?.keys?.get(name) ?? name,
    officeCoding: (id) => surveys.get(id)?.officeCoding ?? [],
  };
}

/**
 * An upload's outcome code and locale against its survey's profile: the 422 field errors (empty when
 * they fit, or when the questionnaire's survey is unknown, which intake refuses on its own).
 */
export function envelopeProfileErrors(
  surveys: SurveyRegistry,
  env: { questionnaireId: string; outcome: number; locale: string },
  sealed = false,
): Array<{ field: string; message: string }> {
  const profile = surveys.ofQuestionnaire(env.questionnaireId);
  if (!profile) return [];
  const errors: Array<{ field: string; message: string }> = [];
  // an end-to-end encrypted survey takes only sealed envelopes, so its answers never rest here in clear
  if (profile.encryption && !sealed)
    errors.push({
      field: 'answers',
      message: `survey ${profile.id} encrypts its interviews end to end: the tablet must send them sealed (refresh its surveys and send again)`,
    });
  if (!profile.encryption && sealed)
    errors.push({
      field: 'sealed',
      message: `survey ${profile.id} has no public key (profile encryption): send the envelope unsealed`,
    });
  const codes = profile.outcome.codes.map((c) => c.code);
  if (!codes.includes(env.outcome))
    errors.push({
      field: 'outcome',
      message: `${env.outcome} is not a result code of survey ${profile.id}: one of ${codes.join(', ')}`,
    });
  const locales = profile.languages.map((l) => l.code);
  if (!locales.includes(env.locale))
    errors.push({
      field: 'locale',
      message: `'${env.locale}' is not an interview language of survey ${profile.id}: one of ${locales.join(', ')}`,
    });
  return errors;
}

/**
 * The survey a request is about (`?survey=<id>`): the one named, or the only one this server runs; with
 * several and none named, a 422 naming `survey` and the choices.
 */
export function chosenSurvey(surveys: SurveyRegistry, requested: string | undefined): SurveyProfile {
  if (requested) return surveys.require(requested);
  const all = surveys.list();
  if (all.length === 1) return all[0];
  throw new Problem('request.invalid', [
    {
      field: 'survey',
      message: all.length
        ? `this server runs several surveys: name one with ?survey=<id> (${all.map((p) => p.id).join(', ')})`
        : 'this server runs no survey: add a survey folder with a profile.json',
    },
  ]);
}

const bound = new WeakMap<Database, SurveyRegistry>();

/** Makes a registry the surveys of a database's server (start-up does this once). */
export function bindSurveys(database: Database, registry: SurveyRegistry): SurveyRegistry {
  bound.set(database, registry);
  return registry;
}

/** The surveys of the server that opened this database. */
export function surveysOf(database: Database): SurveyRegistry {
  const registry = bound.get(database);
  if (!registry)
    throw new Error(
      'no surveys loaded for this database: call bindSurveys(database, loadSurveys(dir)) at start',
    );
  return registry;
}
