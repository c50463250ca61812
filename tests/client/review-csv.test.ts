/**
 * CSV downloads of the dashboard and queue tables, the island names the schematic matches, and the staff
 * screens' messages in the app's four languages.
 */
import { describe, expect, it } from 'vitest';
import { normalise } from '../../client/dashboard/island-map.tsx';
import { toCsv } from '../../client/review/csv.ts';
import { STAFF_MESSAGES } from '../../client/review/messages.ts';

describe('CSV and the island schematic', () => {
  it('writes RFC 4180 CSV: header, CRLF, quotes doubled around commas, quotes and newlines, empty for null', () => {
    const rows = [
      { name: 'São Vicente', n: 3, note: 'a, "b"' },
      { name: 'Sal', n: 0, note: null },
      { name: 'Fogo', n: 1.5, note: 'line\nbreak' },
    ];
    const csv = toCsv(rows, [
      { header: 'island', value: (r) => r.name },
      { header: 'n', value: (r) => r.n },
      { header: 'note', value: (r) => r.note },
    ]);
    expect(csv).toBe('island,n,note\r\nSão Vicente,3,"a, ""b"""\r\nSal,0,\r\nFogo,1.5,"line\nbreak"\r\n');
  });

  it('matches island names whatever the accents and case', () => {
    expect(normalise('São Vicente')).toBe(normalise('sao vicente'));
    expect(normalise(' Santo Antão ')).toBe('santo antao');
  });

  it("has every screen message in the app's four languages, French and Kriolu their own", () => {
    for (const lang of ['pt', 'fr', 'kea'] as const) {
      expect(Object.keys(STAFF_MESSAGES[lang]).sort()).toEqual(Object.keys(STAFF_MESSAGES.en).sort());
      for (const v of Object.values(STAFF_MESSAGES[lang])) expect(v.trim()).not.toBe('');
    }
    expect(STAFF_MESSAGES.fr['queue.title']).toBe('Entretiens à réviser');
    expect(STAFF_MESSAGES.kea['queue.title']).toBe('Entrevistas pa rivê');
    // a language that only echoed another would leave the reviewer reading English or Portuguese
    const same = (a: 'fr' | 'kea', b: 'en' | 'pt') =>
      Object.entries(STAFF_MESSAGES[a]).filter(([k, v]) => STAFF_MESSAGES[b][k as never] === v).length;
    expect(same('fr', 'en')).toBeLessThan(10);
    expect(same('kea', 'pt')).toBeLessThan(25);
  });
});
