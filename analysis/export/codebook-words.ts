/**
 * The one catalogue of the words a codebook writes around a survey's variables, in pt, en, fr and kea:
 * `npm run codebook`'s (`--lang`; English by default: the headings, the line on levels, the table's
 * columns, the note on long code lists and the "Versions" section, also `questionnaires:diff`'s summary
 * lines, in English) and the microdata export's codebook.md (`microdata`: its headings, notes and table
 * heads; codebook-markdown.ts), which shares the title and the variable table's columns. The variables'
 * and values' labels are the questionnaire's own, in the language where it gives one. The French and Kriolu (ALUPEC, Santiago variant, in the words of
 * client/analyst/messages-kea.ts) were written by the project: `draft`, for a native speaker's review
 * (CODEBOOK_WORDS_STATUS).
 */
import { ENGINE_WORDS_STATUS, type TableLang } from '../tables/table-words.ts';

export interface CodebookWords {
  heading: (id: string) => string;
  /** The line under the title: how many variables and what a level is (`roster`: the roster's name). */
  count: (n: number, roster: string) => string;
  /** The table's columns; `label` is followed by the language code, "label (pt)". */
  columns: { variable: string; label: string; type: string; level: string; values: string; universe: string };
  /** A code list too long for the table: its size and first codes. */
  manyCodes: (n: number, first: string) => string;
  range: string;
  versions: string;
  version: (v: number, from: number) => string;
  string: string;
  languagesChanged: string;
  logicChanged: (at: string) => string;
  stringsOnly: string;
  stringsChanged: (n: number, counts: string) => string;
  /** The microdata export's codebook.md (codebook-markdown.ts). */
  microdata: MicrodataWords;
}

/** The headings, notes and table heads of the microdata export's codebook.md. */
export interface MicrodataWords {
  publicFile: string;
  internalFile: string;
  disclosureControl: string;
  noTreatment: string;
  absent: string;
  localSuppressionNote: string;
  complementaryNote: string;
  householdFile: string;
  localSuppression: string;
  after: string;
  before: string;
  guarantees: string;
  disclosureRisk: string;
  riskHead: [string, string];
  filesLine: string;
  howToAnalyse: string;
  replicates: (setups: string) => string;
  designHead: [string, string, string, string, string, string, string, string, string, string, string];
  each: (x: number) => string;
  perReplicate: (lo: number, hi: number) => string;
  variables: string;
  specialCodes: string;
  /** The .dta's variables whose label Stata cuts at 80 characters (dta.ts stataLabel), named. */
  dtaLabelsCut: (names: string) => string;
  /** The variable table's columns besides the shared variable, type, label and values. */
  file: string;
  role: string;
  missing: string;
  /** The report sentences of the public file's control (disclosure-risk.ts, local-suppression.ts, ...). */
  report: ReportWords;
}

/** A treatment of the public file: its variable, file, bound or classes, and records changed. */
interface Treated {
  variable: string;
  file: string;
  changed: number;
}

/** The sentences that report the public file's control and the internal file's contents. */
export interface ReportWords {
  /** What the internal file holds (kind-contents.ts). */
  internalContents: string;
  /** What the public file holds (kind-contents.ts), each list already joined. */
  publicContents: (p: { codes: string; kept: string; droppedGeography: string; dropped: string }) => string;
  /** Variance strata whose PSUs are households (EAs taken with certainty). */
  certainStrata: (n: number) => string;
  /** What the public file guarantees and not (public-guarantees.ts). */
  guarantees: {
    persons: (keys: string, others: number) => string;
    except: (n: number) => string;
    takes: string;
    noOther: (blank: boolean) => string;
    notGuaranteed: string;
    estimates: string;
    households: (keys: string, others: number) => string;
    householdsExcept: (n: number) => string;
    /** `size`: the household file's size key (publicUse.households.size), protecting it read alone. */
    householdsNot: (size: string | null) => string;
    /**
     * Each household's risk from its members (household-risk.ts): bounded by `threshold` but for `left`
     * households (household-risk-control.ts), or measured only (`threshold` null).
     */
    householdRisk: (highest: string, threshold: number | null, left: number) => string;
    /** The household file read with the person file, the size `counted` there (linked-households.ts). */
    linked: (keys: string, counted: string, others: number, left: number) => string;
  };
  /** Records: persons or households. */
  who: { persons: string; households: string };
  risk: (r: {
    keys: string;
    k: number;
    records: number;
    cells: number;
    uniques: number;
    uniquesPct: string;
    below: number;
    belowCells: number;
    belowPct: string;
    who: string;
  }) => string;
  rarest: (fk: number, who: string, weight: string | null) => string;
  suppressed: (variable: string, n: number, also: string, unit: 'person' | 'household', k: number) => string;
  with: string;
  noRecovery: string;
  recovery: (variable: string, key: string, records: number, blank: boolean) => string;
  percentile: (p: number) => string;
  topCode: (t: Treated, cap: number | null, pct: string) => string;
  bottomCode: (t: Treated, cap: number | null, pct: string) => string;
  recodeCut: (t: Treated, cut: string) => string;
  recodeGroups: (t: Treated, groups: string) => string;
  /** The household risk (household-risk.ts): sdcMicro's measure_risk with hid. */
  householdRisk: (h: {
    keys: string;
    weight: string;
    households: number;
    highest: string;
    above: number;
    threshold: number;
    persons: string;
    expected: string;
  }) => string;
  /** The action on the households above the risk threshold (household-risk-control.ts). */
  riskControl: (c: { before: number; threshold: number; left: number }) => string;
  riskSuppressed: (variable: string, n: number, also: string) => string;
  /** The household file read with the person file, its size counted there (linked-households.ts). */
  linked: (c: { keys: string; counted: string; k: number; before: number; left: number }) => string;
  linkedSuppressed: (variable: string, n: number, also: string) => string;
  /** The household size key (household-size.ts): classes, the lowered top class, the capped variables. */
  householdSize: (t: {
    variable: string;
    classes: string;
    lowered: { from: string; to: string } | null;
    capped: string;
  }) => string;
  /** `npm run export`'s line on an office-coded field: its variable, the coded texts, the text question. */
  officeCodes: (o: { variable: string; coded: number; text: string }) => string;
  /** `npm run export`'s last line: the file (publicFile or internalFile), rows and variables of each, what was left out (null: nothing). */
  exported: (e: {
    file: string;
    households: number;
    householdVariables: number;
    persons: number;
    personVariables: number;
    leftOut: string | null;
  }) => string;
}

