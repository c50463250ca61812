/**
 * The facts about one interview revision that the quality rules look at, read once from its envelope:
 * duration, time per page, GPS, clocks, answers flattened to paths, don't-know/refused answers, proxies
 * and ages from the roster. Revisions never change, so facts can be cached by (interview, revision).
 */
import type { InterviewEnvelope } from '../../contract/interview.ts';

/** IPEI codes (questionnaires/ipei/household.v1.json and v2): don't know and refused, the rosters, proxy answer. */
export const DK = 98;
export const RF = 99;
export const ROSTER = 'members';
export const AGE = 'c05_age';
export const RESPONDENT_ROSTER = 'members_p';
export const RESPONDENT = 'z01_respondent';
export const PROXY = 2;
export const COMPLETE = 11;
/** Cover-page identifiers (EA, dwelling, island ...) are the same across a cluster by design. */
const IDENTIFIER = /^a\d{2}_/;

export type Gps =
  | { status: 'ok'; latitude: number; longitude: number; accuracyM: number | null }
  | { status: 'missing'; reason: string };

export interface Facts {
  interviewId: string;
  revision: number;
  enumeratorId: string;
  eaCode: string;
  outcome: number;
  startedAt: string;
  completedAt: string | null;
  durationMin: number | null;
  pageTimesMs: Record<string, number>;
  gps: Gps;
  visits: Array<{ start: string; end: string }>;
  /** Answer paths (roster rows as `members[0].c05_age`) to their JSON value; identifiers left out. */
  leaves: Map<string, string>;
  dkRf: number;
  persons: number;
  proxies: number;
  ages: number[];
}

function flatten(value: unknown, path: string, out: Map<string, string>) {
  if (Array.isArray(value) && value.some((v) => v && typeof v === 'object')) {
    value.forEach((v, i) => {
      flatten(v, `${path}[${i}]`, out);
    });
  } else if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out);
  } else if (value !== undefined && value !== null && value !== '') {
    out.set(path, JSON.stringify(value));
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

export function factsOf(env: InterviewEnvelope, meta: { enumeratorId: string; eaCode: string }): Facts {
  const leaves = new Map<string, string>();
  for (const [k, v] of Object.entries(env.answers)) if (!IDENTIFIER.test(k)) flatten(v, k, leaves);
  let dkRf = 0;
  for (const v of leaves.values()) if (v === String(DK) || v === String(RF)) dkRf++;
  const respondents = rows(env.answers[RESPONDENT_ROSTER]);
  const ages = rows(env.answers[ROSTER])
    .map((r) => Number(r[AGE]))
    .filter((a) => Number.isInteger(a) && a >= 0 && a < DK);
  const start = Date.parse(env.startedAt);
  const end = env.completedAt ? Date.parse(env.completedAt) : Number.NaN;
  const pd = env.paradata as Record<string, unknown>;
  const pages = (pd.pageTimesMs ?? {}) as Record<string, unknown>;
  return {
    interviewId: env.interviewId,
    revision: env.revision,
    ...meta,
    outcome: env.outcome,
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
    proxies: respondents.filter((r) => Number(r[RESPONDENT]) === PROXY).length,
    ages,
  };
}
