/**
 * Office coding: the free texts of a survey's coded pairs (profile.json `officeCoding`), grouped by
 * their normalised text (analysis/export/office-codes.ts, `normaliseText`) over the live interviews
 * (neither sealed nor rejected; the current revision), with how many answers and which field codes each
 * group has; and a coder's code for one group, which holds for every answer with that text, present and
 * future. A code is a new row of office_codes (the latest is in force, earlier ones stay as history) and
 * an audit entry naming the interviews it touched, written in one transaction. Clearing a group's code
 * is a row with the empty code (`CLEARED`: never an office code, so the table's NOT NULL code needs no
 * migration) and an audit entry with the coder's reason; the group is uncoded again and the export
 * gives it no code. Coordinators and admins see and code every group; a supervisor sees the groups of
 * the team's interviews (server/domain/scope.ts) and codes those whose text no other team wrote, since
 * a code holds survey-wide.
 */
import { and, desc, eq, lte, notInArray, sql } from 'drizzle-orm';
import { normaliseText, type OfficeCodedPair } from '../../analysis/export/office-codes.ts';
import type {
  AssignOfficeCode,
  AssignOfficeCodeResult,
  ClearOfficeCode,
  OfficeCodingView,
  OfficeGroup,
  OfficePairView,
  OfficeTitleLang,
} from '../contract/office-coding.ts';
import { questionnaireIdOf } from '../contract/survey-profile.ts';
import type { Database } from '../db/client.ts';
import { interviewRevisions, interviews, officeCodes, users } from '../db/schema.ts';
import { Problem } from '../problems.ts';
import type { SessionUser } from './accounts.ts';
import { audit } from './audit.ts';
import type { OfficePair } from './office-coding-pairs.ts';
import { suggester } from './office-coding-suggestions.ts';
import { enumeratorScope } from './scope.ts';
import { type SurveyRegistry, surveysOf } from './surveys.ts';

type Row = Record<string, unknown>;

/**
 * The stored code of a cleared group: the empty string, which officeCodeValueSchema (1 to 10
 * characters) never allows as a code, so it cannot be mistaken for one.
 */
const CLEARED = '';

interface Gathered {
  sample: string;
  count: number;
  fieldCodes: Map<string, number>;
  interviews: Set<string>;
}

interface LiveAnswers {
  id: string;
  answers: Row;
  /** In the user's scope (server/domain/scope.ts: a supervisor's team; everything for the office). */
  mine: boolean;
}

/** The live interviews' answers of the survey's interview questionnaire, each marked in scope or not. */
async function liveAnswers(
  database: Database,
  questionnaireId: string,
  user: SessionUser,
): Promise<LiveAnswers[]> {
  const scope = enumeratorScope(user, interviews.enumeratorId);
  const rows = await database.db
    .select({
      id: interviews.id,
      envelope: interviewRevisions.envelope,
      mine: scope ? sql<number>`(${scope})` : sql<number>`1`,
    })
    .from(interviews)
    .innerJoin(
      interviewRevisions,
      and(
        eq(interviewRevisions.interviewId, interviews.id),
        eq(interviewRevisions.revision, interviews.currentRevision),
      ),
    )
    .where(
      and(
        eq(interviews.questionnaireId, questionnaireId),
        notInArray(interviews.status, ['sealed', 'rejected']),
      ),
    );
  const out: LiveAnswers[] = [];
  for (const row of rows) {
    try {
      const env = JSON.parse(row.envelope) as { answers?: unknown };
      if (env.answers && typeof env.answers === 'object')
        out.push({ id: row.id, answers: env.answers as Row, mine: Boolean(row.mine) });
    } catch {
      // an envelope that is not JSON has no text to code
    }
  }
  return out;
}

/** Answers in the user's scope grouped, and how many answers of each text lie outside it. */
function gatherScoped(pairs: OfficePair[], live: LiveAnswers[]) {
  const entries = (mine: boolean): Array<[string, Row]> =>
    live.filter((l) => l.mine === mine).map((l) => [l.id, l.answers]);
  const outside = gather(pairs, entries(false));
  const elsewhere = (pair: string, key: string) => outside.get(pair)?.get(key)?.count ?? 0;
  return { groups: gather(pairs, entries(true)), elsewhere };
}

