/**
 * A version-4 UUID drawn from a seeded stream (33 draws: 32 hex digits, then the variant): the demo's
 * simulators give each interview a reproducible id this way.
 */
export function seededUuid(r: () => number): string {
  const h = Array.from({ length: 32 }, () => Math.floor(r() * 16).toString(16));
  h[12] = '4';
  h[16] = '89ab'[Math.floor(r() * 4)];
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
