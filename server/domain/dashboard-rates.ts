/**
 * Dispositions and AAPOR response rates (AAPOR Standard Definitions, 10th ed., 2023) from the IPEI
 * disposition codes (ipei.md 5.6). Each assignment counts once, with the outcome of its latest interview:
 *   I  complete interview ................ 11
 *   P  partial interview ................. 12
 *   R  refusal ........................... 13
 *   NC non-contact ....................... 14
 *   O  other eligible non-interview ...... 15 (language barrier), 16 (other), 1 (eligible, interview not done)
 *   UH unknown eligibility ............... 3 (no contact after 3 visits), 4 (screener refused)
 *   NE not eligible ...................... 2 (no foreign national), 5 (vacant), 6 (not a dwelling)
 *   RR1 = I / (I + P + R + NC + O + UH)
 *   RR2 = (I + P) / (I + P + R + NC + O + UH)
 *   RR3 = I / (I + P + R + NC + O + e * UH), e = (I + P + R + NC + O) / (I + P + R + NC + O + NE)
 * Assignments not yet visited have no disposition: they are left out of the rates (they show in progress).
 */

export const RATE_DEFINITIONS = {
  RR1: 'I / (I + P + R + NC + O + UH)',
  RR2: '(I + P) / (I + P + R + NC + O + UH)',
  RR3: 'I / (I + P + R + NC + O + e·UH), e = eligible / (eligible + not eligible) among resolved cases',
  codes: 'I=11, P=12, R=13, NC=14, O=15,16,1, UH=3,4, NE=2,5,6 (ipei.md 5.6)',
  scope: 'one disposition per visited assignment (its latest interview); unvisited assignments excluded',
} as const;

const CLASS: Record<number, 'I' | 'P' | 'R' | 'NC' | 'O' | 'UH' | 'NE'> = {
  11: 'I',
  12: 'P',
  13: 'R',
  14: 'NC',
  15: 'O',
  16: 'O',
  1: 'O',
  3: 'UH',
  4: 'UH',
  2: 'NE',
  5: 'NE',
  6: 'NE',
};

export interface Rates {
  cases: number;
  codes: Record<string, number>;
  I: number;
  P: number;
  R: number;
  NC: number;
  O: number;
  UH: number;
  NE: number;
  e: number | null;
  rr1: number | null;
  rr2: number | null;
  rr3: number | null;
}

export function responseRates(outcomes: number[]): Rates {
  const n = { I: 0, P: 0, R: 0, NC: 0, O: 0, UH: 0, NE: 0 };
  const codes: Record<string, number> = {};
  for (const o of outcomes) {
    codes[o] = (codes[o] ?? 0) + 1;
    const c = CLASS[o];
    if (c) n[c]++;
  }
  const eligible = n.I + n.P + n.R + n.NC + n.O;
  const e = eligible + n.NE > 0 ? eligible / (eligible + n.NE) : null;
  const d1 = eligible + n.UH;
  const d3 = eligible + (e ?? 1) * n.UH;
  return {
    cases: outcomes.length,
    codes,
    ...n,
    e,
    rr1: d1 > 0 ? n.I / d1 : null,
    rr2: d1 > 0 ? (n.I + n.P) / d1 : null,
    rr3: d3 > 0 ? n.I / d3 : null,
  };
}
