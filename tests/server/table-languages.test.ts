/**
 * The words the server sends with a table in French and Kriolu: the survey's titles and notes (from
 * questionnaires/ipei/tables.json) and the engine's headings, legend, notes and interval note (from
 * analysis/tables/table-words.ts), in the JSON answer, the CSV and the Excel workbook; none of them
 * the Portuguese or English words. A survey text without the language falls back to the survey's
 * source language (Portuguese), and the IPEI table texts are recorded as drafts. A table's design
 * and estimate warnings come as codes and as sentences in the language asked for.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isIssue, parseTablePlan } from '../../analysis/tables/plan.ts';
import { TABLE_LANGS, TABLE_WORDS, textIn } from '../../analysis/tables/table-words.ts';
import { WARNING_WORDS, warningText } from '../../analysis/tables/warning-words.ts';
import {
  type AnalysisCatalogue,
  type TableResponse,
  tableResponseSchema,
} from '../../server/contract/analysis.ts';
import { analysisSuite } from '../helpers/analysis-app.ts';
import type { Person } from '../helpers/server.ts';

type Texts = Record<'pt' | 'en' | 'fr' | 'kea', string>;
const TABLES = JSON.parse(readFileSync('questionnaires/ipei/tables.json', 'utf8')) as {
  notice: Texts;
  tables: Array<{ id: string; title: Texts; notes?: Texts }>;
};
const plan = (id: string) => {
  const found = TABLES.tables.find((t) => t.id === id);
  if (!found) throw new Error(id);
  return found;
};

/** A question of the questionnaire the IPEI tables read (tables.json `questionnaire`), by name. */
type Loc = Record<string, string>;
function question(name: string): { title: Loc; choices: Array<{ value: number; text: Loc }> } {
  const file = JSON.parse(readFileSync('questionnaires/ipei/tables.json', 'utf8')).questionnaire as string;
  const survey = JSON.parse(readFileSync(`questionnaires/${file}.json`, 'utf8'));
  const stack: unknown[] = [survey];
  while (stack.length) {
    const x = stack.pop();
    if (Array.isArray(x)) stack.push(...x);
    else if (x && typeof x === 'object') {
      if ((x as { name?: unknown }).name === name) return x as ReturnType<typeof question>;
      stack.push(...Object.values(x));
    }
  }
  throw new Error(`no question ${name}`);
}

const suite = analysisSuite();