/** Each pair's groups of answers by normalised text. */
function gather(pairs: OfficePair[], answers: Array<[string, Row]>): Map<string, Map<string, Gathered>> {
  const out = new Map(pairs.map((p) => [p.pair, new Map<string, Gathered>()]));
  for (const [id, a] of answers)
    for (const p of pairs) {
      const list = p.roster === null ? [a] : a[p.roster];
      if (!Array.isArray(list)) continue;
      const groups = out.get(p.pair) as Map<string, Gathered>;
      for (const row of list as Row[]) {
        const text = row?.[p.text];
        if (typeof text !== 'string') continue;
        const key = normaliseText(text);
        if (!key) continue;
        let g = groups.get(key);
        if (!g) {
          g = { sample: text.trim(), count: 0, fieldCodes: new Map(), interviews: new Set() };
          groups.set(key, g);
        }
        g.count++;
        g.interviews.add(id);
        const field = row[p.field];
        if (field !== undefined && field !== null && field !== '') {
          const code = String(field);
          g.fieldCodes.set(code, (g.fieldCodes.get(code) ?? 0) + 1);
        }
      }
    }
  return out;
}

export interface CodeInForce {
  code: string;
  codedBy: string;
  codedAt: number;
}

/** Codes of the survey, given at or before `asOf` (ms) when set. */
const codesOf = (survey: string, asOf: number | null) =>
  asOf === null
    ? eq(officeCodes.survey, survey)
    : and(eq(officeCodes.survey, survey), lte(officeCodes.codedAt, asOf));

/**
 * The codes in force of a survey: pair -> normalised text -> the latest code (as it was at `asOf`, a
 * time in ms, when set).
 */
export async function officeCodesInForce(
  database: Database,
  survey: string,
  asOf: number | null = null,
): Promise<Map<string, Map<string, CodeInForce>>> {
  return (await readCodes(database, survey, asOf)).inForce;
}

/**
 * The codes in force and their generation (the id of the latest code read: it changes whenever a code
 * of the survey is given, the export's cache key), from one read, so the generation is always that
 * of the codes read (a code saved meanwhile is in neither).
 */
async function readCodes(database: Database, survey: string, asOf: number | null) {
  const rows = await database.db
    .select({
      id: officeCodes.id,
      pair: officeCodes.pair,
      textKey: officeCodes.textKey,
      code: officeCodes.code,
      codedBy: users.displayName,
      codedAt: officeCodes.codedAt,
    })
    .from(officeCodes)
    .innerJoin(users, eq(users.id, officeCodes.codedBy))
    .where(codesOf(survey, asOf))
    .orderBy(officeCodes.id);
  const inForce = new Map<string, Map<string, CodeInForce>>();
  let generation = 0;
  for (const r of rows) {
    const byText = inForce.get(r.pair) ?? new Map<string, CodeInForce>();
    inForce.set(r.pair, byText);
    // later rows win; a cleared group has no code in force
    if (r.code === CLEARED) byText.delete(r.textKey);
    else byText.set(r.textKey, { code: r.code, codedBy: r.codedBy, codedAt: r.codedAt });
    generation = Math.max(generation, r.id);
  }
  return { inForce, generation };
}

const interviewQuestionnaire = (surveys: SurveyRegistry, survey: string) => {
  const profile = surveys.require(survey);
  return questionnaireIdOf(profile, profile.questionnaires.interview);
};

/**
 * The coder's view of a survey: each pair with its code list and its groups (uncoded first, then the
 * most frequent); `uncodedOnly` leaves coded groups out. Each uncoded group has up to 3 suggested codes
 * (server/domain/office-coding-suggestions.ts), from the codes in force of alike texts (for a
 * supervisor, only texts of the team's interviews, so no other team's text is shown) and the code
 * titles in `lang`.
 */
