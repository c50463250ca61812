/**
 * A draft for an assignment a supervisor cancels, on the tablet in Debian's Chromium at 800x1280: after
 * the cancel and a sync the card stays, marked cancelled, with a sentence in Portuguese saying what the
 * enumerator may do; "Descartar" asks first (answering no keeps it); finished and sent, the interview is
 * kept by the server in quarantine (409 assignment.cancelled), never lost; a second enumerator discards
 * theirs after confirming, and only then is the draft gone from the tablet (offline, the outbox lists
 * the notice for the office with its state until a sync sends it; the office gets a record of it in the
 * audit log and the assignment's history). A draft of an assignment a
 * coordinator reassigns to another enumerator is kept on the first tablet the same way, with its own
 * sentence, and quarantined when sent (409 assignment.reassigned).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { auditLog, quarantine } from '../../server/db/schema.ts';
import { PASSWORD } from '../helpers/server.ts';
import { draftInterviewId, fillMembers, finish, login, openTablet, settled } from './steps.ts';
import { e2eSuite } from './suite.ts';

const suite = e2eSuite();

/** Starts the interview of the enumerator's only assignment, answers the first question, goes back. */
async function startAndLeave(page: Page) {
  await page.locator('[data-testid^=assignment-] button').first().click();
  await page.getByText('Sim', { exact: true }).click();
  await settled(page);
  await page.getByRole('button', { name: 'Tarefas', exact: true }).click();
}

const cancel = async (id: string) => {
  const res = await suite.e2e.ctx.request('POST', `/api/assignments/${id}/cancel`, {
    as: 'sup_a',
    body: { reason: 'Agregado mudou-se antes da visita' },
  });
  expect(res.status, await res.clone().text()).toBe(200);
};

const SENTENCE = 'O seu supervisor cancelou esta tarefa.';

