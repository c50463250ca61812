/**
 * The analysts' microdata: the household file and the person file (roster, linked by household id)
 * with design variables, every weighting step, final and replicate weights, the questionnaire's
 * variables and the derived domains; a multiple-response question as its joined codes plus one 0/1
 * variable per option (multiple-response.ts). Direct identifiers are left out: the survey's identifying
 * variables (its profile's `identifiers`, passed in by the caller), free text and dates (codebook types
 * text/date), plus any column the codebook does not know, unless it is a design or weight variable.
 */
import type { Column, DataFrame } from '../data.ts';
import { isMissing } from '../data.ts';
import { withDerived } from '../tables/derive.ts';
import type { Labels, ValueLabel } from '../tables/labels.ts';
import type { Derived, Text } from '../tables/plan.ts';
import { type WeightedData, weightColumns, withHouseholdWeights } from '../tables/weighted-data.ts';
import { exportDesign, INDIVIDUAL_FLAG, type UnitDesign } from './design-setup.ts';
import { disclosureControl, type Treatment } from './disclosure-control.ts';
import { type DisclosureRisk, disclosureRisk, type HouseholdLink } from './disclosure-risk.ts';
import { type HouseholdRisk, householdRisk } from './household-risk.ts';
import { householdRiskControl, type RiskControl } from './household-risk-control.ts';
import { addHouseholdSize, type SizeTreatment, topCodeHouseholdSize } from './household-size.ts';
import {
  INDIVIDUAL_WHY,
  INDIVIDUAL_WHY_INFO,
  type IndividualRule,
  individualReason,
} from './individual-reason.ts';
import { type LinkedCheck, linkedHouseholds } from './linked-households.ts';
import { localSuppression, type Suppress, type Suppression } from './local-suppression.ts';
import { isMultipleResponse, multipleResponse, optionName } from './multiple-response.ts';
import { type PublicUse, type PublicUseSummary, publicUseData } from './public-use.ts';
import { HOUSEHOLD_RISK_THRESHOLD, PUBLIC_USE_K, RECOVERABLE_DEFAULT } from './public-use-defaults.ts';
import { type RecoverableAction, type Recovery, recoverableValues } from './recoverable-values.ts';
import { type MissingCode, missingCodesOf, NO_SPECIAL_CODES, type SpecialCodes } from './special-codes.ts';

export interface ExportVariable {
  name: string;
  label: Text;
  /** numeric (Float64Array, NaN = missing) or string (null = missing). */
  kind: 'numeric' | 'string';
  /** Integer codes with labels (numeric variables only), special codes apart. */
  values: ValueLabel[];
  /** Special codes (don't know, refused, not applicable): .a/.b/.c in the .dta, codes elsewhere. */
  missing: MissingCode[];
  role: 'design' | 'weight' | 'variable';
}

export interface ExportFile {
  name: 'households' | 'persons';
  rows: number;
  variables: ExportVariable[];
  columns: Record<string, Float64Array | (string | null)[]>;
}

/** internal: for the office; public: ids, strata and PSUs as random codes, geography coarsened (public-use.ts). */
export const MICRODATA_KINDS = ['internal', 'public'] as const;
export type MicrodataKind = (typeof MICRODATA_KINDS)[number];

/** The complementary check's findings and what was done (`blank`: set to missing there). */
export interface Recovered {
  action: RecoverableAction;
  recoveries: Recovery[];
}

/** The household file's local suppression, its check and its risk before control. */
export interface HouseholdControl {
  keyVariables: string[];
  /** The household size key (household-size.ts; null: none declared). */
  size: SizeTreatment | null;
  suppressions: Suppression[] | null;
  recovered: Recovered | null;
  riskBefore: DisclosureRisk | null;
  /** The action on the households above the risk threshold (household-risk-control.ts; null: no person key variables). */
  risk: RiskControl | null;
  /** The household file read with the person file, its size counted there (linked-households.ts). */
  linked: LinkedCheck | null;
}

