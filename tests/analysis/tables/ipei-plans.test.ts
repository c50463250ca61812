/**
 * The real plan file (questionnaires/ipei/tables.json) against the real codebook: every standard
 * table is valid and computes on the WeightedData fixture, with titles in both languages and every
 * cell's statistics; the IPEI headline tables of issue 18 on household.v3 (employment-to-population
 * ratio, unemployment rate, SDG 10.3.1 by island and origin, remittances, naturalisation, housing
 * amenities, services, the 2022 regularisation), their shares equal to the weighted counts by hand, and
 * years_in_cv from the years since the latest arrival; housing assets (H08) and barriers to care (I04)
 * as multiple-response tables; origin by region of birth (C06) for the foreign population and SDG
 * 10.3.1, and the region-of-birth versions of the headline by-nationality tables (T45-T54: immigrants,
 * i.e. foreign nationals born abroad, without a Cabo Verde row); a multiple-choice variable in a proportion is refused with the fix.
 */
import { describe, expect, it } from 'vitest';
import type { TableResult } from '../../../analysis/tables/compute.ts';
import { computeTables } from '../../../analysis/tables/run.ts';
import { loadSurveyContext } from '../../../server/storage/survey-context.ts';
import { data, table } from './helpers.ts';

const ctx = loadSurveyContext('ipei');
const run = computeTables(ctx.file, data(), ctx.labels, ctx.rules);
const persons = data().persons;
const num = (name: string) => Array.from(persons[name] as Float64Array);
const w = num('w_person_final');
/** Σ weight over the individual respondents where `keep` holds. */
const sumW = (keep: (i: number) => boolean) => w.reduce((a, x, i) => (x > 0 && keep(i) ? a + x : a), 0);
const overall = (id: string, code: number) =>
  run.tables.find((t) => t.id === id)?.cells.find((c) => c.domain.length === 0 && c.level?.code === code);

