/**
 * The packed frame of the weighted_frames rows: the fixture's households and persons (every weight,
 * replicate and design column) come back bit for bit, missing values and text included, and the
 * numbers take 8 bytes per numeric cell.
 */
import { describe, expect, it } from 'vitest';
import { packFrame, unpackFrame } from '../../../server/storage/weighted-columns.ts';
import { loadWeightedData } from '../../../server/storage/weighted-data.ts';

const data = loadWeightedData('tests/fixtures/tables');

describe('packFrame / unpackFrame', () => {
  it.each(['households', 'persons'] as const)('gives back the %s frame exactly', (unit) => {
    const frame = data[unit];
    const packed = packFrame(frame);
    const back = unpackFrame(packed);
    expect(Object.keys(back)).toEqual(Object.keys(frame));
    for (const name of Object.keys(frame)) {
      const a = frame[name];
      const b = back[name];
      expect(b instanceof Float64Array, name).toBe(a instanceof Float64Array);
      if (a instanceof Float64Array)
        expect(Buffer.from(a.buffer).equals(Buffer.from((b as Float64Array).buffer)), name).toBe(true);
      else expect(Array.from(b)).toEqual(Array.from(a));
    }
    const numeric = Object.values(frame).filter((c) => c instanceof Float64Array).length;
    expect(packed.numbers.length).toBe(numeric * packed.rows * 8);
    expect(numeric).toBeGreaterThan(10);
  });

  it('keeps NaN (missing) and text nulls', () => {
    const back = unpackFrame(packFrame({ w: Float64Array.from([1.5, Number.NaN]), s: ['a', null] }));
    expect(Number.isNaN((back.w as Float64Array)[1])).toBe(true);
    expect((back.w as Float64Array)[0]).toBe(1.5);
    expect(back.s).toEqual(['a', null]);
  });
});
