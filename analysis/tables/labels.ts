/**
 * Variable and value labels (pt, en; fr and kea where the questionnaire or tables.json gives them) for
 * tables and exports: the codebook plus the derived variables.
 */
import type { Derived, Text } from './plan.ts';

export interface ValueLabel {
  code: string | number;
  pt: string;
  en: string;
  fr?: string;
  kea?: string;
}
export interface VariableInfo {
  name: string;
  label: Text;
  /** Codebook type (single, int, calc (computed), text, ...) or 'derived' / 'design'. */
  type: string;
  values: ValueLabel[];
  /** Codes the questionnaire accepts outside a numeric range (its validators): don't know, refused, ... */
  special?: number[];
}
export type Labels = Record<string, VariableInfo>;

/** The shape of server/domain/codebook.ts entries that labels need. */
export interface CodebookLike {
  name: string;
  label_pt: string;
  label_en: string;
  /** The label in French and Kriolu where the questionnaire gives them. */
  labels?: { fr?: string; kea?: string };
  type: string;
  values: ValueLabel[];
  special?: number[];
}

export function labelsFrom(codebook: CodebookLike[], derived: Record<string, Derived> = {}): Labels {
  const out: Labels = {};
  for (const e of codebook)
    out[e.name] = {
      name: e.name,
      label: { pt: e.label_pt, en: e.label_en, ...e.labels },
      type: e.type,
      values: e.values,
      ...(e.special?.length ? { special: e.special } : {}),
    };
  for (const [name, d] of Object.entries(derived))
    out[name] = { name, label: d.label, type: 'derived', values: d.values };
  return out;
}

export type Lang = 'pt' | 'en';

/** The label of a code in a language, or the code itself. */
export function valueLabel(labels: Labels, variable: string, code: string, lang: Lang): string {
  const v = labels[variable]?.values.find((x) => String(x.code) === code);
  return v ? v[lang] : code;
}

export function variableLabel(labels: Labels, variable: string, lang: Lang): string {
  return labels[variable]?.label[lang] ?? variable;
}

/** Categorical: choices, derived classes, or a string column. */
export function isCategorical(info: VariableInfo | undefined): boolean {
  if (!info) return false;
  return (
    info.type === 'derived' ||
    info.type.startsWith('single') ||
    info.type === 'boolean' ||
    info.values.length > 0
  );
}