const en: CodebookWords = {
  heading: (id) => `Codebook: ${id}`,
  count: (n, roster) =>
    `${n} variables. Level: household = one row per interview; person = one row per roster member (\`${roster}[i]\`).`,
  columns: {
    variable: 'variable',
    label: 'label',
    type: 'type',
    level: 'level',
    values: 'values',
    universe: 'universe',
  },
  manyCodes: (n, first) => `${n} codes (${first}; …) — full list in the JSON codebook`,
  range: 'range',
  versions: 'Versions',
  version: (v, from) => `v${v} (from v${from})`,
  string: 'string',
  languagesChanged: 'languages changed',
  logicChanged: (at) => `logic changed (variables, codes, skips or checks) at: ${at}`,
  stringsOnly: 'strings only: no variable, code, skip or check changed',
  stringsChanged: (n, counts) => `${n} string(s) changed${counts ? ` (${counts})` : ''}`,
  microdata: {
    publicFile: 'Public-use file',
    internalFile: 'Internal file',
    disclosureControl: 'Disclosure control',
    noTreatment: 'No variable top-coded or recoded.',
    absent: 'Declared but not in these files:',
    localSuppressionNote:
      'Local suppression (values set to missing; in the risk, a missing value matches any value, as in sdcMicro):',
    complementaryNote:
      'Complementary suppression (a released variable whose value goes with a single value of the suppressed variable, on the records that show it, gives it back):',
    householdFile: 'Household file',
    localSuppression: 'Local suppression:',
    after: 'After disclosure control:',
    before: 'Before:',
    guarantees: 'What this file guarantees',
    disclosureRisk: 'Disclosure risk',
    riskHead: ['persons in the combination', 'persons'],
    filesLine: 'Files: households and persons, linked by `persons.household_id = households.household_id`.',
    howToAnalyse: 'How to analyse each unit',
    replicates: (setups) =>
      `Replicate weights are analysis weights (combined.weights = TRUE). The variance of an estimate is scale x sum over replicates of rscale x (replicate estimate - mean of the replicates)^2 (mse = FALSE). Ready-to-run setups beside the files: ${setups}.`,
    designHead: [
      'unit',
      'file',
      'rows',
      'weight',
      'replicate weights',
      'type',
      'scale',
      'rscales',
      'mse',
      'strata',
      'PSU',
    ],
    each: (x) => `${x} each`,
    perReplicate: (lo, hi) => `one per replicate (codebook.json), ${lo} to ${hi}`,
    variables: 'Variables',
    dtaLabelsCut: (names) =>
      `In the .dta, Stata keeps 80 characters of a variable label: the labels of ${names} are cut there (after a whole character); this table gives them whole.`,
    specialCodes:
      "Special codes (don't know, refused, not applicable) are missing values: Stata's extended missing values .a, .b and .c, labelled, in the .dta; the codes themselves in CSV, Excel and Parquet, listed under missing (treat them as missing).",
    file: 'file',
    role: 'role',
    missing: 'missing',
    report: {
      internalContents:
        'Internal file, for the office: household and person ids, variance stratum and PSU (EA) with the survey’s codes, all geography and every weighting step. No direct identifiers (names, GPS, phone, free text, dates). Do not release it outside the office: use the public-use file.',
      publicContents: (p) =>
        `Public-use file. Random codes of this weighting run (drawn with a secret key kept by the server, not derived from the ids; the same in every export of the run; a household has the same code in both files): ${p.codes}; the PSU is numbered 1..n within its variance stratum, and the replicate weights are in a random order (with their rscales). Geography kept: ${p.kept}; dropped: ${p.droppedGeography}. Also left out: ${p.dropped} (the weighting's intermediate steps, variables derived from dropped geography), besides direct identifiers and free text. The listing cannot be reached from this file. Estimates and standard errors of the variables not top-coded, recoded or suppressed (see Disclosure control) are those of the internal file.`,
      certainStrata: (n) =>
        ` Note: ${n} variance strata have households as PSUs (EAs taken with certainty): their households are recognisable as one EA's, because the replicate weights that give the exact standard errors zero one household per replicate, with an rscale of that EA alone.`,
      guarantees: {
        persons: (keys, others) =>
          `Guaranteed: each person shares their combination of ${keys} with at least ${others} others (a missing value matching any)`,
        except: (n) => `, except ${n} with no suppressible value left (see Disclosure risk); `,
        takes:
          'a suppressed value takes with it the variable it is derived from, that variable’s other derived variables and those declared with it; ',
        noOther: (blank) =>
          `no other released variable of the person file gives it back by its own value (exact check, one variable at a time; ${blank ? 'those that did are missing on those records' : 'the file would be refused'}). `,
        notGuaranteed:
          'Not guaranteed: a value given back by a combination of variables, by the household file or the household’s other members (household code, shared weights) or by an outside source; a value only narrowed (an eligibility flag saying 15 or over); what an intruder knows beyond the key variables; nor that the persons of a combination do not all share a value of another variable (l-diversity). ',
        estimates: 'Estimates of the suppressed or blanked variables differ from the internal file’s.',
        households: (keys, others) =>
          `In the household file, each household shares its combination of ${keys} with at least ${others} others`,
        householdsExcept: (n) => `, except ${n} with no suppressible value left`,
        householdsNot: (size) =>
          `; not guaranteed: a household variable the person file restates (household size is its number of person records${size ? `; ${size} protects the household file read alone` : ''}), nor the household’s composition (its members’ key values together). `,
        householdRisk: (highest, threshold, left) =>
          threshold === null
            ? `Each household’s re-identification risk from its members (1 - prod(1 - r_i)) is measured, not bounded: the highest is ${highest}. `
            : `Each household’s re-identification risk from its members (1 - prod(1 - r_i)) is at most ${threshold}${left ? `, except ${left} whose members have no suppressible value left` : ''}: the highest is ${highest}. `,
        linked: (keys, counted, others, left) =>
          `Read with the person file (${counted} counted exactly from each household’s records there), each household shares its combination of ${keys} with at least ${others} others${left ? `, except ${left} with no suppressible value left (their other key values alone are rare)` : ''}. `,
      },
      who: { persons: 'persons', households: 'households' },
      risk: (r) =>
        `Disclosure risk on the key variables ${r.keys} (k = ${r.k}): ${r.records} ${r.who} in ${r.cells} combinations; ${r.uniques} sample uniques (${r.uniquesPct}); ${r.below} in ${r.belowCells} combinations of fewer than ${r.k} ${r.who} (${r.belowPct}).`,
      rarest: (fk, who, weight) =>
        ` The rarest combination stands for about ${fk} ${who} in the population (the smallest Fk, sum of ${weight}).`,
      suppressed: (variable, n, also, unit, k) =>
        `${variable}: ${n} values suppressed${also} so that each ${unit} has at least ${k} in their combination.`,
      with: 'with',
      noRecovery:
        'No suppressed value is given back by another released variable (exact check, one variable at a time).',
      recovery: (variable, key, records, blank) =>
        `${variable}: gave back the suppressed ${key} on ${records} records; ${blank ? 'set to missing on those records' : 'refused'}.`,
      percentile: (p) => ` (percentile ${p})`,
      topCode: (t, cap, pct) =>
        `${t.variable} (${t.file}): top-coded at ${cap}${pct}; ${t.changed} records changed.`,
      bottomCode: (t, cap, pct) =>
        `${t.variable} (${t.file}): bottom-coded at ${cap}${pct}; ${t.changed} records changed.`,
      recodeCut: (t, cut) =>
        `${t.variable} (${t.file}): recoded to classes with lower bounds ${cut}; ${t.changed} records grouped.`,
      recodeGroups: (t, groups) =>
        `${t.variable} (${t.file}): recoded to the groups of ${groups}; ${t.changed} records grouped.`,
      householdRisk: (h) =>
        `Household risk (sdcMicro, measure_risk with hid): a household's risk is 1 - prod(1 - r_i) over its members, r_i each person's individual risk on the key variables ${h.keys} (Fk the sum of ${h.weight}). ${h.households} households; the highest risk is ${h.highest}; ${h.above} households above ${h.threshold}; expected re-identifications: ${h.persons} persons, ${h.expected} households.`,
      riskControl: (c) =>
        `Households whose risk is above ${c.threshold}: ${c.before} before their members’ key values were suppressed, ${c.left} after.`,
      riskSuppressed: (variable, n, also) =>
        `${variable}: ${n} values suppressed${also} on members of households above the risk threshold.`,
      linked: (c) =>
        `The household file read with the person file (${c.counted} counted exactly from each household’s records there), on ${c.keys}: ${c.before} households in combinations of fewer than ${c.k} households before suppression, ${c.left} after${c.left ? ' (no suppressible value left)' : ''}.`,
      linkedSuppressed: (variable, n, also) =>
        `${variable}: ${n} values suppressed${also} so that each household has at least k in its combination with its exact size.`,
      householdSize: (t) =>
        `${t.variable}: household size (members in the person file) in classes, a key variable of the household file; households per class ${t.classes}${t.lowered ? `; top class lowered from ${t.lowered.from} to ${t.lowered.to} so that each household of that class has at least k in its combination` : ''}${t.capped ? `; capped at the same top class: ${t.capped}` : ''}. The exact size can still be counted in the person file.`,
      officeCodes: (o) => `Office codes: ${o.variable} from ${o.coded} coded text(s) of ${o.text}.`,
      exported: (e) =>
        `${e.file}: households ${e.households} rows x ${e.householdVariables} variables, persons ${e.persons} x ${e.personVariables}; left out: ${e.leftOut ?? 'nothing'}.`,
    },
  },
};

