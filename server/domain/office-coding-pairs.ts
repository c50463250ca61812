/**
 * A survey's office-coding pairs as start-up reads them (profile.json `officeCoding`): each text
 * question and its field-code question must be questions of the latest interview questionnaire, in the
 * same roster (or both outside any), and the code list is the field question's own choices or a code-list
 * file of the survey folder (server/contract/office-coding.ts), every code an office code
 * (officeCodeValueSchema) either way. A fault stops the start with a message
 * naming the file and the field.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { officeVariableOf } from '../../analysis/export/office-codes.ts';
import { codeListFileSchema, type OfficeCode, officeCodeValueSchema } from '../contract/office-coding.ts';
import type { SurveyProfile } from '../contract/survey-profile.ts';
import { type Json, ptText, walkQuestions } from './questionnaire-walk.ts';

export interface OfficePair {
  /** The pair's id: the text question's variable. */
  pair: string;
  text: string;
  field: string;
  officeVariable: string;
  /** Where the answers are: the roster's variable (rows), or null at unit level. */
  roster: string | null;
  classification: string;
  level: string;
  codes: OfficeCode[];
}

/** The pairs of a survey folder, or the errors (`officeCoding.<i>.<key>: ...`). */
export function readOfficePairs(
  dir: string,
  profile: SurveyProfile,
  interview: Json,
): { pairs: OfficePair[]; errors: string[] } {
  const questions = new Map(walkQuestions(interview).map((q) => [q.variable, q]));
  const pairs: OfficePair[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  profile.officeCoding.forEach((p, i) => {
    const at = `officeCoding.${i}`;
    const text = questions.get(p.text);
    const field = questions.get(p.field);
    if (seen.has(p.text)) errors.push(`${at}.text: '${p.text}' is coded twice`);
    seen.add(p.text);
    if (!text) errors.push(`${at}.text: '${p.text}' is not a question of the interview questionnaire`);
    else if (text.type !== 'text' && text.type !== 'comment')
      errors.push(`${at}.text: '${p.text}' is a ${text.type} question, not a free text`);
    if (!field) errors.push(`${at}.field: '${p.field}' is not a question of the interview questionnaire`);
    if (!text || !field) return;
    if (text.roster !== field.roster)
      errors.push(`${at}.field: '${p.field}' is not in the same roster as '${p.text}'`);
    let codes: OfficeCode[] = [];
    let classification = p.field;
    let level = 'field code list';
    if (p.codes === 'field') {
      codes = ((field.json.choices as Json[] | undefined) ?? []).map((c) => ({
        code: String(typeof c === 'object' ? c.value : c),
        label: typeof c === 'object' ? ptText(c.text) || String(c.value) : String(c),
      }));
      if (!codes.length) errors.push(`${at}.codes: '${p.field}' has no choices to code with`);
      const bad = codes.filter((c) => !officeCodeValueSchema.safeParse(c.code).success);
      if (bad.length)
        errors.push(
          `${at}.codes: '${p.field}' of the interview questionnaire has choices ${bad.map((c) => `'${c.code}'`).join(', ')} that are not office codes (up to 10 letters, digits and dots)`,
        );
    } else {
      const file = join(dir, p.codes);
      if (!existsSync(file)) {
        errors.push(`${at}.codes: no file ${file}`);
        return;
      }
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        errors.push(`${at}.codes: ${file} is not readable JSON (${(error as Error).message})`);
        return;
      }
      const parsed = codeListFileSchema.safeParse(raw);
      if (!parsed.success) {
        errors.push(
          ...parsed.error.issues.map(
            (x) => `${at}.codes: ${file}: ${x.path.join('.') || '(file)'}: ${x.message}`,
          ),
        );
        return;
      }
      codes = parsed.data.codes;
      classification = parsed.data.classification;
      level = parsed.data.level;
      const fieldCodes = new Set(
        ((field.json.choices as Json[] | undefined) ?? []).map((c) =>
          String(typeof c === 'object' ? c.value : c),
        ),
      );
      const stray = codes.filter((c) => c.field !== undefined && !fieldCodes.has(String(c.field)));
      if (stray.length)
        errors.push(
          `${at}.codes: ${file}: codes ${stray.map((c) => c.code).join(', ')} name a field code that '${p.field}' does not have`,
        );
    }
    pairs.push({
      pair: p.text,
      text: p.text,
      field: p.field,
      officeVariable: officeVariableOf(p.field),
      roster: text.roster,
      classification,
      level,
      codes,
    });
  });
  return { pairs, errors };
}
