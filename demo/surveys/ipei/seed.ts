/**
 * The IPEI-DEMO survey in the demo (ipei.md 5.4-5.6): the 814-EA frame with the 120 EAs drawn by
 * systematic PPS (analysis/sampling), each selected EA's synthetic listing of households (listing.ts, in
 * listing.v2) and its selected households as assignments, then (optionally) the simulated interviews through the in-process API, and
 * last a reserve household for each of enumerator1-3 to start (practice.ts; never weighted).
 * Synthetic data, not official statistics. demo/seed.ts calls `seed` after the accounts exist.
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import {
  parseFrameCsv,
  type SamplingDesign,
  type FrameRow as SamplingFrameRow,
  selectSample,
} from '../../../analysis/sampling/index.ts';
import { type ListingSubmission, listingSubmissionSchema } from '../../../server/contract/listing.ts';
import { enumerationAreas, questionnaireVersions } from '../../../server/db/schema.ts';
import { audit } from '../../../server/domain/audit.ts';
import { recordListing } from '../../../server/domain/listing.ts';
import type { DemoSurvey } from '../types.ts';
import { simulateFieldwork } from './fieldwork.ts';
import type { FrameRow } from './frame-row.ts';
import { PRACTICE_ENUMERATORS, seedPracticeAssignments } from './practice.ts';
import { DEMO_TEAMS, teamOfStratum } from './staff.ts';

export const DEMO_QUESTIONNAIRE = 'ipei-household';
export const DEMO_SEED = 20221215;
const IPEI_DIR = new URL('../../../questionnaires/ipei/', import.meta.url);

export function loadIpeiFrame(): { rows: FrameRow[]; design: SamplingDesign } {
  return {
    rows: parseFrameCsv(readFileSync(new URL('frame.csv', IPEI_DIR), 'utf8')) as unknown as FrameRow[],
    design: JSON.parse(readFileSync(new URL('design.json', IPEI_DIR), 'utf8')),
  };
}

export const ipeiDemo: DemoSurvey = {
  survey: 'ipei',
  teams: DEMO_TEAMS,
  async seed({ database, api, password, coordinator, fieldwork, maxEas, log }) {
    // The first stage: all 814 EAs, the 120 selected with pi1 and their team.
    const { rows, design } = loadIpeiFrame();
    const sample = selectSample(rows as unknown as SamplingFrameRow[], design, DEMO_SEED);
    const selected = new Map(sample.selected.map((u) => [u.id, u]));
    await database.write(async (tx) => {
      for (let k = 0; k < rows.length; k += 200) {
        await tx.insert(enumerationAreas).values(
          rows.slice(k, k + 200).map((r) => {
            const s = selected.get(r.ea_id);
            return {
              code: r.ea_id,
              stratum: r.stratum,
              island: r.island,
              municipality: r.municipality_iso,
              urbanRural: r.urban_rural,
              measureOfSize: r.foreign_persons_2021,
              pi1: s ? s.pi1 : null,
              certainty: s?.certainty ?? false,
              centroidLat: r.centroid_lat,
              centroidLon: r.centroid_lon,
              teamId: s ? teamOfStratum(r.stratum).id : null,
            };
          }),
        );
      }
      await audit(tx, {
        actorId: null,
        action: 'demo.sample-seeded',
        entityType: 'survey',
        entityId: 'ipei',
        details: { eas: rows.length, selected: sample.selected.length },
      });
    });
    const household = await database.db.query.questionnaireVersions.findFirst({
      where: eq(questionnaireVersions.questionnaireId, DEMO_QUESTIONNAIRE),
    });
    if (!household) return [];

    const byId = new Map(rows.map((r) => [r.ea_id, r]));
    const eas = sample.selected
      .slice(0, maxEas ?? sample.selected.length)
      .map((u) => ({ row: byId.get(u.id) as FrameRow }));
    const listing = (eaCode: string, body: ListingSubmission) =>
      recordListing(database, coordinator, eaCode, listingSubmissionSchema.parse(body));
    const summary = await simulateFieldwork(api, {
      seed: DEMO_SEED,
      password,
      eas,
      listing,
      interviews: fieldwork,
      log,
    });
    // after the fieldwork: a reserve household each for enumerator1-3 to start (never weighted)
    const practice = await seedPracticeAssignments(database, DEMO_QUESTIONNAIRE);
    log?.(`practice assignments for ${PRACTICE_ENUMERATORS.join(', ')}: ${practice.join(', ')}`);
    return fieldwork ? summary.pending : [];
  },
};