const pt: CodebookWords = {
  heading: (id) => `Livro de códigos: ${id}`,
  count: (n, roster) =>
    `${n} variáveis. Nível: agregado = uma linha por entrevista; pessoa = uma linha por membro da lista (\`${roster}[i]\`).`,
  columns: {
    variable: 'variável',
    label: 'rótulo',
    type: 'tipo',
    level: 'nível',
    values: 'valores',
    universe: 'universo',
  },
  manyCodes: (n, first) => `${n} códigos (${first}; …) — lista completa no livro de códigos JSON`,
  range: 'intervalo',
  versions: 'Versões',
  version: (v, from) => `v${v} (a partir da v${from})`,
  string: 'texto',
  languagesChanged: 'línguas alteradas',
  logicChanged: (at) => `lógica alterada (variáveis, códigos, saltos ou verificações) em: ${at}`,
  stringsOnly: 'só textos: nenhuma variável, código, salto ou verificação mudou',
  stringsChanged: (n, counts) => `${n} texto(s) alterado(s)${counts ? ` (${counts})` : ''}`,
  microdata: {
    publicFile: 'Ficheiro de uso público',
    internalFile: 'Ficheiro interno',
    disclosureControl: 'Controlo da divulgação',
    noTreatment: 'Nenhuma variável codificada no topo nem recodificada.',
    absent: 'Declaradas mas ausentes destes ficheiros:',
    localSuppressionNote:
      'Supressão local (valores postos em falta; no risco, um valor em falta conta como qualquer valor, como no sdcMicro):',
    complementaryNote:
      'Supressão complementar (uma variável divulgada cujo valor corresponde a um só valor da variável suprimida, nos registos que a mostram, dá-o de volta):',
    householdFile: 'Ficheiro dos agregados',
    localSuppression: 'Supressão local:',
    after: 'Depois do controlo:',
    before: 'Antes:',
    guarantees: 'O que este ficheiro garante',
    disclosureRisk: 'Risco de divulgação',
    riskHead: ['pessoas na combinação', 'pessoas'],
    filesLine:
      'Ficheiros: agregados e pessoas, ligados por `persons.household_id = households.household_id`.',
    howToAnalyse: 'Como analisar cada unidade',
    replicates: (setups) =>
      `Os pesos replicados são pesos de análise (combined.weights = TRUE). A variância de uma estimativa é scale x soma sobre as réplicas de rscale x (estimativa da réplica - média das réplicas)^2 (mse = FALSE). Configurações prontas a correr ao lado dos ficheiros: ${setups}.`,
    designHead: [
      'unidade',
      'ficheiro',
      'linhas',
      'peso',
      'pesos replicados',
      'tipo',
      'scale',
      'rscales',
      'mse',
      'estratos',
      'UPA',
    ],
    each: (x) => `${x} cada`,
    perReplicate: (lo, hi) => `um por réplica (codebook.json), de ${lo} a ${hi}`,
    variables: 'Variáveis',
    dtaLabelsCut: (names) =>
      `No .dta, o Stata guarda 80 caracteres do rótulo de uma variável: os rótulos de ${names} são cortados aí (depois de um carácter inteiro); esta tabela dá-os por inteiro.`,
    specialCodes:
      'Os códigos especiais (não sabe, recusa, não se aplica) são valores em falta: os valores em falta estendidos do Stata .a, .b e .c, com rótulo, no .dta; os próprios códigos em CSV, Excel e Parquet, listados em falta (trate-os como em falta).',
    file: 'ficheiro',
    role: 'papel',
    missing: 'em falta',
    report: {
      internalContents:
        'Ficheiro interno, para o instituto: identificadores dos agregados e das pessoas, estrato de variância e UPA (DR) com os códigos do inquérito, toda a geografia e todos os passos da ponderação. Sem identificadores directos (nomes, GPS, telefone, texto livre, datas). Não o divulgue fora do instituto: use o ficheiro de uso público.',
      publicContents: (p) =>
        `Ficheiro de uso público. Códigos aleatórios desta ponderação (sorteados com uma chave secreta guardada no servidor, não derivados dos identificadores; os mesmos em cada exportação da mesma ponderação; o mesmo agregado tem o mesmo código nos dois ficheiros): ${p.codes}; a UPA é numerada 1..n dentro do seu estrato de variância, e os pesos replicados estão numa ordem aleatória (com os seus rscales). Geografia mantida: ${p.kept}; retirada: ${p.droppedGeography}. Também retirados: ${p.dropped} (passos intermédios da ponderação, variáveis derivadas da geografia retirada), além dos identificadores directos e texto livre. A listagem não é alcançável a partir deste ficheiro. As estimativas e os erros-padrão das variáveis não codificadas no topo, recodificadas nem suprimidas (ver Controlo da divulgação) são os do ficheiro interno.`,
      certainStrata: (n) =>
        ` Atenção: ${n} estrato(s) de variância têm agregados como UPA (DR tiradas com certeza): os seus agregados são reconhecíveis como os de uma DR, porque os pesos replicados que dão os erros-padrão exactos anulam um agregado por réplica, com um rscale só dessa DR.`,
      guarantees: {
        persons: (keys, others) =>
          `Garantido: cada pessoa partilha a sua combinação de ${keys} com pelo menos ${others} outras (um valor em falta conta como qualquer valor)`,
        except: (n) => `, excepto ${n} sem mais valor suprimível (ver Risco de divulgação); `,
        takes:
          'um valor suprimido leva consigo a variável de que é derivado, as outras derivadas dela e as declaradas com ele; ',
        noOther: (blank) =>
          `nenhuma outra variável divulgada do ficheiro de pessoas o devolve pelo seu próprio valor (verificação exata, variável a variável; ${blank ? 'as que o faziam estão em falta nesses registos' : 'o ficheiro seria recusado'}). `,
        notGuaranteed:
          'Não garantido: um valor devolvido por uma combinação de variáveis, pelo ficheiro dos agregados ou pelos outros membros do agregado (código do agregado, pesos partilhados) ou por uma fonte externa; um valor apenas estreitado (um indicador de elegibilidade que diz 15 anos ou mais); o que um intruso sabe além das variáveis-chave; nem que as pessoas de uma combinação não partilhem todas um mesmo valor de outra variável (diversidade-l). ',
        estimates:
          'As estimativas das variáveis suprimidas ou postas em falta diferem das do ficheiro interno.',
        households: (keys, others) =>
          `No ficheiro dos agregados, cada agregado partilha a sua combinação de ${keys} com pelo menos ${others} outros`,
        householdsExcept: (n) => `, excepto ${n} sem mais valor suprimível`,
        householdsNot: (size) =>
          `; não garantido: uma variável do agregado que o ficheiro de pessoas repete (a dimensão do agregado é o seu número de registos de pessoas${size ? `; ${size} protege o ficheiro dos agregados lido sozinho` : ''}) nem a composição do agregado (as variáveis-chave dos seus membros em conjunto). `,
        householdRisk: (highest, threshold, left) =>
          threshold === null
            ? `O risco de reidentificação de cada agregado a partir dos seus membros (1 - prod(1 - r_i)) é medido, não limitado: o maior é ${highest}. `
            : `O risco de reidentificação de cada agregado a partir dos seus membros (1 - prod(1 - r_i)) é no máximo ${threshold}${left ? `, excepto ${left} cujos membros não têm mais valor suprimível` : ''}: o maior é ${highest}. `,
        linked: (keys, counted, others, left) =>
          `Lido com o ficheiro de pessoas (${counted} contada exactamente a partir dos registos de cada agregado), cada agregado partilha a sua combinação de ${keys} com pelo menos ${others} outros${left ? `, excepto ${left} sem mais valor suprimível (as suas outras variáveis-chave bastam para serem raros)` : ''}. `,
      },
      who: { persons: 'pessoas', households: 'agregados' },
      risk: (r) =>
        `Risco de divulgação nas variáveis-chave ${r.keys} (k = ${r.k}): ${r.records} ${r.who} em ${r.cells} combinações; ${r.uniques} únicas na amostra (${r.uniquesPct}); ${r.below} em ${r.belowCells} combinações com menos de ${r.k} ${r.who} (${r.belowPct}).`,
      rarest: (fk, who, weight) =>
        ` A combinação mais rara representa cerca de ${fk} ${who} na população (o menor Fk, soma de ${weight}).`,
      suppressed: (variable, n, also, unit, k) =>
        `${variable}: ${n} valores suprimidos${also} para que cada ${unit === 'household' ? 'agregado' : 'pessoa'} tenha pelo menos ${k} na sua combinação.`,
      with: 'com',
      noRecovery:
        'Nenhum valor suprimido é dado por uma outra variável divulgada (verificação exata, variável a variável).',
      recovery: (variable, key, records, blank) =>
        `${variable}: dava ${key} suprimido em ${records} registos; ${blank ? 'posta em falta nesses registos' : 'recusado'}.`,
      percentile: (p) => ` (percentil ${p})`,
      topCode: (t, cap, pct) =>
        `${t.variable} (${t.file}): codificada no topo em ${cap}${pct}; ${t.changed} registos alterados.`,
      bottomCode: (t, cap, pct) =>
        `${t.variable} (${t.file}): codificada na base em ${cap}${pct}; ${t.changed} registos alterados.`,
      recodeCut: (t, cut) =>
        `${t.variable} (${t.file}): recodificada em classes com limites inferiores ${cut}; ${t.changed} registos agrupados.`,
      recodeGroups: (t, groups) =>
        `${t.variable} (${t.file}): recodificada nos grupos de ${groups}; ${t.changed} registos agrupados.`,
      householdRisk: (h) =>
        `Risco dos agregados (sdcMicro, measure_risk com hid): o risco de um agregado é 1 - prod(1 - r_i) sobre os seus membros, r_i o risco individual de cada pessoa nas variáveis-chave ${h.keys} (Fk na soma de ${h.weight}). ${h.households} agregados; o maior risco é ${h.highest}; ${h.above} agregados acima de ${h.threshold}; reidentificações esperadas: ${h.persons} pessoas, ${h.expected} agregados.`,
      riskControl: (c) =>
        `Agregados com risco acima de ${c.threshold}: ${c.before} antes da supressão de variáveis-chave dos seus membros, ${c.left} depois.`,
      riskSuppressed: (variable, n, also) =>
        `${variable}: ${n} valores suprimidos${also} em membros de agregados acima do limiar de risco.`,
      linked: (c) =>
        `O ficheiro dos agregados lido com o ficheiro de pessoas (${c.counted} contada exactamente a partir dos registos de cada agregado), em ${c.keys}: ${c.before} agregados em combinações com menos de ${c.k} agregados antes da supressão, ${c.left} depois${c.left ? ' (sem mais valor suprimível)' : ''}.`,
      linkedSuppressed: (variable, n, also) =>
        `${variable}: ${n} valores suprimidos${also} para que cada agregado tenha pelo menos k na sua combinação com a sua dimensão exacta.`,
      householdSize: (t) =>
        `${t.variable}: dimensão do agregado (membros no ficheiro de pessoas) em classes, variável-chave do ficheiro dos agregados; agregados por classe ${t.classes}${t.lowered ? `; classe de topo baixada de ${t.lowered.from} para ${t.lowered.to} para que cada agregado dessa classe tenha pelo menos k na sua combinação` : ''}${t.capped ? `; codificadas no topo da mesma classe: ${t.capped}` : ''}. A dimensão exacta continua contável no ficheiro de pessoas.`,
      officeCodes: (o) =>
        `Códigos do escritório: ${o.variable} de ${o.coded} texto(s) codificado(s) de ${o.text}.`,
      exported: (e) =>
        `${e.file}: agregados ${e.households} linhas x ${e.householdVariables} variáveis, pessoas ${e.persons} x ${e.personVariables}; deixado de fora: ${e.leftOut ?? 'nada'}.`,
    },
  },
};

