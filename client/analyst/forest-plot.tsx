/**
 * A forest plot of a model's coefficients: one row per published coefficient, the point and its
 * confidence interval, a line at no effect (ratio 1 on a log scale for logistic and count models,
 * 0 for linear ones). Plain SVG; suppressed coefficients are left out, flagged ones drawn lighter.
 */
import type { ModelResponse } from '../../server/contract/analysis-models.ts';

interface Row {
  label: string;
  x: number;
  lo: number;
  hi: number;
  flagged: boolean;
}

export function ForestPlot({ model }: { model: ModelResponse }) {
  const ratio = model.ratioName !== null;
  const rows: Row[] = model.coefficients
    .filter((c) => c.term !== '(Intercept)' && c.reliability !== 'suppress')
    .flatMap((c) => {
      const [x, lo, hi] = ratio ? [c.ratio, c.ratioLower, c.ratioUpper] : [c.estimate, c.ciLower, c.ciUpper];
      if (x === null || lo === null || hi === null) return [];
      return [{ label: c.label, x, lo, hi, flagged: c.reliability === 'flag' }];
    });
  if (!rows.length) return null;
  const f = (v: number) => (ratio ? Math.log(v) : v);
  const none = ratio ? 1 : 0;
  let min = Math.min(f(none), ...rows.map((r) => f(r.lo)));
  let max = Math.max(f(none), ...rows.map((r) => f(r.hi)));
  const pad = (max - min) * 0.05 || 1;
  min -= pad;
  max += pad;
  const W = 640;
  const left = 240;
  const right = 20;
  const rowH = 26;
  const H = rows.length * rowH + 40;
  const sx = (v: number) => left + ((f(v) - min) / (max - min)) * (W - left - right);
  const ticks = ratio
    ? [0.1, 0.2, 0.5, 1, 2, 5, 10, 20].filter((v) => Math.log(v) >= min && Math.log(v) <= max)
    : [min, (min + max) / 2, max].map((v) => Number(v.toPrecision(2)));
  return (
    <svg
      className="forest-plot"
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      role="img"
      aria-label={model.ratioName ?? 'coefficients'}
      data-testid="forest-plot"
      data-points={rows.length}
    >
      <line x1={sx(none)} x2={sx(none)} y1={10} y2={H - 25} stroke="#999" strokeDasharray="4 3" />
      {rows.map((r, k) => {
        const y = 20 + k * rowH;
        const color = r.flagged ? '#c98a2b' : '#1f4e79';
        return (
          <g key={r.label}>
            <text x={left - 8} y={y + 4} textAnchor="end" fontSize="12">
              {r.label.length > 38 ? `${r.label.slice(0, 37)}…` : r.label}
            </text>
            <line x1={sx(r.lo)} x2={sx(r.hi)} y1={y} y2={y} stroke={color} strokeWidth={2} />
            <rect x={sx(r.x) - 4} y={y - 4} width={8} height={8} fill={color} />
          </g>
        );
      })}
      {ticks.map((v) => (
        <text key={v} x={sx(v)} y={H - 8} textAnchor="middle" fontSize="11" fill="#555">
          {v}
        </text>
      ))}
    </svg>
  );
}