describe('a draft of a cancelled assignment on the tablet', () => {
  it('is kept after the sync, saying so; finished and sent, the server keeps it for a person', async () => {
    const { e2e, browser } = suite;
    const { context, page } = await openTablet(browser, e2e.baseUrl);
    await login(page, 'enum_a1');
    await startAndLeave(page);
    const interviewId = await draftInterviewId(page);
    await cancel('A-enum_a1');

    await page.getByRole('button', { name: 'Descarregar atualizações' }).click();
    const card = page.locator('[data-testid=assignment-A-enum_a1][data-status="state.cancelled"]');
    await card.waitFor();
    expect(await card.textContent()).toContain('Cancelada pelo supervisor');
    const note = await page.getByTestId('cancelled-note-A-enum_a1').textContent();
    expect(note).toContain(SENTENCE);
    expect(note).toContain('pode terminá-la e enviá-la');
    await page.screenshot({ path: join(tmpdir(), 'morabeza-cancelled-draft.png'), fullPage: true });

    // discard asks first; "no" keeps the draft
    await card.getByRole('button', { name: 'Descartar' }).click();
    await page.screenshot({ path: join(tmpdir(), 'morabeza-cancelled-confirm.png'), fullPage: true });
    await page.getByTestId('discard-confirm-A-enum_a1').getByRole('button', { name: 'Não, guardar' }).click();
    expect(await draftInterviewId(page)).toBe(interviewId);

    // finish and send it: the server answers 409 and keeps it in quarantine
    await card.getByRole('button', { name: 'Continuar' }).click();
    await page.getByRole('button', { name: 'Próximo' }).click();
    await fillMembers(page, ['Ana'], [41], 'pt');
    await page.getByRole('button', { name: 'Próximo' }).click();
    await page.getByText('Completa', { exact: true }).click();
    await settled(page);
    await finish(page);
    const sent = page.locator('[data-testid=outbox-item][data-state=conflict]');
    await sent.waitFor({ timeout: 60_000 });
    expect(await sent.getByTestId('outbox-cancelled').textContent()).toContain(SENTENCE);
    const kept = await e2e.ctx.database.db
      .select()
      .from(quarantine)
      .where(eq(quarantine.interviewId, interviewId));
    expect(kept.map((q) => q.reason)).toEqual(['assignment_cancelled']);

    // the card stays until a person decides, saying it was sent on
    await page.getByRole('button', { name: 'Tarefas', exact: true }).click();
    await card.waitFor();
    expect(await page.getByTestId('cancelled-note-A-enum_a1').textContent()).toContain('Nada se perde');
    const fits = await page.evaluate(
      () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
    );
    expect(fits).toBe(true);
    await context.close();
  });

  it('is discarded only after the enumerator confirms', async () => {
    const { e2e, browser } = suite;
    const { context, page } = await openTablet(browser, e2e.baseUrl);
    await login(page, 'enum_a2');
    await startAndLeave(page);
    await cancel('A-enum_a2');
    await page.getByRole('button', { name: 'Descarregar atualizações' }).click();
    await page.getByTestId('cancelled-note-A-enum_a2').waitFor();
    // offline, the notice for the office waits on the tablet, listed in the outbox with its state
    await context.setOffline(true);
    await page.getByTestId('discard-A-enum_a2').click();
    await page
      .getByTestId('discard-confirm-A-enum_a2')
      .getByRole('button', { name: 'Sim, descartar' })
      .click();
    await page.getByTestId('assignment-A-enum_a2').waitFor({ state: 'detached' });
    const drafts = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('morabeza');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const n = await new Promise<number>((resolve) => {
        const req = db.transaction('drafts').objectStore('drafts').count();
        req.onsuccess = () => resolve(req.result);
      });
      db.close();
      return n;
    });
    expect(drafts).toBe(0);
    await page.getByTestId('nav-outbox').click();
    const waiting = page.getByTestId('notice-item');
    await waiting.waitFor();
    expect(await page.getByTestId('outbox-empty').count()).toBe(0);
    expect(await waiting.getByTestId('notice-title').textContent()).toBe(
      'Rascunho não enviado descartado (tarefa cancelada)',
    );
    expect(await waiting.getByTestId('notice-place').textContent()).toMatch(/CV-PR-0001 · Alojamento 2/i);
    expect(await waiting.getByTestId('notice-state').textContent()).toBe('À espera de envio');
    await context.setOffline(false);
    await page.getByTestId('sync-now').click();
    await waiting.waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByTestId('outbox-empty').waitFor();
    // the office gets a record of it: the tablet's notice lands in the audit log and the history
    await expect
      .poll(
        async () =>
          (
            await e2e.ctx.database.db
              .select()
              .from(auditLog)
              .where(eq(auditLog.action, 'assignment.draft_discard'))
          ).length,
        { timeout: 30_000 },
      )
      .toBe(1);
    const history = (await (
      await e2e.ctx.request('GET', '/api/assignments/A-enum_a2/history', { as: 'sup_a' })
    ).json()) as Array<Record<string, unknown>>;
    expect(history.at(-1)).toMatchObject({
      action: 'assignment.draft_discard',
      from: 'enum_a2',
      reason: 'cancelled',
      tabletReason: 'cancelled',
    });
    // and the supervisor's "History" of the assignment shows it, in the screen's language
    const staff = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'pt-PT' });
    const sup = await staff.newPage();
    await sup.goto(e2e.baseUrl);
    await sup.fill('input[name=username]', 'sup_a');
    await sup.fill('input[name=password]', PASSWORD);
    await sup.click('button[type=submit]');
    await sup.getByTestId('tab-assignments').click();
    await sup.getByTestId('history-A-enum_a2').click();
    const panel = sup.getByTestId('history-panel');
    await panel.getByText('rascunho não enviado descartado no tablet de enum_a2', { exact: false }).waitFor();
    expect(await panel.textContent()).toContain('a tarefa foi cancelada');
    // labelled: the server's reason and the one the tablet gave
    expect(await panel.getByTestId('discard-reasons').textContent()).toBe(
      'segundo o servidor: a tarefa foi cancelada; segundo o tablet: a tarefa foi cancelada',
    );
    await staff.close();
    await context.close();
  });

  it('of an assignment reassigned to another enumerator is kept the same way, and quarantined when sent', async () => {
    const { e2e, browser } = suite;
    const { context, page } = await openTablet(browser, e2e.baseUrl);
    await login(page, 'enum_b1');
    await startAndLeave(page);
    const interviewId = await draftInterviewId(page);
    const moved = await e2e.ctx.request('POST', '/api/assignments/A-enum_b1/reassign', {
      as: 'coord',
      body: { enumeratorId: e2e.ctx.userIds.enum_a1, reason: 'Inquiridor doente' },
    });
    expect(moved.status, await moved.clone().text()).toBe(200);

    await page.getByRole('button', { name: 'Descarregar atualizações' }).click();
    const card = page.locator('[data-testid=assignment-A-enum_b1][data-status="state.reassigned"]');
    await card.waitFor();
    expect(await card.textContent()).toContain('Atribuída a outro inquiridor');
    const note = await page.getByTestId('cancelled-note-A-enum_b1').textContent();
    expect(note).toContain('O seu supervisor atribuiu esta tarefa a outro inquiridor.');
    expect(note).toContain('pode terminá-la e enviá-la');
    expect(await card.getByRole('button', { name: 'Descartar' }).count()).toBe(1);
    expect(await draftInterviewId(page)).toBe(interviewId);

    await card.getByRole('button', { name: 'Continuar' }).click();
    await page.getByRole('button', { name: 'Próximo' }).click();
    await fillMembers(page, ['Rui'], [52], 'pt');
    await page.getByRole('button', { name: 'Próximo' }).click();
    await page.getByText('Completa', { exact: true }).click();
    await settled(page);
    await finish(page);
    const sent = page.locator('[data-testid=outbox-item][data-state=conflict]');
    await sent.waitFor({ timeout: 60_000 });
    expect(await sent.getByTestId('outbox-cancelled').textContent()).toContain('outro inquiridor');
    const kept = await e2e.ctx.database.db
      .select()
      .from(quarantine)
      .where(eq(quarantine.interviewId, interviewId));
    expect(kept.map((q) => q.reason)).toEqual(['assignment_reassigned']);
    await context.close();
  });
});
