/**
 * Where a review comment may point, read from a questionnaire version's SurveyJS JSON: a question
 * outside any roster by its name (`b03_size`), a question of a roster row by the roster's question
 * name, the row index and its name (`household[2].age`), or a whole roster by its name. These
 * are the paths the review screen and the tablet place comments at (client/review/decorate.ts), so a
 * comment the server accepts is one the enumerator sees. A bare name of a question that lives in a
 * roster (`age`) is refused: the tablet could not tell which person it concerns.
 */
import type { Db } from '../db/client.ts';
import { getVersion } from './questionnaires.ts';

interface Element {
  name?: string;
  type?: string;
  valueName?: string;
  elements?: Element[];
  templateElements?: Element[];
  columns?: Array<{ name?: string }>;
}

export interface CommentPaths {
  /** Questions outside any roster, rosters included. */
  top: Set<string>;
  /** Per roster question: the answers key of its rows and the names of its questions. */
  rosters: Map<string, { rowsKey: string; names: Set<string> }>;
  /** For a roster's question: the rosters it belongs to (to say what to write instead). */
  inRoster: Map<string, string[]>;
}

const ROSTERS = new Set(['paneldynamic', 'matrixdynamic']);

export function commentPaths(definition: { pages?: Array<{ elements?: Element[] }> }): CommentPaths {
  const paths: CommentPaths = { top: new Set(), rosters: new Map(), inRoster: new Map() };
  const stack: Array<{ els: Element[]; roster: string | null }> = (definition.pages ?? []).map((p) => ({
    els: p.elements ?? [],
    roster: null,
  }));
  while (stack.length) {
    const { els, roster } = stack.pop() as { els: Element[]; roster: string | null };
    for (const e of els) {
      const isQuestion = e.name && e.type !== 'panel' && e.type !== 'html';
      if (isQuestion && e.name) {
        if (roster === null) paths.top.add(e.name);
        else {
          paths.rosters.get(roster)?.names.add(e.name);
          paths.inRoster.set(e.name, [...(paths.inRoster.get(e.name) ?? []), roster]);
        }
      }
      if (e.name && e.type && ROSTERS.has(e.type) && roster === null) {
        paths.rosters.set(e.name, {
          rowsKey: e.valueName ?? e.name,
          names: new Set((e.columns ?? []).flatMap((c) => (c.name ? [c.name] : []))),
        });
        stack.push({ els: e.templateElements ?? [], roster: e.name });
      } else if (e.elements) stack.push({ els: e.elements, roster });
      else if (e.templateElements) stack.push({ els: e.templateElements, roster });
    }
  }
  return paths;
}

const ROW_PATH = /^([^[\].]+)\[(\d+)\]\.([^[\].]+)$/;

/**
 * Why a comment path does not point at a question of this version and these answers, in a sentence
 * that says what to write instead; null when it does.
 */
export function commentPathProblem(
  paths: CommentPaths,
  answers: Record<string, unknown>,
  path: string,
): string | null {
  if (paths.top.has(path)) return null;
  const row = ROW_PATH.exec(path);
  if (row) {
    const [, rosterName, index, name] = row;
    const roster = paths.rosters.get(rosterName);
    if (!roster) return `${rosterName} is not a roster of this questionnaire version`;
    if (!roster.names.has(name)) return `${name} is not a question of the roster ${rosterName}`;
    const rows = answers[roster.rowsKey];
    const count = Array.isArray(rows) ? rows.length : 0;
    if (Number(index) >= count)
      return `${rosterName} has ${count} row(s) in this interview: row ${index} does not exist (rows count from 0)`;
    return null;
  }
  const rosters = paths.inRoster.get(path);
  if (rosters)
    return `${path} is asked per roster row: write ${rosters[0]}[i].${path}, i the row counted from 0`;
  return `${path} is not a question of this questionnaire version`;
}

const cache = new Map<string, CommentPaths>();

/** The comment paths of a stored questionnaire version (cached: a published version never changes). */
export async function commentPathsOf(db: Pick<Db, 'query'>, id: string, version: number) {
  const key = `${id}@${version}`;
  let paths = cache.get(key);
  if (!paths) {
    const found = await getVersion(db as Db, id, version);
    paths = commentPaths(found ? JSON.parse(found.definition) : {});
    if (found) cache.set(key, paths);
  }
  return paths;
}
