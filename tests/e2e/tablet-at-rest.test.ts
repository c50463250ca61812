/**
 * A lost tablet exposes no one: in Debian's Chromium against the real server, an interview is drafted
 * and queued offline, then the browser's raw IndexedDB (read as an attacker would, without the app) is
 * searched for the names typed, the assignment's area and the answers: none is there in clear. Lock
 * leaves nothing personal on screen or in the tab; a wrong password offline is refused and the data
 * stay intact; the right one opens them, and back online the interview reaches the server whole.
 * A coordinator revokes a tablet on the staff screens: at its next login it sends its unsent interview
 * first, then deletes its data and keys.
 */
import { describe, expect, it } from 'vitest';
import { PASSWORD } from '../helpers/server.ts';
import { answerHousehold, draftInterviewId, finish, login, openTablet, revokeTablet } from './steps.ts';
import { e2eSuite } from './suite.ts';

const suite = e2eSuite();

const PERSONAL = ['Ana Tavares Lopes', 'Bruno Semedo Varela', 'CV-PR-0001'];

/** Every object store of the tablet's IndexedDB, row by row, as text (bytes read as Latin-1). */
type RawDump = { stores: Record<string, number>; text: string };
const rawDump = (page: import('playwright-core').Page): Promise<RawDump> =>
  page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('morabeza');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const stores: Record<string, number> = {};
    const parts: string[] = [];
    for (const name of Array.from(db.objectStoreNames)) {
      const rows = await new Promise<unknown[]>((resolve) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => resolve(req.result);
      });
      stores[name] = rows.length;
      const latin1 = new TextDecoder('latin1');
      for (const row of rows)
        parts.push(JSON.stringify(row, (_k, v) => (v instanceof Uint8Array ? latin1.decode(v) : v)));
    }
    db.close();
    return { stores, text: parts.join('\n') };
  });

describe('tablet: interview data encrypted at rest', () => {
  it('holds no name, area or answer in clear in IndexedDB; lock shows nothing; a wrong password opens nothing', async () => {
    const { e2e, browser, contexts } = suite;
    const tablet = await openTablet(browser, e2e.baseUrl);
    contexts.push(tablet.context);
    const { context, page } = tablet;
    await login(page, 'enum_a1');
    await answerHousehold(page, PERSONAL.slice(0, 2), [41, 39]);
    await context.setOffline(true);
    await finish(page, 'Finalizar');
    await page.locator('[data-testid=outbox-item]').waitFor();
    const interviewId = await draftInterviewId(page);

    const raw = await rawDump(page);
    // the tablet does hold the draft, the queued envelope, the assignment and the sync log ...
    expect(raw.stores).toMatchObject({ drafts: 1, outbox: 1, assignments: 1 });
    expect(raw.text).toContain(interviewId);
    // ... and none of what they say is readable without the key
    for (const s of PERSONAL) expect(raw.text).not.toContain(s);

    // Lock: the login screen, nothing personal in the page or in the tab's storage
    await page.getByRole('button', { name: 'Bloquear' }).click();
    await page.locator('input[name=password]').waitFor();
    const html = await page.content();
    for (const s of PERSONAL) expect(html).not.toContain(s);
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toMatch(/unlocked\.key/);

    // Offline, a wrong password is refused and changes nothing
    await page.fill('input[name=username]', 'enum_a1');
    await page.fill('input[name=password]', 'not the password');
    await page.click('button[type=submit]');
    await page.getByRole('alert').filter({ hasText: 'Utilizador ou palavra-passe errados.' }).waitFor();
    expect(await rawDump(page)).toEqual(raw);

    // The right one opens everything again; back online the interview reaches the server whole
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.locator('[data-testid=outbox-item]').waitFor(); // the app comes back where it was
    await context.setOffline(false);
    await page.waitForSelector('[data-testid=outbox-empty]', { timeout: 60_000 });
    const envelope = await e2e.envelopeOnServer(interviewId, 1);
    expect(JSON.stringify(envelope.answers)).toContain('Bruno Semedo Varela');
  }, 180_000);

  it('a tablet the coordinator revoked sends its unsent interview at the next login, then deletes its data', async () => {
    const { e2e, browser, contexts } = suite;
    const tablet = await openTablet(browser, e2e.baseUrl);
    contexts.push(tablet.context);
    const { context, page } = tablet;
    await login(page, 'enum_a2');
    await answerHousehold(page, ['Carla Fortes'], [52]);
    await context.setOffline(true);
    await finish(page, 'Finalizar');
    await page.locator('[data-testid=outbox-item]').waitFor();
    const interviewId = await draftInterviewId(page);
    await page.getByRole('button', { name: 'Bloquear' }).click();

    // the coordinator revokes it on the staff screens
    const staff = await revokeTablet(browser, e2e.baseUrl, 'enum_a2');
    contexts.push(staff.context);
    const coord = staff.page;

    // back online, the enumerator logs in: the interview goes up first, then the tablet wipes itself
    await context.setOffline(false);
    await page.fill('input[name=username]', 'enum_a2');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.getByTestId('retired').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('retired').textContent()).toContain('as entrevistas foram enviadas');
    const envelope = await e2e.envelopeOnServer(interviewId, 1);
    expect(JSON.stringify(envelope.answers)).toContain('Carla Fortes');
    const raw = await rawDump(page);
    expect(raw.stores).toMatchObject({ drafts: 0, outbox: 0, assignments: 0, syncLog: 0, meta: 0 });
    await coord.reload();
    await coord.getByTestId('tab-devices').click();
    await coord.locator('[data-testid^=device-][data-status=wiped]').waitFor();
  }, 180_000);
});
