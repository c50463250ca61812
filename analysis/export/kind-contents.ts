/**
 * What an export's kind contains, in words, for its codebook (JSON `contents`, and the Markdown page
 * that is the export's README): the internal file (for the office) or the public-use file (ids,
 * strata, PSUs and unit numbers as random codes, geography coarsened, weighting steps left out), in
 * the words of codebook-words.ts (pt, en, fr, kea).
 */
import type { TableLang } from '../tables/table-words.ts';
import { CODEBOOK_WORDS } from './codebook-words.ts';
import type { Microdata } from './microdata.ts';

const list = (xs: string[]) => (xs.length ? xs.join(', ') : '-');

export function kindContents(m: Microdata, lang: TableLang): string {
  const w = CODEBOOK_WORDS[lang].microdata.report;
  const pu = m.publicUse;
  if (m.kind === 'internal' || !pu) return w.internalContents;
  const certain = pu.householdPsuStrata > 0 ? w.certainStrata(pu.householdPsuStrata) : '';
  return (
    w.publicContents({
      codes: list(pu.pseudonymised),
      kept: list(pu.geographyKept),
      droppedGeography: list(pu.geographyDropped),
      dropped: list(pu.dropped),
    }) + certain
  );
}
