/**
 * A zip archive of an export's files (DEFLATE, UTF-8 names; no zip64, so under 4 GB), for a download
 * whose files must come from one build: the public-use microdata draw their random codes once per
 * export, so its household and person files are served together or they would not join. Given a date
 * (the run's, for the public-use file) every entry carries it, so the same files give the same bytes;
 * it also re-packs the Excel workbook (whose own zip writer stamps each entry with the time of writing).
 * The date is written in the process's local time, as zip tools read it. A zip date cannot say a year
 * before 1980 or after 2107, so a date outside that range is written as its nearest end (a run known
 * only by its number gives 1970, which would otherwise overflow the field and throw).
 */
import { crc32, deflateRawSync } from 'node:zlib';

const FIRST_ZIP_DATE = new Date(1980, 0, 1, 0, 0, 0);
const LAST_ZIP_DATE = new Date(2107, 11, 31, 23, 59, 58);

export function zipArchive(files: Array<{ name: string; bytes: Uint8Array }>, at = new Date()): Uint8Array {
  const when = at < FIRST_ZIP_DATE ? FIRST_ZIP_DATE : at > LAST_ZIP_DATE ? LAST_ZIP_DATE : at;
  const time = (when.getHours() << 11) | (when.getMinutes() << 5) | Math.floor(when.getSeconds() / 2);
  const date = ((when.getFullYear() - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate();
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const data = deflateRawSync(f.bytes);
    const crc = crc32(f.bytes);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(f.bytes.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by
    local.copy(entry, 6, 4, 30); // version needed .. name length are the same fields
    entry.writeUInt16LE(0, 30); // extra
    entry.writeUInt16LE(0, 32); // comment
    entry.writeUInt16LE(0, 34); // disk
    entry.writeUInt16LE(0, 36); // internal attributes
    entry.writeUInt32LE(0, 38); // external attributes
    entry.writeUInt32LE(offset, 42);
    parts.push(local, name, data);
    central.push(entry, name);
    offset += local.length + name.length + data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, dir, end]));
}
