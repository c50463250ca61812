/**
 * The dashboard's map layer, from the database only (no map tiles: the screen works offline): the centroid
 * of every enumeration area with fieldwork in scope (from the sampling frame, enumeration_areas) and the GPS
 * position each interview's current revision recorded (paradata.gps, status "ok"), marked complete or not.
 * An interview without a fix, or with a position outside the globe, is left out; sealed revisions have no
 * readable paradata and are left out too.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Dashboard } from '../contract/dashboard.ts';
import type { Db } from '../db/client.ts';
import { jsonField } from '../db/json-field.ts';

const onGlobe = (lat: unknown, lon: unknown): boolean =>
  typeof lat === 'number' &&
  typeof lon === 'number' &&
  Number.isFinite(lat) &&
  Number.isFinite(lon) &&
  Math.abs(lat) <= 90 &&
  Math.abs(lon) <= 180;

/** `assignmentScope` over `a` (assignments), `interviewScope` over `i` (interviews), as the dashboard's. */
export async function fieldworkMap(
  db: Db,
  scope: { assignment: SQL; interview: SQL },
  complete: Set<number>,
): Promise<Dashboard['map']> {
  const eas = await db.all<{ code: string; lat: number | null; lon: number | null }>(sql`
    select distinct ea.code, ea.centroid_lat as lat, ea.centroid_lon as lon
    from assignments a
    join households h on h.id = a.household_id
    join enumeration_areas ea on ea.code = h.ea_code
    where ${scope.assignment} and ea.centroid_lat is not null and ea.centroid_lon is not null
    order by ea.code`);
  const points = await db.all<{
    ea_code: string;
    outcome: number;
    status: string | null;
    lat: unknown;
    lon: unknown;
  }>(sql`
    select h.ea_code, i.outcome,
      ${jsonField(sql`r.envelope`, '$.paradata.gps.status')} as status,
      ${jsonField(sql`r.envelope`, '$.paradata.gps.latitude')} as lat,
      ${jsonField(sql`r.envelope`, '$.paradata.gps.longitude')} as lon
    from interviews i
    join interview_revisions r on r.interview_id = i.id and r.revision = i.current_revision
    join assignments a on a.id = i.assignment_id
    join households h on h.id = a.household_id
    where ${scope.interview}
    order by i.id`);
  return {
    eas: eas.flatMap((e) =>
      onGlobe(e.lat, e.lon) ? [{ code: e.code, lat: e.lat as number, lon: e.lon as number }] : [],
    ),
    points: points.flatMap((p) =>
      p.status === 'ok' && onGlobe(p.lat, p.lon)
        ? [
            {
              eaCode: p.ea_code,
              lat: p.lat as number,
              lon: p.lon as number,
              complete: complete.has(p.outcome),
            },
          ]
        : [],
    ),
  };
}
