/**
 * The weighting report as a document of blocks (headings, lines of text, tables with aligned columns,
 * a list) in one language: the one layout of the report, which markdown.ts writes as Markdown and the
 * analyst screen renders as HTML (client/analyst/weighting-report.tsx), so no screen parses Markdown and
 * no label from the survey is ever read as markup. The words come from report-messages.ts.
 */
import { detailText, isWeightingDetail } from './failure-text.ts';
import { REPORT_MESSAGES, type ReportLang, type StepName } from './report-messages.ts';
import { INHERITED_ROSTER_STEP, type ReplicateFailure, type WeightingReport } from './run.ts';

export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2; text: string }
  /** Lines of text, each its own sentence, and an optional list after them. */
  | { kind: 'text'; lines: string[]; items?: string[] }
  | { kind: 'table'; head: string[]; right: boolean[]; rows: string[][] };

/** Left-aligned labels first, then right-aligned numbers. */
const align = (left: number, right: number, tail = 0) => [
  ...Array<boolean>(left).fill(false),
  ...Array<boolean>(right).fill(true),
  ...Array<boolean>(tail).fill(false),
];

export function reportDocument(report: WeightingReport, lang: ReportLang, title?: string): ReportBlock[] {
  const m = REPORT_MESSAGES[lang];
  const f = (x: number, d = 2) => m.num(x, d);
  const s = report.sample;
  const r = report.recipe;
  const recipeSteps = [
    ['units', r.units.calibration, report.unitCalibration],
    ['roster', r.persons?.roster, report.rosterRake],
    ['individuals', r.persons?.individuals, report.personRake],
  ] as const;
  const calibrationNotes = recipeSteps.flatMap(([n, c]) =>
    c
      ? [
          m.calibrationNote(
            m.step[n],
            m.method[c.method],
            c.margins.map((x) => x.variable).join(', '),
            c.bounds ? m.list(c.bounds.map(m.val)) : null,
            c.trimming ? m.val(c.trimming.factor) : null,
          ),
        ]
      : [],
  );
  // Where the trimming loop took the final weights outside the g bounds: the bounds apply to each
  // recalibration of the cut weights (as R's trimWeights + calibrate loop), not to final / input.
  const boundsNotes = recipeSteps.flatMap(([n, c, x]) =>
    c?.bounds && !x.withinBounds
      ? [
          m.boundsNote({
            step: m.step[n],
            min: f(x.finalMin, 3),
            max: f(x.finalMax, 3),
            bounds: m.list(c.bounds.map(m.val)),
            rounds: x.trimRounds,
          }),
        ]
      : [],
  );
  const cells = (list: WeightingReport['householdCells']) =>
    list.map((c) => [
      c.cell,
      c.members.join(', '),
      String(c.respondents),
      String(c.eligible),
      f(c.factor, 4),
    ]);
  const files: Array<[StepName, WeightingReport['unitCalibration']]> = [
    ['units', report.unitCalibration],
    ['roster', report.rosterRake],
    ['individuals', report.personRake],
  ];
  // a control's margin is '<file>: <variable>' (run.ts controlChecks): the file in this language
  const marginName = (margin: string) => {
    const at = margin.indexOf(': ');
    const file = margin.slice(0, at) as StepName;
    return at > 0 && Object.hasOwn(m.step, file) ? `${m.step[file]}${margin.slice(at)}` : margin;
  };
  const h2 = (text: string): ReportBlock => ({ kind: 'heading', level: 2, text });
  const rep = report.replicates;
  return [
    { kind: 'heading', level: 1, text: title ?? m.title },
    h2(m.sample),
    {
      kind: 'text',
      lines: [
        m.selected(s.households, s.respondents, s.nonrespondents, s.ineligible),
        ...(r.persons
          ? [m.persons(s.persons, s.eligiblePersons, s.individualRespondents, s.individuals)]
          : []),
      ],
    },
    h2(m.steps),
    {
      kind: 'table',
      head: m.stepsHead,
      right: align(1, 7),
      rows: report.steps.map((x) => [
        x.variable === INHERITED_ROSTER_STEP ? m.inheritedRoster : x.variable,
        String(x.n),
        f(x.sum, 1),
        f(x.min),
        f(x.max),
        f(x.mean),
        f(x.cv, 3),
        f(x.kishDeff, 3),
      ]),
    },
    h2(m.unitCells),
    { kind: 'table', head: m.unitCellsHead, right: align(2, 3), rows: cells(report.householdCells) },
    h2(m.personCells),
    { kind: 'table', head: m.personCellsHead, right: align(2, 3), rows: cells(report.personCells) },
    h2(m.calibration),
    {
      kind: 'table',
      head: m.calibrationHead,
      right: align(1, 7, 1),
      rows: files.map(([n, x]) => [
        m.step[n],
        f(x.gMin, 3),
        f(x.gMax, 3),
        f(x.finalMin, 3),
        f(x.finalMax, 3),
        String(x.trimRounds),
        String(x.trimmed),
        f(x.maxCapRatio, 3),
        x.converged ? m.yes : m.no,
      ]),
    },
    { kind: 'text', lines: [...calibrationNotes, ...boundsNotes] },
    h2(m.controls),
    {
      kind: 'table',
      head: m.controlsHead,
      right: align(2, 3),
      rows: report.controls.map((c) => [
        marginName(c.margin),
        c.category,
        f(c.control, 1),
        f(c.weighted, 4),
        m.exp(c.difference),
      ]),
    },
    h2(m.replicates),
    {
      kind: 'text',
      lines: [
        m.jkn(rep.count),
        m.lonely(rep.lonelyStrata.join(', ') || m.none),
        m.complete(rep.completeStrata.join(', ') || m.none),
        m.fallback(rep.unboundedFallback, rep.droppedCategories),
      ],
      items: rep.failed.map((x) => m.failed(x.psu, m.failure[x.code ?? 'unexpected'], failureWords(x, lang))),
    },
  ];
}

/**
 * A failed replicate's own words in the report's language, from its structured detail; the stored
 * English words when it has none (an unexpected error, a report written before details were kept) or
 * one this code cannot say.
 */
function failureWords(x: ReplicateFailure, lang: ReportLang): string {
  if (!isWeightingDetail(x.detail)) return x.error;
  try {
    return detailText(lang, x.detail);
  } catch {
    return x.error;
  }
}
