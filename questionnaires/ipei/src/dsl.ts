/**
 * A compact way to write SurveyJS questionnaire JSON in Portuguese (`default`); build.ts adds the other five
 * languages from the catalogues in ./translations/. The generated JSON is the artefact (committed, editable in
 * SurveyJS Creator); this source only saves typing.
 */
export const LANGS = ['en', 'fr', 'kea', 'wo', 'zh-Hans'] as const;
export type Lang = (typeof LANGS)[number];
/** A localisable string: `default` is Portuguese; a missing language falls back to it. */
export type Loc = { default: string } & Partial<Record<Lang, string>>;
export type Json = Record<string, unknown>;

/** Country and language names from Unicode CLDR (via Node's ICU), not from us. */
export const CLDR = new WeakSet<Loc>();

/**
 * L(pt): a Portuguese string. The other languages are not in code: the generator (build.ts) fills them in from
 * the catalogues in ./translations/ (extracted once from the former `L(pt, en, fr, kea, wo, zh)` arguments on
 * 2026-12-05). Edit translations there, through `npm run translations:export`/`translations:import`.
 */
export function L(pt: string): Loc {
  return { default: pt };
}

export type Choice = [value: number | string, text: Loc];
const items = (choices: Choice[]) => choices.map(([value, text]) => ({ value, text }));

export const YES: Choice = [1, L('Sim')];
export const NO: Choice = [2, L('Não')];
export const DK: Choice = [98, L('Não sabe')];
export const RF: Choice = [99, L('Recusa')];
export const YES_NO = [YES, NO];
export const YES_NO_DK = [YES, NO, DK];

type Opts = Json & { visibleIf?: string; required?: boolean };
function base(type: string, name: string, title: Loc, o: Opts = {}): Json {
  const { required = true, ...rest } = o;
  return { type, name, title, ...(required ? { isRequired: true } : {}), ...rest };
}

/** Single choice (radio buttons). */
export const single = (name: string, title: Loc, choices: Choice[], o: Opts = {}) =>
  base('radiogroup', name, title, { choices: items(choices), ...o });

/** Single choice from a long list: a searchable dropdown. */
export const lookup = (name: string, title: Loc, choices: Choice[], o: Opts = {}) =>
  base('dropdown', name, title, { choices: items(choices), searchEnabled: true, ...o });

/** Several choices; `none` is an exclusive code. */
export const multi = (name: string, title: Loc, choices: Choice[], o: Opts & { none?: Choice } = {}) => {
  const { none, ...rest } = o;
  const all = none ? [...choices, none] : choices;
  const extra = none ? { validators: [exclusive(name, none[0])] } : {};
  return base('checkbox', name, title, { choices: items(all), ...extra, ...rest });
};

/** Several choices from a long list: a searchable tag box. */
export const multiLookup = (name: string, title: Loc, choices: Choice[], o: Opts = {}) =>
  base('tagbox', name, title, { choices: items(choices), searchEnabled: true, ...o });

function exclusive(name: string, code: number | string): Json {
  return {
    type: 'expression',
    expression: `{${name}} notcontains ${JSON.stringify(code)} or {${name}.length} = 1`,
    text: L('Esta resposta exclui as outras.'),
  };
}

/** An integer in [min, max]; `special` lists codes like -98 (DK) and -99 (RF) that are also accepted. */
export function int(
  name: string,
  title: Loc,
  min: number,
  max: number,
  o: Opts & { special?: number[] } = {},
) {
  const { special = [], validators = [], ...rest } = o;
  const v = `{${name}}`;
  const range = `${v} >= ${min} and ${v} <= ${max}`;
  const ok = special.length
    ? `(${range}) or ${special.map((s) => `${v} = ${s}`).join(' or ')}`
    : `(${range})`;
  const codes = special.length ? ` (${special.join(', ')})` : '';
  const text = L(`Valor entre ${min} e ${max}${codes}.`);
  return base('text', name, title, {
    inputType: 'number',
    validators: [{ type: 'expression', expression: `${v} empty or ${ok}`, text }, ...(validators as Json[])],
    ...rest,
  });
}

