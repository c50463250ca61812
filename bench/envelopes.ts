/**
 * Realistic IPEI-sized interview envelopes (10-20 KB): a household roster of 2-6 members, individual
 * modules for the eligible ones, and paradata with per-page and per-question timings.
 */
import { randomUUID } from 'node:crypto';
import type { InterviewEnvelope } from '../server/contract/interview.ts';

const NATIONALITIES = ['GW', 'SN', 'GN', 'NG', 'PT', 'CN', 'ST', 'BR', 'IT', 'GH'];
const LANGS = ['pt', 'kea', 'fr', 'en', 'wo', 'zh-Hans'] as const;

/** mulberry32: small, fast, well mixed even for consecutive seeds. */
function rng(seed: number) {
  let s = (seed * 2654435761) >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 2 ** 32;
  };
}

export function makeEnvelope(
  assignmentId: string,
  seed: number,
  questionnaireId = 'ipei-household',
): InterviewEnvelope {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const members = 2 + Math.floor(r() * 4);
  const roster = Array.from({ length: members }, (_, i) => {
    const age = i === 0 ? 25 + Math.floor(r() * 40) : Math.floor(r() * 70);
    return {
      c02_name: `Membro ${i + 1} ${pick(['Mendes', 'Diallo', 'Silva', 'Wang', 'Okafor', 'Ndiaye'])}`,
      c03_relationship: i === 0 ? 1 : 2 + Math.floor(r() * 8),
      c04_sex: 1 + Math.floor(r() * 2),
      c05_age: age,
      c06_birth_country: pick(NATIONALITIES),
      c07_nationalities: [pick(NATIONALITIES), ...(r() < 0.2 ? ['CV'] : [])],
      c08_first_nationality: pick(NATIONALITIES),
      c09_year_arrival: 1990 + Math.floor(r() * 32),
      c10_usual_resident: 1,
      c11_present_last_night: r() < 0.9 ? 1 : 2,
      c12_eligible: age >= 15 ? 1 : 0,
    };
  });
  const individuals = roster
    .filter((m) => m.c05_age >= 15)
    .map((m, i) => ({
      person_line: i + 1,
      d01_reason_migration: 1 + Math.floor(r() * 8),
      d02_year_first_arrival: m.c09_year_arrival,
      d03_previous_countries: [pick(NATIONALITIES)],
      d04_intends_stay: 1 + Math.floor(r() * 4),
      e01_residence_permit: 1 + Math.floor(r() * 5),
      e02_permit_type: 1 + Math.floor(r() * 6),
      e03_permit_expiry_year: 2023 + Math.floor(r() * 5),
      f01_education_level: 1 + Math.floor(r() * 8),
      f02_languages: ['pt', 'kea', pick(['fr', 'en', 'wo', 'zh'])],
      f03_portuguese_level: 1 + Math.floor(r() * 4),
      g01_worked_last_week: 1 + Math.floor(r() * 2),
      g02_temporarily_absent: 2,
      g03_looked_for_work: 2,
      g04_available: 1,
      g05_isco: String(1 + Math.floor(r() * 9)),
      g06_isic: pick(['A', 'C', 'F', 'G', 'I', 'O', 'P', 'Q', 'T']),
      g07_icse: 1 + Math.floor(r() * 10),
      g08_hours: 20 + Math.floor(r() * 40),
      g09_income_cve: Math.floor(15000 + r() * 120000),
      h01_sends_remittances: 1 + Math.floor(r() * 2),
      h02_remittance_amount: Math.floor(r() * 30000),
      h03_remittance_channel: 1 + Math.floor(r() * 5),
      i01_health_access: 1 + Math.floor(r() * 3),
      i02_health_insurance: 1 + Math.floor(r() * 2),
      j01_discrimination: 1 + Math.floor(r() * 3),
      j02_discrimination_where: [1 + Math.floor(r() * 6)],
      k01_belonging: 1 + Math.floor(r() * 5),
      l01_intention_5y: 1 + Math.floor(r() * 4),
      proxy: r() < 0.15 ? 1 : 0,
    }));
  const pages = [
    'cover',
    'consent',
    'roster',
    'migration',
    'status',
    'education',
    'labour',
    'remittances',
    'health',
    'integration',
    'closing',
  ];
  const started = Date.UTC(2026, 8, 1 + Math.floor(r() * 40), 8 + Math.floor(r() * 10), Math.floor(r() * 60));
  const questions: Record<string, number> = {};
  for (const key of Object.keys(roster[0]).concat(Object.keys(individuals[0] ?? {})))
    questions[key] = Math.floor(2000 + r() * 30000);
  // the answer log: one event per answer given, as the tablet's paradata records it
  const events: Array<{ q: string; at: number; page: string }> = [];
  let t = started;
  const answered = [
    ...roster.flatMap((m, i) => Object.keys(m).map((k) => `roster[${i}].${k}`)),
    ...individuals.flatMap((m, i) => Object.keys(m).map((k) => `individuals[${i}].${k}`)),
  ];
  for (const q of answered) {
    t += Math.floor(2000 + r() * 20000);
    events.push({ q, at: t, page: pick(pages) });
  }
  return {
    interviewId: randomUUID(),
    revision: 1,
    questionnaireId,
    questionnaireVersion: 1,
    assignmentId,
    answers: {
      b01_consent: 1,
      b03_language: pick(LANGS),
      c01_household_size: members,
      roster,
      individuals,
      z02_observations: 'Entrevista decorreu normalmente; agregado colaborante. '.repeat(2),
    },
    paradata: {
      visits: [{ at: new Date(started).toISOString(), result: 'interview' }],
      pages: pages.map((p) => ({ page: p, ms: Math.floor(30_000 + r() * 300_000), visits: 1 })),
      questions,
      events,
      languageSwitches:
        r() < 0.1 ? [{ from: 'pt', to: 'fr', at: new Date(started + 60_000).toISOString() }] : [],
      gps: {
        lat: 14.92 + r() / 100,
        lon: -23.51 + r() / 100,
        accuracy: 5 + r() * 20,
        at: new Date(started).toISOString(),
      },
      device: {
        id: `tablet-${Math.floor(r() * 40)}`,
        userAgent: 'Mozilla/5.0 (Linux; Android 13; SM-X200) Chrome/131',
      },
    },
    outcome: 11,
    locale: pick(LANGS),
    startedAt: new Date(started).toISOString(),
    completedAt: new Date(started + 45 * 60_000).toISOString(),
    deviceId: `tablet-${Math.floor(r() * 40)}`,
  };
}
