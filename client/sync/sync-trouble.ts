/**
 * What the tablet's background work could not do, kept as one state per step so the screen shows it once
 * and updates it instead of nagging at every retry: a login that unlocked the tablet without the server
 * (the server down, a timeout, a proxy's page), the renewal of an expired session that could not reach the
 * server (client/sync/renewal.ts), the automatic upload of the outbox stopped by a failure it
 * retries, the automatic download of assignments, questionnaires and profiles. Each keeps the failure as
 * it came (told in the app language by client/error-sentence.ts), when the trouble began and how many
 * tries failed since; a success of the step clears it, and an answer of the server clears the login's
 * and the renewal's troubles (the server answered after all, with a valid session).
 */
export const SYNC_STEPS = ['login', 'renew', 'upload', 'refresh'] as const;
export type SyncStep = (typeof SYNC_STEPS)[number];

export interface SyncTrouble {
  step: SyncStep;
  /** the failure as it came (an API result, a thrown error, an uploader's note) */
  failure: unknown;
  /** when the first failure of this run of failures happened (ms) */
  since: number;
  /** failed tries since then */
  tries: number;
}

export class SyncTroubles {
  private readonly current = new Map<SyncStep, SyncTrouble>();

  constructor(
    private readonly onChange: () => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** The step failed (again): one trouble per step, its start kept, the failure the latest. */
  failed(step: SyncStep, failure: unknown): void {
    const was = this.current.get(step);
    this.current.set(step, { step, failure, since: was?.since ?? this.now(), tries: (was?.tries ?? 0) + 1 });
    this.onChange();
  }

  /** The step has nothing left failing: its trouble is over. */
  over(step: SyncStep): void {
    if (this.current.delete(step)) this.onChange();
  }

  /** The step succeeded with the server: its trouble, the login's and the renewal's are over. */
  succeeded(step: SyncStep): void {
    const cleared = [step, 'login' as const, 'renew' as const].filter((s) => this.current.delete(s));
    if (cleared.length > 0) this.onChange();
  }

  get(step: SyncStep): SyncTrouble | null {
    return this.current.get(step) ?? null;
  }

  /** The troubles in a fixed order (login, renew, upload, refresh). */
  list(): SyncTrouble[] {
    return SYNC_STEPS.flatMap((s) => this.current.get(s) ?? []);
  }
}
