/**
 * The IPEI origin groupings on constructed data, through the real plan (questionnaires/ipei/tables.json):
 * a Cabo Verdean national (the extended universe) born in Senegal is in the ECOWAS group of `ecowas`
 * (Cabo Verde is an ECOWAS member; it was 'Other') and born in ECOWAS by `birth_region`; the tables of
 * immigrants by region of birth (T45; T58, of any nationality) have no Cabo Verde row, their universe being those born
 * abroad, while T43 (foreign nationals born anywhere) keeps it with data; and `omitLevels` refuses to
 * hide a row that has units of the universe, or a table without level rows.
 */
import { describe, expect, it } from 'vitest';
import { deriveColumn } from '../../../analysis/tables/derive.ts';
import { computeTables } from '../../../analysis/tables/run.ts';
import type { WeightedData } from '../../../analysis/tables/weighted-data.ts';
import { loadSurveyContext } from '../../../server/storage/survey-context.ts';
import { data } from './helpers.ts';

const ctx = loadSurveyContext('ipei');
const { ecowas, birth_region, nat_group } = ctx.file.derived;
const T = (s: string) => ({ pt: s, en: s });

/** The fixture with its first weighted person made a Cabo Verdean national born in Senegal. */
function withCaboVerdeanBornInSenegal(): { d: WeightedData; row: number } {
  const d = data();
  const p = d.persons;
  const w = p.w_roster_final as Float64Array;
  const row = w.findIndex((x) => x > 0);
  (p.c13a_first_nationality as Array<string | null>)[row] = 'CV';
  (p.c06_birth_country as Array<string | null>)[row] = 'SN';
  (p.c13_eligible as Float64Array)[row] = 0;
  return { d, row };
}

describe('origin groupings of the IPEI tables', () => {
  it('a Cabo Verdean national born in Senegal: ECOWAS by nationality and by birth', () => {
    const frame = {
      c13a_first_nationality: ['CV', 'SN', 'GW', 'PT', 'CN'],
      c06_birth_country: ['SN', 'SN', 'CV', 'PT', 'CN'],
    };
    // ECOWAS (1) or other (2): Cabo Verde is one of the 15 members
    expect(Array.from(deriveColumn(frame, ecowas))).toEqual([1, 1, 1, 2, 2]);
    expect(ecowas.recode?.['1']).toHaveLength(15);
    // region of birth: born in Senegal is ECOWAS (2), born in Cabo Verde its own group (1)
    expect(Array.from(deriveColumn(frame, birth_region))).toEqual([2, 2, 1, 4, 6]);
    // the nationality groups keep Cabo Verdeans apart (16), not in 'Other ECOWAS' (11)
    expect(deriveColumn(frame, nat_group)[0]).toBe(16);
  });

  it('in a table the Cabo Verdean national born in Senegal counts in ECOWAS', () => {
    const { d, row } = withCaboVerdeanBornInSenegal();
    const born = d.persons.c06_birth_country as Array<string | null>;
    const w = d.persons.w_roster_final as Float64Array;
    const senegal = born.filter((b, i) => b === 'SN' && w[i] > 0).length;
    expect(senegal).toBeGreaterThan(1);
    const plan = {
      ...ctx.file,
      tables: [
        {
          id: 'SN',
          title: T('born in Senegal, ECOWAS by first nationality'),
          unit: 'roster',
          statistic: 'total',
          variable: 'ecowas',
          universe: [{ variable: 'c06_birth_country', op: '=', value: 'SN' }],
        },
      ],
    };
    const run = computeTables(plan, d, ctx.labels, ctx.rules);
    expect(run.issues).toEqual([]);
    const cells = run.tables[0].cells;
    // everyone born in Senegal here has an ECOWAS first nationality (Senegal or Cabo Verde): no 'Other'
    expect(cells.find((c) => c.level?.code === 1)?.n).toBe(senegal);
    expect(cells.find((c) => c.level?.code === 2)?.n ?? 0).toBe(0);
    expect(d.persons.c13a_first_nationality[row]).toBe('CV');
  });

  it('no Cabo Verde row under region of birth for immigrants; T43 keeps it', () => {
    const run = computeTables(ctx.file, data(), ctx.labels, ctx.rules);
    expect(run.issues).toEqual([]);
    const byId = (id: string) => run.tables.find((t) => t.id === id);
    // the level is in the roster's data: foreign nationals born in Cabo Verde
    const t43 = byId('T43')?.cells.find((c) => c.domain.length === 0 && c.level?.code === 1);
    expect(t43?.n).toBeGreaterThan(0);
    for (const id of ['T45', 'T58']) {
      const t = byId(id);
      expect(t?.cells.length, id).toBeGreaterThan(0);
      expect(
        t?.cells.filter((c) => c.level?.code === 1 || c.level?.en === 'Cabo Verde'),
        id,
      ).toEqual([]);
    }
    // the other regions all there: ECOWAS, other Africa, Europe, Americas, Asia and other
    expect(byId('T45')?.cells.map((c) => c.level?.code)).toEqual([2, 3, 4, 5, 6]);
  });

  it('omitLevels refuses to hide a row with units, and a table without level rows', () => {
    const t45 = ctx.file.tables.find((t) => (t as { id: string }).id === 'T45') as Record<string, unknown>;
    const plan = {
      ...ctx.file,
      tables: [
        // T45 without its born-abroad condition: the Cabo Verde row has people, so it cannot be left out
        { ...t45, id: 'A', universe: [{ variable: 'c13_eligible', op: '=', value: 1 }] },
        {
          id: 'B',
          title: T('mean age'),
          unit: 'roster',
          statistic: 'mean',
          variable: 'c05_age',
          omitLevels: [1],
        },
      ],
    };
    const run = computeTables(plan, data(), ctx.labels, ctx.rules);
    expect(run.tables).toEqual([]);
    expect(run.issues).toEqual([
      {
        table: 'A',
        field: 'omitLevels',
        message: expect.stringMatching(/level 1 of 'birth_region'.* roster rows/),
        reason: 'omitted_level_held',
        variable: 'birth_region',
      },
      {
        table: 'B',
        field: 'omitLevels',
        message: expect.stringContaining('categorical proportion or total'),
        reason: 'omit_levels_no_rows',
        variable: 'c05_age',
        statistic: 'mean',
      },
    ]);
  });
});
