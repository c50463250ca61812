/**
 * svyGlm's formula handling and bad input: R's term order, treatment contrasts and full coding
 * in interactions without main effects; unknown variables, a text outcome for gaussian, an
 * outcome outside [0, 1] for quasibinomial and a one-level factor are errors naming the field;
 * a category whose outcome never varies is reported as separation.
 */
import { describe, expect, it } from 'vitest';
import { svyGlm } from '../../../analysis/estimators/glm.ts';
import { regTermTest } from '../../../analysis/estimators/glm-terms.ts';
import { SurveyError, svyDesign } from '../../../analysis/index.ts';
import { parseFormula, termLabel } from '../../../analysis/model/formula.ts';

const n = 40;
const data = {
  id: Float64Array.from({ length: n }, (_, i) => i + 1),
  w: Float64Array.from({ length: n }, (_, i) => 1 + (i % 3)),
  x: Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 10),
  y: Float64Array.from({ length: n }, (_, i) => (i * 7) % 5),
  yes: Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 || i >= 30 ? 1 : 0)),
  g: Array.from({ length: n }, (_, i) => (i >= 30 ? 'C' : i % 2 ? 'A' : 'B')),
  one: Array.from({ length: n }, () => 'only'),
  text: Array.from({ length: n }, (_, i) => (i % 2 ? 'a' : 'b')),
};
const d = svyDesign({ ids: [], weights: 'w' }, data);

function fieldOf(f: () => unknown): { field: string | undefined; message: string } {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(SurveyError);
    return { field: (e as SurveyError).field, message: (e as Error).message };
  }
  throw new Error('no error');
}

describe('formulas as R reads them', () => {
  it('orders terms by degree, expands a*b and keeps variable order in labels', () => {
    const f = parseFormula('y ~ b:a + a*c + offset(log(z)) - 1');
    expect(f.terms.map((t) => termLabel(f, t))).toEqual(['a', 'c', 'b:a', 'a:c']);
    expect(f.intercept).toBe(false);
    expect(f.offsets).toEqual([{ name: 'z', log: true }]);
  });
  it('names columns as R: treatment contrasts, full coding without the main effect', () => {
    const f = svyGlm('y ~ x + g:x', d);
    expect(f.names).toEqual(['(Intercept)', 'x', 'x:gB', 'x:gC']);
    const h = svyGlm('y ~ x:g', d);
    expect(h.names).toEqual(['(Intercept)', 'x:gA', 'x:gB', 'x:gC']);
    const k = svyGlm('y ~ g', d, { levels: { g: ['C', 'A', 'B'] } });
    expect(k.names).toEqual(['(Intercept)', 'gA', 'gB']);
  });
});

describe('bad input is an error naming the field', () => {
  it('an unknown variable', () => {
    const e = fieldOf(() => svyGlm('y ~ x + nosuch', d));
    expect(e.field).toBe('formula');
    expect(e.message).toContain("'nosuch'");
  });
  it('a text outcome for gaussian', () => {
    const e = fieldOf(() => svyGlm('text ~ x', d));
    expect(e.field).toBe('formula');
    expect(e.message).toContain("'text' must be numeric");
  });
  it('an outcome outside [0, 1] for quasibinomial', () => {
    const e = fieldOf(() => svyGlm('y ~ x', d, { family: 'quasibinomial' }));
    expect(e.field).toBe('formula');
    expect(e.message).toMatch(/'y' is [234] at row \d+.*between 0 and 1/);
  });
  it('a factor with one level', () => {
    const e = fieldOf(() => svyGlm('y ~ one', d));
    expect(e.field).toBe('formula');
    expect(e.message).toContain("only one level ('only')");
  });
  it('regTermTest of a term the model does not have', () => {
    const e = fieldOf(() => regTermTest(svyGlm('y ~ x + g', d), '~nosuch'));
    expect(e.field).toBe('terms');
    expect(e.message).toContain('Its terms: x, g');
  });
  it('a malformed formula and an unknown family', () => {
    expect(fieldOf(() => svyGlm('y x', d)).field).toBe('formula');
    expect(fieldOf(() => svyGlm('y ~ x', d, { family: 'binomial' as never })).field).toBe('family');
  });
});

describe('separation', () => {
  it('reports a category whose outcome is always 1', () => {
    const f = svyGlm('yes ~ g', d, { family: 'quasibinomial' });
    expect(f.separated).toEqual(['gC']);
    expect(f.warnings.join(' ')).toContain('Separation');
    const ok = svyGlm('yes ~ x', d, { family: 'quasibinomial' });
    expect(ok.separated).toEqual([]);
  });
});
