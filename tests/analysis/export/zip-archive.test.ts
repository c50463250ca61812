/**
 * The export's zip writer: entries carry the given date in DOS form, and a date a zip cannot hold
 * (before 1980, as a run known only by its number gives) is written as 1980-01-01 instead of throwing.
 */
import { describe, expect, it } from 'vitest';
import { zipArchive } from '../../../analysis/export/zip-archive.ts';
import { zipEntries } from '../../../analysis/export/zip-entries.ts';

const files = [{ name: 'a.txt', bytes: new TextEncoder().encode('hello') }];

/** The DOS date and time of the first local header. */
function dosStamp(zip: Uint8Array): { date: number; time: number } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  return { time: view.getUint16(10, true), date: view.getUint16(12, true) };
}

describe('zipArchive', () => {
  it('stamps every entry with the given local date', () => {
    const zip = zipArchive(files, new Date(2026, 11, 7, 13, 30, 10));
    expect(dosStamp(zip)).toEqual({ date: ((2026 - 1980) << 9) | (12 << 5) | 7, time: (13 << 11) | (30 << 5) | 5 });
    expect(new TextDecoder().decode(zipEntries(zip).find((f) => f.name === 'a.txt')?.bytes)).toBe('hello');
  });

  it('writes a date before 1980 as 1980-01-01 and still makes a valid archive', () => {
    const zip = zipArchive(files, new Date(1));
    expect(dosStamp(zip)).toEqual({ date: (0 << 9) | (1 << 5) | 1, time: 0 });
    expect(new TextDecoder().decode(zipEntries(zip).find((f) => f.name === 'a.txt')?.bytes)).toBe('hello');
  });
});
