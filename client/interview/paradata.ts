/**
 * Paradata of one interview: start and end, time per page and per question, language switches,
 * visits, the device id and the GPS position (or why it is missing). Plain data, stored with the draft.
 */

export type GpsReading =
  | { status: 'ok'; latitude: number; longitude: number; accuracyM: number; at: string }
  | { status: 'missing'; reason: 'unsupported' | 'denied' | 'unavailable' | 'timeout' | 'pending' };

export interface Paradata {
  deviceId: string;
  startedAt: string;
  endedAt: string | null;
  pageTimesMs: Record<string, number>;
  questionTimesMs: Record<string, number>;
  languageSwitches: { at: string; from: string; to: string }[];
  visits: { start: string; end: string }[];
  gps: GpsReading;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function emptyParadata(deviceId: string, now: number): Paradata {
  return {
    deviceId,
    startedAt: iso(now),
    endedAt: null,
    pageTimesMs: {},
    questionTimesMs: {},
    languageSwitches: [],
    visits: [],
    gps: { status: 'missing', reason: 'pending' },
  };
}

/** Accumulates times while an interview is open; every snapshot is safe to store. */
export class ParadataRecorder {
  private data: Paradata;
  private page: string | null = null;
  private pageMark = 0;
  private questionMark = 0;

  constructor(
    initial: Paradata,
    private readonly now: () => number = Date.now,
  ) {
    this.data = structuredClone(initial);
  }

  /** Opening the interview (again) is a visit. */
  beginVisit(page: string): void {
    const t = this.now();
    this.data.visits.push({ start: iso(t), end: iso(t) });
    this.page = page;
    this.pageMark = t;
    this.questionMark = t;
  }

  pageChanged(to: string): void {
    this.checkpoint();
    this.page = to;
    this.questionMark = this.now();
  }

  /** The time since the previous answer (or since the page opened) goes to this question. */
  answered(question: string): void {
    const t = this.now();
    this.data.questionTimesMs[question] =
      (this.data.questionTimesMs[question] ?? 0) + (t - this.questionMark);
    this.questionMark = t;
  }

  languageSwitched(from: string, to: string): void {
    if (from !== to) this.data.languageSwitches.push({ at: iso(this.now()), from, to });
  }

  setGps(gps: GpsReading): void {
    this.data.gps = gps;
  }

  complete(): Paradata {
    const snap = this.snapshot();
    this.data.endedAt = iso(this.now());
    return { ...snap, endedAt: this.data.endedAt };
  }

  /** Folds the running page time in and closes the current visit at now. */
  snapshot(): Paradata {
    this.checkpoint();
    return structuredClone(this.data);
  }

  private checkpoint(): void {
    const t = this.now();
    if (this.page !== null) {
      this.data.pageTimesMs[this.page] = (this.data.pageTimesMs[this.page] ?? 0) + (t - this.pageMark);
    }
    this.pageMark = t;
    const visit = this.data.visits.at(-1);
    if (visit) visit.end = iso(t);
  }
}

/** The position when the device grants it; otherwise the reason it is missing. */
export function captureGps(timeoutMs: number): Promise<GpsReading> {
  const geo = globalThis.navigator?.geolocation;
  if (!geo) return Promise.resolve({ status: 'missing', reason: 'unsupported' });
  return new Promise((resolve) => {
    geo.getCurrentPosition(
      (pos) =>
        resolve({
          status: 'ok',
          latitude: pos.coords.latitude,
          longitude: pos.coords.longitude,
          accuracyM: pos.coords.accuracy,
          at: iso(pos.timestamp),
        }),
      (err) =>
        resolve({
          status: 'missing',
          reason: err.code === 1 ? 'denied' : err.code === 3 ? 'timeout' : 'unavailable',
        }),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}
