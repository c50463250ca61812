/**
 * Failures the tablet used to swallow, in Chromium against the real server, the calls answered by route
 * interception: a first login with the server unreachable says, in Portuguese (the app's language), that
 * there is no network and that the first login needs the server, the raw text only under "Detalhes"; the
 * automatic refresh (the `online` event's sync) failing on a proxy's 503 page shows the refresh banner
 * with that failure's sentence, without the enumerator pressing anything; a session the server ends (401)
 * while the login cannot reach it says the renewal failed for want of network, never "Session expired",
 * and goes once the server answers the next renewal; a renewal refused with a 403 says the server refused
 * (in Portuguese, then French), offers the login, is not sent again at the next `online`, and goes with a
 * new login; a locked tablet unlocked while
 * the server answers 502 says it is unlocked without the server and why, under the header, in the
 * language of the moment. The coordinator's dashboard, its survey's profile answered by a proxy's 502,
 * says the profile did not come and why.
 */
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, FAILURE_CONTEXT } from '../../client/error-messages.ts';
import { MESSAGES } from '../../client/i18n.ts';
import { PASSWORD } from '../helpers/server.ts';
import { languageSwitch, login, openTablet } from './steps.ts';
import { e2eSuite } from './suite.ts';

const suite = e2eSuite();

const LOGIN = '**/api/auth/login';
const LIST = '**/api/assignments';

