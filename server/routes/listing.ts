import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context.ts';
import { listingSubmissionSchema } from '../contract/listing.ts';
import { listingCounts, recordListing } from '../domain/listing.ts';
import { allow, requireAuth } from '../middleware/auth.ts';
import { readBody } from './parse.ts';

/** POST /api/listings/:eaCode records an EA's listing and creates its households' assignments. */
export function listingRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(requireAuth(deps), allow('supervisor', 'coordinator', 'admin'))
    .get('/', async (c) => c.json(await listingCounts(deps.database, c.get('user'))))
    .post('/:eaCode', async (c) => {
      const body = await readBody(c, listingSubmissionSchema);
      const result = await recordListing(deps.database, c.get('user'), c.req.param('eaCode'), body);
      return c.json(result, 201);
    });
}
