/**
 * Quality flags for one interview revision, each with a plain explanation a supervisor can act on.
 * Interview rules look at the interview alone or against the median of its questionnaire; near-duplicates
 * compare its answers with the other interviews of its EA and its enumerator. The thresholds are here,
 * in one place, with the reason for each.
 */
import type { Facts } from './facts.ts';
import { haversineKm, median, pct, round1, similarity } from './stats.ts';

export const THRESHOLDS = {
  /** Duration outliers are those below 40% of the median (the first survey's fieldwork rule). */
  shortShare: 0.4,
  /** A median needs this many other complete interviews. */
  minPeers: 5,
  /** Pages whose median time is below this are too short to judge (cover, closing). */
  minPageMedianMs: 30_000,
  /** EAs are a few hundred households: farther than this from the centroid is not in the EA. */
  farKm: 3,
  /** Plausible local hours to start an interview: 07:00 to 21:00. */
  earliestHour: 7,
  latestHour: 21,
  /** The device clock may run this far ahead of the server's before it counts as wrong. */
  clockSlackMs: 10 * 60_000,
  /** Near-duplicate: this share of identical answers, over at least this many answered paths. */
  duplicateShare: 0.95,
  duplicateMinPaths: 10,
  /**
   * Roster vs the listing's household size: the size is told at the door, often by a neighbour or
   * before the residence rule is applied, so one member either way (a newborn, a visitor, someone
   * away) is ordinary; more than max(1, a quarter of the listed size) apart suggests another household
   * was interviewed or members were left out or added. A warning, not an error.
   */
  sizeSlackMembers: 1,
  sizeSlackShare: 0.25,
} as const;

export interface FlagDraft {
  code: string;
  path: string | null;
  message: string;
}

export interface InterviewContext {
  self: Facts;
  /** Other interviews of the same questionnaire (current revisions). */
  peers: Facts[];
  centroid: { lat: number; lon: number } | null;
  receivedAt: number;
  /** The household's number of members as the listing recorded it (listed-size.ts); null: unknown. */
  listedSize?: number | null;
}

export function interviewFlags({
  self,
  peers,
  centroid,
  receivedAt,
  listedSize = null,
}: InterviewContext): FlagDraft[] {
  const out: FlagDraft[] = [];
  const completes = peers.filter((p) => p.complete);
  if (self.complete && self.durationMin !== null) {
    const m = median(completes.flatMap((p) => (p.durationMin && p.durationMin > 0 ? [p.durationMin] : [])));
    if (
      m !== null &&
      completes.length >= THRESHOLDS.minPeers &&
      self.durationMin < THRESHOLDS.shortShare * m
    ) {
      out.push({
        code: 'quality.short_duration',
        path: null,
        message: `The interview took ${round1(self.durationMin)} min, less than ${pct(THRESHOLDS.shortShare)} of the median ${round1(m)} min for this questionnaire.`,
      });
    }
    for (const [page, ms] of Object.entries(self.pageTimesMs)) {
      const times = completes.flatMap((p) => (page in p.pageTimesMs ? [p.pageTimesMs[page]] : []));
      const pm = median(times);
      if (
        pm !== null &&
        times.length >= THRESHOLDS.minPeers &&
        pm >= THRESHOLDS.minPageMedianMs &&
        ms < THRESHOLDS.shortShare * pm
      ) {
        out.push({
          code: 'quality.short_module',
          path: page,
          message: `The page ${page} took ${round1(ms / 1000)} s, less than ${pct(THRESHOLDS.shortShare)} of its median ${round1(pm / 1000)} s.`,
        });
      }
    }
  }
  if (self.gps.status === 'missing') {
    out.push({
      code: 'quality.gps_missing',
      path: null,
      message: `No GPS position was recorded (${self.gps.reason}): the visit cannot be placed in its EA.`,
    });
  } else if (centroid) {
    const km = haversineKm(self.gps.latitude, self.gps.longitude, centroid.lat, centroid.lon);
    if (km > THRESHOLDS.farKm) {
      out.push({
        code: 'quality.gps_far',
        path: null,
        message: `The GPS position is ${round1(km)} km from the centre of EA ${self.eaCode} (more than ${THRESHOLDS.farKm} km): was the interview done in the EA?`,
      });
    }
  }
  const hour = Number(self.startedAt.slice(11, 13));
  if (hour < THRESHOLDS.earliestHour || hour >= THRESHOLDS.latestHour) {
    out.push({
      code: 'quality.odd_hours',
      path: null,
      message: `The interview started at ${self.startedAt.slice(11, 16)} local time, outside ${THRESHOLDS.earliestHour}:00 to ${THRESHOLDS.latestHour}:00.`,
    });
  }
  out.push(...clockFlags(self, receivedAt));
  out.push(...duplicateFlags(self, peers));
  out.push(...sizeFlags(self, listedSize));
  return out;
}

