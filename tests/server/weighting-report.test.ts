/**
 * GET /api/weighting/:survey/report in a language: without ?lang the Markdown the run wrote; with
 * ?lang=pt|en|fr|kea the stored report written again in that language (its title naming the survey and the
 * design's notice); with &format=json the blocks the analyst screen renders; a bad lang or format is a
 * 422 naming the field. The run's computation is the fixture's, its report the small example's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWeighting } from '../../analysis/weighting/index.ts';
import { weightingReportSchema } from '../../server/contract/weighting.ts';
import { households, persons, recipe } from '../analysis/weighting/small-example.ts';
import { createTestContext, type TestContext } from '../helpers/server.ts';
import { finalState, stubWeigh, type WeighedNode, weighedNode } from '../helpers/weighed-app.ts';

let ctx: TestContext;
let node: WeighedNode;
let analyst: string;
const report = runWeighting(households, persons, recipe, null).report;

beforeAll(async () => {
  ctx = await createTestContext();
  const weigh = stubWeigh(() => 1);
  node = weighedNode(ctx.database, async (inputs, options, signal) => ({
    ...(await weigh(inputs, options, signal)),
    report: { survey: options.survey, notice: 'Synthetic data', ...report },
  }));
  analyst = await ctx.token('analyst');
  expect((await node.call('POST', '/api/weighting/ipei', analyst)).status).toBe(202);
  expect((await finalState(node, analyst, 'ipei')).state).toBe('done');
});
afterAll(async () => ctx.close());

const get = (path: string) => node.call('GET', path, analyst);

describe('the weighting report in a language', () => {
  it('serves the Markdown the run wrote when no language is asked', async () => {
    expect(await (await get('/api/weighting/ipei/report')).text()).toBe('# run with factor 1\n');
  });

  it('writes the stored report again in Portuguese and in English', async () => {
    const pt = await get('/api/weighting/ipei/report?lang=pt');
    expect(pt.status).toBe(200);
    expect(pt.headers.get('content-type')).toMatch(/^text\/markdown/);
    const text = await pt.text();
    expect(text.startsWith('# Relatório de ponderação: ipei (Synthetic data)\n\n## Amostra\n')).toBe(true);
    expect(text).toContain(`Unidades selecionadas ${report.sample.households}:`);
    const en = await (await get('/api/weighting/ipei/report?lang=en')).text();
    expect(en.startsWith('# Weighting report: ipei (Synthetic data)\n\n## Sample\n')).toBe(true);
  });

  it('writes it in French and in Kriolu too', async () => {
    const fr = await get('/api/weighting/ipei/report?lang=fr');
    expect(fr.status).toBe(200);
    expect(
      (await fr.text()).startsWith('# Rapport de pondération : ipei (Synthetic data)\n\n## Échantillon\n'),
    ).toBe(true);
    const kea = await (await get('/api/weighting/ipei/report?lang=kea')).text();
    expect(kea.startsWith('# Relatóriu di ponderason: ipei (Synthetic data)\n\n## Amostra\n')).toBe(true);
  });

  it('gives the blocks as JSON for the screen', async () => {
    const res = await get('/api/weighting/ipei/report?lang=pt&format=json');
    expect(res.status).toBe(200);
    const { blocks } = weightingReportSchema.parse(await res.json());
    expect(blocks[0]).toEqual({
      kind: 'heading',
      level: 1,
      text: 'Relatório de ponderação: ipei (Synthetic data)',
    });
    expect(blocks.filter((b) => b.kind === 'table')).toHaveLength(5);
  });

  it('refuses an unknown language or format, naming the field (422)', async () => {
    for (const [query, field] of [
      ['lang=de', 'lang'],
      ['lang=pt&format=html', 'format'],
    ]) {
      const res = await get(`/api/weighting/ipei/report?${query}`);
      expect(res.status).toBe(422);
      expect(JSON.stringify(await res.json())).toContain(`"field":"${field}"`);
    }
  });
});
