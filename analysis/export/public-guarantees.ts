/**
 * What a public-use file guarantees about its persons and what it does not, in words, for its codebook
 * (codebook.json `guarantees`, and a section of codebook.md, the export's README): the k-anonymity its
 * local suppression reached on the survey's key variables (a missing value matching any, as sdcMicro),
 * the variables blanked with a suppressed value, and the complementary check (recoverable-values.ts);
 * then the limits none of them covers. With the household file's own control (publicUse.households),
 * the same for households, and what it does not cover: a household variable the person file restates
 * (its size is its number of person records) and the composition (the members' key values together).
 * Null for the internal file or a public file without suppression.
 */
import type { Microdata } from './microdata.ts';

export function publicGuarantees(m: Microdata, lang: 'pt' | 'en'): string | null {
  const risk = m.disclosureRisk;
  const rec = m.disclosureControl?.recovered;
  if (m.kind !== 'public' || !risk || !rec) return null;
  const keys = risk.keyVariables.join(', ');
  const left = risk.recordsBelowK;
  const hh = householdGuarantee(m, lang);
  if (lang === 'pt')
    return [
      `Garantido: cada pessoa partilha a sua combinação de ${keys} com pelo menos ${risk.k - 1} outras (um valor em falta conta como qualquer valor)`,
      left ? `, excepto ${left} sem mais valor suprimível (ver Risco de divulgação); ` : '; ',
      'um valor suprimido leva consigo a variável de que é derivado, as outras derivadas dela e as declaradas com ele; ',
      rec.action === 'blank'
        ? 'nenhuma outra variável divulgada do ficheiro de pessoas o devolve pelo seu próprio valor (verificação exata, variável a variável; as que o faziam estão em falta nesses registos). '
        : 'nenhuma outra variável divulgada do ficheiro de pessoas o devolve pelo seu próprio valor (verificação exata, variável a variável; o ficheiro seria recusado). ',
      hh,
      'Não garantido: um valor devolvido por uma combinação de variáveis, pelo ficheiro dos agregados ou pelos outros membros do agregado (código do agregado, pesos partilhados) ou por uma fonte externa; um valor apenas estreitado (um indicador de elegibilidade que diz 15 anos ou mais); o que um intruso sabe além das variáveis-chave; nem que as pessoas de uma combinação não partilhem todas um mesmo valor de outra variável (diversidade-l). ',
      'As estimativas das variáveis suprimidas ou postas em falta diferem das do ficheiro interno.',
    ].join('');
  return [
    `Guaranteed: each person shares their combination of ${keys} with at least ${risk.k - 1} others (a missing value matching any)`,
    left ? `, except ${left} with no suppressible value left (see Disclosure risk); ` : '; ',
    'a suppressed value takes with it the variable it is derived from, that variable’s other derived variables and those declared with it; ',
    rec.action === 'blank'
      ? 'no other released variable of the person file gives it back by its own value (exact check, one variable at a time; those that did are missing on those records). '
      : 'no other released variable of the person file gives it back by its own value (exact check, one variable at a time; the file would be refused). ',
    hh,
    'Not guaranteed: a value given back by a combination of variables, by the household file or the household’s other members (household code, shared weights) or by an outside source; a value only narrowed (an eligibility flag saying 15 or over); what an intruder knows beyond the key variables; nor that the persons of a combination do not all share a value of another variable (l-diversity). ',
    'Estimates of the suppressed or blanked variables differ from the internal file’s.',
  ].join('');
}

/** The household file's part (publicUse.households), or nothing. */
function householdGuarantee(m: Microdata, lang: 'pt' | 'en'): string {
  const r = m.householdDisclosureRisk;
  if (!r || !m.disclosureControl?.households) return '';
  const keys = r.keyVariables.join(', ');
  const left = r.recordsBelowK;
  const size = m.disclosureControl.households.size?.variable;
  const sizePt = size ? `; ${size} protege o ficheiro dos agregados lido sozinho` : '';
  const sizeEn = size ? `; ${size} protects the household file read alone` : '';
  const risk = m.householdRisk;
  const riskPt = risk
    ? `O risco de reidentificação de cada agregado a partir dos seus membros (1 - prod(1 - r_i)) é medido, não limitado: o maior é ${risk.highest.toFixed(3)}. `
    : '';
  const riskEn = risk
    ? `Each household’s re-identification risk from its members (1 - prod(1 - r_i)) is measured, not bounded: the highest is ${risk.highest.toFixed(3)}. `
    : '';
  if (lang === 'pt')
    return [
      `No ficheiro dos agregados, cada agregado partilha a sua combinação de ${keys} com pelo menos ${r.k - 1} outros`,
      left ? `, excepto ${left} sem mais valor suprimível` : '',
      `; não garantido: uma variável do agregado que o ficheiro de pessoas repete (a dimensão do agregado é o seu número de registos de pessoas${sizePt}) nem a composição do agregado (as variáveis-chave dos seus membros em conjunto). `,
      riskPt,
    ].join('');
  return [
    `In the household file, each household shares its combination of ${keys} with at least ${r.k - 1} others`,
    left ? `, except ${left} with no suppressible value left` : '',
    `; not guaranteed: a household variable the person file restates (household size is its number of person records${sizeEn}), nor the household’s composition (its members’ key values together). `,
    riskEn,
  ].join('');
}
