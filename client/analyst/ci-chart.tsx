/**
 * Estimates as bars with their confidence intervals as whiskers, drawn by Chart.js (the charting
 * library the dashboard uses) with a small plugin; suppressed cells are left out.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, type Plugin, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface CiPoint {
  label: string;
  estimate: number;
  lower: number;
  upper: number;
  flagged: boolean;
}

const whiskers: Plugin<'bar'> = {
  id: 'ciWhiskers',
  afterDatasetsDraw(chart) {
    const points = (chart.config.options as { ciPoints?: CiPoint[] }).ciPoints ?? [];
    const meta = chart.getDatasetMeta(0);
    const y = chart.scales.y;
    const ctx = chart.ctx;
    ctx.save();
    ctx.strokeStyle = '#1f2937';
    ctx.lineWidth = 1.5;
    meta.data.forEach((bar, i) => {
      const p = points[i];
      if (!p) return;
      const x = bar.x;
      const top = y.getPixelForValue(p.upper);
      const bottom = y.getPixelForValue(p.lower);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, bottom);
      ctx.moveTo(x - 5, top);
      ctx.lineTo(x + 5, top);
      ctx.moveTo(x - 5, bottom);
      ctx.lineTo(x + 5, bottom);
      ctx.stroke();
    });
    ctx.restore();
  },
};

export function CiChart({ points, percent }: { points: CiPoint[]; percent: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const fmt = (v: number) => (percent ? `${(v * 100).toFixed(1)}%` : v.toLocaleString());
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: points.map((p) => p.label),
        datasets: [
          {
            data: points.map((p) => p.estimate),
            backgroundColor: points.map((p) => (p.flagged ? '#f5c77e' : '#6d9bc3')),
          },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        ciPoints: points,
        scales: {
          y: {
            beginAtZero: true,
            suggestedMax: Math.max(0, ...points.map((p) => p.upper)),
            ticks: { callback: (v: number | string) => fmt(Number(v)) },
          },
        },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              label: (item: { dataIndex: number }) => {
                const p = points[item.dataIndex];
                return `${fmt(p.estimate)} [${fmt(p.lower)}; ${fmt(p.upper)}]`;
              },
            },
          },
        },
      } as never,
      plugins: [whiskers],
    });
    return () => chart.destroy();
  }, [points, percent]);
  return (
    <div className="ci-chart" style={{ height: 320 }}>
      <canvas ref={canvas} data-testid="ci-chart" data-points={points.length} />
    </div>
  );
}
