/**
 * The entries of a zip archive (name and bytes, in the archive's order), read through its central
 * directory: stored or DEFLATE entries, no zip64, no archive comment beyond what the end record says.
 * Enough to re-pack what exceljs writes (JSZip) with fixed dates (zip-archive.ts), so a public-use
 * workbook is the same bytes on every download of a run. Pure: bytes in, entries out.
 */
import { inflateRawSync } from 'node:zlib';

export function zipEntries(zip: Uint8Array): Array<{ name: string; bytes: Uint8Array }> {
  const b = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = b.length - 22;
  while (end >= 0 && b.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip archive: no end of central directory');
  const count = b.readUInt16LE(end + 10);
  let at = b.readUInt32LE(end + 16);
  const out: Array<{ name: string; bytes: Uint8Array }> = [];
  for (let e = 0; e < count; e++) {
    if (b.readUInt32LE(at) !== 0x02014b50) throw new Error('zip archive: bad central directory entry');
    const method = b.readUInt16LE(at + 10);
    const size = b.readUInt32LE(at + 20);
    const nameLength = b.readUInt16LE(at + 28);
    const extra = b.readUInt16LE(at + 30);
    const comment = b.readUInt16LE(at + 32);
    const local = b.readUInt32LE(at + 42);
    const name = b.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const data = b.subarray(start, start + size);
    if (method !== 0 && method !== 8) throw new Error(`zip archive: ${name}: compression ${method}`);
    out.push({ name, bytes: new Uint8Array(method === 8 ? inflateRawSync(data) : data) });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}
