/**
 * "Download updates" failing on the enumerator's tablet, in Chromium against the real server, the
 * assignment list answered by route interception: a proxy's 502 page, then an HTML page with 200 (a
 * network's login page), each shows a banner in Portuguese (the app's language) with that failure's
 * sentence and the raw text only under "Detalhes", the cards already on the tablet staying; French is
 * chosen and the banner speaks French; once the server answers again the banner is gone.
 */
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../client/error-messages.ts';
import { MESSAGES } from '../../client/i18n.ts';
import { login, openTablet } from './steps.ts';
import { e2eSuite } from './suite.ts';

const suite = e2eSuite();

const LIST = '**/api/assignments';

describe('tablet: a failed "Download updates"', () => {
  it('shows the sentence of each failure in the app language, keeps the cards, and clears on success', async () => {
    const { e2e, browser } = suite;
    const { context, page } = await openTablet(browser, e2e.baseUrl);
    await login(page, 'enum_b1');
    const cards = page.locator('[data-testid^=assignment-]');
    const before = await cards.count();
    expect(before).toBeGreaterThan(0);
    const banner = page.getByTestId('refresh-failed');
    const refresh = page.getByRole('button', { name: MESSAGES.pt['assignments.refresh'] });

    await page.route(LIST, (route) =>
      route.fulfill({ status: 502, contentType: 'text/html', body: '<html>Bad Gateway</html>' }),
    );
    await refresh.click();
    await banner.waitFor();
    const text = await banner.textContent();
    expect(text).toContain(MESSAGES.pt['assignments.refreshFailed']);
    expect(text).toContain(ERROR_MESSAGES.pt.unavailable);
    // the raw text is only in the collapsed details line
    expect(await banner.locator('details small').textContent()).toBe('HTTP 502');
    expect(await banner.locator('details').getAttribute('open')).toBeNull();
    expect(await cards.count()).toBe(before);

    await page.unroute(LIST);
    await page.route(LIST, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<html>Wi-Fi login</html>' }),
    );
    await refresh.click();
    await banner.filter({ hasText: ERROR_MESSAGES.pt.notJson }).waitFor();
    expect(await cards.count()).toBe(before);

    // the banner is told in the language of the moment
    await page.getByLabel('Idioma', { exact: true }).selectOption('fr');
    await banner.filter({ hasText: ERROR_MESSAGES.fr.notJson }).waitFor();
    expect(await banner.textContent()).toContain(MESSAGES.fr['assignments.refreshFailed']);

    await page.unroute(LIST);
    await page.getByRole('button', { name: MESSAGES.fr['assignments.refresh'] }).click();
    await page.getByText(MESSAGES.fr['assignments.refreshed']).waitFor();
    expect(await banner.count()).toBe(0);
    expect(await cards.count()).toBe(before);
    await context.close();
  }, 120_000);
});
