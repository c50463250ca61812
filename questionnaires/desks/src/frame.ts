/**
 * The desks survey's frame and design as data: frame.csv (one row per desk with the visits its register
 * counted in each fieldwork week: the post-stratification controls), design.json (desks as strata, visits
 * sampled systematically per desk per week with the interval k of each desk) and geography.json (the
 * dashboard's desks with island, municipality and position). Pure: build.ts writes them.
 */
import { seededUniform } from '../../../analysis/sampling/rng.ts';
import { DESKS, type Desk, FIELDWORK, intervalOf, SYNTHETIC_NOTICE, TARGET_PER_WEEK } from './desks.ts';

export interface FrameRow {
  desk: Desk;
  /** Visits the desk's register counted in each fieldwork week. */
  weekly: number[];
  total: number;
}

/** Week counts around each desk's mean (+-20%), reproducible from the fieldwork seed. */
export function frameRows(): FrameRow[] {
  const r = seededUniform(FIELDWORK.seed);
  return DESKS.map((desk) => {
    const weekly = Array.from({ length: FIELDWORK.weeks }, () =>
      Math.max(1, Math.round(desk.weeklyVisits * (0.8 + 0.4 * r()))),
    );
    return { desk, weekly, total: weekly.reduce((s, v) => s + v, 0) };
  });
}

const csvCell = (v: string | number) =>
  typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : String(v);

export function frameCsv(rows: FrameRow[]): string {
  const weeks = Array.from({ length: FIELDWORK.weeks }, (_, w) => `visits_w${w + 1}`);
  const head = [
    'desk_code',
    'desk_name',
    'desk_kind',
    'island',
    'island_code',
    'municipality',
    'municipality_iso',
    'stratum',
    'lat',
    'lon',
    'languages',
    ...weeks,
    'visits_total',
    'synthetic',
  ];
  const lines = rows.map(({ desk: d, weekly, total }) =>
    [
      d.code,
      d.name,
      d.kind,
      d.island,
      d.islandCode,
      d.municipality,
      d.municipalityIso,
      d.code,
      d.lat,
      d.lon,
      d.languages.join(';'),
      ...weekly,
      total,
      1,
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[head.join(','), ...lines].join('\n')}\n`;
}

export function design(rows: FrameRow[]) {
  return {
    survey: 'desks',
    notice: `${SYNTHETIC_NOTICE} Synthetic demonstration design and data.`,
    source: 'questionnaires/desks/src/frame.ts (npx tsx questionnaires/desks/src/build.ts)',
    frame: {
      file: 'frame.csv',
      unit: 'service desk (balcão, centro de apoio ao imigrante or local integration unit)',
      seed: FIELDWORK.seed,
      desks: rows.length,
      weeks: FIELDWORK.weeks,
      fieldwork_start: FIELDWORK.start,
      languages: 'languages of service the staff speak (codes of q05_language, separated by ;)',
      controls:
        'visits_w1..visits_wN: visits counted by the desk register in each fieldwork week; visits_total is the post-stratification control',
    },
    strata: rows.map(({ desk: d, weekly, total }) => {
      const k = intervalOf(d);
      return {
        code: d.code,
        name: d.name,
        island: d.island,
        municipality: d.municipalityIso,
        weekly_visits_expected: d.weeklyVisits,
        visits_registered: weekly,
        visits_total: total,
        interval_k: k,
        expected_sample_per_week: Math.round((d.weeklyVisits / k) * 10) / 10,
        expected_sample: Math.round(total / k),
      };
    }),
    stages: [
      {
        stage: 1,
        unit: 'desk',
        psu: 'desk_code',
        selection: 'certainty: every desk of the frame, each its own stratum',
        pi: 'pi1 = 1',
      },
      {
        stage: 2,
        unit: 'visit (a visitor leaving the desk after being served)',
        selection:
          'systematic within each desk-week: the enumerator stationed at the desk counts the visitors leaving (the tally) and approaches the r-th, (r+k)-th, (r+2k)-th ..., with a random start r in 1..k drawn per desk-week',
        interval: `k per desk = max(1, round(expected weekly visits / ${TARGET_PER_WEEK})): about ${TARGET_PER_WEEK} visits per desk-week; every visit where k = 1`,
        pi: 'pi2 = n_dw / N_dw: n_dw visits sampled among the N_dw tallied in desk d, week w',
      },
    ],
    variance: {
      strata: 'desk',
      psu: 'visit (the desk-week is not a stage: every week of every desk is in the sample)',
      method:
        'JKn replicate weights, one per responding or ineligible visit, re-running the nonresponse adjustment and the post-stratification',
    },
    post_stratification: {
      variable: 'desk',
      control: 'visits_total of frame.csv (the desk register over the fieldwork weeks)',
      totals: Object.fromEntries(rows.map((r) => [r.desk.code, r.total])),
      total: rows.reduce((s, r) => s + r.total, 0),
    },
    reliability: {
      cv_flag: 0.3,
      min_n: 30,
      rule: "as the tables apply it: each cell by its own unweighted n and its own CV: a cell with no respondent (n = 0) is empty (-), never an estimate; suppress (x) a cell with fewer than 30 respondents of its own (a proportion's level counts its own respondents, not its domain's); flag (*) an estimate whose CV exceeds 30%; mark (c) a cell that reproduces a calibration control (its rows are classes of a margin of the weighting recipe, same unit), and publish it without SE, CI or CV. Intervals: logit (svyciprop) for proportions, Wald for means and totals, both on t with the domain's design df (R degf)",
    },
  };
}

/**
 * The dashboard's geography in the shape of the profile branch's geography contract: the islands with a
 * desk (named as the frame names them, coded as the questionnaires code them), their desks'
 * municipalities and mean position; each desk is a label at its own position.
 */
export function geography(rows: FrameRow[]) {
  const codes = [...new Set(rows.map((r) => r.desk.islandCode))].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const mean = (xs: number[]) => round(xs.reduce((s, v) => s + v, 0) / xs.length);
  return {
    name: 'Cabo Verde',
    areaLabel: 'island',
    areas: codes.map((code) => {
      const desks = rows.filter((r) => r.desk.islandCode === code).map((r) => r.desk);
      return {
        name: desks[0].island,
        code,
        centroid: { lat: mean(desks.map((d) => d.lat)), lon: mean(desks.map((d) => d.lon)) },
        municipalities: [...new Set(desks.map((d) => d.municipality))].sort(),
      };
    }),
    labels: rows.map(({ desk: d }) => ({ text: d.code, centroid: { lat: d.lat, lon: d.lon } })),
  };
}