export interface Microdata {
  kind: MicrodataKind;
  /** What the public-use transformation did (public files only). */
  publicUse: PublicUseSummary | null;
  /**
   * The public file's disclosure risk on the survey's key variables, after its top-codes and recodes
   * (null: internal, or none declared).
   */
  disclosureRisk: DisclosureRisk | null;
  /**
   * The household file's own risk on `publicUse.households.keyVariables`, after its control (null:
   * internal, or none declared).
   */
  householdDisclosureRisk: DisclosureRisk | null;
  /**
   * Each household's re-identification risk from its members' individual risks on the person key
   * variables, 1 - prod(1 - r_i), after the control (household-risk.ts; null: internal, or no key
   * variables declared).
   */
  householdRisk: HouseholdRisk | null;
  /**
   * The public file's top-codes and recodes, its local suppressions (values set to missing per key
   * variable; null: none declared) and the risk before them (null: internal file).
   */
  disclosureControl: {
    treatments: Treatment[];
    /** Declared variables of the questionnaire that these files do not hold. */
    absent: string[];
    suppressions: Suppression[] | null;
    /**
     * After local suppression, the released variables that gave a suppressed value back and on how many
     * records (recoverable-values.ts), and what was done (`blank`: set to missing there); null: no suppression.
     */
    recovered: Recovered | null;
    riskBefore: DisclosureRisk | null;
    /** The household file's own control (`publicUse.households`; null: none declared). */
    households: HouseholdControl | null;
  } | null;
  households: ExportFile;
  persons: ExportFile;
  /** Columns of the weighted data left out (direct identifiers or unknown to the codebook). */
  dropped: { households: string[]; persons: string[] };
  /** How to analyse each unit: weight, replicate weights, type, scale, rscales, mse, design variables. */
  design: UnitDesign[];
}

const IDENTIFYING_TYPES = new Set(['text', 'date']);

/** The engine's labels of the design and weight variables (French and Kriolu `draft`, as codebook-words.ts). */
const DESIGN_LABELS: Record<string, Text> = {
  household_id: {
    pt: 'Identificador do agregado',
    en: 'Household id',
    fr: 'Identifiant du ménage',
    kea: 'Identifikador di agregadu',
  },
  person_id: {
    pt: 'Identificador da pessoa',
    en: 'Person id',
    fr: 'Identifiant de la personne',
    kea: 'Identifikador di pesoa',
  },
  line: {
    pt: 'Número de linha no agregado',
    en: 'Line number in the household',
    fr: 'Numéro de ligne dans le ménage',
    kea: 'Númeru di linha na agregadu',
  },
  [INDIVIDUAL_FLAG]: {
    pt: 'Na unidade individual (tem peso individual)',
    en: 'In the individual unit (has an individual weight)',
    fr: "Dans l'unité individuelle (a un poids individuel)",
    kea: 'Na unidadi individual (ten pezu individual)',
  },
  stratum: {
    pt: 'Estrato (amostragem)',
    en: 'Stratum (sampling)',
    fr: 'Strate (échantillonnage)',
    kea: 'Stratu (amostrajen)',
  },
  var_stratum: {
    pt: 'Estrato de variância',
    en: 'Variance stratum',
    fr: 'Strate de variance',
    kea: 'Stratu di variansa',
  },
  psu: {
    pt: 'Unidade primária (DR)',
    en: 'Primary sampling unit (EA)',
    fr: 'Unité primaire (DR)',
    kea: 'Unidadi primáriu (DR)',
  },
  w1_base: {
    pt: 'Peso base 1/(π1·π2)',
    en: 'Base weight 1/(π1·π2)',
    fr: 'Poids de base 1/(π1·π2)',
    kea: 'Pezu di bazi 1/(π1·π2)',
  },
  w2_elig: {
    pt: 'Peso ajustado à elegibilidade desconhecida',
    en: 'Weight adjusted for unknown eligibility',
    fr: "Poids ajusté pour l'éligibilité inconnue",
    kea: 'Pezu djustadu pa elijibilidadi diskonxedu',
  },
  w3_hhnr: {
    pt: 'Peso ajustado à não-resposta do agregado',
    en: 'Weight adjusted for household nonresponse',
    fr: 'Poids ajusté pour la non-réponse du ménage',
    kea: 'Pezu djustadu pa ka-resposta di agregadu',
  },
  w_hh: {
    pt: 'Peso final do agregado (pós-estratificado)',
    en: 'Final household weight (post-stratified)',
    fr: 'Poids final du ménage (post-stratifié)',
    kea: 'Pezu final di agregadu (pós-stratifikadu)',
  },
  w4_ind: {
    pt: 'Peso ajustado à não-resposta individual',
    en: 'Weight adjusted for person nonresponse',
    fr: 'Poids ajusté pour la non-réponse individuelle',
    kea: 'Pezu djustadu pa ka-resposta individual',
  },
  w_roster_final: {
    pt: 'Peso final do membro (calibrado)',
    en: 'Final roster weight (calibrated)',
    fr: 'Poids final du membre (calé)',
    kea: 'Pezu final di membru (kalibradu)',
  },
  w_person_final: {
    pt: 'Peso final individual (calibrado)',
    en: 'Final individual weight (calibrated)',
    fr: 'Poids final individuel (calé)',
    kea: 'Pezu final individual (kalibradu)',
  },
};

