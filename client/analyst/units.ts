/**
 * The analysis units the analyst's screen offers, in its order: the catalogue's (the server offers
 * `member`, every rostered person on the household's weight, only where the weighted data hold it).
 * The table builder and the model panel both take their unit list from here, so a unit the tables
 * offer is one the models offer too.
 */
import type { AnalysisCatalogue, TableRequest } from '../../server/contract/analysis.ts';

export type Unit = TableRequest['unit'];

/** The screen's order of the units. */
const UNIT_ORDER = ['individual', 'roster', 'member', 'household'] as const satisfies readonly Unit[];

/** The units of the catalogue, in the screen's order. */
export function offeredUnits(catalogue: Pick<AnalysisCatalogue, 'units'>): Unit[] {
  return UNIT_ORDER.filter((u) => catalogue.units.includes(u));
}
