/**
 * What a survey brings to the demo: its field staff (teams of supervisors and enumerators, created as
 * demo accounts by demo/seed.ts) and a `seed` that lays out its sample, listings and assignments and,
 * when asked, plays its fieldwork through the in-process API, returning the supervisors' decisions still
 * to apply once the interviews are validated. A second survey adds its own folder under demo/surveys/
 * and one line in demo/surveys/index.ts.
 */
import type { Database } from '../../server/db/client.ts';
import type { Api, PendingReview } from './ipei/fieldwork.ts';
import type { DemoTeam } from './ipei/staff.ts';

export type { Api, DemoTeam, PendingReview };

export interface DemoSeedContext {
  database: Database;
  /** The engine's API in-process (app.request), for the simulated enumerators and supervisors. */
  api: Api;
  password: string;
  /** The coordinator's account, for the steps the seed records in the domain directly (listings). */
  coordinator: { id: string; username: string; displayName: string; role: 'coordinator'; teamId: null };
  /** Play the interviews too (otherwise the sample, listings and assignments only). */
  fieldwork: boolean;
  /** Only the first n selected units get fieldwork (tests). */
  maxEas?: number;
  log?: (line: string) => void;
}

export interface DemoSurvey {
  /** The survey id (questionnaires/<survey>/, the weighting run's survey). */
  survey: string;
  teams: DemoTeam[];
  seed: (context: DemoSeedContext) => Promise<PendingReview[]>;
}
