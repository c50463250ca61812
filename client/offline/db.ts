/**
 * The tablet's IndexedDB (Dexie): everything an enumerator needs offline, and every answer.
 * Nothing here is deleted except an outbox item or a notice the server acknowledged, a draft the
 * enumerator discarded after confirming (and, on a revoked device, what was uploaded). The personal
 * tables are sealed at rest by sealed-store.ts; `keyHold` holds the data key while the tablet is unlocked.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Assignment } from '../../server/contract/assignments.ts';
import type { ApiUser } from '../../server/contract/auth.ts';
import type { DraftDiscard } from '../../server/contract/draft-discard.ts';
import type { ReturnedInterview } from '../../server/contract/review.ts';
import type { AnyEnvelope } from '../../server/contract/sealed-envelope.ts';
import type { OutboxState } from '../sync/outbox-machine.ts';
import { type DamagedRecord, KeyHold, sealingMiddleware } from './sealed-store.ts';

export interface StoredQuestionnaire {
  key: string; // `${id}@${version}`
  id: string;
  version: number;
  json: Record<string, unknown>;
  fetchedAt: number;
}

export type DraftStatus = 'in_progress' | 'completed' | 'submitted';

export interface Draft {
  interviewId: string;
  revision: number;
  assignmentId: string;
  questionnaireId: string;
  questionnaireVersion: number;
  answers: Record<string, unknown>;
  currentPage: number;
  locale: string;
  startedAt: string;
  completedAt: string | null;
  paradata: Record<string, unknown>;
  status: DraftStatus;
  /** The supervisor's comments when the interview came back; empty otherwise. */
  comments: ReturnedInterview['comments'];
  updatedAt: number;
}

export interface OutboxItem {
  key: string; // `${interviewId}#${revision}`
  interviewId: string;
  revision: number;
  assignmentId: string;
  /** Sealed (answers and paradata as ciphertext) for a survey with end-to-end encryption. */
  envelope: AnyEnvelope;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number | null;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
}

/**
 * A notice for the office waiting to be sent, moved by the outbox's state machine like an interview
 * (queued, sending, accepted, retry_wait, auth_wait, conflict, rejected): today the one kind, a draft the
 * enumerator discarded (POST /api/assignments/draft-discards). `key` is the notice's id, sent on every
 * retry so the server records it once.
 */
export interface NoticeItem {
  key: string;
  notice: DraftDiscard;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number | null;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
}

export type SyncLogLevel = 'info' | 'warn' | 'error';
export interface SyncLogEntry {
  id?: number;
  at: number;
  level: SyncLogLevel;
  /** A key the screens translate (see client/i18n.ts `log.*`), e.g. 'accepted', 'retry'. */
  event: string;
  detail: string | null;
  interviewId: string | null;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * One enumerator's offline unlock: the device's data key wrapped under a PBKDF2-SHA-256 key of their
 * password (see crypto.ts). `hash` is the verifier of the first releases (no data key yet); a keyring
 * with `hash` and no `wrapped` is upgraded at the next unlock.
 */
export interface Verifier {
  username: string;
  salt: string; // base64
  iterations: number;
  hash?: string; // base64 of PBKDF2-SHA-256 (legacy verifier only)
  iv?: string; // base64 GCM nonce of `wrapped`
  wrapped?: string; // base64 of the wrapped data key
  user: ApiUser;
}

export interface StoredSession {
  token: string;
  expiresAt: number;
  user: ApiUser;
}

export type MorabezaDb = Dexie & {
  questionnaires: EntityTable<StoredQuestionnaire, 'key'>;
  assignments: EntityTable<Assignment, 'id'>;
  drafts: EntityTable<Draft, 'interviewId'>;
  outbox: EntityTable<OutboxItem, 'key'>;
  notices: EntityTable<NoticeItem, 'key'>;
  syncLog: EntityTable<SyncLogEntry, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  damaged: EntityTable<DamagedRecord, 'id'>;
  keyHold: KeyHold;
};

export function openDb(name = 'morabeza'): MorabezaDb {
  const db = new Dexie(name) as MorabezaDb;
  db.version(1).stores({
    questionnaires: 'key, id',
    assignments: 'id',
    drafts: 'interviewId, assignmentId, status',
    outbox: 'key, interviewId, state, createdAt',
    syncLog: '++id, at',
    meta: 'key',
  });
  db.version(2).stores({ damaged: 'id' });
  db.version(3).stores({ notices: 'key, state, createdAt' });
  db.keyHold = new KeyHold();
  // The copy is written in its own transaction, after the read that found the record unreadable.
  const keep = (d: DamagedRecord) => void setTimeout(() => void db.damaged.put(d).catch(console.error));
  db.use(sealingMiddleware(db.keyHold, keep));
  return db;
}

export const questionnaireKey = (id: string, version: number): string => `${id}@${version}`;
export const outboxKey = (interviewId: string, revision: number): string => `${interviewId}#${revision}`;
