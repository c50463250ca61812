/**
 * The tablet app shell: login/unlock, then assignments, interview and outbox; the route survives a reload.
 * The staff screens (review, dashboard) and the analyst's screen are loaded on demand (`lazy`; which
 * role opens which is client/role-screens.ts), so an enumerator's tablet downloads only the interview
 * app, and the service worker precaches only that; after an online login a staff member's or analyst's
 * tablet caches their screens (client/offline/role-screens-cache.ts), so they open offline afterwards.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CONFIG } from './config.ts';
import {
  APP_LANGUAGE_NAMES,
  APP_LANGUAGES,
  I18nContext,
  staffLanguage,
  type TabletLanguage,
  translator,
} from './i18n.ts';
import { cacheRoleScreens } from './offline/role-screens-cache.ts';
import { persistStorage } from './offline/store.ts';
import { screenOf } from './role-screens.ts';
import { AssignmentsScreen } from './screens/assignments-screen.tsx';
import { InterviewScreen } from './screens/interview-screen.tsx';
import { LoginScreen, type LoginShown } from './screens/login-screen.tsx';
import { OutboxScreen } from './screens/outbox-screen.tsx';
import {
  db,
  doesFieldwork,
  downloadAndRecord,
  notify,
  retireIfRevoked,
  session,
  startSync,
  stopSync,
  subscribe,
  troubles,
  ui,
  uploader,
} from './services.ts';
import { ROUTE_KEY, restoreSession } from './startup.ts';
import { loginFailureText } from './sync/login-text.ts';
import { checkServer, type Reach } from './sync/reachability.ts';
import { SyncTroubleBanners } from './sync-trouble-banner.tsx';
import { whenIdle } from './when-idle.ts';

const StaffApp = lazy(() => import('./review/staff-app.tsx').then((m) => ({ default: m.StaffApp })));
const AnalystScreen = lazy(() =>
  import('./screens/analyst-screen.tsx').then((m) => ({ default: m.AnalystScreen })),
);
// offline, or a server without the build's list: the role's screens stay as they are; the page says
// how many chunks it holds for the role once done (data-role-screens on <html>)
const cacheScreensOf = (role: string) =>
  void cacheRoleScreens(role)
    .then((paths) => {
      document.documentElement.dataset.roleScreens = String(paths.length);
    })
    .catch(() => undefined);

type Route = { screen: 'assignments' } | { screen: 'outbox' } | { screen: 'interview'; interviewId: string };
const LANG_KEY = 'morabeza.lang';

function savedRoute(): Route {
  try {
    return JSON.parse(sessionStorage.getItem(ROUTE_KEY) ?? '') as Route;
  } catch {
    return { screen: 'assignments' };
  }
}

export function App() {
  const [lang, setLang] = useState<TabletLanguage>(() => {
    const saved = localStorage.getItem(LANG_KEY) as TabletLanguage | null;
    return saved && APP_LANGUAGES.includes(saved) ? saved : 'pt';
  });
  const [unlocked, setUnlocked] = useState<boolean | null>(null);
  const [route, setRouteState] = useState<Route>(savedRoute);
  // the badge says whether the server answers (GET /api/health), not only whether the browser is online
  const [reach, setReach] = useState<Reach>(navigator.onLine ? 'online' : 'offline');
  const [, setTick] = useState(0);
  const t = useMemo(() => translator(lang), [lang]);
  // the header's height, for what sticks below it (the interview's bar)
  const header = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = header.current;
    if (!el) return;
    const observer = new ResizeObserver(() =>
      document.documentElement.style.setProperty('--header-height', `${el.offsetHeight}px`),
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const setRoute = useCallback((r: Route) => {
    sessionStorage.setItem(ROUTE_KEY, JSON.stringify(r));
    setRouteState(r);
  }, []);

  useEffect(() => {
    localStorage.setItem(LANG_KEY, lang);
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    const unsub = subscribe(() => {
      setTick((n) => n + 1);
      // a retired (wiped) tablet locks itself: back to the login screen
      if (!db.keyHold.unlocked) setUnlocked((u) => (u === null ? null : false));
    });
    const check = () =>
      void checkServer(fetch, CONFIG.apiBase, CONFIG.healthTimeoutMs, navigator.onLine).then(setReach);
    const on = check;
    const off = () => setReach('offline');
    check();
    const timer = setInterval(check, CONFIG.healthIntervalMs);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    void restoreSession().then((user) => {
      performance.mark('morabeza:restored');
      setUnlocked(user !== null);
      // a reopened tablet draws its screen first; a login starts the sync at once
      if (user) whenIdle(startSync);
      if (user && navigator.onLine) cacheScreensOf(user.role);
    });
    void persistStorage();
    return () => {
      unsub();
      clearInterval(timer);
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);

  const login = async (username: string, password: string): Promise<LoginShown> => {
    const result = await session.login(username, password);
    if (!result.ok) return { ok: false, ...loginFailureText(result) };
    ui.sessionExpired = false;
    // unlocked without the server: said under the header until the server answers again
    if (result.mode === 'offline' && result.problem) troubles.failed('login', result.problem);
    if (result.mode === 'online') troubles.succeeded('login');
    if (result.mode === 'online' && doesFieldwork()) {
      if (session.deviceStatus === 'revoked') {
        await retireIfRevoked();
        if (!db.keyHold.unlocked) return { ok: true, message: null };
      }
      // a failed download is the refresh's banner, kept until a success
      await downloadAndRecord().catch(() => undefined);
      await uploader.resumeAfterLogin();
    }
    if (result.mode === 'online') cacheScreensOf(result.user.role);
    startSync();
    setUnlocked(true);
    notify();
    return { ok: true, message: null };
  };

  const signOut = async () => {
    // the periodic refresh and upload stop with the session; the next sign-in starts them again
    stopSync();
    await session.signOut();
    setUnlocked(false);
  };
  const lock = () => {
    session.lock();
    setUnlocked(false);
  };

  const i18n = useMemo(() => ({ lang: staffLanguage(lang), tabletLang: lang, t, setLang }), [lang, t]);
  const onDone = useCallback(() => setRoute({ screen: 'outbox' }), [setRoute]);
  const onBack = useCallback(() => setRoute({ screen: 'assignments' }), [setRoute]);
  const screen = session.user ? screenOf(session.user.role) : null;

  return (
    <I18nContext.Provider value={i18n}>
      <header className="app-header" ref={header}>
        <span className="brand">{t('app.title')}</span>
        {unlocked && (
          <nav>
            {/* the tablet's own screens are the enumerators'; staff and analysts have their tabs */}
            {(session.user?.role ?? 'enumerator') === 'enumerator' && (
              <>
                <button type="button" className="link" onClick={() => setRoute({ screen: 'assignments' })}>
                  {t('nav.assignments')}
                </button>
                <button
                  type="button"
                  className="link"
                  data-testid="nav-outbox"
                  onClick={() => setRoute({ screen: 'outbox' })}
                >
                  {t('nav.outbox')}
                </button>
              </>
            )}
            <button type="button" className="link" onClick={lock}>
              {t('nav.logout')}
            </button>
            <button type="button" className="link" data-testid="nav-sign-out" onClick={() => void signOut()}>
              {t('nav.signOut')}
            </button>
          </nav>
        )}
        <span
          className={`net ${reach === 'online' ? 'online' : 'offline'}`}
          data-testid="network"
          data-reach={reach}
        >
          {t(`status.${reach}`)}
        </span>
        <select
          aria-label={t('nav.language')}
          value={lang}
          onChange={(e) => setLang(e.target.value as TabletLanguage)}
        >
          {APP_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {APP_LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </header>
      {ui.sessionExpired && unlocked && (
        <p className="banner warn" role="alert">
          {t('status.sessionExpired')}{' '}
          <button type="button" className="link" onClick={lock}>
            {t('login.submit')}
          </button>
        </p>
      )}
      {ui.retired && (
        <p className="banner warn" role="alert" data-testid="retired">
          {t(ui.retired === 'wiped' ? 'status.retiredWiped' : 'status.retiredUnsent')}
        </p>
      )}
      {unlocked && route.screen !== 'interview' && (
        <SyncTroubleBanners troubles={troubles.list().filter((x) => x.step !== 'refresh')} />
      )}
      {ui.storageFull && (
        <p className="banner warn" role="alert">
          {t('status.storageFull')}
        </p>
      )}
      <main>
        {unlocked === null ? null : !unlocked ? (
          <LoginScreen login={login} />
        ) : screen === 'analyst' ? (
          <Suspense fallback={<p className="loading">{t('status.loading')}</p>}>
            <AnalystScreen />
          </Suspense>
        ) : screen === 'staff' && session.user ? (
          <Suspense fallback={<p className="loading">{t('status.loading')}</p>}>
            <StaffApp role={session.user.role} />
          </Suspense>
        ) : route.screen === 'interview' ? (
          <InterviewScreen
            key={route.interviewId}
            interviewId={route.interviewId}
            onDone={onDone}
            onBack={onBack}
          />
        ) : route.screen === 'outbox' ? (
          <OutboxScreen onOpen={(id) => setRoute({ screen: 'interview', interviewId: id })} />
        ) : (
          <AssignmentsScreen onOpen={(id) => setRoute({ screen: 'interview', interviewId: id })} />
        )}
      </main>
    </I18nContext.Provider>
  );
}
