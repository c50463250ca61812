/**
 * The desks survey's frame, design and profile as the simulator needs them: one row per desk with its
 * register counts per fieldwork week and the sampling interval k of design.json. `loadDesks()` reads
 * questionnaires/desks/ (the only file I/O of the desks simulator); `parseFrameCsv` is pure.
 */
import { readFileSync } from 'node:fs';
import { type SurveyProfile, surveyProfileSchema } from '../../../server/contract/survey-profile.ts';

export interface DeskRow {
  code: string;
  name: string;
  island: string;
  islandCode: number;
  municipality: string;
  municipalityIso: string;
  lat: number;
  lon: number;
  /** Visits the desk's register counted in each fieldwork week. */
  registered: number[];
  total: number;
  /** Languages of service the desk's staff speak (q05_language codes). */
  languages: number[];
  /** The sampling interval: every k-th visitor leaving the desk. */
  k: number;
}

export interface DesksInput {
  desks: DeskRow[];
  profile: SurveyProfile;
  /** Monday of fieldwork week 1 (YYYY-MM-DD). */
  fieldworkStart: string;
}

/** RFC 4180 fields of one line (quoted fields may hold commas and doubled quotes). */
function fields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

interface DesignStratum {
  code: string;
  interval_k: number;
}

export function parseFrameCsv(csv: string, strata: DesignStratum[]): DeskRow[] {
  const [head, ...lines] = csv.trim().split('\n');
  const names = fields(head);
  const weeks = names.filter((n) => /^visits_w\d+$/.test(n));
  const k = new Map(strata.map((s) => [s.code, s.interval_k]));
  return lines.map((line, i) => {
    const v = Object.fromEntries(fields(line).map((x, j) => [names[j], x]));
    const interval = k.get(v.desk_code);
    if (!interval)
      throw new Error(`frame.csv line ${i + 2}: desk ${v.desk_code} has no stratum in design.json`);
    return {
      code: v.desk_code,
      name: v.desk_name,
      island: v.island,
      islandCode: Number(v.island_code),
      municipality: v.municipality,
      municipalityIso: v.municipality_iso,
      lat: Number(v.lat),
      lon: Number(v.lon),
      registered: weeks.map((w) => Number(v[w])),
      languages: v.languages.split(';').map(Number),
      total: Number(v.visits_total),
      k: interval,
    };
  });
}

const DIR = new URL('../../../questionnaires/desks/', import.meta.url);

export function loadDesks(): DesksInput {
  const read = (f: string) => readFileSync(new URL(f, DIR), 'utf8');
  const design = JSON.parse(read('design.json')) as {
    strata: DesignStratum[];
    frame: { fieldwork_start: string };
  };
  return {
    desks: parseFrameCsv(read('frame.csv'), design.strata),
    profile: surveyProfileSchema.parse(JSON.parse(read('profile.json'))),
    fieldworkStart: design.frame.fieldwork_start,
  };
}
