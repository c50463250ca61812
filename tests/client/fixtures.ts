import { readFileSync } from 'node:fs';
import { newDataKey } from '../../client/offline/crypto.ts';
import { type Draft, type MorabezaDb, openDb } from '../../client/offline/db.ts';
import type { InterviewEnvelope } from '../../server/contract/interview.ts';
import { type SurveyProfile, surveyProfileSchema } from '../../server/contract/survey-profile.ts';

/** The test survey's profile (tests/fixtures/server/questionnaires/test/profile.json). */
export const TEST_PROFILE: SurveyProfile = surveyProfileSchema.parse(
  JSON.parse(
    readFileSync(new URL('../fixtures/server/questionnaires/test/profile.json', import.meta.url), 'utf8'),
  ),
);

export function envelope(overrides: Partial<InterviewEnvelope> = {}): InterviewEnvelope {
  return {
    interviewId: crypto.randomUUID(),
    revision: 1,
    questionnaireId: 'ipei-household',
    questionnaireVersion: 1,
    assignmentId: 'a-1',
    answers: { a02_island: 'Santiago', hh_size: 3 },
    paradata: { visits: [] },
    outcome: 1,
    locale: 'pt',
    startedAt: '2026-11-30T10:00:00.000Z',
    completedAt: '2026-11-30T10:30:00.000Z',
    deviceId: 'tablet-test',
    ...overrides,
  };
}

export function draft(interviewId: string, overrides: Partial<Draft> = {}): Draft {
  return {
    interviewId,
    revision: 1,
    assignmentId: 'a-1',
    questionnaireId: 'ipei-household',
    questionnaireVersion: 1,
    answers: {},
    currentPage: 0,
    locale: 'pt',
    startedAt: '2026-11-30T10:00:00.000Z',
    completedAt: null,
    paradata: {},
    status: 'in_progress',
    comments: [],
    updatedAt: 0,
    ...overrides,
  };
}

/** A tablet database that is unlocked: its personal tables are sealed with this (or a fresh) data key. */
export async function unlockedDb(name: string, key?: CryptoKey): Promise<MorabezaDb> {
  const db = openDb(name);
  db.keyHold.set(key ?? (await newDataKey()));
  return db;
}
