import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findQuestionnaireFiles } from '../../server/domain/questionnaire-files.ts';
import { publishVersion } from '../../server/domain/questionnaires.ts';
import { createTestContext, TEST_QUESTIONNAIRES, type TestContext } from '../helpers/server.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => ctx.close());

describe('questionnaires', () => {
  it('lists questionnaires by survey-name id with integer versions, titled by the latest', async () => {
    const res = await ctx.request('GET', '/api/questionnaires', { as: 'enum_a1' });
    expect(await res.json()).toEqual([
      { id: 'test-household', title: 'Agregado (teste) v2', versions: [1, 2] },
    ]);
  });

  it('serves the exact JSON text of a version, byte for byte', async () => {
    const res = await ctx.request('GET', '/api/questionnaires/test-household/versions/1', { as: 'enum_a1' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(readFileSync(join(TEST_QUESTIONNAIRES, 'test/household.v1.json'), 'utf8'));
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{64}"$/);
  });

  it('answers 404 to an unknown version and 422 to a version that is not a number', async () => {
    expect(
      (await ctx.request('GET', '/api/questionnaires/test-household/versions/7', { as: 'enum_a1' })).status,
    ).toBe(404);
    expect(
      (await ctx.request('GET', '/api/questionnaires/test-household/versions/one', { as: 'enum_a1' })).status,
    ).toBe(422);
  });

  it('never changes a published version: an edited file under the same number is refused', async () => {
    const [file] = findQuestionnaireFiles(TEST_QUESTIONNAIRES);
    expect(await publishVersion(ctx.database.db, file)).toBe('unchanged');
    const edited = { ...file, text: file.text.replace('Aceita participar?', 'Aceita?') };
    expect(await publishVersion(ctx.database.db, edited)).toBe('frozen');
    const res = await ctx.request('GET', '/api/questionnaires/test-household/versions/1', { as: 'enum_a1' });
    expect(await res.text()).toContain('Aceita participar?');
  });
});
