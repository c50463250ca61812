/**
 * A schematic of Cabo Verde's nine inhabited islands (positions only roughly geographic, no map tiles:
 * it works offline), each with a ring that fills with the share of its sampled households completed.
 */
import type { ProgressRow } from '../../server/contract/dashboard.ts';

const ISLANDS: Array<{ name: string; x: number; y: number }> = [
  { name: 'Santo Antão', x: 60, y: 60 },
  { name: 'São Vicente', x: 135, y: 55 },
  { name: 'São Nicolau', x: 230, y: 95 },
  { name: 'Sal', x: 345, y: 55 },
  { name: 'Boa Vista', x: 355, y: 150 },
  { name: 'Maio', x: 300, y: 250 },
  { name: 'Santiago', x: 225, y: 245 },
  { name: 'Fogo', x: 135, y: 265 },
  { name: 'Brava', x: 75, y: 275 },
];

export const normalise = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();

const R = 24;
const C = 2 * Math.PI * R;

export function IslandMap({ rows }: { rows: ProgressRow[] }) {
  const byName = new Map(rows.map((r) => [normalise(r.key), r]));
  return (
    <svg
      viewBox="0 0 420 320"
      className="island-map"
      role="img"
      aria-label="Cabo Verde"
      data-testid="island-map"
    >
      <rect x="0" y="0" width="420" height="320" fill="#e8f1f6" rx="8" />
      <text x="20" y="20" className="sea">
        Barlavento
      </text>
      <text x="330" y="310" className="sea">
        Sotavento
      </text>
      {ISLANDS.map((island) => {
        const row = byName.get(normalise(island.name));
        const share = row && row.assigned > 0 ? row.completed / row.assigned : 0;
        const approved = row && row.assigned > 0 ? row.approved / row.assigned : 0;
        return (
          <g
            key={island.name}
            transform={`translate(${island.x} ${island.y})`}
            data-testid={`island-${normalise(island.name).replace(/ /g, '-')}`}
            data-completed={row?.completed ?? 0}
            data-assigned={row?.assigned ?? 0}
            opacity={row ? 1 : 0.45}
          >
            <title>
              {island.name}: {row ? `${row.completed}/${row.assigned}` : '—'}
            </title>
            <circle r={R} fill="#f6f2e7" stroke="#c9c2ad" strokeWidth="8" />
            <circle
              r={R}
              fill="none"
              stroke="#0b5d7a"
              strokeWidth="8"
              strokeDasharray={`${share * C} ${C}`}
              transform="rotate(-90)"
            />
            <circle
              r={R - 8}
              fill={approved > 0 ? '#1e6b3a' : 'none'}
              opacity={Math.min(1, approved + 0.15)}
            />
            <text y={R + 16} textAnchor="middle" className="island-name">
              {island.name}
            </text>
            <text y="5" textAnchor="middle" className="island-share">
              {row ? `${Math.round(share * 100)}%` : '–'}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
