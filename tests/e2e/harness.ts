/**
 * The real server (createApp on a temp-file database, via tests/helpers/server.ts) behind a thin outer
 * Hono app on a real port that serves a fresh build of the tablet app and can inject faults on uploads.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { build } from 'vite';
import { CONTENT_SECURITY_POLICY, serveClientApp } from '../../server/app.ts';
import type { AppSettings } from '../../server/context.ts';
import type { InterviewEnvelope } from '../../server/contract/interview.ts';
import { assignments, interviewRevisions, interviews } from '../../server/db/schema.ts';
import { createTestContext, type TestContext } from '../helpers/server.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const E2E_QUESTIONNAIRES = fileURLToPath(new URL('./fixtures/questionnaires', import.meta.url));
export const E2E_QUESTIONNAIRE_ID = 'e2e-household';

export interface E2E {
  baseUrl: string;
  /** The fresh build of the tablet app being served. */
  dist: string;
  ctx: TestContext;
  /** Answer the next n interview uploads with a 500. */
  faults: { failPuts: number };
  puts: { status: number; interviewId: string }[];
  interviewsOnServer: () => Promise<{ id: string; currentRevision: number; status: string }[]>;
  revisionsOnServer: (interviewId: string) => Promise<number[]>;
  envelopeOnServer: (interviewId: string, revision: number) => Promise<InterviewEnvelope>;
  close: () => Promise<void>;
}

export async function buildClient(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'morabeza-client-'));
  await build({
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

/** The project's own questionnaires (questionnaires/ipei/...), as the server publishes them. */
export const REPO_QUESTIONNAIRES = join(ROOT, 'questionnaires');

/** Every test assignment is switched to `questionnaireId` (the small e2e household by default). */
export async function startE2E(
  options: {
    questionnaireId?: string;
    questionnairesDir?: string;
    settings?: Partial<AppSettings>;
    /** Serve the app with the server's security headers and Content-Security-Policy (server/app.ts). */
    secureHeaders?: boolean;
    /** Households assigned to each enumerator (one live interview each; createTestContext). */
    assignmentsPerEnumerator?: number;
  } = {},
): Promise<E2E> {
  const dist = await buildClient();
  const dir = options.questionnairesDir ?? E2E_QUESTIONNAIRES;
  // publishes the survey folder's questionnaires and serves its profile (GET /api/surveys/:id)
  const ctx = await createTestContext(options.settings, {
    surveyDirs: [dir],
    assignmentsPerEnumerator: options.assignmentsPerEnumerator,
  });
  await ctx.database.db
    .update(assignments)
    .set({ questionnaireId: options.questionnaireId ?? E2E_QUESTIONNAIRE_ID });

  const faults = { failPuts: 0 };
  const puts: E2E['puts'] = [];
  const outer = new Hono();
  outer.all('/api/*', async (c) => {
    const isUpload = c.req.method === 'PUT' && c.req.path.startsWith('/api/interviews/');
    const interviewId = c.req.path.split('/').at(-1) ?? '';
    if (isUpload && faults.failPuts > 0) {
      faults.failPuts--;
      puts.push({ status: 500, interviewId });
      return c.json({ code: 'server.internal', message: 'injected failure' }, 500);
    }
    const res = await ctx.app.fetch(c.req.raw);
    if (isUpload) puts.push({ status: res.status, interviewId });
    return res;
  });
  if (options.secureHeaders) {
    outer.use(
      '/*',
      secureHeaders({ crossOriginResourcePolicy: false, contentSecurityPolicy: CONTENT_SECURITY_POLICY }),
    );
  }
  serveClientApp(outer, dist);

  const server = serve({ fetch: outer.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const port = (server.address() as AddressInfo).port;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    dist,
    ctx,
    faults,
    puts,
    interviewsOnServer: () =>
      ctx.database.db
        .select({ id: interviews.id, currentRevision: interviews.currentRevision, status: interviews.status })
        .from(interviews),
    revisionsOnServer: async (interviewId) =>
      (
        await ctx.database.db
          .select({ r: interviewRevisions.revision })
          .from(interviewRevisions)
          .where(eq(interviewRevisions.interviewId, interviewId))
      )
        .map((x) => x.r)
        .sort(),
    envelopeOnServer: async (interviewId, revision) => {
      const rows = await ctx.database.db
        .select({ envelope: interviewRevisions.envelope })
        .from(interviewRevisions)
        .where(
          and(eq(interviewRevisions.interviewId, interviewId), eq(interviewRevisions.revision, revision)),
        );
      if (!rows[0]) throw new Error(`no revision ${revision} of ${interviewId} on the server`);
      return JSON.parse(rows[0].envelope) as InterviewEnvelope;
    },
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ctx.close();
      rmSync(dist, { recursive: true, force: true });
    },
  };
}
