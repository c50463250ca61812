/**
 * Quality flags about an enumerator's work as a whole, raised on each of their interviews: high shares of
 * don't-know and refused answers, of proxy respondents, heaping of ages on multiples of five (Whipple's
 * index), interviews much shorter than the others' or all of nearly the same length.
 */
import type { Facts } from './facts.ts';
import type { FlagDraft } from './rules.ts';
import { coefficientOfVariation, median, pct, round1 } from './stats.ts';

export const ENUMERATOR_THRESHOLDS = {
  /** An enumerator is judged on at least this many complete interviews. */
  minInterviews: 5,
  /** DK/RF share of answers: at least this, and at least twice the other enumerators' share. */
  dkRfShare: 0.1,
  /** Proxy share of persons: at least this, and 1.5 times the others' share; over at least 10 persons. */
  proxyShare: 0.5,
  minPersons: 10,
  /** Whipple's index over ages 23-62 (100 = no heaping; 175 and over = very rough data, UN). */
  whipple: 175,
  minAges: 20,
  /** Median duration below this share of the other enumerators' median. */
  shortShare: 0.6,
  /** Durations this uniform (coefficient of variation) look scripted. */
  uniformCv: 0.1,
} as const;

const T = ENUMERATOR_THRESHOLDS;

/** Whipple's index: 500 x share of ages 23-62 that end in 0 or 5. */
export function whipple(ages: number[]): { index: number; n: number } {
  const inRange = ages.filter((a) => a >= 23 && a <= 62);
  const heaped = inRange.filter((a) => a % 5 === 0).length;
  return { index: inRange.length ? (500 * heaped) / inRange.length : 0, n: inRange.length };
}

function shares(list: Facts[]) {
  const answers = list.reduce((a, f) => a + f.leaves.size, 0);
  const dkRf = list.reduce((a, f) => a + f.dkRf, 0);
  const persons = list.reduce((a, f) => a + f.persons, 0);
  const proxies = list.reduce((a, f) => a + f.proxies, 0);
  return {
    dkRf: answers ? dkRf / answers : 0,
    proxy: persons ? proxies / persons : 0,
    persons,
    durations: list.flatMap((f) => (f.durationMin && f.durationMin > 0 ? [f.durationMin] : [])),
  };
}

export function enumeratorFlags(self: Facts, peers: Facts[]): FlagDraft[] {
  const all = [self, ...peers].filter((f) => f.complete);
  const mine = all.filter((f) => f.enumeratorId === self.enumeratorId);
  const others = all.filter((f) => f.enumeratorId !== self.enumeratorId);
  if (mine.length < T.minInterviews) return [];
  const m = shares(mine);
  const o = shares(others);
  const out: FlagDraft[] = [];
  const n = mine.length;
  if (m.dkRf >= T.dkRfShare && m.dkRf >= 2 * o.dkRf) {
    out.push({
      code: 'quality.enumerator_dk_rf',
      path: null,
      message: `${pct(m.dkRf)} of this enumerator's answers are don't know or refused (other enumerators: ${pct(o.dkRf)}), over ${n} interviews.`,
    });
  }
  if (m.persons >= T.minPersons && m.proxy >= T.proxyShare && m.proxy >= 1.5 * o.proxy) {
    out.push({
      code: 'quality.enumerator_proxies',
      path: null,
      message: `${pct(m.proxy)} of the persons this enumerator interviewed answered by proxy (other enumerators: ${pct(o.proxy)}).`,
    });
  }
  const w = whipple(mine.flatMap((f) => f.ages));
  if (w.n >= T.minAges && w.index >= T.whipple) {
    out.push({
      code: 'quality.enumerator_age_heaping',
      path: null,
      message: `Ages recorded by this enumerator heap on multiples of five: Whipple's index ${Math.round(w.index)} over ${w.n} ages 23-62 (100 means none, 175 or more is very rough).`,
    });
  }
  const mm = median(m.durations);
  const om = median(o.durations);
  if (mm !== null && om !== null && o.durations.length >= T.minInterviews && mm < T.shortShare * om) {
    out.push({
      code: 'quality.enumerator_short',
      path: null,
      message: `This enumerator's interviews take ${round1(mm)} min at the median, against ${round1(om)} min for the others (less than ${pct(T.shortShare)}).`,
    });
  }
  const cv = coefficientOfVariation(m.durations);
  if (cv !== null && m.durations.length >= T.minInterviews && cv < T.uniformCv) {
    out.push({
      code: 'quality.enumerator_uniform',
      path: null,
      message: `This enumerator's interviews all take nearly the same time (coefficient of variation ${round1(cv * 100)}%, under ${pct(T.uniformCv)}): real interviews vary.`,
    });
  }
  return out;
}
