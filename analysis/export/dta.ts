/**
 * Stata .dta format 118 (Stata 14+, UTF-8), written to the published specification
 * (https://www.stata.com/help.cgi?dta): header, map, variable types, names, sort list, formats,
 * value-label names, variable labels, data, and value-label tables. Numbers are doubles (integers
 * that fit become long, so that value labels attach); strings are fixed-width strN (N <= 2045).
 * A variable's special codes (don't know, refused, not applicable) are written as Stata's extended
 * missing values .a, .b, .c (long: 2147483621 + 1, 2, 3; double: 0x7fe0 0100 0000 0000 and up, as
 * the specification gives) and labelled in its value-label table under those same codes.
 * Variable and dataset labels keep Stata's 80 characters (`stataLabel`: Unicode characters, composed
 * to NFC, never a character cut in two), though the field has room for 320 bytes; codebook.md names
 * the variables whose label was cut and gives it whole.
 */
import { type SourceLang, type TableLang, textIn } from '../tables/table-words.ts';
import type { ExportFile } from './microdata.ts';

const enc = new TextEncoder();
const T_DOUBLE = 65526;
const T_LONG = 65528;
const LONG_MISSING = 2147483621;
const LONG_MAX = 2147483620;
/** .a = 1, .b = 2, ... .z = 26 (offset from the system missing value). */
const tagIndex = (tag: string) => tag.charCodeAt(0) - 96;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

class Out {
  private chunks: Uint8Array[] = [];
  length = 0;
  bytes(b: Uint8Array) {
    this.chunks.push(b);
    this.length += b.length;
  }
  tag(s: string) {
    this.bytes(enc.encode(s));
  }
  u8(x: number) {
    this.bytes(Uint8Array.of(x));
  }
  u16(x: number) {
    const b = new Uint8Array(2);
    new DataView(b.buffer).setUint16(0, x, true);
    this.bytes(b);
  }
  i32(x: number) {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setInt32(0, x, true);
    this.bytes(b);
  }
  u64(x: number) {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, BigInt(x), true);
    this.bytes(b);
  }
  /** A fixed-width, NUL-padded UTF-8 field (truncated on a character boundary). */
  fixed(s: string, width: number) {
    const b = new Uint8Array(width);
    b.set(truncateUtf8(s, width - 1));
    this.bytes(b);
  }
  concat(): Uint8Array {
    const out = new Uint8Array(this.length);
    let o = 0;
    for (const c of this.chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }
}

function truncateUtf8(s: string, max: number): Uint8Array {
  let b = enc.encode(s);
  if (b.length <= max) return b;
  let cut = max;
  while (cut > 0 && (b[cut] & 0xc0) === 0x80) cut--;
  b = b.slice(0, cut);
  return b;
}

/** Stata's limit on a variable's (and the dataset's) label: 80 characters (help dta, help label). */
export const STATA_LABEL_CHARS = 80;

/**
 * A label as Stata keeps it: one of at most 80 Unicode characters (code points, as Stata's ustrlen
 * counts them) as it is; a longer one composed to NFC (an accent joins its letter) and, still longer, cut after the
 * last whole grapheme (a letter with its marks, an emoji sequence) that fits in 80 characters, so its
 * UTF-8 is at most 320 bytes and never ends inside a character or splits one from its accent.
 */
