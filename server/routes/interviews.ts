import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context.ts';
import { interviewEnvelopeSchema } from '../contract/interview.ts';
import { reviewRequestSchema } from '../contract/review.ts';
import { sealedEnvelopeSchema } from '../contract/sealed-envelope.ts';
import { getInterview, listReturned } from '../domain/interview-views.ts';
import { receiveInterview } from '../domain/interviews.ts';
import { reviewInterview } from '../domain/review.ts';
import { envelopeProfileErrors, surveysOf } from '../domain/surveys.ts';
import { allow, requireAuth } from '../middleware/auth.ts';
import { Problem } from '../problems.ts';
import { fieldErrors, parseJson, readBody, readText } from './parse.ts';

export function interviewRoutes(deps: AppDeps) {
  // body size: the API-wide limit (server/middleware/body-limits.ts)
  return new Hono<AppEnv>()
    .use(requireAuth(deps))
    .get('/returned', allow('enumerator'), async (c) =>
      c.json(await listReturned(deps.database.db, c.get('user'))),
    )
    .put('/:interviewId', allow('enumerator'), async (c) => {
      const text = await readText(c);
      const body = parseJson(text);
      // a body with `sealed` is an end-to-end encrypted envelope: answers and paradata are ciphertext
      const sealed = typeof body === 'object' && body !== null && 'sealed' in body;
      const parsed = (sealed ? sealedEnvelopeSchema : interviewEnvelopeSchema).safeParse(body);
      if (!parsed.success) throw new Problem('request.invalid', fieldErrors(parsed.error));
      if (parsed.data.interviewId !== c.req.param('interviewId')) {
        throw new Problem('request.invalid', [
          { field: 'interviewId', message: 'must equal the interview id in the path' },
        ]);
      }
      const misfit = envelopeProfileErrors(surveysOf(deps.database), parsed.data, sealed);
      if (misfit.length) throw new Problem('request.invalid', misfit);
      // an in-process bulk caller says so in its bindings; a tablet's upload over HTTP is 'api'
      const source = c.env?.uploads === 'bulk' ? 'bulk' : 'api';
      const result = await receiveInterview(deps.database, c.get('user'), parsed.data, text, source);
      if (result.httpStatus === 201) deps.kickJobs();
      return c.json(result.receipt, result.httpStatus);
    })
    .get('/:interviewId', async (c) =>
      c.json(await getInterview(deps.database.db, c.get('user'), c.req.param('interviewId'))),
    )
    .post('/:interviewId/review', async (c) => {
      const body = await readBody(c, reviewRequestSchema);
      const result = await reviewInterview(
        deps.database,
        c.get('user'),
        c.req.param('interviewId'),
        body.action,
        body,
      );
      return c.json({ interviewId: c.req.param('interviewId'), ...result });
    });
}
