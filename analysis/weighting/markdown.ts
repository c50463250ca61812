/** The weighting report as a readable Markdown page. */
import type { WeightingReport } from './run.ts';

const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : String(x));

function calibrationNotes(report: WeightingReport): string[] {
  const r = report.recipe;
  const steps = [
    ['units', r.units.calibration],
    ['roster', r.persons?.roster],
    ['individuals', r.persons?.individuals],
  ] as const;
  return steps.flatMap(([n, c]) =>
    c
      ? [
          `${n}: ${c.method} to ${c.margins.map((m) => m.variable).join(', ')}${c.bounds ? `; bounds on g [${c.bounds.join(', ')}]` : ''}${c.trimming ? `; trimming at ${c.trimming.factor} x the stratum median, then recalibrating` : ''}.`,
        ]
      : [],
  );
}

/**
 * Where the trimming loop took the final weights outside the g bounds: the bounds apply to each
 * recalibration of the cut weights (as R's trimWeights + calibrate loop), not to final / input.
 */
function boundsNotes(report: WeightingReport): string[] {
  const r = report.recipe;
  const steps = [
    ['units', r.units.calibration, report.unitCalibration],
    ['roster', r.persons?.roster, report.rosterRake],
    ['individuals', r.persons?.individuals, report.personRake],
  ] as const;
  return steps.flatMap(([n, c, s]) =>
    c?.bounds && !s.withinBounds
      ? [
          `${n}: the final weights are ${f(s.finalMin, 3)} to ${f(s.finalMax, 3)} times their input weights, outside the bounds [${c.bounds.join(', ')}]: each of the ${s.trimRounds} trimming rounds cut the weights above the cap and recalibrated the cut weights within the bounds, so the bounds hold for each recalibration, not for final / input.`,
        ]
      : [],
  );
}

export function reportMarkdown(report: WeightingReport, title = 'Weighting report'): string {
  const s = report.sample;
  const lines = [
    `# ${title}`,
    '',
    '## Sample',
    '',
    `Selected units ${s.households}: ${s.respondents} respondents, ${s.nonrespondents} nonrespondents, ${s.ineligible} found ineligible.`,
    ...(report.recipe.persons
      ? [
          `Roster persons ${s.persons} (${s.eligiblePersons} in the target population); individual interviews ${s.individualRespondents} of ${s.individuals} needed.`,
        ]
      : []),
    '',
    '## Weights at each step',
    '',
    '| variable | n | sum | min | max | mean | CV | Kish deff (1 + CV²) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...report.steps.map(
      (x) =>
        `| ${x.variable} | ${x.n} | ${f(x.sum, 1)} | ${f(x.min)} | ${f(x.max)} | ${f(x.mean)} | ${f(x.cv, 3)} | ${f(x.kishDeff, 3)} |`,
    ),
    '',
    '## Unit nonresponse classes',
    '',
    '| class | merged from | respondents | eligible | factor |',
    '| --- | --- | ---: | ---: | ---: |',
    ...report.householdCells.map(
      (c) => `| ${c.cell} | ${c.members.join(', ')} | ${c.respondents} | ${c.eligible} | ${f(c.factor, 4)} |`,
    ),
    '',
    '## Person nonresponse classes (individual interviews)',
    '',
    '| class | merged from | respondents | needed | factor |',
    '| --- | --- | ---: | ---: | ---: |',
    ...report.personCells.map(
      (c) => `| ${c.cell} | ${c.members.join(', ')} | ${c.respondents} | ${c.eligible} | ${f(c.factor, 4)} |`,
    ),
    '',
    '## Calibration',
    '',
    '| file | g min (first calibration) | g max | final / input min | final / input max | trim rounds | weights trimmed | max weight / cap | converged |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...(
      [
        ['units', report.unitCalibration],
        ['roster', report.rosterRake],
        ['individuals', report.personRake],
      ] as const
    ).map(
      ([n, r]) =>
        `| ${n} | ${f(r.gMin, 3)} | ${f(r.gMax, 3)} | ${f(r.finalMin, 3)} | ${f(r.finalMax, 3)} | ${r.trimRounds} | ${r.trimmed} | ${f(r.maxCapRatio, 3)} | ${r.converged ? 'yes' : 'NO'} |`,
    ),
    '',
    ...calibrationNotes(report),
    ...boundsNotes(report),
    '',
    '## Control totals (weighted minus control)',
    '',
    '| margin | category | control | weighted | difference |',
    '| --- | --- | ---: | ---: | ---: |',
    ...report.controls.map(
      (c) =>
        `| ${c.margin} | ${c.category} | ${f(c.control, 1)} | ${f(c.weighted, 4)} | ${c.difference.toExponential(1)} |`,
    ),
    '',
    '## Replicate weights',
    '',
    `JKn, ${report.replicates.count} replicates (one per PSU; certainty clusters are strata with their units as PSUs), every step redone per replicate.`,
    `Strata with a single PSU (no replicate): ${report.replicates.lonelyStrata.join(', ') || 'none'}.`,
    `Certainty clusters taken in full (every unit selected: no replicate and no variance, as R with an FPC of 1): ${report.replicates.completeStrata.join(', ') || 'none'}.`,
    `Replicates raked without bounds after the bounded raking failed: ${report.replicates.unboundedFallback}; categories lost in a replicate: ${report.replicates.droppedCategories}.`,
    ...report.replicates.failed.map((x) => `- FAILED ${x.psu}: ${x.error}`),
    '',
  ];
  return lines.join('\n');
}
