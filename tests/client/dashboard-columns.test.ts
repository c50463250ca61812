/**
 * The dashboard's tables in one language: in Portuguese every header of every table is Portuguese (no
 * "code 11", "% completed", "enumerator", "uploads"), outcome codes carry the survey profile's label, flags
 * their translated label, and the CSV holds the rounded figures the screen shows (33.3, not 33.333...).
 */
import { describe, expect, it } from 'vitest';
import {
  durationColumns,
  flagCodeColumns,
  flagEnumeratorColumns,
  hasPersonStage,
  hasScreeningStage,
  outcomeLabel,
  personRateColumns,
  progressColumns,
  rateColumns,
  rateDefinitionLines,
  screeningRateColumns,
  syncColumns,
} from '../../client/dashboard/dashboard-columns.ts';
import { toCsv } from '../../client/review/csv.ts';
import { STAFF_MESSAGES, type StaffKey } from '../../client/review/messages.ts';
import type { SurveyProfile } from '../../server/contract/survey-profile.ts';

const profile = {
  outcome: {
    variable: 'result',
    codes: [
      { code: 11, aapor: 'I', stage: 'interview', label: { pt: 'Completa', en: 'Complete' } },
      { code: 21, aapor: 'R', stage: 'interview', label: { pt: 'Recusa', en: 'Refusal' } },
    ],
  },
} as unknown as SurveyProfile;
const tOf = (lang: keyof typeof STAFF_MESSAGES) => (k: StaffKey) => STAFF_MESSAGES[lang][k];
const ENGLISH =
  /\b(code|enumerator|completed|interviews|flagged|flags|device|uploads|last_sync|source|median|cases)\b/i;

