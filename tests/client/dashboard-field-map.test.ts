/**
 * The dashboard's offline map layer: over the schematic of the areas, IslandMap draws one ring per EA
 * centroid of the frame and one dot per interview GPS position (complete or not), a dot next to its EA's
 * ring, in the same projection; a position far off the map (a wrong fix) is not drawn; nothing is fetched.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { IslandMap, mapGeographyOf } from '../../client/dashboard/island-map.tsx';
import type { Dashboard } from '../../server/contract/dashboard.ts';
import type { Geography } from '../../server/contract/geography.ts';

const geography: Geography = {
  name: 'Two islands',
  areaLabel: 'island',
  areas: [
    { name: 'North', code: 1, centroid: { lat: 17, lon: -25 }, municipalities: [] },
    { name: 'South', code: 2, centroid: { lat: 15, lon: -23 }, municipalities: [] },
  ],
  labels: [],
};
const field: Dashboard['map'] = {
  eas: [
    { code: 'N-01', lat: 16.9, lon: -24.9 },
    { code: 'S-01', lat: 15.1, lon: -23.1 },
  ],
  points: [
    { eaCode: 'N-01', lat: 16.91, lon: -24.91, complete: true },
    { eaCode: 'S-01', lat: 15.09, lon: -23.12, complete: false },
    // a fix in the Gulf of Guinea: off the map
    { eaCode: 'S-01', lat: 0.1, lon: 0.2, complete: true },
  ],
};

/** Each drawn circle of a test id: its centre and data attributes. */
function circles(html: string, testId: string) {
  return [...html.matchAll(/<circle ([^>]*)>/g)]
    .map((m) => m[1] ?? '')
    .filter((a) => a.includes(`data-testid="${testId}"`))
    .map((a) => ({
      x: Number(/cx="([^"]+)"/.exec(a)?.[1]),
      y: Number(/cy="([^"]+)"/.exec(a)?.[1]),
      ea: /data-ea="([^"]+)"/.exec(a)?.[1],
      complete: /data-complete="([^"]+)"/.exec(a)?.[1],
    }));
}

describe('the dashboard map layer', () => {
  const html = renderToStaticMarkup(createElement(IslandMap, { rows: [], geography, field }));

  it('one ring per EA centroid and one dot per GPS position on the map', () => {
    expect(circles(html, 'ea-centroid').map((c) => c.ea)).toEqual(['N-01', 'S-01']);
    const dots = circles(html, 'gps-point');
    expect(dots.map((d) => [d.ea, d.complete])).toEqual([
      ['N-01', '1'],
      ['S-01', '0'],
    ]);
  });

  it('a dot is drawn next to its EA ring, north up', () => {
    const rings = new Map(circles(html, 'ea-centroid').map((c) => [c.ea, c]));
    for (const d of circles(html, 'gps-point')) {
      const ring = rings.get(d.ea);
      expect(Math.hypot(d.x - (ring?.x ?? 0), d.y - (ring?.y ?? 0))).toBeLessThan(5);
    }
    expect(rings.get('N-01')?.y).toBeLessThan(rings.get('S-01')?.y ?? 0);
  });

  it('a survey without a geography file: the EAs and fixes alone, on the map', () => {
    expect(mapGeographyOf(null, { eas: [], points: [] }, 's')).toBeNull();
    expect(mapGeographyOf(geography, field, 's')).toBe(geography);
    const bare = mapGeographyOf(null, field, 's');
    if (!bare) throw new Error('no map for a survey with EA centroids');
    expect(bare.areas).toEqual([]);
    const alone = renderToStaticMarkup(createElement(IslandMap, { rows: [], geography: bare, field }));
    const drawn = [...circles(alone, 'ea-centroid'), ...circles(alone, 'gps-point')];
    expect(drawn).toHaveLength(4);
    for (const c of drawn) {
      expect(c.x).toBeGreaterThanOrEqual(0);
      expect(c.x).toBeLessThanOrEqual(420);
      expect(c.y).toBeGreaterThanOrEqual(0);
      expect(c.y).toBeLessThanOrEqual(320);
    }
  });

  it('without a field layer, only the schematic', () => {
    const plain = renderToStaticMarkup(createElement(IslandMap, { rows: [], geography }));
    expect(plain).not.toContain('gps-point');
    expect(plain).toContain('island-north');
  });
});
