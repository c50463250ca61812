/**
 * A release never changes, office codes included: its microdata carry the codes as they were when it
 * was published (a code given or changed afterwards goes into the next release; a code cleared before
 * it is missing there), on a node whose
 * weighting is the fixture's (tests/helpers/weighed-app.ts) under the real IPEI profile.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseSchema } from '../../server/contract/releases.ts';
import { officeCodes } from '../../server/db/schema.ts';
import { createTestContext, type TestContext } from '../helpers/server.ts';
import { finalState, stubWeigh, type WeighedNode, weighedNode } from '../helpers/weighed-app.ts';

const REPO_QUESTIONNAIRES = fileURLToPath(new URL('../../questionnaires', import.meta.url));
let ctx: TestContext;
let node: WeighedNode;

beforeAll(async () => {
  ctx = await createTestContext({}, { surveyDirs: [REPO_QUESTIONNAIRES] });
  node = weighedNode(
    ctx.database,
    stubWeigh(() => 1),
  );
});
afterAll(async () => ctx.close());

const code = (textKey: string, value: string, codedAt: number) =>
  ctx.database.db.insert(officeCodes).values({
    survey: 'ipei',
    pair: 'g08_occupation',
    textKey,
    code: value,
    codedBy: ctx.userIds.coord,
    codedAt,
  });

describe('office codes in a release', () => {
  it('are those given before it was published', async () => {
    const analyst = await ctx.token('analyst');
    expect((await node.call('POST', '/api/weighting/ipei', analyst)).status).toBe(202);
    const run = (await finalState(node, analyst, 'ipei')).runId as number;
    await code('comerciante', '52', Date.now() - 60_000);
    // the masons coded, then the code cleared (the empty code), before publication: no code
    await code('pedreiro', '71', Date.now() - 50_000);
    await code('pedreiro', '', Date.now() - 40_000);
    const res = await node.call('POST', '/api/releases/ipei', await ctx.token('coord'), {
      run,
      name: 'With office codes',
      date: '2026-12-07',
    });
    expect(res.status).toBe(201);
    const release = releaseSchema.parse(await res.json());
    const published = Date.parse(release.publishedAt);
    // after publication: a new group coded, and the traders recoded
    await code('pedreiro', '71', published + 1000);
    await code('comerciante', '95', published + 2000);

    const column = async (query: string) => {
      const r = await node.call('GET', `/api/analysis/ipei/microdata/csv/persons.csv${query}`, analyst);
      expect(r.status).toBe(200);
      const rows = (await r.text()).trim().split('\n');
      const at = rows[0].split(',').indexOf('g08a_isco_office');
      return rows.slice(1).map((row) => row.split(',')[at]);
    };
    const tally = (values: string[]) =>
      Object.fromEntries(['52', '71', '95'].map((c) => [c, values.filter((v) => v === c).length]));
    const released = await column(`?release=${release.id}`);
    expect(tally(released)).toEqual({ 52: 35, 71: 0, 95: 0 });
    // everyone but the traders has no office code, the cleared masons included (not a code of 0)
    expect(released.filter((v) => v === '')).toHaveLength(168 - 35);
    // the default is the latest release: the same codes
    expect(tally(await column(''))).toEqual({ 52: 35, 71: 0, 95: 0 });
  });
});