const DESIGN_VALUES: Record<string, ValueLabel[]> = {
  [INDIVIDUAL_FLAG]: [
    {
      code: 0,
      pt: 'Não: sem entrevista individual a fazer, ou sem resposta',
      en: 'No: no individual interview needed, or no response',
      fr: 'Non : pas d’entretien individuel à faire, ou pas de réponse',
      kea: 'Nãu: ka ten entrevista individual pa faze, o ka ten resposta',
    },
    { code: 1, pt: 'Sim', en: 'Yes', fr: 'Oui', kea: 'Sin' },
  ],
};

/** 1 where the person has a positive individual weight, else 0: the individual unit's rows by name. */
function individualFlag(frame: DataFrame, weight: string): Float64Array {
  const w = frame[weight];
  return Float64Array.from({ length: w?.length ?? 0 }, (_, i) => {
    const x = Number(w?.[i]);
    return Number.isFinite(x) && x > 0 ? 1 : 0;
  });
}

function numericIfPossible(col: Column): Float64Array | null {
  if (col instanceof Float64Array) return col;
  const out = new Float64Array(col.length);
  for (let i = 0; i < col.length; i++) {
    const v = col[i];
    if (isMissing(v)) out[i] = Number.NaN;
    else if (typeof v === 'number') out[i] = v;
    else return null;
  }
  return out;
}

function buildFile(
  name: ExportFile['name'],
  frame: DataFrame,
  keepDesign: string[],
  weights: string[],
  labels: Labels,
  derived: string[],
  identifiers: ReadonlySet<string>,
  specialCodes: SpecialCodes,
  calibration: ReadonlyMap<string, Text> = new Map(),
): { file: ExportFile; dropped: string[] } {
  const variables: ExportVariable[] = [];
  const columns: ExportFile['columns'] = {};
  const dropped: string[] = [];
  const weightSet = new Set(weights);
  const designSet = new Set(keepDesign);
  const order = [...keepDesign, ...weights, ...Object.keys(frame), ...derived];
  const seen = new Set<string>();
  for (const col of order) {
    if (seen.has(col) || frame[col] === undefined) continue;
    seen.add(col);
    const info = labels[col];
    const role = weightSet.has(col) ? 'weight' : designSet.has(col) ? 'design' : 'variable';
    if (role === 'variable' && (identifiers.has(col) || !info || IDENTIFYING_TYPES.has(info.type))) {
      dropped.push(col);
      continue;
    }
    if (role === 'variable' && info && isMultipleResponse(info)) {
      const multi = multipleResponse(col, info, frame[col]);
      for (const v of multi.variables)
        if (!seen.has(v.name) || v.name === col) {
          seen.add(v.name);
          variables.push(v);
          columns[v.name] = multi.columns[v.name];
        }
      continue;
    }
    const num = numericIfPossible(frame[col]);
    const rep = /^(.*?)(\d+)$/.exec(col);
    const label: Text =
      DESIGN_LABELS[col] ??
      calibration.get(col) ??
      info?.label ??
      (role === 'weight' && rep
        ? {
            pt: `Peso replicado ${rep[2]} (JKn)`,
            en: `Replicate weight ${rep[2]} (JKn)`,
            fr: `Poids répliqué ${rep[2]} (JKn)`,
            kea: `Pezu riplikadu ${rep[2]} (JKn)`,
          }
        : { pt: col, en: col });
    const missing = num && role === 'variable' ? missingCodesOf(info, specialCodes) : [];
    const isMissingCode = new Set(missing.map((x) => x.code));
    const values = num
      ? (info?.values ?? DESIGN_VALUES[col] ?? []).filter(
          (v) =>
            (typeof v.code === 'number' || /^-?\d+$/.test(String(v.code))) &&
            !isMissingCode.has(Number(v.code)),
        )
      : [];
    variables.push({
      name: col,
      label,
      kind: num ? 'numeric' : 'string',
      values: values.map((v) => ({ ...v, code: Number(v.code) })),
      missing,
      role,
    });
    columns[col] =
      num ?? Array.from(frame[col] as ArrayLike<unknown>, (v) => (isMissing(v as never) ? null : String(v)));
  }
  const rows = Object.values(frame)[0]?.length ?? 0;
  return { file: { name, rows, variables, columns }, dropped };
}