async function call(method: string, path: string, as: Person = 'analyst', body?: unknown) {
  const headers: Record<string, string> = await suite.auth(as);
  if (body !== undefined) headers['content-type'] = 'application/json';
  return suite.app.request(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Every text an engine word list gives in a language, flattened (the functions called with stand-ins). */
function engineWords(lang: keyof typeof TABLE_WORDS): Set<string> {
  const w = TABLE_WORDS[lang];
  return new Set([
    ...Object.values(w.sheets),
    w.tables,
    w.dataSheet,
    ...w.issueHeads,
    w.columns,
    ...Object.values(w.statistic),
    ...Object.values(w.unit),
    ...w.group.filter((x) => x !== 'Base (n)'),
    ...Object.values(w.rowStatistic).filter((x) => x !== 'Total'),
    w.legend(30, 30),
  ]);
}

describe.each(['fr', 'kea'] as const)('tables asked for in %s', (lang) => {
  const words = TABLE_WORDS[lang];
  // the Portuguese and English words, but those the language shares (Kriolu's "Nota")
  const own = engineWords(lang);
  const others = [...engineWords('pt'), ...engineWords('en')].filter((x) => !own.has(x));

  it('the JSON answer: titles and notes of tables.json, the legend, notes and interval note in the language', async () => {
    const res = await call('GET', `/api/analysis/ipei/tables/T14?lang=${lang}`);
    expect(res.status).toBe(200);
    const body = tableResponseSchema.parse(await res.json()) as TableResponse;
    const t = body.tables[0];
    expect(t.title).toBe(plan('T14').title[lang]);
    expect(t.title).not.toBe(plan('T14').title.pt);
    expect(t.title).not.toBe(plan('T14').title.en);
    expect(t.notes).toBe(plan('T14').notes?.[lang]);
    expect(body.legend).toBe(words.legend(30, 30));
    expect(body.legend).not.toBe(TABLE_WORDS.pt.legend(30, 30));
    expect(body.legend).not.toBe(TABLE_WORDS.en.legend(30, 30));
    expect(body.ciNote?.startsWith(`${words.ciLevel('95%')}: `)).toBe(true);
    expect(body.ciNote).toContain(words.ciStatistics.mean);
    // the proxies' note (a module not asked of proxies) and the interval line, the engine's
    expect(t.proxyNote).toMatch(new RegExp(`^${words.proxyNote('X', 'Y').slice(0, 12)}`));
    expect(t.proxyNote).toContain(words.proxyUnit.individual);
    expect(t.ci).toContain(words.ciLine.designDf);
    expect(body.notice).toContain(TABLES.notice[lang]);
  });

  it('the stratum domain is labelled by the engine in the language', async () => {
    const body = (await (
      await call('GET', `/api/analysis/ipei/tables/T01?lang=${lang}`)
    ).json()) as TableResponse;
    expect(body.tables[0].domains).toEqual([{ name: 'stratum', label: words.stratum }]);
    expect(body.tables[0].notes).toBe(plan('T01').notes?.[lang]);
  });

  it("a derived variable's label and its codes' labels are tables.json's in the language", async () => {
    const derived = JSON.parse(readFileSync('questionnaires/ipei/tables.json', 'utf8')).derived.nat_group as {
      label: Texts;
      values: Array<Texts & { code: number }>;
    };
    const body = (await (
      await call('GET', `/api/analysis/ipei/tables/T03?lang=${lang}`)
    ).json()) as TableResponse;
    const t = body.tables[0];
    expect(t.variable).toEqual({ name: 'nat_group', label: derived.label[lang] });
    const levels = new Map(t.cells.filter((c) => c.level).map((c) => [c.level?.code, c.level?.label]));
    expect(levels.size).toBeGreaterThanOrEqual(3);
    for (const [code, label] of levels) {
      const v = derived.values.find((x) => x.code === code);
      expect(label, `code ${code}`).toBe(v?.[lang]);
    }
    // not the Portuguese: at least one code's label differs from it
    const pt = (code: unknown) => derived.values.find((x) => x.code === code)?.pt;
    expect([...levels].some(([code, label]) => label !== pt(code))).toBe(true);
  });

  it("a question's label and its choices' labels are the questionnaire's text in the language", async () => {
    const body = (await (
      await call('GET', `/api/analysis/ipei/tables/T01?lang=${lang}`)
    ).json()) as TableResponse;
    const t = body.tables[0];
    const sex = question('c03_sex');
    expect(t.variable).toEqual({ name: 'c03_sex', label: sex.title[lang] });
    expect(sex.title[lang]).not.toBe(sex.title.default);
    const levels = new Map(t.cells.filter((c) => c.level).map((c) => [c.level?.code, c.level?.label]));
    expect(levels).toEqual(new Map(sex.choices.map((c) => [c.value, c.text[lang]])));
  });

  it('the CSV: the title and the whole-universe domain in the language', async () => {
    const csv = await (await call('GET', `/api/analysis/ipei/tables/T01?lang=${lang}&format=csv`)).text();
    const first = csv.split('\n')[1];
    expect(
      first.startsWith(`T01,${plan('T01').title[lang]},roster,proportion,c03_sex,,,${words.total},`),
    ).toBe(true);
  });

  it('the workbook: sheet names, headings, column groups, legend and interval note in the language', async () => {
    const res = await call('GET', `/api/analysis/ipei/tables/T01?lang=${lang}&format=xlsx`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual([words.sheets.index, 'T01', words.sheets.data]);
    const index = wb.getWorksheet(words.sheets.index);
    const sheet = wb.getWorksheet('T01');
    if (!index || !sheet) throw new Error('sheets missing');
    const texts = (ws: ExcelJS.Worksheet) => {
      const out: string[] = [];
      ws.eachRow((row) =>
        row.eachCell((c) => {
          const v = c.value as unknown;
          if (typeof v === 'string') out.push(v);
          else if (v && typeof v === 'object' && 'text' in v) out.push(String((v as { text: unknown }).text));
        }),
      );
      return out;
    };
    const indexTexts = texts(index);
    const sheetTexts = texts(sheet);
    expect(indexTexts[0]).toBe(words.tables);
    expect(indexTexts).toContain(plan('T01').title[lang]);
    expect(indexTexts).toContain(words.dataSheet);
    expect(indexTexts).toContain(words.legend(30, 30));
    expect(sheetTexts[0]).toBe(`T01. ${plan('T01').title[lang]}`);
    expect(sheetTexts).toContain(plan('T01').notes?.[lang]);
    for (const heading of words.group) expect(sheetTexts).toContain(heading);
    expect(sheetTexts).toContain(words.total);
    expect(sheetTexts.some((s) => s.startsWith(`${words.universe}: `))).toBe(true);
    expect(
      sheetTexts.some((s) => s.includes(`; ${words.statistic.proportion}; ${words.unit.roster}; `)),
    ).toBe(true);
    expect(sheetTexts).toContain(words.legend(30, 30));
    expect(sheetTexts.some((s) => s.startsWith(`${words.ciLevel('95%')}: `))).toBe(true);
    // no Portuguese or English engine word left ('Total' and 'Base (n)' are the same words)
    expect([...indexTexts, ...sheetTexts].filter((s) => others.includes(s))).toEqual([]);
  });
});

describe("a language missing from a survey's table text", () => {
  it("falls back to the survey's source language, never to a third one", () => {
    const t = { pt: 'Sexo', en: 'Sex', fr: 'Sexe' };
    expect(textIn(t, 'kea')).toBe('Sexo');
    expect(textIn(t, 'kea', 'en')).toBe('Sex');
    expect(textIn(t, 'fr', 'en')).toBe('Sexe');
    expect(textIn(t, 'en')).toBe('Sex');
  });

  it('over the API: an analyst title given in pt and en only is Portuguese in Kriolu, the engine words Kriolu', async () => {
    const req = {
      unit: 'roster',
      statistic: 'proportion',
      variable: 'c03_sex',
      domains: [],
      title: { pt: 'Sexo dos membros', en: 'Sex of the members' },
    };
    const res = await call('POST', '/api/analysis/ipei/tables?lang=kea', 'analyst', req);
    expect(res.status).toBe(200);
    const body = (await res.json()) as TableResponse;
    expect(body.tables[0].title).toBe('Sexo dos membros');
    expect(body.legend).toBe(TABLE_WORDS.kea.legend(30, 30));
  });

  it('a language the engine does not speak is a 422 naming lang', async () => {
    const res = await call('GET', '/api/analysis/ipei/tables/T01?lang=de');
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain('"lang"');
  });
});

describe.each(TABLE_LANGS)("a table's design and estimate warnings asked for in %s", (lang) => {
  it('are the codes of the cells (T21: logit [0, 1] and one-sided intervals; T49: dropped replicates), worded in the language', async () => {
    const body = (await (
      await call('GET', `/api/analysis/ipei/tables/all?lang=${lang}`)
    ).json()) as TableResponse;
    const byId = new Map(body.tables.map((t) => [t.id, t]));
    const seen = new Set<string>();
    for (const t of body.tables) {
      const codes = t.warningCodes ?? [];
      expect(t.warnings, t.id).toEqual(codes.map((w) => warningText(w, lang)));
      for (const w of codes) seen.add(w.code);
    }
    expect([...seen].sort()).toEqual(['logit_unbounded', 'one_sided', 'replicates_discarded']);
    expect(byId.get('T21')?.warningCodes?.map((w) => w.code)).toEqual(['logit_unbounded', 'one_sided']);
    expect(byId.get('T49')?.warnings).toEqual([WARNING_WORDS[lang].replicates_discarded('1')]);
    // in the language asked for, not English (but for English)
    if (lang !== 'en')
      expect(byId.get('T21')?.warnings[0]).not.toBe(
        warningText(byId.get('T21')?.warningCodes?.[0] ?? { code: 'other', detail: '' }, 'en'),
      );
  });
});

describe("the tables' languages in the schema, the catalogue and the translation status", () => {
  const base = { id: 'X1', unit: 'roster', statistic: 'proportion', variable: 'c03_sex' };
  it('a plan may give fr and kea titles and notes; an unknown language or an empty text is refused', () => {
    const ok = parseTablePlan(
      { ...base, title: { pt: 'a', en: 'b', fr: 'c', kea: 'd' }, notes: { pt: 'a', en: 'b', kea: 'd' } },
      0,
    );
    expect(isIssue(ok)).toBe(false);
    expect(parseTablePlan({ ...base, title: { pt: 'a', en: 'b', de: 'c' } }, 0)).toMatchObject({
      field: 'title',
    });
    expect(parseTablePlan({ ...base, title: { pt: 'a', en: 'b', fr: '' } }, 0)).toMatchObject({
      field: 'title.fr',
    });
    expect(parseTablePlan({ ...base, title: { pt: 'a', fr: 'c' } }, 0)).toMatchObject({ field: 'title.en' });
  });

  it('every IPEI table has its title (and notes) in fr and kea, all different from pt and en', () => {
    for (const t of TABLES.tables)
      for (const text of [t.title, t.notes].filter((x): x is Texts => !!x))
        for (const lang of ['fr', 'kea'] as const) {
          expect(text[lang], `${t.id} ${lang}`).toBeTruthy();
          expect(text[lang], `${t.id} ${lang}`).not.toBe(text.pt);
          expect(text[lang], `${t.id} ${lang}`).not.toBe(text.en);
        }
  });

  it('the Kriolu and French table texts are recorded as drafts in translations-status.json', () => {
    const status = JSON.parse(readFileSync('questionnaires/ipei/translations-status.json', 'utf8')) as {
      tables: { strings: Record<string, { pt: string; status: Record<string, string> }> };
    };
    const strings = status.tables.strings;
    const tableTexts = 1 + TABLES.tables.length + TABLES.tables.filter((t) => t.notes).length;
    expect(Object.keys(strings).filter((k) => /^(notice|T\d+:)/.test(k))).toHaveLength(tableTexts);
    expect(strings['derived.nat_group:2'].status).toEqual({ en: 'draft', fr: 'draft', kea: 'draft' });
    expect(strings['valueLabels.c13_eligible:1'].status.kea).toBe('draft');
    for (const t of TABLES.tables) {
      expect(strings[`${t.id}:title`]).toEqual({
        pt: t.title.pt,
        status: { en: 'draft', fr: 'draft', kea: 'draft' },
      });
      if (t.notes) expect(strings[`${t.id}:notes`].status.kea).toBe('draft');
    }
  });

  it('the catalogue gives the legend in the four languages', async () => {
    const cat = (await (await call('GET', '/api/analysis/ipei')).json()) as AnalysisCatalogue;
    expect(cat.legend).toEqual({
      pt: TABLE_WORDS.pt.legend(30, 30),
      en: TABLE_WORDS.en.legend(30, 30),
      fr: TABLE_WORDS.fr.legend(30, 30),
      kea: TABLE_WORDS.kea.legend(30, 30),
    });
  });
});