export function stataLabel(s: string): string {
  if (Array.from(s).length <= STATA_LABEL_CHARS) return s;
  const nfc = s.normalize('NFC');
  if (!stataCutsLabel(nfc)) return nfc;
  let out = '';
  let n = 0;
  for (const { segment } of graphemes.segment(nfc)) {
    const k = Array.from(segment).length;
    if (n + k > STATA_LABEL_CHARS) break;
    out += segment;
    n += k;
  }
  return out;
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** Whether Stata cuts the label (more than 80 characters once composed). */
export const stataCutsLabel = (s: string): boolean =>
  Array.from(s.normalize('NFC')).length > STATA_LABEL_CHARS;

/** Stata names: letters, digits, underscore, at most 32 characters, not starting with a digit. */
export function stataName(name: string): string {
  let n = name.replace(/[^A-Za-z0-9_]/g, '_');
  if (/^[0-9]/.test(n)) n = `_${n}`;
  return n.slice(0, 32);
}

function isLong(col: Float64Array, missing: ReadonlyMap<number, number>): boolean {
  for (const x of col)
    if (!Number.isNaN(x) && !missing.has(x) && (!Number.isInteger(x) || Math.abs(x) > LONG_MAX)) return false;
  return true;
}

/** code -> extended missing index (1 = .a) of a variable's special codes. */
const missingIndex = (v: ExportFile['variables'][number]): Map<number, number> =>
  new Map(v.missing.map((x) => [x.code, tagIndex(x.tag)]));

const hasLabels = (v: ExportFile['variables'][number]) => v.values.length > 0 || v.missing.length > 0;

function timestamp(d: Date): string {
  const p = (x: number) => String(x).padStart(2, '0');
  return `${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

export interface DtaOptions {
  /** The labels' language: pt, en, fr or kea (UTF-8, as .dta 118 stores them). */
  lang: TableLang;
  /** The survey's source language, for a label it lacks in `lang` (pt by default). */
  source?: SourceLang;
  label?: string;
  /** The header's time stamp (default now); null leaves it empty (a file that is the same on every export). */
  now?: Date | null;
}

export function writeDta(file: ExportFile, opts: DtaOptions): Uint8Array {
  const vars = file.variables;
  const K = vars.length;
  const N = file.rows;
  const tagged = vars.map(missingIndex);
  const types = vars.map((v, j) => {
    const col = file.columns[v.name];
    if (v.kind === 'numeric') return isLong(col as Float64Array, tagged[j]) ? T_LONG : T_DOUBLE;
    let w = 1;
    for (const s of col as (string | null)[]) if (s) w = Math.max(w, enc.encode(s).length);
    return Math.min(w, 2045);
  });
  const out = new Out();
  const map: number[] = new Array(14).fill(0);
  out.tag('<stata_dta><header><release>118</release><byteorder>LSF</byteorder><K>');
  out.u16(K);
  out.tag('</K><N>');
  out.u64(N);
  out.tag('</N><label>');
  const label = enc.encode(stataLabel(opts.label ?? ''));
  out.u16(label.length);
  out.bytes(label);
  out.tag('</label><timestamp>');
  const ts = opts.now === null ? '' : timestamp(opts.now ?? new Date());
  out.u8(ts.length);
  out.tag(ts);
  out.tag('</timestamp></header>');
  map[1] = out.length;
  out.tag('<map>');
  const mapAt = out.length;
  for (let i = 0; i < 14; i++) out.u64(0);
  out.tag('</map>');
  map[2] = out.length;
  out.tag('<variable_types>');
  for (const t of types) out.u16(t);
  out.tag('</variable_types>');
  map[3] = out.length;
  out.tag('<varnames>');
  for (const v of vars) out.fixed(stataName(v.name), 129);
  out.tag('</varnames>');
  map[4] = out.length;
  out.tag('<sortlist>');
  for (let i = 0; i <= K; i++) out.u16(0);
  out.tag('</sortlist>');
  map[5] = out.length;
  out.tag('<formats>');
  for (const t of types) out.fixed(t === T_DOUBLE ? '%10.0g' : t === T_LONG ? '%12.0g' : `%-${t}s`, 57);
  out.tag('</formats>');
  map[6] = out.length;
  out.tag('<value_label_names>');
  for (const [j, v] of vars.entries())
    out.fixed(types[j] >= T_DOUBLE && hasLabels(v) ? stataName(v.name) : '', 129);
  out.tag('</value_label_names>');
  map[7] = out.length;
  out.tag('<variable_labels>');
  for (const v of vars) out.fixed(stataLabel(textIn(v.label, opts.lang, opts.source)), 321);
  out.tag('</variable_labels>');
  map[8] = out.length;
  out.tag('<characteristics></characteristics>');
  map[9] = out.length;
  out.tag('<data>');
  const rowBytes = types.reduce((s, t) => s + (t === T_DOUBLE ? 8 : t === T_LONG ? 4 : t), 0);
  const data = new Uint8Array(rowBytes * N);
  const dv = new DataView(data.buffer);
  let o = 0;
  for (let i = 0; i < N; i++)
    for (let j = 0; j < K; j++) {
      const col = file.columns[vars[j].name];
      const t = types[j];
      if (t === T_DOUBLE) {
        const x = (col as Float64Array)[i];
        const tag = tagged[j].get(x);
        if (Number.isNaN(x) || tag !== undefined) {
          dv.setUint32(o, 0, true);
          dv.setUint32(o + 4, 0x7fe00000 + 0x100 * (tag ?? 0), true);
        } else dv.setFloat64(o, x, true);
        o += 8;
      } else if (t === T_LONG) {
        const x = (col as Float64Array)[i];
        const tag = tagged[j].get(x);
        dv.setInt32(o, Number.isNaN(x) ? LONG_MISSING : tag !== undefined ? LONG_MISSING + tag : x, true);
        o += 4;
      } else {
        const s = (col as (string | null)[])[i];
        if (s) data.set(truncateUtf8(s, t), o);
        o += t;
      }
    }
  out.bytes(data);
  out.tag('</data>');
  map[10] = out.length;
  out.tag('<strls></strls>');
  map[11] = out.length;
  out.tag('<value_labels>');
  vars.forEach((v, j) => {
    if (types[j] < T_DOUBLE || !hasLabels(v)) return;
    const entries = [
      ...v.values.map((x) => ({ code: Number(x.code), text: textIn(x, opts.lang, opts.source) })),
      ...v.missing.map((x) => ({
        code: LONG_MISSING + tagIndex(x.tag),
        text: textIn(x, opts.lang, opts.source),
      })),
    ];
    const texts = entries.map((x) => truncateUtf8(x.text, 32000));
    const txtlen = texts.reduce((s, t) => s + t.length + 1, 0);
    out.tag('<lbl>');
    out.i32(8 + 8 * entries.length + txtlen);
    out.fixed(stataName(v.name), 129);
    out.bytes(new Uint8Array(3));
    out.i32(entries.length);
    out.i32(txtlen);
    let off = 0;
    for (const t of texts) {
      out.i32(off);
      off += t.length + 1;
    }
    for (const x of entries) out.i32(x.code);
    for (const t of texts) {
      out.bytes(t);
      out.u8(0);
    }
    out.tag('</lbl>');
  });
  out.tag('</value_labels>');
  map[12] = out.length;
  out.tag('</stata_dta>');
  map[13] = out.length;
  const bytes = out.concat();
  const mv = new DataView(bytes.buffer);
  for (const [k, x] of map.entries()) mv.setBigUint64(mapAt + 8 * k, BigInt(x), true);
  return bytes;
}
