/**
 * Multiple-response (checkbox) questions in the microdata: the answer's codes joined by ";" (as the
 * weighted data holds them) stay as one text variable, and each option of the question becomes a 0/1
 * variable `<question>_<code>` (1 = chosen, 0 = answered without it, missing where the question was not
 * answered), labelled "<question>: <option>" with 0 = No, 1 = Yes, so that each option can be tabulated
 * or modelled directly.
 */
import type { Column } from '../data.ts';
import { isMissing } from '../data.ts';
import type { VariableInfo } from '../tables/labels.ts';
import type { ExportVariable } from './microdata.ts';

export const isMultipleResponse = (info: VariableInfo | undefined): boolean =>
  info?.type.startsWith('multi') ?? false;

/** The 0/1 variable's name for an option: codes become name-safe (-98 -> m98, 'pt' -> pt). */
export const optionName = (question: string, code: string | number): string =>
  `${question}_${String(code)
    .replace(/^-/, 'm')
    .replace(/[^A-Za-z0-9_]/g, '_')}`;

const YES_NO = [
  { code: 0, pt: 'Não', en: 'No' },
  { code: 1, pt: 'Sim', en: 'Yes' },
];

/** The chosen codes of each row (null where the question has no answer); the tables use it too. */
export function chosenCodes(column: Column): (Set<string> | null)[] {
  return Array.from(column as ArrayLike<unknown>, (v) =>
    isMissing(v as never)
      ? null
      : new Set(
          String(v)
            .split(';')
            .map((s) => s.trim())
            .filter((s) => s !== ''),
        ),
  );
}

/** The joined text variable and one 0/1 variable per option of a multiple-response question. */
export function multipleResponse(
  name: string,
  info: VariableInfo,
  column: Column,
): { variables: ExportVariable[]; columns: Record<string, Float64Array | (string | null)[]> } {
  const rows = chosenCodes(column);
  const text: ExportVariable = {
    name,
    label: info.label,
    kind: 'string',
    values: info.values,
    missing: [],
    role: 'variable',
  };
  const variables = [text];
  const columns: Record<string, Float64Array | (string | null)[]> = {
    [name]: rows.map((s) => (s === null ? null : [...s].join(';'))),
  };
  for (const option of info.values) {
    const col = optionName(name, option.code);
    variables.push({
      name: col,
      label: { pt: `${info.label.pt}: ${option.pt}`, en: `${info.label.en}: ${option.en}` },
      kind: 'numeric',
      values: YES_NO,
      missing: [],
      role: 'variable',
    });
    const code = String(option.code);
    columns[col] = Float64Array.from(rows, (s) => (s === null ? Number.NaN : s.has(code) ? 1 : 0));
  }
  return { variables, columns };
}
