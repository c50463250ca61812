/**
 * What an export's kind contains, in words, for its codebook (JSON `contents`, and the Markdown page
 * that is the export's README): the internal file (for the office) or the public-use file (ids,
 * strata, PSUs and unit numbers as random codes, geography coarsened, weighting steps left out). The
 * internal file's line is in codebook-words.ts (four languages); the public file's in pt and en only.
 */
import type { TableLang } from '../tables/table-words.ts';
import { CODEBOOK_WORDS, proseLang } from './codebook-words.ts';
import type { Microdata } from './microdata.ts';

const list = (xs: string[]) => (xs.length ? xs.join(', ') : '-');

export function kindContents(m: Microdata, language: TableLang): string {
  const pu = m.publicUse;
  // the internal file's line in the four languages; the public file's (pt, en) in the closest of them
  if (m.kind === 'internal' || !pu) return CODEBOOK_WORDS[language].microdata.report.internalContents;
  const lang = proseLang(language);
  const certain =
    pu && pu.householdPsuStrata > 0
      ? lang === 'pt'
        ? ` Atenção: ${pu.householdPsuStrata} estrato(s) de variância têm agregados como UPA (DR tiradas com certeza): os seus agregados são reconhecíveis como os de uma DR, porque os pesos replicados que dão os erros-padrão exactos anulam um agregado por réplica, com um rscale só dessa DR.`
        : ` Note: ${pu.householdPsuStrata} variance strata have households as PSUs (EAs taken with certainty): their households are recognisable as one EA's, because the replicate weights that give the exact standard errors zero one household per replicate, with an rscale of that EA alone.`
      : '';
  return lang === 'pt'
    ? `Ficheiro de uso público. Códigos aleatórios desta ponderação (sorteados com uma chave secreta guardada no servidor, não derivados dos identificadores; os mesmos em cada exportação da mesma ponderação; o mesmo agregado tem o mesmo código nos dois ficheiros): ${list(pu.pseudonymised)}; a UPA é numerada 1..n dentro do seu estrato de variância, e os pesos replicados estão numa ordem aleatória (com os seus rscales). Geografia mantida: ${list(pu.geographyKept)}; retirada: ${list(pu.geographyDropped)}. Também retirados: ${list(pu.dropped)} (passos intermédios da ponderação, variáveis derivadas da geografia retirada), além dos identificadores directos e texto livre. A listagem não é alcançável a partir deste ficheiro. As estimativas e os erros-padrão das variáveis não codificadas no topo, recodificadas nem suprimidas (ver Controlo da divulgação) são os do ficheiro interno.${certain}`
    : `Public-use file. Random codes of this weighting run (drawn with a secret key kept by the server, not derived from the ids; the same in every export of the run; a household has the same code in both files): ${list(pu.pseudonymised)}; the PSU is numbered 1..n within its variance stratum, and the replicate weights are in a random order (with their rscales). Geography kept: ${list(pu.geographyKept)}; dropped: ${list(pu.geographyDropped)}. Also left out: ${list(pu.dropped)} (the weighting's intermediate steps, variables derived from dropped geography), besides direct identifiers and free text. The listing cannot be reached from this file. Estimates and standard errors of the variables not top-coded, recoded or suppressed (see Disclosure control) are those of the internal file.${certain}`;
}
