/**
 * A Vite plugin that leaves out of the tablet app the candidate question types of
 * server/contract/tablet-question-types.ts that no questionnaire version in the survey folders uses
 * (computed from the files present at each build: a survey that starts using one gets it back at its
 * next build). survey-core and survey-react-ui are one module each whose top-level statements register
 * every type (survey-core's serializer and question factory, survey-react-ui's component factories), so
 * the bundler keeps every type's code. This plugin deletes those registrations for the omitted types,
 * and the decorators and static assignments of the classes only they create; the bundler then drops the
 * classes nobody references any more. Nothing else is edited. A registration it cannot find (a new
 * SurveyJS release laid out differently) fails the build rather than leaving a type half removed, even
 * for a candidate this build keeps. The plugin writes what it left out into the build's output
 * (QUESTION_TYPES_MANIFEST, read by the server's start) and into the bundle
 * (`__MORABEZA_OMITTED_QUESTION_TYPES__`, read by the interview screen).
 */
import type { Plugin } from 'vite';
import { parseAst } from 'vite';
import {
  OMITTABLE_QUESTION_TYPES,
  QUESTION_TYPES_MANIFEST,
  type QuestionTypesManifest,
  typesToOmit,
} from '../../server/contract/tablet-question-types.ts';
import { findQuestionnaireFiles } from '../../server/domain/questionnaire-files.ts';

// survey-react-ui's own elements that draw only one omitted type (registered under names of their own)
const REACT_ELEMENTS: Record<string, string[]> = {
  buttongroup: ['sv-buttongroup-dropdown'],
  file: ['sv-file-choose-btn', 'sv-file-preview', 'sv-file-item'],
  matrix: ['survey-matrix-cell'],
  ranking: ['sv-ranking-item'],
  rating: [
    'sv-rating-item',
    'sv-rating-item-star',
    'sv-rating-item-smiley',
    'sv-rating-dropdown-item',
    'sv-rating-dropdown',
  ],
  slider: ['sv-slider-label-item'],
};

const SURVEY_CORE = /\/survey-core\/fesm\/survey-core\.mjs$/;
const SURVEY_REACT_UI = /\/survey-react-ui\/fesm\/survey-react-ui\.mjs$/;

// a top-level statement of survey-core that registers or edits a type by name:
// Serializer.addClass("rating", ...), Serializer.getProperty("imagepicker", "choices").type = ...,
// QuestionFactory.Instance.registerQuestion("rating", ...)
const REGISTRATION_CORE = /^(?:Serializer\.\w+|QuestionFactory\.Instance\.registerQuestion)\("([^"]+)"/;
// survey-react-ui's: a component registered for a type or element name, a renderer for a type
const REGISTRATION_REACT =
  /^(?:ReactQuestionFactory\.Instance\.registerQuestion|ReactElementFactory\.Instance\.registerElement|RendererFactory\.Instance\.registerRenderer)\("([^"]+)"/;

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/** The names each candidate type is registered under in one of the two modules, by type. */
function registeredNames(react: boolean): Map<string, string> {
  const owner = new Map<string, string>();
  for (const [type, items] of Object.entries(OMITTABLE_QUESTION_TYPES)) {
    owner.set(type, type);
    for (const name of react ? (REACT_ELEMENTS[type] ?? []) : items) owner.set(name, type);
  }
  return owner;
}

/**
 * The source of `code` without the registrations of the `omitted` types (see the file's comment). Every
 * candidate's registration must be found, whether omitted or not.
 */
export function omitQuestionTypes(code: string, react: boolean, omitted: readonly string[]): string {
  const body = (parseAst(code) as unknown as { body: Node[] }).body;
  const registration = react ? REGISTRATION_REACT : REGISTRATION_CORE;
  const owner = registeredNames(react);
  const statements = body.filter((s) => s.type === 'ExpressionStatement');
  const removed = new Set<Node>();
  const found = new Set<string>();
  const classes = new Set<string>();
  for (const statement of statements) {
    const text = code.slice(statement.start, statement.end);
    const name = text.match(registration)?.[1] ?? '';
    const type = owner.get(name);
    if (type === undefined) continue;
    if (name === type) found.add(type);
    if (!omitted.includes(type)) continue;
    removed.add(statement);
    for (const m of text.matchAll(/(?:\bnew |createElement\()([A-Z]\w*)\b/g))
      if (m[1] !== 'React') classes.add(m[1]);
  }
  const missing = Object.keys(OMITTABLE_QUESTION_TYPES).filter((t) => !found.has(t));
  if (missing.length > 0) {
    throw new Error(
      `omit-question-types: no registration of ${missing.join(', ')} in ${react ? 'survey-react-ui' : 'survey-core'}`,
    );
  }
  // what decorates or configures the classes only those registrations create:
  // __decorate(..., X.prototype | X, ...) and X.name = ...
  const target = (n: Node | undefined): string | undefined => {
    if (n?.type === 'Identifier') return String(n.name);
    if (n?.type === 'MemberExpression') return target(n.object as Node);
    return undefined;
  };
  for (const statement of statements) {
    const call = statement.expression as Node;
    if (call.type !== 'CallExpression') continue;
    const callee = call.callee as Node;
    const args = call.arguments as Node[];
    if (code.slice(callee.start, callee.end) === '__decorate' && classes.has(target(args[1]) ?? '')) {
      removed.add(statement);
    }
  }
  for (const s of statements) {
    const e = s.expression as Node;
    if (e.type === 'AssignmentExpression' && classes.has(target(e.left as Node) ?? '')) removed.add(s);
  }
  let out = '';
  let at = 0;
  for (const s of [...removed].sort((a, b) => a.start - b.start)) {
    out += code.slice(at, s.start);
    at = s.end;
  }
  return out + code.slice(at);
}

/** The candidates no questionnaire version under `root` (one level of survey folders) uses. */
export function typesToOmitFor(root: string): string[] {
  return typesToOmit(findQuestionnaireFiles(root).map((f) => JSON.parse(f.text) as unknown));
}

/** The plugin, for the survey folders under `questionnairesDir` as they are when the build starts. */
export function omitQuestionTypesPlugin(questionnairesDir: string): Plugin {
  let omitted: string[] = [];
  return {
    name: 'morabeza-omit-question-types',
    apply: 'build',
    enforce: 'pre',
    config() {
      omitted = typesToOmitFor(questionnairesDir);
      return { define: { __MORABEZA_OMITTED_QUESTION_TYPES__: JSON.stringify(omitted) } };
    },
    transform(code, id) {
      const react = SURVEY_REACT_UI.test(id);
      if (!react && !SURVEY_CORE.test(id)) return null;
      return { code: omitQuestionTypes(code, react, omitted), map: null };
    },
    generateBundle() {
      const manifest: QuestionTypesManifest = { omitted };
      this.emitFile({
        type: 'asset',
        fileName: QUESTION_TYPES_MANIFEST,
        source: `${JSON.stringify(manifest)}\n`,
      });
    },
  };
}