/** The roster's size against the listing's (an interview without a roster, e.g. a refusal, is not judged). */
export function sizeFlags(self: Facts, listedSize: number | null): FlagDraft[] {
  const rostered = self.rosterSize;
  if (listedSize === null || rostered === null || rostered === 0) return [];
  const slack = Math.max(THRESHOLDS.sizeSlackMembers, THRESHOLDS.sizeSlackShare * listedSize);
  if (Math.abs(rostered - listedSize) <= slack) return [];
  return [
    {
      code: 'quality.size_vs_listing',
      path: null,
      message: `The roster lists ${rostered} members; the listing recorded ${listedSize} for this household (more than ${round1(slack)} apart): check that the right household was interviewed and that no member was left out or added.`,
    },
  ];
}

function clockFlags(self: Facts, receivedAt: number): FlagDraft[] {
  const out: FlagDraft[] = [];
  const start = Date.parse(self.startedAt);
  const end = self.completedAt ? Date.parse(self.completedAt) : null;
  if (end !== null && end < start) {
    out.push({
      code: 'quality.clock_order',
      path: null,
      message: 'The interview ends before it starts: the device clock was changed during the interview.',
    });
  }
  const latest = Math.max(start, end ?? start);
  if (latest > receivedAt + THRESHOLDS.clockSlackMs) {
    out.push({
      code: 'quality.clock_ahead',
      path: null,
      message: `The device's times are ${round1((latest - receivedAt) / 60_000)} min after the server received the interview: the device clock is wrong.`,
    });
  }
  const outOfOrder = self.visits.some(
    (v, i) =>
      Date.parse(v.end) < Date.parse(v.start) ||
      (i > 0 && Date.parse(v.start) < Date.parse(self.visits[i - 1].end)),
  );
  if (outOfOrder) {
    out.push({
      code: 'quality.clock_order',
      path: null,
      message: 'The visits recorded on the device are out of order in time: the device clock went backwards.',
    });
  }
  return out;
}

function duplicateFlags(self: Facts, peers: Facts[]): FlagDraft[] {
  let best: { peer: Facts; share: number; union: number } | null = null;
  let count = 0;
  for (const p of peers) {
    if (p.eaCode !== self.eaCode && p.enumeratorId !== self.enumeratorId) continue;
    // the share cannot reach the threshold when the numbers of answers differ too much
    if (
      Math.min(p.leaves.size, self.leaves.size) <
      THRESHOLDS.duplicateShare * Math.max(p.leaves.size, self.leaves.size)
    )
      continue;
    const { share, union } = similarity(self.leaves, p.leaves);
    if (union < THRESHOLDS.duplicateMinPaths || share < THRESHOLDS.duplicateShare) continue;
    count++;
    if (!best || share > best.share) best = { peer: p, share, union };
  }
  if (!best) return [];
  const more = count > 1 ? ` (and ${count - 1} other interviews almost as close)` : '';
  return [
    {
      code: 'quality.near_duplicate',
      path: null,
      message: `${pct(best.share)} of the ${best.union} answers are identical to interview ${best.peer.interviewId}${more}: check that both households were really interviewed.`,
    },
  ];
}
