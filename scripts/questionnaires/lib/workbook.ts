/**
 * A language's translation catalogue as an XLSX workbook for translators (exceljs), and back. One row per
 * string: key, module (page), question, property, the Portuguese source, the translation, status, context
 * note, previous approved text, back-translation and the reviewer's flag. Only translation, status, note,
 * back-translation and flag are read back; the import refuses a workbook whose Portuguese source differs from
 * today's questionnaire (naming the keys) and any bad cell (naming its row and column). It only ever produces
 * a catalogue: the questionnaire's logic is not in the workbook.
 */
import ExcelJS from 'exceljs';
import { type Catalogue, canonicalEntry, type Entry, STATUSES, type Status } from './catalogue.ts';
import type { LocSite } from './translation-keys.ts';

export const SHEET = 'translations';
export const COLUMNS = [
  { id: 'key', header: 'key', width: 38 },
  { id: 'module', header: 'module', width: 14 },
  { id: 'question', header: 'question', width: 22 },
  { id: 'property', header: 'property', width: 22 },
  { id: 'source', header: 'Portuguese source', width: 50 },
  { id: 'text', header: 'translation', width: 50 },
  { id: 'status', header: 'status', width: 10 },
  { id: 'note', header: 'context note', width: 30 },
  { id: 'previousApproved', header: 'previous approved', width: 30 },
  { id: 'backTranslation', header: 'back-translation', width: 40 },
  { id: 'flag', header: 'back-translation flag', width: 30 },
] as const;
type ColumnId = (typeof COLUMNS)[number]['id'];

const STATUS_LIST = `"${STATUSES.join(',')}"`;
const missingEntry: Entry = { text: '', status: 'missing' };

/** The workbook of `lang`: every string of `sites` (one per key), with its catalogue entry or "missing". */
export async function exportWorkbook(sites: LocSite[], catalogue: Catalogue, lang: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Morabeza';
  const ws = wb.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({
    header: c.id === 'text' ? `translation (${lang})` : c.header,
    key: c.id,
    width: c.width,
  }));
  ws.getRow(1).font = { bold: true };
  for (const s of sites) {
    const e = catalogue[s.key] ?? missingEntry;
    const row = ws.addRow({
      key: s.key,
      module: s.page,
      question: s.element,
      property: s.property,
      source: s.loc.default,
      text: e.text,
      status: e.status,
      note: e.note ?? '',
      previousApproved: e.previousApproved ?? '',
      backTranslation: e.backTranslation ?? '',
      flag: e.flag ?? '',
    });
    row.getCell('status').dataValidation = { type: 'list', allowBlank: false, formulae: [STATUS_LIST] };
  }
  ws.getColumn('source').alignment = { wrapText: true, vertical: 'top' };
  ws.getColumn('text').alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ImportResult {
  catalogue: Catalogue;
  /** keys whose entry changed */
  changed: string[];
  problems: string[];
}

/** The plain text of a cell, or null when it holds something else (a date, an error, a formula result). */
function cellText(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'text' in value && typeof value.text === 'string') return value.text;
  return null;
}

/**
 * The catalogue after a translator's workbook: rows update their keys' entries, keys without a row keep theirs.
 * An approved text that changes is kept as `previousApproved`. Any problem leaves the catalogue unchanged.
 */
