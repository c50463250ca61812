/**
 * A failed run's reason as GET /api/weighting/:survey gives it, for the failures around the pipeline: a
 * replicate thread that ended keeps its code (`weighting.replicates`) and its structured detail through
 * the database, and a run interrupted by a restart (its reason written by one SQL update) is read back
 * with its detail (`run.interrupted`); so the failed-run banner reads whole in each staff language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detailText } from '../../analysis/weighting/failure-text.ts';
import { weightingError } from '../../analysis/weighting/index.ts';
import { weightingFailureText } from '../../client/analyst/weighting-failure-text.ts';
import { type RunError, weightingStatusSchema } from '../../server/contract/weighting.ts';
import { createTestContext, type TestContext } from '../helpers/server.ts';
import { finalState, weighedNode } from '../helpers/weighed-app.ts';

let ctx: TestContext;
let analyst: string;

beforeAll(async () => {
  ctx = await createTestContext();
  analyst = await ctx.token('analyst');
});
afterAll(async () => ctx.close());

describe("a failed run's reason in the staff's languages", () => {
  it('keeps a stopped replicate thread’s code and detail', async () => {
    const node = weighedNode(ctx.database, async () => {
      throw weightingError('thread.exit', { exit: 1 });
    });
    expect((await node.call('POST', '/api/weighting/ipei', analyst)).status).toBe(202);
    const status = weightingStatusSchema.parse(await finalState(node, analyst, 'ipei'));
    expect(status.state).toBe('failed');
    const error = status.error as RunError;
    expect(error).toMatchObject({
      code: 'weighting.replicates',
      details: 'A replicate thread ended with code 1 before finishing its replicates.',
      detail: { key: 'thread.exit', params: { exit: 1 } },
    });
    expect(weightingFailureText('fr', error)).toBe(
      "La dernière pondération a échoué. Un processus qui calculait les poids répliqués s'est arrêté : relancez et prévenez l'administrateur si cela se reproduit. (Un processus des poids répliqués s'est terminé avec le code 1 avant de finir ses répliques.)",
    );
    expect(weightingFailureText('pt', error)).not.toContain(error.details);
  });

  it('says a run interrupted by a restart in each language', async () => {
    await ctx.database.client.execute(
      `insert into weighting_runs (survey, state, node, heartbeat_at) values
         ('ipei', 'running', 'gone', cast(unixepoch('subsec') * 1000 as integer) - 60000)`,
    );
    const node = weighedNode(
      ctx.database,
      async () => {
        throw new Error('not called');
      },
      { staleMs: 1000 },
    );
    const status = weightingStatusSchema.parse(
      await (await node.call('GET', '/api/weighting/ipei', analyst)).json(),
    );
    expect(status.state).toBe('failed');
    const error = status.error as RunError;
    expect(error).toMatchObject({
      code: 'weighting.interrupted',
      details: 'interrupted by a restart',
      detail: { key: 'run.interrupted', params: {} },
    });
    for (const lang of ['pt', 'fr', 'kea'] as const) {
      const text = weightingFailureText(lang, error);
      expect(text, lang).toContain(`(${detailText(lang, error.detail as never)})`);
      expect(text, lang).not.toContain('interrupted by a restart');
    }
    expect(weightingFailureText('kea', error)).toBe(
      'Últimu ponderason falha. Servidor torna kumesa duranti ponderason: kumesa-l otu bes. (interompidu pamodi servidor torna kumesa)',
    );
  });
});