export async function officeCodingView(
  database: Database,
  surveys: SurveyRegistry,
  user: SessionUser,
  survey: string,
  uncodedOnly: boolean,
  lang: OfficeTitleLang = 'pt',
): Promise<OfficeCodingView> {
  const pairs = surveys.officeCoding(survey);
  const questionnaireId = interviewQuestionnaire(surveys, survey);
  const { groups: gathered, elsewhere } = gatherScoped(
    pairs,
    pairs.length ? await liveAnswers(database, questionnaireId, user) : [],
  );
  const inForce = await officeCodesInForce(database, survey);
  const scoped = enumeratorScope(user, interviews.enumeratorId) !== null;
  const views: OfficePairView[] = pairs.map((p) => {
    const coded = inForce.get(p.pair) ?? new Map<string, CodeInForce>();
    const mine = gathered.get(p.pair) ?? new Map<string, Gathered>();
    const suggest = suggester(
      p.codes,
      [...coded].filter(([key]) => !scoped || mine.has(key)).map(([key, c]) => ({ key, code: c.code })),
      lang,
    );
    const groups: OfficeGroup[] = [...mine]
      .map(([key, g]) => {
        const c = coded.get(key);
        const fieldCodes = [...g.fieldCodes]
          .map(([code, count]) => ({ code, count }))
          .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
        return {
          key,
          sample: g.sample,
          count: g.count,
          fieldCodes,
          elsewhere: elsewhere(p.pair, key),
          code: c?.code ?? null,
          codedBy: c?.codedBy ?? null,
          codedAt: c ? new Date(c.codedAt).toISOString() : null,
          suggestions: c
            ? []
            : suggest(
                key,
                fieldCodes.map((f) => f.code),
              ),
        };
      })
      .filter((g) => !uncodedOnly || g.code === null)
      .sort(
        (a, b) =>
          Number(a.code !== null) - Number(b.code !== null) ||
          b.count - a.count ||
          a.key.localeCompare(b.key),
      );
    return {
      pair: p.pair,
      text: p.text,
      field: p.field,
      officeVariable: p.officeVariable,
      classification: p.classification,
      level: p.level,
      codes: p.codes,
      groups,
    };
  });
  return { survey, pairs: views };
}

/**
 * The pair a request names and its normalised text (422 naming `pair` when the survey has no such
 * pair; an unknown survey is a 404, as for the list).
 */
function requestedPair(surveys: SurveyRegistry, survey: string, body: { pair: string; text: string }) {
  surveys.require(survey);
  const pairs = surveys.officeCoding(survey);
  const pair = pairs.find((p) => p.pair === body.pair);
  if (!pair)
    throw new Problem('request.invalid', [
      {
        field: 'pair',
        message: pairs.length
          ? `'${body.pair}' is not an office-coding pair of survey ${survey}: one of ${pairs.map((p) => p.pair).join(', ')}`
          : `survey ${survey} declares no office coding (profile.json officeCoding)`,
      },
    ]);
  return { pair, key: normaliseText(body.text) };
}

/**
 * The live answers with the text in the user's scope (422 naming `text` when none has it: for a
 * supervisor, another team's text is not there). A code holds for the text survey-wide, so a
 * supervisor may not code a text also written in another team's interviews (403: the office codes it).
 */
async function liveGroup(
  database: Database,
  surveys: SurveyRegistry,
  user: SessionUser,
  survey: string,
  pair: OfficePair,
  key: string,
) {
  const live = await liveAnswers(database, interviewQuestionnaire(surveys, survey), user);
  const { groups, elsewhere } = gatherScoped([pair], live);
  const group = groups.get(pair.pair)?.get(key);
  if (!key || !group)
    throw new Problem('request.invalid', [
      {
        field: 'text',
        message: `no live interview ${user.role === 'supervisor' ? "of your team's " : ''}has this text for ${pair.text}: reload the list`,
      },
    ]);
  const others = elsewhere(pair.pair, key);
  if (others > 0)
    throw new Problem('auth.forbidden', {
      reason: `this text is also written in ${others} answers of other teams' interviews, and a code holds for every answer with it: a coordinator codes it`,
    });
  return group;
}

/**
 * Writes a group's new code (`CLEARED` to clear it) with its audit entry, in one transaction, unless
 * it is already the code in force (nothing written, `changed: false`).
 */
