import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QUESTION_TYPES_MANIFEST } from '../../server/contract/tablet-question-types.ts';
import { parseEnv } from '../../server/env.ts';
import { StartupError, startMorabeza } from '../../server/startup.ts';
import { createTestContext, TEST_QUESTIONNAIRES, type TestContext } from '../helpers/server.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'morabeza-surveys-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the test survey folder whose profile.json is changed by `edit`. */
function surveysWith(edit: (profile: Record<string, unknown>) => void): string {
  const root = join(dir, 'questionnaires');
  cpSync(TEST_QUESTIONNAIRES, root, { recursive: true });
  const file = join(root, 'test', 'profile.json');
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  edit(profile);
  writeFileSync(file, JSON.stringify(profile));
  return root;
}

const start = (questionnaires: string) => {
  const parsed = parseEnv({
    DATABASE_URL: `file:${join(dir, 'm.db')}`,
    MORABEZA_CLIENT_DIR: join(dir, 'none'),
    MORABEZA_MODE: 'production',
    MORABEZA_QUESTIONNAIRES_DIR: questionnaires,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return startMorabeza(parsed.env, { runJobs: false });
};

async function refusal(questionnaires: string): Promise<string> {
  const error = await start(questionnaires).then(
    async (s) => {
      await s.close();
      return null;
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StartupError);
  return (error as Error).message;
}

describe('survey profiles at start', () => {
  it('refuses a profile that breaks the schema, naming the file and the field', async () => {
    const root = surveysWith((p) => {
      (p.outcome as { codes: Array<{ aapor: string }> }).codes[0].aapor = 'COMPLETE';
    });
    const message = await refusal(root);
    expect(message).toContain(join(root, 'test', 'profile.json'));
    expect(message).toContain('outcome.codes.0.aapor');
  });

  it('refuses a profile whose outcome variable is not a question of the interview questionnaire', async () => {
    const message = await refusal(
      surveysWith((p) => {
        (p.outcome as { variable: string }).variable = 'z99_nothing';
      }),
    );
    expect(message).toMatch(/outcome\.variable: 'z99_nothing' is not a question of household\.v2\.json/);
  });

  it('refuses a preloaded item inside no questionnaire and a profile whose id is not its folder', async () => {
    expect(
      await refusal(
        surveysWith((p) => {
          p.preload = [{ item: 'a99_missing', from: 'cluster' }];
        }),
      ),
    ).toContain('preload.0.item');
    expect(
      await refusal(
        surveysWith((p) => {
          p.id = 'other';
        }),
      ),
    ).toMatch(/id: 'other' must be the folder name 'test'/);
  });

  describe('against the built tablet app', () => {
    /** The test survey with a "rating" question, and the client folder's manifest if `omitted` is given. */
    function withRating(omitted?: string[]): string {
      const root = surveysWith(() => {});
      const file = join(root, 'test', 'household.v1.json');
      const form = JSON.parse(readFileSync(file, 'utf8'));
      form.pages[0].elements[2].type = 'rating';
      writeFileSync(file, JSON.stringify(form));
      if (omitted) {
        mkdirSync(join(dir, 'none'), { recursive: true });
        writeFileSync(join(dir, 'none', QUESTION_TYPES_MANIFEST), JSON.stringify({ omitted }));
      }
      return root;
    }
    const started = async (root: string) => {
      const s = await start(root);
      await s.close();
      return true;
    };

    it('refuses a survey using a question type the build left out, naming it and what to do', async () => {
      const message = await refusal(withRating(['file', 'rating']));
      expect(message).toMatch(
        /survey test, questionnaire test-household v1 uses the question type\(s\) "rating"/,
      );
      expect(message).toContain(join(dir, 'none', QUESTION_TYPES_MANIFEST));
      expect(message).toContain('run `npm run build`');
      expect(message).not.toMatch(/"file"/);
    });

    it('starts when the build kept every type the survey folders use', async () => {
      expect(await started(withRating(['file', 'matrix']))).toBe(true);
    });

    it('starts without a build to compare with (no manifest: dev)', async () => {
      expect(await started(withRating())).toBe(true);
    });
  });

  it('refuses a survey folder with questionnaires but no profile.json', async () => {
    const root = surveysWith(() => {});
    rmSync(join(root, 'test', 'profile.json'));
    expect(await refusal(root)).toMatch(/test[/\\]profile\.json: missing/);
  });

  it('starts with a valid profile', async () => {
    const started = await start(surveysWith(() => {}));
    await started.close();
  });
});

describe('GET /api/surveys', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await createTestContext();
  });
  afterEach(async () => ctx.close());

  it('lists the profiles to logged-in users and serves one with its geography', async () => {
    expect((await ctx.request('GET', '/api/surveys')).status).toBe(401);
    const list = await (await ctx.request('GET', '/api/surveys', { as: 'enum_a1' })).json();
    expect(list.surveys.map((s: { id: string }) => s.id)).toEqual(['test']);
    expect(list.surveys[0].outcome.variable).toBe('z05_result');
    const one = await (await ctx.request('GET', '/api/surveys/test', { as: 'analyst' })).json();
    expect(one.profile.questionnaires.interview).toBe('household');
    expect(one.geography).toBeNull();
    const missing = await ctx.request('GET', '/api/surveys/nope', { as: 'analyst' });
    expect(missing.status).toBe(404);
    expect((await missing.json()).code).toBe('resource.not_found');
  });
});
