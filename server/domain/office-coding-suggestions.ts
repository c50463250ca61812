/**
 * Coding suggestions: for an uncoded text, up to three codes a coder may pick with one tap, each with its
 * reason, from (a) the codes already given to alike texts of the same pair (the share of words in
 * common, Jaccard over the words below) and (b) the text's words found in the code titles in the
 * coder's language. Words are the normalised text (analysis/export/office-codes.ts) without accents,
 * split at anything not a letter or digit, shorter than 3 letters or a function word of pt, en, fr or
 * kea dropped, and cut crudely (a final s, then a final a, o or e, on words over 4 letters: "vendedoras"
 * and "vendedor" are one word); two words match when one begins the other (`wordsMatch`). The ranking
 * is by that share, an earlier code before a title on a tie, then codes under the group's field codes;
 * nothing here codes anything. Pure. The coded texts are looked at best first, by the most their share
 * could be, and no further once that cannot enter the three.
 */

import { normaliseText } from '../../analysis/export/office-codes.ts';
import {
  codeTitle,
  type OfficeCode,
  type OfficeSuggestion,
  type OfficeTitleLang,
} from '../contract/office-coding.ts';

/** How many suggestions a group gets at most. */
export const MAX_SUGGESTIONS = 3;

/** Function words of the four languages (3 letters or more; shorter words are dropped anyway). */
const STOP = new Set(
  [
    // pt
    'das dos nas nos com para por pela pelo uma uns umas que sem sob sua seu outro outra outros outras',
    // en
    'the and for with from other not excluding including',
    // fr
    'les des une pour par avec sans dans sur aux autre autres',
    // kea
    'kes kel tanbe',
  ]
    .join(' ')
    .split(' '),
);

const stem = (w: string) => {
  let s = w;
  if (s.length > 4 && s.endsWith('s')) s = s.slice(0, -1);
  if (s.length > 4 && /[aoe]$/.test(s)) s = s.slice(0, -1);
  return s;
};

/** The words of a text as the suggestions compare them (unique, in order). */
export function suggestionWords(text: string): string[] {
  return [...writtenWords(text).keys()];
}

/** The words compared, each with the first word of the text it comes from (as written, lower case). */
function writtenWords(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const written of normaliseText(text).split(/[^\p{L}\p{N}]+/u)) {
    const raw = written.normalize('NFD').replace(/\p{M}/gu, '');
    if (raw.length < 3 || STOP.has(raw)) continue;
    const w = stem(raw);
    if (!out.has(w)) out.set(w, written);
  }
  return out;
}

/**
 * Two words match: one begins the other (4 letters at least), or they begin alike for 5 letters at
 * least and all but two of the shorter ("construca" and "construtor"; not "mercad" and "merceari").
 */
export function wordsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  let p = 0;
  while (p < shorter && a[p] === b[p]) p++;
  return p >= 4 && (p === shorter || p >= Math.max(5, shorter - 2));
}

/** The words of `a` matching some word of `b`. */
const common = (a: string[], b: string[]) => a.filter((w) => b.some((x) => wordsMatch(w, x)));

interface Indexed {
  words: string[];
}
/**
 * Entries by the first 4 letters of each of their words (a match needs them, wordsMatch): for a text's
 * words, each entry sharing such a beginning and how many of the text's words do (at least the words
 * that match).
 */
function indexOf<T extends Indexed>(entries: T[]): (words: string[]) => Map<T, number> {
  const byPrefix = new Map<string, T[]>();
  for (const e of entries)
    for (const w of e.words) {
      const k = w.slice(0, 4);
      const list = byPrefix.get(k) ?? [];
      // an entry's words come one after another: it is in the list already only as its last
      if (list[list.length - 1] !== e) list.push(e);
      byPrefix.set(k, list);
    }
  return (words) => {
    const hits = new Map<T, number>();
    for (const w of words)
      for (const e of byPrefix.get(w.slice(0, 4)) ?? []) hits.set(e, (hits.get(e) ?? 0) + 1);
    return hits;
  };
}

/** The share of words in common (Jaccard) with `same` of the text's words matching, at most 1. */
const share = (same: number, a: number, b: number) =>
  a + b - same <= 0 ? 1 : Math.min(1, same / (a + b - same));

export interface CodedText {
  /** The normalised text (a group's key). */
  key: string;
  code: string;
}

/**
 * The suggester of one pair: built once from the pair's coded texts and code list, then asked for each
 * uncoded text (with the field codes its answers have).
 */
export function suggester(
  codes: OfficeCode[],
  coded: CodedText[],
  lang: OfficeTitleLang,
): (text: string, fieldCodes: string[]) => OfficeSuggestion[] {
  const known = new Set(codes.map((c) => c.code));
  const codedWords = coded
    .filter((c) => known.has(c.code))
    .map((c) => ({ ...c, words: suggestionWords(c.key) }))
    .filter((c) => c.words.length > 0);
  const titles = codes.map((c) => ({ code: c, words: suggestionWords(codeTitle(c.label, lang)) }));
  const nearCoded = indexOf(codedWords);
  const nearTitles = indexOf(titles);
  const fieldOf = new Map(codes.map((c) => [c.code, c.field === undefined ? null : String(c.field)]));

  return (text, fieldCodes) => {
    const written = writtenWords(text);
    const words = [...written.keys()];
    const asWritten = (ws: string[]) => ws.map((w) => written.get(w) ?? w);
    if (!words.length) return [];
    const near = (s: OfficeSuggestion) => {
      const f = fieldOf.get(s.code);
      return f !== null && f !== undefined && fieldCodes.includes(f) ? 0 : 1;
    };
    const rank = (a: OfficeSuggestion, b: OfficeSuggestion) =>
      b.overlap - a.overlap ||
      Number(a.reason === 'title') - Number(b.reason === 'title') ||
      near(a) - near(b) ||
      a.code.localeCompare(b.code);
    const best = new Map<string, OfficeSuggestion>();
    const offer = (s: OfficeSuggestion) => {
      const had = best.get(s.code);
      if (!had || rank(s, had) < 0) best.set(s.code, s);
    };
    for (const [t] of nearTitles(words)) {
      const found = common(words, t.words);
      if (found.length)
        offer({
          code: t.code.code,
          reason: 'title',
          text: null,
          words: asWritten(found),
          overlap: found.length / words.length,
        });
    }
    // coded texts by the most their share could be (the words sharing a beginning): once that is below
    // the third best share so far, no later text can enter the three
    const candidates = [...nearCoded(words)]
      .map(([c, hits]) => ({ c, bound: share(hits, words.length, c.words.length) }))
      .sort((a, b) => b.bound - a.bound);
    const third = () =>
      [...best.values()].map((s) => s.overlap).sort((a, b) => b - a)[MAX_SUGGESTIONS - 1] ?? 0;
    for (const { c, bound } of candidates) {
      if (bound < third()) break;
      const same = common(words, c.words);
      if (!same.length) continue;
      const overlap = share(same.length, words.length, c.words.length);
      offer({ code: c.code, reason: 'similar', text: c.key, words: asWritten(same), overlap });
    }
    return [...best.values()].sort(rank).slice(0, MAX_SUGGESTIONS);
  };
}
