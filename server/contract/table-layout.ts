/**
 * How a computed table is laid out and marked, for the analyst's screen: the cross-tab layout
 * (crossLayout, and GROUP, the columns of each column group) and the reliability marks (MARK) that
 * the Excel workbook uses too. Their one home is analysis/ (export/crosstab.ts, tables/reliability.ts),
 * which the workbook calls without a server; this contract module is the client's door to them, as
 * analysis.ts is to the refusal codes, so the screen and the workbook can never lay a table out or mark
 * a cell differently, and the client still imports nothing of the server but contract/.
 */
export { type CrossTab, type CrossTabLine, crossLayout, GROUP } from '../../analysis/export/crosstab.ts';
export { MARK, type Reliability } from '../../analysis/tables/reliability.ts';
