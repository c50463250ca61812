/**
 * The facts about one interview revision that the quality rules look at, read once from its envelope:
 * duration, time per page, GPS, clocks, answers flattened to paths, don't-know/refused answers, proxies
 * and ages from the roster. Revisions never change, so facts can be cached by (interview, revision).
 * What the codes and variables are (complete, don't know, refused, the roster, its age, who answered and
 * the proxy code) is the survey's profile's.
 */
import type { InterviewEnvelope } from '../../contract/interview.ts';
import { outcomeCodesOf, type SurveyProfile } from '../../contract/survey-profile.ts';

/** What the facts need from the survey: its profile and where a roster's rows are in the answers. */
export interface FactsSurvey {
  profile: SurveyProfile;
  /** The answers' key of a roster element (its variable); the name itself by default. */
  dataKey?: (name: string) => string;
}

/** Ages above this are not ages (a code or a typing slip); age heaping looks at the rest. */
const MAX_AGE = 120;

export type Gps =
  | { status: 'ok'; latitude: number; longitude: number; accuracyM: number | null }
  | { status: 'missing'; reason: string };

export interface Facts {
  interviewId: string;
  revision: number;
  enumeratorId: string;
  eaCode: string;
  outcome: number;
  /** The outcome is a complete interview (the profile's AAPOR class I). */
  complete: boolean;
  startedAt: string;
  completedAt: string | null;
  durationMin: number | null;
  pageTimesMs: Record<string, number>;
  gps: Gps;
  visits: Array<{ start: string; end: string }>;
  /** Answer paths (roster rows as `<roster>[0].<item>`) to their JSON value; preloaded items left out. */
  leaves: Map<string, string>;
  dkRf: number;
  persons: number;
  proxies: number;
  ages: number[];
  /** Rows of the roster (its members); null when the survey has no roster. */
  rosterSize: number | null;
}

/** Answer paths to their JSON value, walked with an explicit stack (never the call stack). */
function flatten(root: unknown, rootPath: string, out: Map<string, string>) {
  const stack: Array<[unknown, string]> = [[root, rootPath]];
  while (stack.length) {
    const [value, path] = stack.pop() as [unknown, string];
    if (Array.isArray(value) && value.some((v) => v && typeof v === 'object')) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${path}[${i}]`]);
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, v] = entries[i];
        stack.push([v, path ? `${path}.${k}` : k]);
      }
    } else if (value !== undefined && value !== null && value !== '') {
      out.set(path, JSON.stringify(value));
    }
  }
}

function readGps(paradata: Record<string, unknown>): Gps {
  const g = paradata.gps as Record<string, unknown> | undefined;
  if (!g || typeof g !== 'object') return { status: 'missing', reason: 'not recorded' };
  if (g.status === 'ok' && typeof g.latitude === 'number' && typeof g.longitude === 'number') {
    return {
      status: 'ok',
      latitude: g.latitude,
      longitude: g.longitude,
      accuracyM: typeof g.accuracyM === 'number' ? g.accuracyM : null,
    };
  }
  return { status: 'missing', reason: typeof g.reason === 'string' ? g.reason : 'no fix' };
}

const rows = (v: unknown): Array<Record<string, unknown>> =>
  Array.isArray(v) ? v.filter((r): r is Record<string, unknown> => !!r && typeof r === 'object') : [];

export function factsOf(
  env: InterviewEnvelope,
  meta: { enumeratorId: string; eaCode: string },
  survey: FactsSurvey,
): Facts {
  const { profile } = survey;
  const key = survey.dataKey ?? ((name: string) => name);
  // preloaded cover items (cluster, unit number ...) are the same across a cluster by design
  const preloaded = new Set(profile.preload.map((p) => p.item));
  const leaves = new Map<string, string>();
  for (const [k, v] of Object.entries(env.answers)) if (!preloaded.has(k)) flatten(v, k, leaves);
  const dkRfCodes = new Set([...profile.specialCodes.dontKnow, ...profile.specialCodes.refused].map(String));
  let dkRf = 0;
  for (const v of leaves.values()) if (dkRfCodes.has(v)) dkRf++;
  const roster = profile.roster;
  const respondent = roster?.respondent ?? null;
  const respondents = respondent ? rows(env.answers[key(respondent.roster)]) : [];
  const special = new Set([
    ...profile.specialCodes.dontKnow,
    ...profile.specialCodes.refused,
    ...profile.specialCodes.notApplicable,
  ]);
  const members = roster ? rows(env.answers[key(roster.variable)]) : [];
  const ages = roster
    ? members
        .map((r) => Number(r[roster.age]))
        .filter((a) => Number.isInteger(a) && a >= 0 && a <= MAX_AGE && !special.has(a))
    : [];
  const start = Date.parse(env.startedAt);
  const end = env.completedAt ? Date.parse(env.completedAt) : Number.NaN;
  const pd = env.paradata as Record<string, unknown>;
  const pages = (pd.pageTimesMs ?? {}) as Record<string, unknown>;
  return {
    interviewId: env.interviewId,
    revision: env.revision,
    ...meta,
    outcome: env.outcome,
    complete: outcomeCodesOf(profile, 'I').includes(env.outcome),
    startedAt: env.startedAt,
    completedAt: env.completedAt,
    durationMin: Number.isFinite(end - start) ? (end - start) / 60_000 : null,
    pageTimesMs: Object.fromEntries(
      Object.entries(pages).filter((e): e is [string, number] => typeof e[1] === 'number'),
    ),
    gps: readGps(pd),
    visits: rows(pd.visits).map((v) => ({ start: String(v.start ?? ''), end: String(v.end ?? '') })),
    leaves,
    dkRf,
    persons: respondents.length,
    proxies: respondent
      ? respondents.filter((r) => Number(r[respondent.variable]) === respondent.proxy).length
      : 0,
    ages,
    rosterSize: roster ? members.length : null,
  };
}