/** A further suppression after local suppression: the file and the records that lost each variable. */
type MoreSuppression = (file: ExportFile) => { file: ExportFile; rows: Record<string, number[]> };

/**
 * Local suppression of `files.persons` (the person file, or the household file passed as both files),
 * then `more` (the households' own protection), then the complementary check on that file over every
 * value suppressed (recoverable-values.ts).
 */
function suppressIn(
  files: { households: ExportFile; persons: ExportFile },
  link: HouseholdLink,
  keys: readonly string[],
  k: number,
  suppress: Suppress,
  derived: Record<string, Derived>,
  labels: Labels,
  setting = 'publicUse',
  more: MoreSuppression = (file) => ({ file, rows: {} }),
): { file: ExportFile; suppressions: Suppression[]; recovered: Recovered } {
  const s = localSuppression(files, link, keys, k, suppress, derived, setting);
  const then = more(s.persons);
  const rows: Record<string, number[]> = { ...s.rows };
  for (const [v, r] of Object.entries(then.rows)) rows[v] = [...(rows[v] ?? []), ...r];
  const action = suppress.recoverable ?? RECOVERABLE_DEFAULT;
  const families = optionFamilies(then.file, labels);
  const checked = recoverableValues(then.file, rows, action, families, setting);
  return {
    file: checked.persons,
    suppressions: s.suppressions,
    recovered: { action, recoveries: checked.recoveries },
  };
}

/** Each multiple-response question's joined codes and 0/1 options: each of them restates the others. */
function optionFamilies(file: ExportFile, labels: Labels): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const v of file.variables) {
    const info = labels[v.name];
    if (!info || !isMultipleResponse(info)) continue;
    const family = [v.name, ...info.values.map((o) => optionName(v.name, o.code))].filter(
      (x) => file.columns[x] !== undefined,
    );
    for (const x of family) out[x] = family;
  }
  return out;
}

/**
 * A public file's pseudonymised variables say so in their label, and lose any value labels. A label
 * without French or Kriolu stays without: those read the source language's, which says so too.
 */
function randomCodeLabels(file: ExportFile, names: readonly string[]): void {
  for (const v of file.variables)
    if (names.includes(v.name)) {
      const { fr, kea } = v.label;
      v.label = {
        pt: `${v.label.pt} (código aleatório desta ponderação)`,
        en: `${v.label.en} (random code of this weighting run)`,
        ...(fr ? { fr: `${fr} (code aléatoire de cette pondération)` } : {}),
        ...(kea ? { kea: `${kea} (kódigu aleatóriu di es ponderason)` } : {}),
      };
      v.values = [];
    }
}

/**
 * The de-identified household and person files. `identifiers` are the survey's direct identifiers (its
 * profile's `identifiers`): never exported, whatever the codebook says. `specialCodes` are its profile's
 * don't know / refused / not applicable codes. `kind: 'public'` makes the public-use file with the
 * survey's `publicUse` settings and the run's secret `publicUseKey` (both required then): every random
 * code is drawn from the key, so the same run always gives the same public file.
 */