describe('questionnaires/ipei/tables.json', () => {
  it('declares the standard tables of the thematic studies, each valid and made', () => {
    expect(ctx.rules).toEqual({ cvFlag: 0.3, minN: 30 });
    expect(run.issues).toEqual([]);
    expect(run.tables.length).toBe(ctx.file.tables.length);
    expect(run.tables.length).toBeGreaterThanOrEqual(25);
  });
  it('covers the standard tabulation domains of ipei.md 5.11', () => {
    const domains = new Set(run.tables.flatMap((t) => t.domains.map((d) => d.name)));
    for (const d of ['stratum', 'c03_sex', 'age_group', 'nat_group', 'ecowas', 'years_in_cv', 'island'])
      expect(domains, d).toContain(d);
  });
  it('every cell carries estimate, SE, CI, CV, deff (but for medians), n, base and a reliability rule', () => {
    for (const t of run.tables) {
      expect(t.title.pt.length).toBeGreaterThan(0);
      expect(t.title.en.length).toBeGreaterThan(0);
      for (const c of t.cells) {
        expect(Number.isFinite(c.estimate), `${t.id}`).toBe(true);
        // a domain within one EA has no degrees of freedom, so no interval (R's NA): always suppressed
        if (c.ciDf === 0) expect([c.ciLower, c.reliability], `${t.id}`).toEqual([Number.NaN, 'suppress']);
        else expect(c.ciLower).toBeLessThanOrEqual(c.estimate);
        if (t.statistic !== 'median') expect(c.deff).not.toBeNull();
        expect(c.n).toBeGreaterThanOrEqual(0);
        expect(c.base).toBeGreaterThan(0);
        expect(['ok', 'flag', 'suppress', 'empty']).toContain(c.reliability);
      }
    }
  });
  it('has the IPEI headline tables on household.v3 variables (issue 18)', () => {
    expect(ctx.file.questionnaire).toBe('ipei/household.v3');
    const on = (variable: string, domain: string) =>
      run.tables
        .filter((t) => t.variable.name === variable && t.domains.some((d) => d.name === domain))
        .map((t) => t.id);
    expect(on('employed', 'c03_sex')).toEqual(['T26']);
    expect(on('employed', 'island')).toEqual(['T27']);
    expect(on('lf_status', 'c03_sex')).toEqual(['T28']);
    expect(on('k07_sdg1031', 'island')).toEqual(['T29']);
    expect(on('k07_sdg1031', 'nat_group')).toEqual(['T30']);
    expect(on('j01_remit', 'nat_group')).toEqual(['T13']);
    expect(on('j03_remit_frequency', 'ecowas')).toEqual(['T31']);
    expect(on('j06_remit_use', 'ecowas')).toEqual(['T32']);
    expect(on('e06_nationality_intent', 'years_in_cv')).toEqual(['T33']);
    for (const v of ['h05_water', 'h06_lighting', 'h07_toilet']) expect(on(v, 'stratum'), v).toHaveLength(1);
    for (const v of ['i01_health_cover', 'i03_care_obtained']) expect(on(v, 'ecowas'), v).toHaveLength(1);
    expect(on('i05_aai_use', 'island')).toEqual(['T39']);
    expect(on('e02_regularisation', 'ecowas')).toEqual(['T40']);
    // the multiple-choice questions: one row per option, the share citing it
    expect(on('h08_assets', 'stratum')).toEqual(['T41']);
    expect(on('i04_care_barriers', 'ecowas')).toEqual(['T42']);
    for (const id of ['T41', 'T42']) {
      const t = run.tables.find((x) => x.id === id);
      expect(t?.statistic, id).toBe('multiple');
      expect(t?.unit, id).toBe(id === 'T41' ? 'household' : 'individual');
    }
    // the self-only modules (I to M) leave the proxies out and say so
    for (const id of ['T29', 'T30', 'T31', 'T32', 'T37', 'T38', 'T39', 'T42'])
      expect(run.tables.find((t) => t.id === id)?.proxyShare, id).not.toBeNull();
  });
  it('employment-to-population ratio and unemployment rate are the ILO status shares by hand', () => {
    const lf = num('g17_lf_status');
    const ratio = sumW((i) => lf[i] === 1) / sumW((i) => lf[i] >= 1);
    expect(overall('T26', 1)?.estimate).toBeCloseTo(ratio, 12);
    const rate = sumW((i) => lf[i] === 2) / sumW((i) => lf[i] === 1 || lf[i] === 2);
    expect(overall('T28', 2)?.estimate).toBeCloseTo(rate, 12);
    expect(rate).toBeGreaterThan(0);
    // the unemployment rate's base is the labour force, not the population 15+
    expect(overall('T28', 1)?.base).toBe(lf.filter((x, i) => w[i] > 0 && (x === 1 || x === 2)).length);
  });
  it('SDG 10.3.1 by island: Santiago joins the Praia stratum and the rest of Santiago', () => {
    const t = run.tables.find((x) => x.id === 'T29');
    const santiago = t?.cells.find((c) => c.domain[0]?.code === 7 && c.level?.code === 1);
    expect(santiago?.domain[0]).toMatchObject({ pt: 'Santiago' });
    const k07 = num('k07_sdg1031');
    const inSantiago = (i: number) => ['PR', 'ST'].includes(String(persons.stratum[i]));
    const self = (i: number) => Number(persons.z05p_person_result[i]) !== 22 && k07[i] >= 0;
    expect(santiago?.estimate).toBeCloseTo(
      sumW((i) => self(i) && inSantiago(i) && k07[i] === 1) / sumW((i) => self(i) && inSantiago(i)),
      12,
    );
  });
  it('origin by country of birth: regions of C06 (T43 roster, T44 SDG 10.3.1), shares by hand', () => {
    expect(ctx.file.derived.birth_region.from).toBe('c06_birth_country');
    const birth = persons.c06_birth_country as Array<string | null>;
    const t43 = run.tables.find((x) => x.id === 'T43');
    const cv = t43?.cells.find((c) => c.domain.length === 0 && c.level?.code === 1);
    expect(cv?.level).toMatchObject({ en: 'Cabo Verde' });
    const wr = num('w_roster_final');
    const eligible = num('c13_eligible');
    const roster = (keep: (i: number) => boolean) =>
      wr.reduce((a, x, i) => (x > 0 && eligible[i] === 1 && keep(i) ? a + x : a), 0);
    expect(cv?.n).toBe(birth.filter((b, i) => b === 'CV' && wr[i] > 0 && eligible[i] === 1).length);
    expect(cv?.estimate).toBeCloseTo(roster((i) => birth[i] === 'CV') / roster(() => true), 12);
    // T44: the SDG 10.3.1 rate of those born in an ECOWAS country (Guinea-Bissau, Senegal here)
    const k07 = num('k07_sdg1031');
    const self = (i: number) => Number(persons.z05p_person_result[i]) !== 22 && k07[i] >= 0;
    const ecowasBorn = (i: number) => ['GW', 'SN'].includes(String(birth[i]));
    const t44 = run.tables.find((x) => x.id === 'T44');
    const cell = t44?.cells.find((c) => c.domain[0]?.code === 2 && c.level?.code === 1);
    expect(cell?.domain[0]).toMatchObject({ variable: 'birth_region', en: 'ECOWAS' });
    expect(cell?.estimate).toBeCloseTo(
      sumW((i) => self(i) && ecowasBorn(i) && k07[i] === 1) / sumW((i) => self(i) && ecowasBorn(i)),
      12,
    );
  });
  it('the headline by-nationality tables have a region-of-birth version for immigrants (born abroad)', () => {
    // T04, T07, T10, T13, T14, T17, T19, T20, T21 by the first nationality's group; T45-T49, T51-T54 the
    // same figure by C06's region (T03's, T50, was dropped: T43 gives it with those born in Cabo Verde),
    // their universe the foreign nationals born outside Cabo Verde (the questionnaire's "imigrante")
    const byId = (id: string) => run.tables.find((x) => x.id === id);
    const pairs: Array<[string, string]> = [
      ['T04', 'T45'],
      ['T07', 'T46'],
      ['T10', 'T47'],
      ['T13', 'T48'],
      ['T14', 'T49'],
      ['T17', 'T51'],
      ['T19', 'T52'],
      ['T20', 'T53'],
      ['T21', 'T54'],
    ];
    const bornAbroad = { variable: 'c06_birth_country', op: '!=', value: 'CV' };
    for (const [nat, origin] of pairs) {
      const a = byId(nat);
      const b = byId(origin);
      expect([b?.unit, b?.statistic, b?.proxyShare === null], origin).toEqual([
        a?.unit,
        a?.statistic,
        a?.proxyShare === null,
      ]);
      if (nat === 'T04') {
        expect([a?.variable.name, b?.variable.name]).toEqual(['nat_group', 'birth_region']);
        expect(b?.domains, origin).toEqual(a?.domains);
      } else {
        expect(b?.variable.name, origin).toBe(a?.variable.name);
        expect(
          b?.domains.map((d) => d.name),
          origin,
        ).toEqual(['birth_region']);
      }
      // (the proxy rule, for T13 and T14, comes last in both)
      const own = (u: TableResult['universe'] | undefined) =>
        (u ?? []).filter((c) => c.variable !== 'z05p_person_result');
      expect(own(b?.universe), origin).toEqual([...own(a?.universe), bornAbroad]);
      // the universe and the comparison table stated in both languages
      expect(b?.notes?.pt, origin).toContain('nascidos fora de Cabo Verde');
      expect(b?.notes?.en, origin).toContain('born outside Cabo Verde');
      expect(b?.notes?.en, origin).toContain(nat);
      // nobody born in Cabo Verde: no such domain, and no Cabo Verde row where region of birth is the
      // row variable (T45: the universe rules it out, so the row is left out, not shown empty)
      for (const c of b?.cells ?? []) {
        expect(c.domain[0]?.code, origin).not.toBe(1);
        if (b?.variable.name === 'birth_region') expect(c.level?.code, origin).not.toBe(1);
      }
    }
    // the regions labelled in both languages of the tables, on T45's rows: every region but Cabo Verde
    const regions = ctx.file.derived.birth_region.values;
    expect(regions.map((v) => v.code)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const v of regions) expect([v.pt.length > 0, v.en.length > 0], `${v.code}`).toEqual([true, true]);
    expect(byId('T45')?.cells.map((c) => c.level?.pt)).toEqual(regions.slice(1).map((v) => v.pt));
    // T43 (the foreign population, born anywhere) keeps its Cabo Verde row, with data
    expect(overall('T43', 1)?.n).toBeGreaterThan(0);
    const birth = persons.c06_birth_country as Array<string | null>;
    const eligible = num('c13_eligible');
    const wr = num('w_roster_final');
    // T45: the number born in Europe (Portugal, France here), the eligible roster's weights by hand
    const europe = wr.reduce(
      (a, x, i) => (x > 0 && eligible[i] === 1 && ['PT', 'FR'].includes(String(birth[i])) ? a + x : a),
      0,
    );
    expect(byId('T45')?.cells.find((c) => c.level?.code === 4)?.estimate).toBeCloseTo(europe, 9);
    // T48: the share remitting of all immigrants who answered themselves, and of those born in the Americas
    const remit = num('j01_remit');
    const self = (i: number) => Number(persons.z05p_person_result[i]) !== 22 && remit[i] >= 0;
    const abroad = (i: number) => birth[i] !== null && birth[i] !== 'CV';
    const americas = (i: number) => ['BR', 'US'].includes(String(birth[i]));
    const t48 = byId('T48');
    expect(t48?.cells.find((c) => c.domain.length === 0 && c.level?.code === 1)?.estimate).toBeCloseTo(
      sumW((i) => self(i) && abroad(i) && remit[i] === 1) / sumW((i) => self(i) && abroad(i)),
      12,
    );
    expect(t48?.cells.find((c) => c.domain[0]?.code === 5 && c.level?.code === 1)?.estimate).toBeCloseTo(
      sumW((i) => self(i) && americas(i) && remit[i] === 1) / sumW((i) => self(i) && americas(i)),
      12,
    );
  });
  it('years_in_cv classes the years since the latest arrival at the interview (d11_years_in_cv)', () => {
    const years = num('d11_years_in_cv');
    const t = run.tables.find((x) => x.id === 'T25');
    const n = (code: number) => t?.cells.find((c) => c.domain.length === 0 && c.level?.code === code)?.n;
    const count = (lo: number, hi: number) => years.filter((y, i) => w[i] > 0 && y >= lo && y < hi).length;
    expect([n(1), n(2), n(3), n(4)]).toEqual([count(0, 5), count(5, 10), count(10, 20), count(20, Infinity)]);
    expect(count(0, 5)).toBeGreaterThan(0);
  });
  it('labels domains and categories from the codebook and the derived variables', () => {
    const t = run.tables.find((x) => x.id === 'T03');
    expect(t?.cells[0].level).toMatchObject({ code: 1, pt: 'Guiné-Bissau' });
    expect(t?.cells.find((c) => c.domain[0]?.code === 'SV')?.domain[0]).toMatchObject({ pt: 'São Vicente' });
  });
  it('refuses a multiple-choice variable in a proportion, naming the field and the fix', () => {
    const bad = computeTables(
      {
        ...ctx.file,
        tables: [table('M', { unit: 'individual', statistic: 'proportion', variable: 'k03_grounds' })],
      },
      data(),
      ctx.labels,
      ctx.rules,
    );
    expect(bad.issues[0]).toMatchObject({
      table: 'M',
      field: 'variable',
      message: expect.stringContaining('"statistic": "multiple"'),
    });
  });
});
