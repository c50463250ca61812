/**
 * TEMPORARY: no engine code reads this any more (the preload takes island codes from the survey's
 * geography.json). It stays only because scripts/questionnaires/ipei/frame-params.ts re-exports it; delete
 * it when that script moves into its survey folder.
 */
/** Island codes as in the IPEI questionnaires' a02_island (1 Santo Antão ... 9 Brava, north-west to south-west). */
export const ISLAND_CODES: Record<string, number> = {
  'Santo Antão': 1,
  'São Vicente': 2,
  'São Nicolau': 3,
  Sal: 4,
  'Boa Vista': 5,
  Maio: 6,
  Santiago: 7,
  Fogo: 8,
  Brava: 9,
};
