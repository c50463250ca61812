/**
 * The calibration classes of every row, from the weighting recipe's margins (the variables and levels
 * each unit's weights were calibrated to): one column per margin and unit, `cal_<unit>_<variable>`,
 * holding the row's class, or null when its class has no control of its own (a category the margin
 * omits, or a class whose control also counts units that leave the analysis after the calibration,
 * `ineligibleInCalibration`). The weighted data carry these columns and name them in their metadata
 * (`WeightedMeta.calibration`), so that a table recognises the cells that reproduce a control
 * (controls.ts) from the recipe itself, whatever the survey.
 */

import type { Calibration, WeightingRecipe } from '../weighting/recipe.ts';
import type { WeightingResult } from '../weighting/run.ts';
import type { Value } from '../weighting/types.ts';
import { recipeValues, type Values } from '../weighting/variables.ts';
import type { Unit } from './plan.ts';

/** One margin of a unit's calibration and the weighted data's column with each row's class. */
export interface CalibrationMargin {
  variable: string;
  column: string;
}

export type CalibrationMargins = Partial<Record<Unit, CalibrationMargin[]>>;

export interface CalibrationClasses {
  /** Columns aligned with result.households and result.persons. */
  households: Record<string, Array<string | null>>;
  persons: Record<string, Array<string | null>>;
  margins: CalibrationMargins;
}

const text = (v: Value | undefined): string | null =>
  v === null || v === undefined || v === '' ? null : String(v);

function classesOf(
  unit: Unit,
  c: Calibration | null,
  values: Values[],
  tainted: (variable: string) => Set<string>,
  out: Record<string, Array<string | null>>,
  margins: CalibrationMargins,
): void {
  if (!c) return;
  margins[unit] = c.margins.map((m) => {
    const column = `cal_${unit}_${m.variable}`;
    const omit = new Set(m.omit);
    const bad = tainted(m.variable);
    out[column] = values.map((v) => {
      const x = text(v[m.variable]);
      return x === null || omit.has(x) || bad.has(x) ? null : x;
    });
    return { variable: m.variable, column };
  });
}

export function calibrationClasses(result: WeightingResult, recipe: WeightingRecipe): CalibrationClasses {
  const keep = recipeValues(recipe.variables);
  const unitValues = result.households.map((h) => keep({ ...h.values, stratum: h.stratum }));
  const out: CalibrationClasses = { households: {}, persons: {}, margins: {} };
  // Units found ineligible but kept through the unit calibration count in its controls, then leave.
  const ineligibleClasses = (variable: string) =>
    new Set(
      recipe.units.ineligibleInCalibration
        ? result.households.flatMap((h, i) =>
            h.status === 'ineligible' && h.w3_hhnr > 0 ? [String(unitValues[i][variable])] : [],
          )
        : [],
    );
  const none = () => new Set<string>();
  classesOf(
    'household',
    recipe.units.calibration,
    unitValues,
    ineligibleClasses,
    out.households,
    out.margins,
  );
  const personValues = result.persons.map((p) => p.values);
  classesOf('roster', recipe.persons?.roster ?? null, personValues, none, out.persons, out.margins);
  classesOf('individual', recipe.persons?.individuals ?? null, personValues, none, out.persons, out.margins);
  return out;
}