const fr: CodebookWords = {
  heading: (id) => `Dictionnaire des codes : ${id}`,
  count: (n, roster) =>
    `${n} variables. Niveau : ménage = une ligne par entretien ; personne = une ligne par membre de la liste (\`${roster}[i]\`).`,
  columns: {
    variable: 'variable',
    label: 'libellé',
    type: 'type',
    level: 'niveau',
    values: 'valeurs',
    universe: 'univers',
  },
  manyCodes: (n, first) => `${n} codes (${first} ; …) — liste complète dans le dictionnaire JSON`,
  range: 'plage',
  versions: 'Versions',
  version: (v, from) => `v${v} (depuis la v${from})`,
  string: 'texte',
  languagesChanged: 'langues modifiées',
  logicChanged: (at) => `logique modifiée (variables, codes, sauts ou contrôles) à : ${at}`,
  stringsOnly: 'textes seulement : aucune variable, aucun code, saut ou contrôle modifié',
  stringsChanged: (n, counts) => `${n} texte(s) modifié(s)${counts ? ` (${counts})` : ''}`,
  microdata: {
    publicFile: 'Fichier à usage public',
    internalFile: 'Fichier interne',
    disclosureControl: 'Contrôle de la divulgation',
    noTreatment: 'Aucune variable plafonnée ni recodée.',
    absent: 'Déclarées mais absentes de ces fichiers :',
    localSuppressionNote:
      'Suppression locale (valeurs mises à manquant ; dans le risque, une valeur manquante correspond à toute valeur, comme dans sdcMicro) :',
    complementaryNote:
      'Suppression complémentaire (une variable diffusée dont la valeur va avec une seule valeur de la variable supprimée, sur les enregistrements qui la montrent, la redonne) :',
    householdFile: 'Fichier des ménages',
    localSuppression: 'Suppression locale :',
    after: 'Après le contrôle :',
    before: 'Avant :',
    guarantees: 'Ce que ce fichier garantit',
    disclosureRisk: 'Risque de divulgation',
    riskHead: ['personnes dans la combinaison', 'personnes'],
    filesLine: 'Fichiers : ménages et personnes, liés par `persons.household_id = households.household_id`.',
    howToAnalyse: 'Comment analyser chaque unité',
    replicates: (setups) =>
      `Les poids répliqués sont des poids d'analyse (combined.weights = TRUE). La variance d'une estimation est scale x somme sur les répliques de rscale x (estimation de la réplique - moyenne des répliques)^2 (mse = FALSE). Configurations prêtes à lancer à côté des fichiers : ${setups}.`,
    designHead: [
      'unité',
      'fichier',
      'lignes',
      'poids',
      'poids répliqués',
      'type',
      'scale',
      'rscales',
      'mse',
      'strates',
      'UPE',
    ],
    each: (x) => `${x} chacune`,
    perReplicate: (lo, hi) => `une par réplique (codebook.json), de ${lo} à ${hi}`,
    variables: 'Variables',
    dtaLabelsCut: (names) =>
      `Dans le .dta, Stata garde 80 caractères du libellé d'une variable : les libellés de ${names} y sont coupés (après un caractère entier) ; ce tableau les donne en entier.`,
    specialCodes:
      'Les codes spéciaux (ne sait pas, refus, sans objet) sont des valeurs manquantes : les valeurs manquantes étendues de Stata .a, .b et .c, étiquetées, dans le .dta ; les codes eux-mêmes en CSV, Excel et Parquet, listés sous manquant (à traiter comme manquants).',
    file: 'fichier',
    role: 'rôle',
    missing: 'manquant',
    report: {
      internalContents:
        "Fichier interne, pour l'institut : identifiants des ménages et des personnes, strate de variance et UPE (DR) avec les codes de l'enquête, toute la géographie et toutes les étapes de la pondération. Sans identifiants directs (noms, GPS, téléphone, texte libre, dates). Ne le diffusez pas hors de l'institut : utilisez le fichier à usage public.",
      publicContents: (p) =>
        `Fichier à usage public. Codes aléatoires de cette pondération (tirés avec une clé secrète gardée par le serveur, non dérivés des identifiants ; les mêmes à chaque export de la même pondération ; un ménage a le même code dans les deux fichiers) : ${p.codes} ; l'UPE est numérotée 1..n dans sa strate de variance, et les poids répliqués sont dans un ordre aléatoire (avec leurs rscales). Géographie gardée : ${p.kept} ; retirée : ${p.droppedGeography}. Également retirés : ${p.dropped} (étapes intermédiaires de la pondération, variables dérivées de la géographie retirée), outre les identifiants directs et le texte libre. Le dénombrement n'est pas atteignable depuis ce fichier. Les estimations et erreurs-types des variables non plafonnées, recodées ni supprimées (voir Contrôle de la divulgation) sont celles du fichier interne.`,
      certainStrata: (n) =>
        ` Attention : ${n} strate(s) de variance ont des ménages comme UPE (DR tirées avec certitude) : leurs ménages sont reconnaissables comme ceux d'une DR, car les poids répliqués qui donnent les erreurs-types exactes annulent un ménage par réplique, avec un rscale de cette seule DR.`,
      guarantees: {
        persons: (keys, others) =>
          `Garanti : chaque personne partage sa combinaison de ${keys} avec au moins ${others} autres (une valeur manquante correspond à toute valeur)`,
        except: (n) => `, sauf ${n} sans plus de valeur supprimable (voir Risque de divulgation) ; `,
        takes:
          'une valeur supprimée emporte la variable dont elle est dérivée, les autres variables dérivées de celle-ci et celles déclarées avec elle ; ',
        noOther: (blank) =>
          `aucune autre variable diffusée du fichier des personnes ne la redonne par sa propre valeur (contrôle exact, variable par variable ; ${blank ? 'celles qui le faisaient sont manquantes sur ces enregistrements' : 'le fichier serait refusé'}). `,
        notGuaranteed:
          "Non garanti : une valeur redonnée par une combinaison de variables, par le fichier des ménages ou les autres membres du ménage (code du ménage, poids partagés) ou par une source extérieure ; une valeur seulement resserrée (un indicateur d'éligibilité disant 15 ans ou plus) ; ce qu'un intrus sait au-delà des variables clés ; ni que les personnes d'une combinaison ne partagent pas toutes une même valeur d'une autre variable (l-diversité). ",
        estimates:
          'Les estimations des variables supprimées ou mises à manquant diffèrent de celles du fichier interne.',
        households: (keys, others) =>
          `Dans le fichier des ménages, chaque ménage partage sa combinaison de ${keys} avec au moins ${others} autres`,
        householdsExcept: (n) => `, sauf ${n} sans plus de valeur supprimable`,
        householdsNot: (size) =>
          ` ; non garanti : une variable du ménage que le fichier des personnes répète (la taille du ménage est son nombre d'enregistrements de personnes${size ? ` ; ${size} protège le fichier des ménages lu seul` : ''}), ni la composition du ménage (les variables clés de ses membres ensemble). `,
        householdRisk: (highest, threshold, left) =>
          threshold === null
            ? `Le risque de réidentification de chaque ménage à partir de ses membres (1 - prod(1 - r_i)) est mesuré, non borné : le plus élevé est ${highest}. `
            : `Le risque de réidentification de chaque ménage à partir de ses membres (1 - prod(1 - r_i)) est au plus ${threshold}${left ? `, sauf ${left} dont les membres n'ont plus de valeur supprimable` : ''} : le plus élevé est ${highest}. `,
        linked: (keys, counted, others, left) =>
          `Lu avec le fichier des personnes (${counted} comptée exactement à partir des enregistrements de chaque ménage), chaque ménage partage sa combinaison de ${keys} avec au moins ${others} autres${left ? `, sauf ${left} sans plus de valeur supprimable (leurs autres variables clés suffisent à les rendre rares)` : ''}. `,
      },
      who: { persons: 'personnes', households: 'ménages' },
      risk: (r) =>
        `Risque de divulgation sur les variables clés ${r.keys} (k = ${r.k}) : ${r.records} ${r.who} dans ${r.cells} combinaisons ; ${r.uniques} uniques dans l'échantillon (${r.uniquesPct}) ; ${r.below} dans ${r.belowCells} combinaisons de moins de ${r.k} ${r.who} (${r.belowPct}).`,
      rarest: (fk, who, weight) =>
        ` La combinaison la plus rare représente environ ${fk} ${who} dans la population (le plus petit Fk, somme de ${weight}).`,
      suppressed: (variable, n, also, unit, k) =>
        `${variable} : ${n} valeurs supprimées${also} pour que chaque ${unit === 'household' ? 'ménage' : 'personne'} ait au moins ${k} dans sa combinaison.`,
      with: 'avec',
      noRecovery:
        "Aucune valeur supprimée n'est redonnée par une autre variable diffusée (contrôle exact, variable par variable).",
      recovery: (variable, key, records, blank) =>
        `${variable} : redonnait ${key} supprimé sur ${records} enregistrements ; ${blank ? 'mise à manquant sur ces enregistrements' : 'refusé'}.`,
      percentile: (p) => ` (centile ${p})`,
      topCode: (t, cap, pct) =>
        `${t.variable} (${t.file}) : plafonnée à ${cap}${pct} ; ${t.changed} enregistrements modifiés.`,
      bottomCode: (t, cap, pct) =>
        `${t.variable} (${t.file}) : planchée à ${cap}${pct} ; ${t.changed} enregistrements modifiés.`,
      recodeCut: (t, cut) =>
        `${t.variable} (${t.file}) : recodée en classes de bornes inférieures ${cut} ; ${t.changed} enregistrements regroupés.`,
      recodeGroups: (t, groups) =>
        `${t.variable} (${t.file}) : recodée dans les groupes de ${groups} ; ${t.changed} enregistrements regroupés.`,
      householdRisk: (h) =>
        `Risque des ménages (sdcMicro, measure_risk avec hid) : le risque d'un ménage est 1 - prod(1 - r_i) sur ses membres, r_i le risque individuel de chaque personne sur les variables clés ${h.keys} (Fk la somme de ${h.weight}). ${h.households} ménages ; le risque le plus élevé est ${h.highest} ; ${h.above} ménages au-dessus de ${h.threshold} ; réidentifications attendues : ${h.persons} personnes, ${h.expected} ménages.`,
      riskControl: (c) =>
        `Ménages dont le risque dépasse ${c.threshold} : ${c.before} avant la suppression de variables clés de leurs membres, ${c.left} après.`,
      riskSuppressed: (variable, n, also) =>
        `${variable} : ${n} valeurs supprimées${also} chez des membres de ménages au-dessus du seuil de risque.`,
      linked: (c) =>
        `Le fichier des ménages lu avec le fichier des personnes (${c.counted} comptée exactement à partir des enregistrements de chaque ménage), sur ${c.keys} : ${c.before} ménages dans des combinaisons de moins de ${c.k} ménages avant la suppression, ${c.left} après${c.left ? ' (sans plus de valeur supprimable)' : ''}.`,
      linkedSuppressed: (variable, n, also) =>
        `${variable} : ${n} valeurs supprimées${also} pour que chaque ménage ait au moins k dans sa combinaison avec sa taille exacte.`,
      householdSize: (t) =>
        `${t.variable} : taille du ménage (membres dans le fichier des personnes) en classes, variable clé du fichier des ménages ; ménages par classe ${t.classes}${t.lowered ? ` ; classe supérieure abaissée de ${t.lowered.from} à ${t.lowered.to} pour que chaque ménage de cette classe ait au moins k dans sa combinaison` : ''}${t.capped ? ` ; plafonnées à la même classe supérieure : ${t.capped}` : ''}. La taille exacte reste comptable dans le fichier des personnes.`,
      officeCodes: (o) =>
        `Codes du bureau : ${o.variable} à partir de ${o.coded} texte(s) codé(s) de ${o.text}.`,
      exported: (e) =>
        `${e.file} : ménages ${e.households} lignes x ${e.householdVariables} variables, personnes ${e.persons} x ${e.personVariables} ; laissé de côté : ${e.leftOut ?? 'rien'}.`,
    },
  },
};