export async function importWorkbook(
  data: Buffer | ArrayBuffer,
  sites: LocSite[],
  catalogue: Catalogue,
  lang: string,
): Promise<ImportResult> {
  const wb = new ExcelJS.Workbook();
  const problems: string[] = [];
  const unchanged = (p: string[]): ImportResult => ({ catalogue, changed: [], problems: p });
  try {
    await wb.xlsx.load(data as ArrayBuffer);
  } catch (e) {
    return unchanged([`not an XLSX workbook: ${(e as Error).message}`]);
  }
  const ws = wb.getWorksheet(SHEET);
  if (!ws) return unchanged([`no sheet named "${SHEET}"`]);
  const col = {} as Record<ColumnId, number>;
  const header = ws.getRow(1);
  for (const c of COLUMNS) {
    let found = 0;
    header.eachCell((cell, n) => {
      const h = cellText(cell.value) ?? '';
      if (h === c.header || (c.id === 'text' && h.startsWith('translation'))) found = n;
    });
    if (!found) problems.push(`row 1: column "${c.header}" is missing`);
    col[c.id] = found;
  }
  if (problems.length) return unchanged(problems);
  const textHeader = cellText(header.getCell(col.text).value);
  if (textHeader !== `translation (${lang})`)
    return unchanged([
      `row 1, column ${ws.getColumn(col.text).letter}: "${textHeader}" is not "translation (${lang})": this workbook is for another language`,
    ]);
  const letter = (id: ColumnId) => ws.getColumn(col[id]).letter;

  const byKey = new Map(sites.map((s) => [s.key, s]));
  const next: Catalogue = { ...catalogue };
  const changed: string[] = [];
  const sourceChanged: string[] = [];
  const seen = new Map<string, number>();
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const read = {} as Record<ColumnId, string>;
    let bad = false;
    for (const c of COLUMNS) {
      const t = cellText(row.getCell(col[c.id]).value);
      if (t === null) {
        problems.push(`row ${r}, column ${letter(c.id)} (${c.header}): not plain text`);
        bad = true;
      }
      read[c.id] = t ?? '';
    }
    if (bad) continue;
    if (COLUMNS.every((c) => read[c.id] === '')) continue;
    const where = (id: ColumnId) =>
      `row ${r}, column ${letter(id)} (${COLUMNS.find((c) => c.id === id)?.header})`;
    const site = byKey.get(read.key);
    if (!site) {
      problems.push(`${where('key')}: "${read.key}" is not a string of the questionnaire`);
      continue;
    }
    if (seen.has(read.key)) {
      problems.push(`${where('key')}: "${read.key}" is also on row ${seen.get(read.key)}`);
      continue;
    }
    seen.set(read.key, r);
    if (read.source !== site.loc.default) {
      sourceChanged.push(read.key);
      continue;
    }
    if (!(STATUSES as readonly string[]).includes(read.status)) {
      problems.push(`${where('status')}: "${read.status}" is not one of ${STATUSES.join(', ')}`);
      continue;
    }
    const status = read.status as Status;
    if (status === 'missing' && read.text !== '') {
      problems.push(
        `${where('status')}: "missing" with a translation; choose another status or empty the translation`,
      );
      continue;
    }
    if (status !== 'missing' && read.text === '') {
      problems.push(
        `${where('text')}: empty translation with status "${status}"; write it or set the status to missing`,
      );
      continue;
    }
    const old = catalogue[read.key] ?? missingEntry;
    const entry = canonicalEntry({
      text: read.text,
      status,
      note: read.note,
      previousApproved: old.status === 'approved' && old.text !== read.text ? old.text : old.previousApproved,
      backTranslation: read.backTranslation,
      flag: read.flag,
    });
    if (JSON.stringify(entry) !== JSON.stringify(canonicalEntry(old))) changed.push(read.key);
    next[read.key] = entry;
  }
  if (sourceChanged.length)
    problems.unshift(
      `the Portuguese source changed since this workbook was exported for ${sourceChanged.length} key(s): ${sourceChanged.join(', ')}; export the language again and carry the translations over`,
    );
  if (problems.length) return unchanged(problems);
  // Catalogue order: the questionnaire's, then keys it no longer has (kept for older versions).
  const ordered: Catalogue = {};
  for (const s of sites) if (next[s.key]) ordered[s.key] = next[s.key];
  for (const [k, e] of Object.entries(next)) if (!ordered[k]) ordered[k] = e;
  return { catalogue: ordered, changed, problems };
}
