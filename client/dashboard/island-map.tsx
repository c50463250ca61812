/**
 * A schematic map of the survey's geography (its geography.json: areas such as islands, each at its
 * centroid; no map tiles: it works offline), each area with a ring that fills with the share of its
 * sampled units completed. Over it, the field layer: each enumeration area's centroid from the frame (a small
 * ring) and each interview's GPS position (a dot: dark for a complete, orange for a non-interview), so a
 * coordinator sees visits far from their EA. Everything is drawn from the dashboard's data: no tiles.
 */
import type { Dashboard, ProgressRow } from '../../server/contract/dashboard.ts';
import type { Geography } from '../../server/contract/geography.ts';

const W = 420;
const H = 320;
const PAD = 50;

type Field = Dashboard['map'];

/** Centroids to positions in the drawing, north up, the areas' and EAs' extent filling it. */
function project(geography: Geography, field: Field | undefined) {
  const points = [
    ...geography.areas.map((a) => a.centroid),
    ...geography.labels.map((l) => l.centroid),
    ...(field?.eas ?? []),
  ];
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const minLat = Math.min(...lats);
  const maxLat = Math.max(...lats);
  const minLon = Math.min(...lons);
  const maxLon = Math.max(...lons);
  const sx = (W - 2 * PAD) / Math.max(maxLon - minLon, 1e-6);
  const sy = (H - 2 * PAD) / Math.max(maxLat - minLat, 1e-6);
  return (c: { lat: number; lon: number }) => ({
    x: PAD + (c.lon - minLon) * sx,
    y: PAD + (maxLat - c.lat) * sy,
  });
}

export const normalise = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();

const R = 24;
const C = 2 * Math.PI * R;

/**
 * What the map is drawn over: the survey's geography, or for a survey without one a blank background
 * named after it as soon as the frame gives an EA centroid (the EAs and fixes alone); null: no map.
 */
export function mapGeographyOf(geography: Geography | null, field: Field, survey: string): Geography | null {
  if (geography) return geography;
  return field.eas.length ? { name: survey, areaLabel: 'area', areas: [], labels: [] } : null;
}

/** Inside the drawing: a GPS position far off the map (a wrong fix) is not drawn. */
const inside = (p: { x: number; y: number }) => p.x >= 0 && p.x <= W && p.y >= 0 && p.y <= H;

export function IslandMap({
  rows,
  geography,
  field,
}: {
  rows: ProgressRow[];
  geography: Geography;
  field?: Field;
}) {
  const byName = new Map(rows.map((r) => [normalise(r.key), r]));
  const at = project(geography, field);
  const ISLANDS = geography.areas.map((a) => ({ name: a.name, ...at(a.centroid) }));
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className="island-map"
      role="img"
      aria-label={geography.name}
      data-testid="island-map"
    >
      <rect x="0" y="0" width={W} height={H} fill="#e8f1f6" rx="8" />
      {geography.labels.map((l) => {
        const p = at(l.centroid);
        return (
          <text key={l.text} x={p.x} y={p.y} className="sea" textAnchor="middle">
            {l.text}
          </text>
        );
      })}
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
      {field && (
        <g data-testid="field-layer">
          {field.eas.map((e) => {
            const p = at(e);
            return (
              <circle
                key={e.code}
                cx={p.x}
                cy={p.y}
                r={4}
                fill="none"
                stroke="#6b5e3c"
                strokeWidth="1.5"
                data-testid="ea-centroid"
                data-ea={e.code}
              >
                <title>{e.code}</title>
              </circle>
            );
          })}
          {field.points.map((g, i) => {
            const p = at(g);
            if (!inside(p)) return null;
            return (
              <circle
                // biome-ignore lint/suspicious/noArrayIndexKey: points have no id; the order is the server's
                key={i}
                cx={p.x}
                cy={p.y}
                r={3}
                fill={g.complete ? '#084559' : '#d9822b'}
                stroke="#fff"
                strokeWidth="1"
                data-testid="gps-point"
                data-ea={g.eaCode}
                data-complete={g.complete ? 1 : 0}
              >
                <title>{g.eaCode}</title>
              </circle>
            );
          })}
        </g>
      )}
    </svg>
  );
}