export const text = (name: string, title: Loc, o: Opts = {}) => base('text', name, title, o);
export const date = (name: string, title: Loc, o: Opts = {}) =>
  base('text', name, title, { inputType: 'date', ...o });
export const calc = (name: string, title: Loc, expression: string, o: Json = {}) => ({
  type: 'expression',
  name,
  title,
  expression,
  ...o,
});
export const note = (name: string, html: Loc, o: Json = {}) => ({ type: 'html', name, html, ...o });

/** A soft check: shown to the enumerator, never blocks, never makes a response invalid. */
export const warn = (expression: string, text: Loc): Json => ({
  type: 'expression',
  expression,
  text,
  notificationType: 'warning',
});
/** A hard consistency check. */
export const check = (expression: string, text: Loc): Json => ({ type: 'expression', expression, text });

/** Module pages that repeat a shared roster: each shows one panel per eligible member. */
export function personPage(
  name: string,
  title: Loc,
  visibleWhen: string,
  elements: Json[],
  pageIf: string,
): Json {
  return {
    name,
    title,
    visibleIf: pageIf,
    elements: [
      {
        type: 'paneldynamic',
        name: `members_${name.split('_')[0]}`,
        title,
        valueName: 'members',
        templateTitle: L('{panel.c01_name} (linha {panelIndex})'),
        templateVisibleIf: visibleWhen,
        allowAddPanel: false,
        allowRemovePanel: false,
        templateElements: panelize(elements),
      },
    ],
  };
}

/**
 * v3: a person stopped part-way (person result 26, partial) keeps the answers given: the modules' required
 * questions are required only while the person's result is not partial.
 */
export function keepPartial(elements: Json[]): Json[] {
  return elements.map((e) => {
    if (e.isRequired !== true) return e;
    const { isRequired: _, ...rest } = e;
    return { ...rest, requiredIf: '{panel.z05p_person_result} <> 26' };
  });
}

/** Inside a dynamic panel a question reaches its own value as `{panel.name}`: rewrite its validators. */
export function panelize(elements: Json[]): Json[] {
  return elements.map((e) => {
    const name = String(e.name);
    const validators = (e.validators as Json[] | undefined)?.map((v) =>
      typeof v.expression === 'string'
        ? {
            ...v,
            expression: v.expression.replace(
              new RegExp(`\\{${name}(\\.length)?\\}`, 'g'),
              `{panel.${name}$1}`,
            ),
          }
        : v,
    );
    return validators ? { ...e, validators } : e;
  });
}

/** The "other" code of the open code lists; each such list gets a "specify" text (specifyOthers). */
export const OTHER_CODE = 96;

/**
 * v3: after every question whose code list is open (has the "other" code 96), an optional text
 * `<name>_other` shown when 96 is chosen, kept for office coding (the code list keeps 96: a conditional
 * text rather than SurveyJS's showOtherItem, whose "other" value would change the codes). Pages and the
 * rosters on them are the two levels a questionnaire has here.
 */
export function specifyOthers(survey: Json): Json {
  const add = (elements: Json[], inPanel: boolean): Json[] =>
    elements.flatMap((e) => {
      const own = { ...e };
      if (Array.isArray(e.templateElements)) own.templateElements = add(e.templateElements as Json[], true);
      const codes = ((e.choices ?? []) as { value: unknown }[]).map((c) => c.value);
      if (!codes.includes(OTHER_CODE)) return [own];
      const ref = inPanel ? `{panel.${e.name}}` : `{${e.name}}`;
      const chosen = `${ref} anyof [${OTHER_CODE}]`;
      const visibleIf = typeof e.visibleIf === 'string' ? `(${e.visibleIf}) and ${chosen}` : chosen;
      return [own, text(`${e.name}_other`, L('Outro: especifique'), { required: false, visibleIf })];
    });
  const pages = (survey.pages as Json[]).map((p) => ({ ...p, elements: add(p.elements as Json[], false) }));
  return { ...survey, pages };
}