describe('dashboard tables speak the screen language', () => {
  it('no English header in any Portuguese table', () => {
    const t = tOf('pt');
    const headers = [
      ...progressColumns(t, 'ea'),
      ...rateColumns(t, 'pt', 'stratum', ['11', '21'], profile),
      ...durationColumns(t),
      ...flagCodeColumns(t, 'pt'),
      ...flagEnumeratorColumns(t),
      ...syncColumns(t),
    ].map((c) => c.header);
    for (const h of headers) expect(h).not.toMatch(ENGLISH);
    expect(headers).toContain('Completa (11)');
    expect(headers).toContain('Recusa (21)');
    expect(headers).toContain('% completos');
    for (const line of rateDefinitionLines(t, 'pt', profile))
      expect(line).not.toMatch(/\b(eligible|scope|among)\b/);
  });

  it('the rate definitions in each of pt, en, fr and kea, from that language catalogue alone', () => {
    const seen = new Set<string>();
    for (const lang of ['pt', 'en', 'fr', 'kea'] as const) {
      const t = (k: StaffKey) => STAFF_MESSAGES[lang][k];
      const lines = rateDefinitionLines(t, lang, profile);
      expect(lines).toContain(STAFF_MESSAGES[lang]['dash.def.scope']);
      expect(lines.join('\n')).toContain(`${STAFF_MESSAGES[lang]['dash.def.codes']}: I = `);
      seen.add(lines.join('\n'));
    }
    expect(seen.size).toBe(4);
  });

  it('an outcome label in the screen language, else the profile first language, else the bare code', () => {
    expect(outcomeLabel(profile, '21', 'en')).toBe('Refusal (21)');
    expect(outcomeLabel(profile, '21', 'fr')).toBe('Recusa (21)');
    expect(outcomeLabel(profile, '99', 'pt')).toBe('99');
  });

  it('flags by their label, not the code', () => {
    const [flag] = flagCodeColumns(tOf('pt'), 'pt');
    const row = { code: 'quality.gps_missing', source: 'quality', interviews: 3 };
    expect(flag?.value(row)).toBe('Não foi registada posição GPS.');
  });

  it('the CSV holds rounded rates, percentages and minutes', () => {
    const t = tOf('en');
    const rates = {
      key: 'total',
      cases: 3,
      codes: { '11': 1, '21': 2 },
      ...{ I: 1, P: 0, R: 2, NC: 0, O: 0, UH: 0, UO: 0, NE: 0 },
      e: 2 / 3,
      eUH: null,
      eUO: null,
      rr1: 1 / 3,
      rr2: 1 / 3,
      rr3: 1 / 3,
      weighted: { e: 0.6, eUH: null, eUO: null, rr1: 1 / 4, rr2: 0.3, rr3: 2 / 7 },
      screening: null,
      person: null,
      overall: null,
    };
    const columns = rateColumns(t, 'en', 'stratum', ['11', '21'], profile);
    // the weighted e beside the weighted rates, in each language's word for "weighted"
    expect(columns.slice(-4).map((c) => c.header)).toEqual(['e wtd', 'RR1 % wtd', 'RR2 % wtd', 'RR3 % wtd']);
    for (const lang of ['pt', 'fr', 'kea'] as const)
      expect(rateColumns(tOf(lang), lang, 'stratum', [], profile).map((c) => c.header)).toContain('e pond.');
    const csv = toCsv([rates], columns);
    expect(csv.split('\r\n')[1]).toBe('total,3,1,2,33.3,33.3,33.3,0.667,0.6,25,30,28.6');
    const d = {
      enumerator: 'e1',
      n: 3,
      median: 41.26,
      p25: 30.04,
      p75: 50.55,
      min: 12.345,
      max: 60,
      short: 0,
    };
    expect(toCsv([d], durationColumns(t)).split('\r\n')[1]).toBe('e1,3,41.3,30,50.6,12.3,60,0');
  });

  it('a profile marking NE codes that are no household: the household table shows e UH and e UO', () => {
    const t = tOf('en');
    const marked = {
      ...profile,
      outcome: {
        variable: 'result',
        codes: [
          ...profile.outcome.codes,
          { code: 2, aapor: 'NE', label: { pt: 'Não elegível', en: 'Ineligible' } },
          { code: 5, aapor: 'NE', household: false, label: { pt: 'Vago', en: 'Vacant' } },
        ],
      },
    } as unknown as SurveyProfile;
    const row = {
      ...{ key: 'total', cases: 4, codes: { '11': 1, '21': 1, '2': 1, '5': 1 } },
      ...{ I: 1, P: 0, R: 1, NC: 0, O: 0, UH: 0, UO: 0, NE: 2, e: 1 / 2, eUH: 4 / 9, eUO: 2 / 3 },
      ...{ rr1: 1 / 2, rr2: 1 / 2, rr3: 1 / 2, screening: null, person: null, overall: null },
      weighted: { e: 0.5, eUH: 0.4, eUO: 2 / 3, rr1: 0.5, rr2: 0.5, rr3: 0.5 },
    };
    const columns = rateColumns(t, 'en', 'stratum', ['11', '21'], marked);
    const headers = columns.map((c) => c.header);
    expect(headers).toContain('e UH');
    expect(headers).toContain('e UO');
    expect(headers).not.toContain('e');
    expect(headers).toContain('e UH wtd');
    expect(headers).toContain('e UO wtd');
    expect(headers).not.toContain('e wtd');
    expect(toCsv([row], columns).split('\r\n')[1]).toBe(
      'total,4,1,1,50,50,50,0.444,0.667,0.4,0.667,50,50,50',
    );
    const lines = rateDefinitionLines(t, 'en', marked);
    expect(lines).toContain(STAFF_MESSAGES.en['dash.def.rr3Split']);
    expect(lines).not.toContain(STAFF_MESSAGES.en['dash.def.rr3']);
    for (const lang of ['pt', 'en', 'fr', 'kea'] as const)
      expect(STAFF_MESSAGES[lang]['dash.def.rr3Split']).toContain(
        '(I + P + R + NC + O) / (I + P + R + NC + O + NE − NX)',
      );
    // unmarked: one e
    expect(rateColumns(t, 'en', 'stratum', ['11', '21'], profile).map((c) => c.header)).toContain('e');
    expect(rateDefinitionLines(t, 'en', profile)).toContain(STAFF_MESSAGES.en['dash.def.rr3']);
  });

  it('a survey that interviews persons: the person and overall rates table, and their definitions', () => {
    const twoStage = {
      ...profile,
      roster: {
        personResult: {
          codes: [
            { code: 31, aapor: 'I', label: { pt: 'Completa', en: 'Complete' } },
            { code: 33, aapor: 'R', label: { pt: 'Recusa', en: 'Refused' } },
          ],
        },
      },
    } as unknown as SurveyProfile;
    const t = tOf('pt');
    const row = {
      key: 'total',
      cases: 2,
      codes: { '11': 2 },
      ...{ I: 2, P: 0, R: 0, NC: 0, O: 0, UH: 0, UO: 0, NE: 0 },
      e: 1,
      eUH: null,
      eUO: null,
      rr1: 1,
      rr2: 1,
      rr3: 1,
      screening: null,
      weighted: { e: 1, eUH: null, eUO: null, rr1: 1, rr2: 1, rr3: 1 },
      person: {
        ...{ households: 2, persons: 3, I: 2, P: 0, R: 1, NC: 0, O: 0, X: 0, rr1: 2 / 3, rr2: 2 / 3 },
        weighted: { rr1: 0.6, rr2: 0.65 },
      },
      overall: { rr1: 2 / 3, rr2: 2 / 3, rr3: 2 / 3, weighted: { rr1: 0.6, rr2: 0.65, rr3: 0.6 } },
    };
    const columns = personRateColumns(t, 'team');
    expect(columns.map((c) => c.header)).toEqual([
      'equipa',
      'Pessoas (entrevista individual)',
      'I',
      'P',
      'R',
      'NC',
      'O',
      'X',
      'Pessoa RR1 %',
      'Pessoa RR2 %',
      'Pessoa RR1 % pond.',
      'Pessoa RR2 % pond.',
      'Global RR1 %',
      'Global RR2 %',
      'Global RR3 %',
      'Global RR1 % pond.',
      'Global RR2 % pond.',
      'Global RR3 % pond.',
    ]);
    expect(toCsv([row], columns).split('\r\n')[1]).toBe(
      'total,3,2,0,1,0,0,0,66.7,66.7,60,65,66.7,66.7,66.7,60,65,60',
    );
    expect(hasPersonStage(twoStage)).toBe(true);
    const lines = rateDefinitionLines(t, 'pt', twoStage);
    expect(lines).toContain(STAFF_MESSAGES.pt['dash.def.overall']);
    expect(lines).toContain('Códigos de resultado individual por classe: I = Completa (31); R = Recusa (33)');
    // a survey without a person stage shows neither the table nor the definitions
    expect(hasPersonStage(profile)).toBe(false);
    expect(rateDefinitionLines(t, 'pt', profile)).not.toContain(STAFF_MESSAGES.pt['dash.def.overall']);
  });

  it('a survey that lists its units: the screening table with e of UH and of UO and the overall rates', () => {
    const listed = {
      ...profile,
      outcome: {
        variable: 'result',
        codes: [
          ...profile.outcome.codes,
          { code: 3, aapor: 'UH', stage: 'screening', label: { pt: 'Sem contacto', en: 'No contact' } },
          { code: 8, aapor: 'UO', stage: 'screening', label: { pt: 'Não sabe', en: "Don't know" } },
        ],
      },
      listing: { eligible: [1], ineligible: [2], unknown: [3], outOfScope: [5] },
    } as unknown as SurveyProfile;
    const t = tOf('pt');
    const row = {
      key: 'total',
      cases: 2,
      codes: { '11': 2 },
      ...{ I: 2, P: 0, R: 0, NC: 0, O: 0, UH: 0, UO: 0, NE: 0 },
      e: 1,
      eUH: null,
      eUO: null,
      rr1: 1,
      rr2: 1,
      rr3: 1,
      weighted: null,
      screening: {
        listings: 2,
        E: 6,
        I: 3,
        OOS: 2,
        UH: 2,
        UO: 1,
        U: 3,
        eUH: 5 / 9,
        eUO: 2 / 3,
        rr1: 2 / 3,
        rr3: 27 / 35,
        weighted: { eUH: 0.5, eUO: 0.6, rr1: 0.7, rr3: 0.75 },
      },
      person: null,
      overall: { rr1: 2 / 3, rr2: 2 / 3, rr3: 27 / 35, weighted: null },
    };
    const columns = screeningRateColumns(t, 'ea', true);
    expect(columns.map((c) => c.header)).toEqual([
      'DR',
      'Listagens',
      'Elegíveis (E)',
      'Não elegíveis (I)',
      'Fora do âmbito (OOS)',
      'Desconhecido se é agregado (UH)',
      'Agregado, elegibilidade desconhecida (UO)',
      'Triagem e UH',
      'Triagem e UO',
      'Triagem RR1 %',
      'Triagem RR3 %',
      'Triagem e UH pond.',
      'Triagem e UO pond.',
      'Triagem RR1 % pond.',
      'Triagem RR3 % pond.',
      'Global RR1 %',
      'Global RR2 %',
      'Global RR3 %',
      'Global RR1 % pond.',
      'Global RR2 % pond.',
      'Global RR3 % pond.',
    ]);
    expect(toCsv([row], columns).split('\r\n')[1]).toBe(
      'total,2,6,3,2,2,1,0.556,0.667,66.7,77.1,0.5,0.6,70,75,66.7,66.7,77.1,,,',
    );
    // with a person table beside it, the overall rates are that table's
    expect(screeningRateColumns(t, 'ea', false)).toHaveLength(15);
    expect(hasScreeningStage(listed)).toBe(true);
    expect(hasScreeningStage(profile)).toBe(false);
    const lines = rateDefinitionLines(t, 'pt', listed);
    expect(lines).toContain(STAFF_MESSAGES.pt['dash.def.screening']);
    expect(lines).toContain(STAFF_MESSAGES.pt['dash.def.overall']);
    expect(lines.join('\n')).toContain('UH = Sem contacto (3); UO = Não sabe (8)');
    for (const lang of ['en', 'fr', 'kea'] as const)
      for (const formula of [
        'E / (E + I)',
        '(E + I + UO) / (E + I + UO + OOS)',
        'E / (E + e UH·UH + e UO·UO)',
      ])
        expect(STAFF_MESSAGES[lang]['dash.def.screening']).toContain(formula);
    // the weighted rates' definition, in every language of the dashboard
    expect(lines).toContain(STAFF_MESSAGES.pt['dash.def.weighted']);
    for (const lang of ['pt', 'en', 'fr', 'kea'] as const)
      expect(STAFF_MESSAGES[lang]['dash.def.weighted']).toContain('1 / (pi1 × pi2)');
    // a survey without a listing shows neither the screening definition nor, without persons, the overall one
    expect(rateDefinitionLines(t, 'pt', profile)).not.toContain(STAFF_MESSAGES.pt['dash.def.screening']);
  });
});