export function buildMicrodata(
  weighted: WeightedData,
  labels: Labels,
  derived: Record<string, Derived>,
  identifiers: readonly string[],
  specialCodes: SpecialCodes = NO_SPECIAL_CODES,
  options: {
    kind?: MicrodataKind;
    publicUse?: PublicUse | null;
    publicUseKey?: Uint8Array | null;
    /** The survey's individual-unit rule: the internal person file then says why `in_individual` is 0 or 1. */
    individual?: IndividualRule | null;
  } = {},
): Microdata {
  const kind = options.kind ?? 'internal';
  let data = weighted;
  let publicUse: PublicUseSummary | null = null;
  const never = new Set(identifiers);
  if (kind === 'public') {
    if (!options.publicUse) throw new Error('the survey declares no publicUse settings (profile.json)');
    const from = Object.fromEntries(Object.entries(derived).map(([k, d]) => [k, d.from]));
    if (!options.publicUseKey)
      throw new Error('the public-use file needs the run’s secret key (publicUseKey)');
    const made = publicUseData(weighted, options.publicUse, from, options.publicUseKey);
    data = made.data;
    publicUse = made.summary;
    for (const c of made.drop) never.add(c);
  }
  const m = data.meta;
  const w = weightColumns(m);
  const { ids, strata } = m.design;
  // each row's calibration class per margin of the recipe: design variables, kept with their label
  const cal = (units: Array<keyof NonNullable<typeof m.calibration>>) =>
    new Map(
      units.flatMap((u) =>
        (m.calibration?.[u] ?? []).map(
          (c) =>
            [
              c.column,
              {
                pt: `Classe de calibração: ${c.variable} (pesos ${u})`,
                en: `Calibration class: ${c.variable} (${u} weights)`,
                fr: `Classe de calage : ${c.variable} (poids ${u})`,
                kea: `Klasi di kalibrason: ${c.variable} (pezus ${u})`,
              },
            ] as const,
        ),
      ),
    );
  const hhCal = cal(['household']);
  const ppCal = cal(['roster', 'individual']);
  const hhDerived = Object.keys(derived).filter((k) => data.households[derived[k].from] !== undefined);
  const ppDerived = Object.keys(derived).filter((k) => data.persons[derived[k].from] !== undefined);
  const hh = buildFile(
    'households',
    withDerived(data.households, derived),
    [m.households.id, strata, ids, 'stratum', ...hhCal.keys()],
    w.households,
    labels,
    hhDerived,
    never,
    specialCodes,
    hhCal,
  );
  // the member unit's weights: the household's, carried on each of its members
  const persons = withDerived(withHouseholdWeights(data), derived);
  // the reason restates an age below the minimum: internal file only (local suppression may hide ages)
  const why =
    kind === 'internal' && options.individual
      ? individualReason(
          persons,
          { roster: m.persons.weights.roster.weights, individual: m.persons.weights.individual.weights },
          options.individual,
        )
      : null;
  const pp = buildFile(
    'persons',
    {
      ...persons,
      [INDIVIDUAL_FLAG]: individualFlag(persons, m.persons.weights.individual.weights),
      ...(why ? { [INDIVIDUAL_WHY]: why } : {}),
    },
    [m.persons.id, m.persons.householdId, 'line', INDIVIDUAL_FLAG, strata, ids, 'stratum', ...ppCal.keys()],
    w.persons,
    why ? { ...labels, [INDIVIDUAL_WHY]: INDIVIDUAL_WHY_INFO } : labels,
    ppDerived,
    never,
    specialCodes,
    ppCal,
  );
  if (publicUse) for (const f of [hh.file, pp.file]) randomCodeLabels(f, publicUse.pseudonymised);
  const settings = options.publicUse;
  const k = settings?.k ?? PUBLIC_USE_K;
  const keys = settings?.keyVariables ?? [];
  const hhSettings = settings?.households ?? null;
  const link = { households: m.households.id, persons: m.persons.householdId };
  // the household file's own risk: the file is both the records and their households (linked to itself)
  const self = { households: m.households.id, persons: m.households.id };
  const HH = 'publicUse.households';
  const riskOf = (files: { households: ExportFile; persons: ExportFile }) =>
    publicUse && keys.length
      ? disclosureRisk(files.persons, files.households, link, keys, k, m.persons.weights.roster.weights)
      : null;
  const hhRiskOf = (files: { households: ExportFile }) =>
    publicUse && hhSettings
      ? disclosureRisk(
          files.households,
          files.households,
          self,
          hhSettings.keyVariables,
          k,
          m.households.weights.household.weights,
          HH,
        )
      : null;
  let files = { households: hh.file, persons: pp.file };
  let control: Microdata['disclosureControl'] = null;
  if (publicUse && settings) {
    const riskBefore = riskOf(files);
    const sized = hhSettings?.size
      ? addHouseholdSize(files, link, hhSettings.size, hhSettings.keyVariables)
      : null;
    if (sized) files = { ...files, households: sized.households };
    const householdRiskBefore = hhRiskOf(files);
    const treated = disclosureControl(files, settings, derived, labels);
    files = { households: treated.households, persons: treated.persons };
    let suppressions: Suppression[] | null = null;
    let recovered: Recovered | null = null;
    // households above the risk threshold (publicUse.households.riskAction), after local suppression
    let riskControl: RiskControl | null = null;
    const riskAct: MoreSuppression = (file) => {
      if (!hhSettings || !keys.length) return { file, rows: {} };
      const c = householdRiskControl(
        { households: files.households, persons: file },
        link,
        keys,
        m.persons.weights.roster.weights,
        hhSettings.riskThreshold ?? HOUSEHOLD_RISK_THRESHOLD,
        hhSettings.riskAction ?? RECOVERABLE_DEFAULT,
        settings.suppress ?? null,
        derived,
      );
      riskControl = c.control;
      return { file: c.persons, rows: c.rows };
    };
    if (settings.suppress) {
      const s = suppressIn(files, link, keys, k, settings.suppress, derived, labels, 'publicUse', riskAct);
      files = { ...files, persons: s.file };
      suppressions = s.suppressions;
      recovered = s.recovered;
    } else files = { ...files, persons: riskAct(files.persons).file };
    let households: HouseholdControl | null = null;
    if (hhSettings) {
      const sizeSet = hhSettings.size;
      const topped =
        sized && sizeSet
          ? topCodeHouseholdSize(
              files.households,
              sized.counts,
              sizeSet,
              // judged on what local suppression leaves: the keys it cannot blank, and the size
              hhSettings.keyVariables.filter(
                (v) => v === sizeSet.variable || !hhSettings.suppress?.order.includes(v),
              ),
              k,
            )
          : null;
      if (topped) files = { ...files, households: topped.households };
      const sup = hhSettings.suppress;
      // the household file read with the person file, the size counted there (publicUse.households.linkedAction)
      let linked: LinkedCheck | null = null;
      const persons = files.persons;
      const linkedAct: MoreSuppression = (file) => {
        const c = linkedHouseholds(
          { households: file, persons },
          link,
          self,
          hhSettings.keyVariables,
          sizeSet?.variable ?? null,
          k,
          m.households.weights.household.weights,
          hhSettings.linkedAction ?? RECOVERABLE_DEFAULT,
          sup ?? null,
          derived,
        );
        linked = c.check;
        return { file: c.households, rows: c.rows };
      };
      const s = sup
        ? suppressIn(
            { households: files.households, persons: files.households },
            self,
            hhSettings.keyVariables,
            k,
            sup,
            derived,
            labels,
            HH,
            linkedAct,
          )
        : null;
      files = { ...files, households: s ? s.file : linkedAct(files.households).file };
      households = {
        keyVariables: [...hhSettings.keyVariables],
        size: topped?.treatment ?? null,
        suppressions: s?.suppressions ?? null,
        recovered: s?.recovered ?? null,
        riskBefore: householdRiskBefore,
        risk: riskControl,
        linked,
      };
    }
    control = {
      treatments: treated.treatments,
      absent: treated.absent,
      suppressions,
      recovered,
      riskBefore,
      households,
    };
  }
  return {
    kind,
    publicUse,
    disclosureRisk: riskOf(files),
    householdDisclosureRisk: hhRiskOf(files),
    householdRisk:
      publicUse && keys.length
        ? householdRisk(
            files.persons,
            files.households,
            link,
            keys,
            m.persons.weights.roster.weights,
            hhSettings?.riskThreshold,
          )
        : null,
    disclosureControl: control,
    households: files.households,
    persons: files.persons,
    dropped: { households: hh.dropped, persons: pp.dropped },
    design: exportDesign(m),
  };
}