async function recordCode(
  database: Database,
  user: SessionUser,
  survey: string,
  pair: OfficePair,
  key: string,
  group: Gathered,
  code: string,
  reason: string | null,
): Promise<AssignOfficeCodeResult> {
  return database.write(async (tx) => {
    const [last] = await tx
      .select({ code: officeCodes.code })
      .from(officeCodes)
      .where(
        and(eq(officeCodes.survey, survey), eq(officeCodes.pair, pair.pair), eq(officeCodes.textKey, key)),
      )
      .orderBy(desc(officeCodes.id))
      .limit(1);
    const inForce = (c: string | undefined) => (c === undefined || c === CLEARED ? null : c);
    const previous = inForce(last?.code);
    const result = {
      pair: pair.pair,
      key,
      code: inForce(code),
      previous,
      interviews: group.interviews.size,
    };
    if (previous === result.code) return { ...result, changed: false };
    await tx.insert(officeCodes).values({ survey, pair: pair.pair, textKey: key, code, codedBy: user.id });
    await audit(tx, {
      actorId: user.id,
      action: code === CLEARED ? 'office_code.clear' : 'office_code.assign',
      entityType: 'office_code',
      entityId: `${survey}/${pair.pair}`,
      details: {
        text: key,
        code: result.code,
        previous,
        ...(reason === null ? {} : { reason }),
        answers: group.count,
        interviews: [...group.interviews].sort(),
      },
    });
    return { ...result, changed: true };
  });
}

/**
 * Gives a text group of a pair an office code (422 naming `pair`, `code` or `text` when it is not one
 * the survey has). Giving the code already in force changes nothing.
 */
export async function assignOfficeCode(
  database: Database,
  surveys: SurveyRegistry,
  user: SessionUser,
  survey: string,
  body: AssignOfficeCode,
): Promise<AssignOfficeCodeResult> {
  const { pair, key } = requestedPair(surveys, survey, body);
  if (!pair.codes.some((c) => c.code === body.code))
    throw new Problem('request.invalid', [
      {
        field: 'code',
        message: `'${body.code}' is not a code of ${pair.classification} (${pair.level}) for ${pair.text}`,
      },
    ]);
  const group = await liveGroup(database, surveys, user, survey, pair, key);
  return recordCode(database, user, survey, pair, key, group, body.code, null);
}

/**
 * Clears a group's office code: the group is uncoded again (the export gives its answers no office
 * code), the clear is a new row so the history stays, and the audit entry keeps the reason. 422 naming
 * `pair` or `text` as for a code; clearing a group with no code in force changes nothing.
 */
export async function clearOfficeCode(
  database: Database,
  surveys: SurveyRegistry,
  user: SessionUser,
  survey: string,
  body: ClearOfficeCode,
): Promise<AssignOfficeCodeResult> {
  const { pair, key } = requestedPair(surveys, survey, body);
  const group = await liveGroup(database, surveys, user, survey, pair, key);
  return recordCode(database, user, survey, pair, key, group, CLEARED, body.reason);
}

/**
 * The survey's pairs with their codes in force, as the export wants them, and the generation of those
 * codes (for the export's cache key). A release's export takes the codes as they were when it was
 * published (`asOf`, ms), so a release never changes; codes given since go into the next release (or
 * the latest run's export, without a release). No pairs when the database has no survey registry
 * bound (tools).
 */
export async function officeCodedPairs(
  database: Database | undefined,
  survey: string,
  asOf: number | null = null,
): Promise<{ pairs: OfficeCodedPair[]; generation: number }> {
  if (!database) return { pairs: [], generation: 0 };
  let declared: OfficePair[];
  try {
    declared = surveysOf(database).officeCoding(survey);
  } catch {
    return { pairs: [], generation: 0 };
  }
  if (!declared.length) return { pairs: [], generation: 0 };
  const { inForce, generation } = await readCodes(database, survey, asOf);
  const pairs = declared.map((p) => ({
    text: p.text,
    field: p.field,
    classification: p.classification,
    level: p.level,
    codes: p.codes,
    assigned: new Map([...(inForce.get(p.pair) ?? [])].map(([key, c]) => [key, c.code])),
  }));
  return { pairs, generation };
}
