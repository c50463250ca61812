/**
 * What changed between two versions of a questionnaire: its logic (everything but the localisable strings:
 * variables, types, choice codes, skips, validators' expressions, required flags) and its strings, per key
 * and language. Two versions with no logic change differ only in what respondents and enumerators read, so
 * a translation fix published as a new version can be shown to touch no variable, code or skip; the
 * codebook lists, version by version, which strings changed in which language.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODEBOOK_WORDS, type CodebookWords } from '../../../analysis/export/codebook-words.ts';
import { isLocString, type Json, localisableStrings } from './translation-keys.ts';

export interface StringChange {
  key: string;
  /** language codes whose text changed (`pt` is the source, the strings' `default`) */
  languages: string[];
}

export interface VersionDiff {
  /** JSON paths where the logic differs (first few), [] when only strings changed */
  logic: string[];
  /** strings whose text changed, by key, in document order of the newer version */
  strings: StringChange[];
}

const SHOWN = 10;
const lang = (k: string) => (k === 'default' ? 'pt' : k);

/** Paths where two JSON values differ, localisable strings left out; an explicit stack, no recursion. */
function logicDifferences(a: unknown, b: unknown): string[] {
  const out: string[] = [];
  const stack: [unknown, unknown, string][] = [[a, b, '']];
  while (stack.length && out.length < SHOWN) {
    const [x, y, path] = stack.pop() as [unknown, unknown, string];
    if (isLocString(x) && isLocString(y)) continue;
    const bothArrays = Array.isArray(x) && Array.isArray(y);
    const bothObjects =
      !bothArrays && typeof x === 'object' && x !== null && typeof y === 'object' && y !== null;
    if (bothArrays) {
      if (x.length !== y.length) out.push(`${path || '(root)'}: ${x.length} items, now ${y.length}`);
      for (let i = Math.min(x.length, y.length) - 1; i >= 0; i--) {
        const named = (x[i] as Json | null)?.name;
        stack.push([x[i], y[i], `${path}[${typeof named === 'string' ? named : i}]`]);
      }
    } else if (bothObjects && !Array.isArray(x) && !Array.isArray(y)) {
      const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].reverse();
      for (const k of keys) stack.push([(x as Json)[k], (y as Json)[k], path ? `${path}.${k}` : k]);
    } else if (JSON.stringify(x) !== JSON.stringify(y)) {
      out.push(`${path || '(root)'}: ${JSON.stringify(x) ?? 'absent'} -> ${JSON.stringify(y) ?? 'absent'}`);
    }
  }
  return out;
}

/** Logic and string differences from `before` to `after`, two versions of questionnaire `stem`. */
export function diffVersions(stem: string, before: unknown, after: unknown): VersionDiff {
  const old = new Map(localisableStrings(stem, before).map((s) => [s.key, s.loc]));
  const strings: StringChange[] = [];
  for (const { key, loc } of localisableStrings(stem, after)) {
    const was: Json = old.get(key) ?? { default: '' };
    const languages = [...new Set([...Object.keys(was), ...Object.keys(loc)])]
      .filter((k) => (was[k] ?? '') !== (loc[k] ?? ''))
      .map(lang)
      .sort();
    if (languages.length) strings.push({ key, languages });
  }
  return { logic: logicDifferences(before, after), strings };
}

export interface VersionChange extends VersionDiff {
  version: number;
  from: number;
}

/**
 * The history of `<dir>/<stem>.v<version>.json`: for each published version k (2..version) whose
 * predecessor exists, what changed from k-1 to k.
 */
export function versionHistory(dir: string, stem: string, version: number): VersionChange[] {
  const file = (k: number) => join(dir, `${stem}.v${k}.json`);
  const out: VersionChange[] = [];
  for (let k = 2; k <= version; k++) {
    if (!existsSync(file(k - 1)) || !existsSync(file(k))) continue;
    const read = (n: number) => JSON.parse(readFileSync(file(n), 'utf8')) as unknown;
    out.push({ version: k, from: k - 1, ...diffVersions(stem, read(k - 1), read(k)) });
  }
  return out;
}

/** One line per change: "translation only" or the logic paths, then the changed strings per language. */
export function describeDiff(d: VersionDiff, words: CodebookWords = CODEBOOK_WORDS.en): string[] {
  const byLang = new Map<string, number>();
  for (const s of d.strings) for (const l of s.languages) byLang.set(l, (byLang.get(l) ?? 0) + 1);
  const counts = [...byLang].map(([l, n]) => `${l} ${n}`).join(', ');
  return [
    d.logic.length ? words.logicChanged(d.logic.join('; ')) : words.stringsOnly,
    words.stringsChanged(d.strings.length, counts),
  ];
}