describe('tablet: login and automatic sync failures are shown', () => {
  it('a login with the server down, a failed automatic refresh, an offline unlock', async () => {
    const { context, page } = await openTablet(suite.browser, suite.e2e.baseUrl);

    // the server cannot be reached, and this user never logged in on this tablet
    await page.route(LOGIN, (route) => route.abort('internetdisconnected'));
    await page.fill('input[name=username]', 'enum_b1');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toContain(
      `${FAILURE_CONTEXT.pt.loginFirstTime} ${ERROR_MESSAGES.pt.offline}`,
    );
    expect(await error.textContent()).not.toContain(MESSAGES.pt['login.failed']);
    expect(await error.locator('details').getAttribute('open')).toBeNull();
    expect(await error.locator('details summary').textContent()).toBe(ERROR_MESSAGES.pt.details);
    await page.unroute(LOGIN);
    await login(page, 'enum_b1');

    // the automatic refresh (on the `online` event) fails: the banner appears without a click
    const banner = page.getByTestId('refresh-failed');
    expect(await banner.count()).toBe(0);
    await page.route(LIST, (route) =>
      route.fulfill({ status: 503, contentType: 'text/html', body: '<html>Service Unavailable</html>' }),
    );
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await banner.filter({ hasText: ERROR_MESSAGES.pt.unavailable }).waitFor();
    expect(await banner.locator('details small').textContent()).toBe('HTTP 503');
    // once the server answers, the next automatic refresh clears it
    await page.unroute(LIST);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await banner.waitFor({ state: 'detached' });

    // the server says the session is over (401) while it cannot be reached to renew it: the tablet says
    // the renewal failed and why, never "Session expired", and keeps working; the next `online` renews it
    await page.route(LIST, (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({ code: 'auth.invalid_token', message: 'expired' }),
      }),
    );
    await page.route(LOGIN, (route) => route.abort('internetdisconnected'));
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    const renewal = page.locator('[data-testid=sync-trouble][data-step=renew]');
    await renewal.waitFor();
    expect(await renewal.textContent()).toContain(
      `${FAILURE_CONTEXT.pt.renewOffline} ${ERROR_MESSAGES.pt.offline}`,
    );
    expect(await page.getByText(MESSAGES.pt['status.sessionExpired']).count()).toBe(0);
    await page.unroute(LIST);
    await page.unroute(LOGIN);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await renewal.waitFor({ state: 'detached' });
    expect(await page.getByText(MESSAGES.pt['status.sessionExpired']).count()).toBe(0);

    // locked, then unlocked while the server answers with a proxy's 502 page: unlocked offline, and said
    await page.getByRole('button', { name: MESSAGES.pt['nav.logout'] }).click();
    await page.route(LOGIN, (route) =>
      route.fulfill({ status: 502, contentType: 'text/html', body: '<html>Bad Gateway</html>' }),
    );
    await login(page, 'enum_b1');
    const trouble = page.locator('[data-testid=sync-trouble][data-step=login]');
    await trouble.waitFor();
    expect(await trouble.textContent()).toContain(
      `${FAILURE_CONTEXT.pt.loginOffline} ${ERROR_MESSAGES.pt.unavailable}`,
    );
    await page.getByLabel('Idioma', { exact: true }).selectOption('fr');
    await trouble.filter({ hasText: FAILURE_CONTEXT.fr.loginOffline }).waitFor();
    expect(await trouble.textContent()).toContain(ERROR_MESSAGES.fr.unavailable);
    await context.close();
  }, 180_000);

  it('a renewal refused with a 403 is said as a refusal, the login offered, and not sent again by itself', async () => {
    const { context, page } = await openTablet(suite.browser, suite.e2e.baseUrl);
    await login(page, 'enum_b1');
    // the session ends (401) and the renewal's login is refused (403): not "unreachable"
    await page.route(LIST, (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({ code: 'auth.invalid_token', message: 'expired' }),
      }),
    );
    let logins = 0;
    await page.route(LOGIN, (route) => {
      logins++;
      return route.fulfill({
        status: 403,
        contentType: 'application/json',
        body: JSON.stringify({ code: 'auth.forbidden', message: 'Your role may not do this.' }),
      });
    });
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    const renewal = page.locator('[data-testid=sync-trouble][data-step=renew]');
    await renewal.waitFor();
    expect(await renewal.textContent()).toContain(
      `${FAILURE_CONTEXT.pt.renewRefused} ${ERROR_MESSAGES.pt.forbidden}`,
    );
    expect(await renewal.textContent()).not.toContain(FAILURE_CONTEXT.pt.renewOffline);
    await page.getByText(MESSAGES.pt['status.sessionExpired']).waitFor();
    expect(logins).toBe(1);
    // the network returns again: the refused password is not sent again
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.waitForTimeout(500);
    expect(logins).toBe(1);
    // in French, the same banner in French
    await languageSwitch(page).selectOption('fr');
    await renewal.filter({ hasText: FAILURE_CONTEXT.fr.renewRefused }).waitFor();
    expect(await renewal.textContent()).toContain(ERROR_MESSAGES.fr.forbidden);
    await languageSwitch(page).selectOption('pt');
    // a new login (the banner's button) with the server answering again clears both banners
    await page.unroute(LIST);
    await page.unroute(LOGIN);
    await page.getByText(MESSAGES.pt['status.sessionExpired']).getByRole('button').click();
    await login(page, 'enum_b1');
    await renewal.waitFor({ state: 'detached' });
    expect(await page.getByText(MESSAGES.pt['status.sessionExpired']).count()).toBe(0);
    await context.close();
  }, 180_000);

  it('the staff dashboard says a survey profile that did not come', async () => {
    const { context, page } = await openTablet(suite.browser, suite.e2e.baseUrl, {
      viewport: { width: 1280, height: 800 },
    });
    await page.route('**/api/surveys/*', (route) =>
      route.fulfill({ status: 502, contentType: 'text/html', body: '<html>Bad Gateway</html>' }),
    );
    await page.fill('input[name=username]', 'coord');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.getByTestId('tab-dashboard').click();
    const banner = page.getByTestId('profile-failed');
    await banner.waitFor();
    expect(await banner.textContent()).toContain(
      `${FAILURE_CONTEXT.pt.profileMissing} ${ERROR_MESSAGES.pt.unavailable}`,
    );
    expect(await banner.locator('details small').textContent()).toBe('HTTP 502');
    await context.close();
  }, 120_000);
});