const kea: CodebookWords = {
  heading: (id) => `Livru di kódigus: ${id}`,
  count: (n, roster) =>
    `${n} variavel. Nível: agregadu = un linha pa kada entrevista; pesoa = un linha pa kada membru di lista (\`${roster}[i]\`).`,
  columns: {
    variable: 'variavel',
    label: 'rótulu',
    type: 'tipu',
    level: 'nível',
    values: 'valoris',
    universe: 'univérsu',
  },
  manyCodes: (n, first) => `${n} kódigu (${first}; …) — lista kumpletu na livru di kódigus JSON`,
  range: 'intervalu',
  versions: 'Versons',
  version: (v, from) => `v${v} (di v${from})`,
  string: 'testu',
  languagesChanged: 'línguas mudadu',
  logicChanged: (at) => `lójika mudadu (variavel, kódigus, saltus o verifikasons) na: ${at}`,
  stringsOnly: 'só testus: ninhun variavel, kódigu, saltu o verifikason ka muda',
  stringsChanged: (n, counts) => `${n} testu mudadu${counts ? ` (${counts})` : ''}`,
  microdata: {
    publicFile: 'Fixeru di uzu públiku',
    internalFile: 'Fixeru internu',
    disclosureControl: 'Kontrolu di divulgason',
    noTreatment: 'Ninhun variavel ka kodifikadu na topu nen rikodifikadu.',
    absent: 'Dikláradu má ka sta na es fixerus:',
    localSuppressionNote:
      'Supreson lokal (valoris pô na falta; na risku, un valor na falta ta konta suma kualker valor, sima na sdcMicro):',
    complementaryNote:
      'Supreson kumplimentar (un variavel divulgadu ki se valor ta bai ku un só valor di variavel suprimidu, na rijistus ki ta mostra-l, ta da-l di volta):',
    householdFile: 'Fixeru di agregadus',
    localSuppression: 'Supreson lokal:',
    after: 'Dipos di kontrolu:',
    before: 'Antis:',
    guarantees: 'Kuzê ki es fixeru ta garanti',
    disclosureRisk: 'Risku di divulgason',
    riskHead: ['pesoas na kombinason', 'pesoas'],
    filesLine: 'Fixerus: agregadus i pesoas, ligadu pa `persons.household_id = households.household_id`.',
    howToAnalyse: 'Modi ki ta analiza kada unidadi',
    replicates: (setups) =>
      `Pezus riplikadu e pezus di analizi (combined.weights = TRUE). Variansa di un stimativa e scale x soma na tudu réplika di rscale x (stimativa di réplika - média di réplikas)^2 (mse = FALSE). Konfigurasons prontu pa kóri djuntu ku fixerus: ${setups}.`,
    designHead: [
      'unidadi',
      'fixeru',
      'linhas',
      'pezu',
      'pezus riplikadu',
      'tipu',
      'scale',
      'rscales',
      'mse',
      'stratus',
      'UPA',
    ],
    each: (x) => `${x} kada un`,
    perReplicate: (lo, hi) => `un pa kada réplika (codebook.json), di ${lo} a ${hi}`,
    variables: 'Variavel',
    dtaLabelsCut: (names) =>
      `Na .dta, Stata ta guarda 80 karakter di rótulu di un variavel: rótulus di ${names} ta kortadu la (dipos di un karakter interu); es tabela ta da-s interu.`,
    specialCodes:
      'Kódigus spesial (ka sabi, ka kré responde, ka ta aplika) e valoris na falta: valoris na falta stendidu di Stata .a, .b i .c, ku rótulu, na .dta; kes kódigu mésmu na CSV, Excel i Parquet, listadu na falta (trata-s suma na falta).',
    file: 'fixeru',
    role: 'papel',
    missing: 'na falta',
    report: {
      internalContents:
        'Fixeru internu, pa institutu: identifikadoris di agregadus i di pesoas, stratu di variansa i UPA (DR) ku kódigus di inkéritu, tudu jiografia i tudu pasus di ponderason. Sen identifikadoris diretu (nomi, GPS, telefoni, testu livri, datas). Ka bu divulga-l fora di institutu: uza fixeru di uzu públiku.',
      publicContents: (p) =>
        `Fixeru di uzu públiku. Kódigus aleatóriu di es ponderason (tiradu ku un xavi sekretu gardadu na servidor, ka dirivadu di identifikadoris; mésmu na kada esportason di mésmu ponderason; mésmu agregadu ten mésmu kódigu na kes dos fixeru): ${p.codes}; UPA ta numeradu 1..n dentu di se stratu di variansa, i pezus riplikadu sta na un orden aleatóriu (ku ses rscales). Jiografia mantidu: ${p.kept}; tiradu: ${p.droppedGeography}. Tanbe tiradu: ${p.dropped} (pasus intermédiu di ponderason, variavel dirivadu di jiografia tiradu), alén di identifikadoris diretu i testu livri. Ka ta txiga listajen a partir di es fixeru. Stimativas i erus-padron di variavel ki ka kodifikadu na topu, rikodifikadu nen suprimidu (djobi Kontrolu di divulgason) e kes di fixeru internu.`,
      certainStrata: (n) =>
        ` Atenson: ${n} stratu di variansa ten agregadus suma UPA (DR tiradu ku serteza): ses agregadus ta rekonhesidu suma kes di un DR, pamodi pezus riplikadu ki ta da erus-padron izatu ta anula un agregadu pa kada réplika, ku un rscale só di kel DR.`,
      guarantees: {
        persons: (keys, others) =>
          `Garantidu: kada pesoa ta partilha se kombinason di ${keys} ku pelu ménus ${others} otu (un valor na falta ta konta suma kualker valor)`,
        except: (n) => `, fora ${n} ki ka ten más valor ki pode suprimi (djobi Risku di divulgason); `,
        takes:
          'un valor suprimidu ta leba ku el variavel di ki el e dirivadu, kes otu dirivadu di el i kes dikláradu ku el; ',
        noOther: (blank) =>
          `ninhun otu variavel divulgadu di fixeru di pesoas ka ta da-l di volta pa se própi valor (verifikason izatu, variavel pa variavel; ${blank ? 'kes ki ta fazeba-l sta na falta na es rijistus' : 'fixeru ta ser rekuzadu'}). `,
        notGuaranteed:
          'Ka garantidu: un valor dadu di volta pa un kombinason di variavel, pa fixeru di agregadus o pa kes otu membru di agregadu (kódigu di agregadu, pezus partilhadu) o pa un fonti di fora; un valor só stretadu (un indikador di elijibilidadi ki ta fla 15 anu o más); kuzê ki un intruzu sabi alén di variavel-xavi; nen ma kes pesoa di un kombinason ka ta partilha tudu un mésmu valor di otu variavel (diversidadi-l). ',
        estimates: 'Stimativas di variavel suprimidu o pô na falta ta difere di kes di fixeru internu.',
        households: (keys, others) =>
          `Na fixeru di agregadus, kada agregadu ta partilha se kombinason di ${keys} ku pelu ménus ${others} otu`,
        householdsExcept: (n) => `, fora ${n} ki ka ten más valor ki pode suprimi`,
        householdsNot: (size) =>
          `; ka garantidu: un variavel di agregadu ki fixeru di pesoas ta ripiti (tamanhu di agregadu e se númeru di rijistus di pesoas${size ? `; ${size} ta proteje fixeru di agregadus lidu sozinhu` : ''}) nen kompozison di agregadu (variavel-xavi di ses membrus djuntu). `,
        householdRisk: (highest, threshold, left) =>
          threshold === null
            ? `Risku di rijidentifikason di kada agregadu a partir di ses membrus (1 - prod(1 - r_i)) sta mididu, ka limitadu: más altu e ${highest}. `
            : `Risku di rijidentifikason di kada agregadu a partir di ses membrus (1 - prod(1 - r_i)) e el más ${threshold}${left ? `, fora ${left} ki ses membrus ka ten más valor ki pode suprimi` : ''}: más altu e ${highest}. `,
        linked: (keys, counted, others, left) =>
          `Lidu ku fixeru di pesoas (${counted} kontadu izatu a partir di rijistus di kada agregadu), kada agregadu ta partilha se kombinason di ${keys} ku pelu ménus ${others} otu${left ? `, fora ${left} ki ka ten más valor ki pode suprimi (ses otu variavel-xavi sta raru sozinhu)` : ''}. `,
      },
      who: { persons: 'pesoas', households: 'agregadus' },
      risk: (r) =>
        `Risku di divulgason na variavel-xavi ${r.keys} (k = ${r.k}): ${r.records} ${r.who} na ${r.cells} kombinason; ${r.uniques} úniku na amostra (${r.uniquesPct}); ${r.below} na ${r.belowCells} kombinason ku ménus di ${r.k} ${r.who} (${r.belowPct}).`,
      rarest: (fk, who, weight) =>
        ` Kombinason más raru ta representa más o ménus ${fk} ${who} na populason (Fk más pikenu, soma di ${weight}).`,
      suppressed: (variable, n, also, unit, k) =>
        `${variable}: ${n} valor suprimidu${also} pa kada ${unit === 'household' ? 'agregadu' : 'pesoa'} ten pelu ménus ${k} na se kombinason.`,
      with: 'ku',
      noRecovery:
        'Ninhun valor suprimidu ka ta dadu di volta pa otu variavel divulgadu (verifikason izatu, variavel pa variavel).',
      recovery: (variable, key, records, blank) =>
        `${variable}: ta daba ${key} suprimidu di volta na ${records} rijistu; ${blank ? 'pô na falta na es rijistus' : 'rekuzadu'}.`,
      percentile: (p) => ` (persentil ${p})`,
      topCode: (t, cap, pct) =>
        `${t.variable} (${t.file}): kodifikadu na topu na ${cap}${pct}; ${t.changed} rijistu mudadu.`,
      bottomCode: (t, cap, pct) =>
        `${t.variable} (${t.file}): kodifikadu na bazi na ${cap}${pct}; ${t.changed} rijistu mudadu.`,
      recodeCut: (t, cut) =>
        `${t.variable} (${t.file}): rikodifikadu na klasis ku limitis baxu ${cut}; ${t.changed} rijistu djuntadu.`,
      recodeGroups: (t, groups) =>
        `${t.variable} (${t.file}): rikodifikadu na grupus di ${groups}; ${t.changed} rijistu djuntadu.`,
      householdRisk: (h) =>
        `Risku di agregadus (sdcMicro, measure_risk ku hid): risku di un agregadu e 1 - prod(1 - r_i) sobri ses membrus, r_i risku individual di kada pesoa na variavel-xavi ${h.keys} (Fk na soma di ${h.weight}). ${h.households} agregadu; más altu risku e ${h.highest}; ${h.above} agregadu riba di ${h.threshold}; rijidentifikason speradu: ${h.persons} pesoa, ${h.expected} agregadu.`,
      riskControl: (c) =>
        `Agregadus ku risku riba di ${c.threshold}: ${c.before} antis di supreson di variavel-xavi di ses membrus, ${c.left} dipôs.`,
      riskSuppressed: (variable, n, also) =>
        `${variable}: ${n} valor suprimidu${also} na membrus di agregadus riba di limiar di risku.`,
      linked: (c) =>
        `Fixeru di agregadus lidu ku fixeru di pesoas (${c.counted} kontadu izatu a partir di rijistus di kada agregadu), na ${c.keys}: ${c.before} agregadu na kombinason ku ménus di ${c.k} agregadu antis di supreson, ${c.left} dipôs${c.left ? ' (ka ten más valor ki pode suprimi)' : ''}.`,
      linkedSuppressed: (variable, n, also) =>
        `${variable}: ${n} valor suprimidu${also} pa kada agregadu ten pelu ménus k na se kombinason ku se tamanhu izatu.`,
      householdSize: (t) =>
        `${t.variable}: tamanhu di agregadu (membrus na fixeru di pesoas) na klasi, variavel-xavi di fixeru di agregadus; agregadus pa klasi ${t.classes}${t.lowered ? `; klasi di topu baxadu di ${t.lowered.from} pa ${t.lowered.to} pa kada agregadu di kel klasi ten pelu ménus k na se kombinason` : ''}${t.capped ? `; kodifikadu na topu di mésmu klasi: ${t.capped}` : ''}. Tamanhu izatu inda ta pode kontadu na fixeru di pesoas.`,
      officeCodes: (o) => `Kódigu di skritóriu: ${o.variable} di ${o.coded} textu kodifikadu di ${o.text}.`,
      exported: (e) =>
        `${e.file}: agregadus ${e.households} linha x ${e.householdVariables} variavel, pesoas ${e.persons} x ${e.personVariables}; dexadu di fora: ${e.leftOut ?? 'nada'}.`,
    },
  },
};

export const CODEBOOK_WORDS: Record<TableLang, CodebookWords> = { pt, en, fr, kea };

/** The review status of each language's words (the engine's catalogues share it). */
export const CODEBOOK_WORDS_STATUS = ENGINE_WORDS_STATUS;
