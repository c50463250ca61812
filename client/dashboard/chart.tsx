/**
 * A chart drawn by Chart.js (a well-kept, dependency-free canvas charting library that works offline) in
 * a canvas; updated in place when the data change, so the auto-refresh does not flicker.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Tooltip,
);

export interface Series {
  label: string;
  data: number[];
  color: string;
}

export function ChartView({
  type,
  labels,
  series,
  testId,
  stacked = false,
}: {
  type: 'bar' | 'line';
  labels: string[];
  series: Series[];
  testId: string;
  stacked?: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  const chartType = useRef<string | null>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const data = {
      labels,
      datasets: series.map((s) => ({
        label: s.label,
        data: s.data,
        backgroundColor: s.color,
        borderColor: s.color,
      })),
    };
    if (chart.current && chartType.current === type) {
      chart.current.data = data;
      chart.current.update('none');
      return;
    }
    chart.current?.destroy();
    const config: ChartConfiguration<'bar' | 'line'> = {
      type,
      data,
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { stacked }, y: { beginAtZero: true, stacked } },
        plugins: { legend: { position: 'bottom' } },
      },
    };
    chart.current = new Chart(canvas.current, config);
    chartType.current = type;
  }, [type, labels, series, stacked]);
  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );
  return (
    <div className="chart" data-testid={testId}>
      <canvas ref={canvas} />
    </div>
  );
}
