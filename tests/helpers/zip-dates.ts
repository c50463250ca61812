/**
 * Test helpers for zip entry dates: the DOS time and date of every central directory entry of an
 * archive (no archive comment), and a Date as those two fields (local time, as zip tools read them).
 */
export function zipEntryDates(zip: Uint8Array): Array<[number, number]> {
  const b = Buffer.from(zip);
  const end = b.length - 22;
  if (b.readUInt32LE(end) !== 0x06054b50) throw new Error('no end of central directory at the end');
  const out: Array<[number, number]> = [];
  let at = b.readUInt32LE(end + 16);
  for (let e = 0; e < b.readUInt16LE(end + 10); e++) {
    out.push([b.readUInt16LE(at + 12), b.readUInt16LE(at + 14)]);
    at += 46 + b.readUInt16LE(at + 28) + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
  return out;
}

export const dosDate = (d: Date): [number, number] => [
  (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
  ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
];
