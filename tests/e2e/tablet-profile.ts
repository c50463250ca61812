/**
 * Where the tablet's first question goes, offline from the service worker with the CPU slowed 4x
 * (the bench's "open app -> first question"): records a Chromium performance trace of one reload on
 * the interview route after warm-up reloads (so V8's code cache is as on a tablet's later visit), and
 * prints main-thread time by kind (compile, script, style, layout...), JS time by script and function,
 * and the page's own milestones. A profiling tool run by hand, never a test:
 * `npx tsx tests/e2e/tablet-profile.ts [reloads]` (env: RATE, the CPU slowdown, 4 unless set;
 * NO_SAMPLES=1, no JS sampling, whose source positions inflate the compile figures; TIMELINE=1, the main
 * thread's tasks and each script's compile, wall and thread time; TRACE_OUT=file, the raw trace).
 */
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium } from '../helpers/browser.ts';
import { PASSWORD } from '../helpers/server.ts';
import { startE2E } from './harness.ts';
import { rowSettled } from './steps.ts';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** thread time (CPU), ms * 1000 */
  tdur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}
interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber?: number };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.compile',
  'blink.user_timing',
  'loading',
  ...(process.env.NO_SAMPLES ? [] : ['disabled-by-default-v8.cpu_profiler']),
].join(',');

/** What the page logs when its first question is in the DOM (MILESTONES). */
const FIRST_QUESTION = 'morabeza:first-question';
// the page's milestones, in ms from navigation start (an init script runs before the app's); the page
// says when its question is in (a console message), so that no locator makes Playwright compile its
// injected script on the page's main thread during the load (as tablet-bench.ts)
const MILESTONES = (said: string) => {
  const w = window as unknown as { __firstQuestion?: number };
  new MutationObserver((_, obs) => {
    if (document.querySelector('.sd-question')) {
      w.__firstQuestion = performance.now();
      obs.disconnect();
      console.debug(said);
    }
  }).observe(document, { childList: true, subtree: true });
};

async function main() {
  const reloads = Number(process.argv[2] ?? 5);
  const e2e = await startE2E();
  const browser = await launchChromium();
  try {
    // PROFILE_DIR: a persistent profile (as a tablet's browser has) instead of an in-memory one
    const context = process.env.PROFILE_DIR
      ? await chromium.launchPersistentContext(process.env.PROFILE_DIR, {
          executablePath: CHROMIUM_PATH,
          headless: true,
          args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
          viewport: { width: 800, height: 1280 },
        })
      : await browser.newContext({ viewport: { width: 800, height: 1280 } });
    const page = await context.newPage();
    await page.goto(e2e.baseUrl);
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
    await page.fill('input[name=username]', 'enum_a1');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.locator('[data-testid^=assignment-] button').first().click();
    // the bench's interview: consent, a ten-person roster, back on the first page
    await page.getByText('Sim', { exact: true }).click();
    await page.getByRole('button', { name: 'Próximo' }).click();
    await page.locator('input[type=number]').first().fill('10');
    await page.locator('input[type=number]').first().blur();
    for (let i = 0; i < 10; i++) {
      const tab = page.locator('.sd-tab-item').nth(i);
      await tab.dispatchEvent('click');
      await page.locator('.sd-tab-item--active').nth(0).and(tab).waitFor({ state: 'attached' });
      await rowSettled(page);
      await page.locator('input[aria-label="Nome"]').fill(`Pessoa ${i + 1}`);
      await page.locator('input[aria-label="Idade"]').fill(String(20 + i));
    }
    await page.waitForSelector('[data-testid=interview][data-pending="0"]');
    await page.getByRole('button', { name: 'Anterior' }).click();
    await page.addInitScript(MILESTONES, FIRST_QUESTION);
    await context.setOffline(true);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.RATE ?? 4) });
    const milestones: Record<string, number>[] = [];
    const readMilestones = () =>
      page.evaluate(() => {
        const { performance } = window;
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const paint = Object.fromEntries(
          performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]),
        );
        const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((r) => /\.(js|css)$/.test(r.name))
          .map((r) => r.responseEnd);
        const marks = Object.fromEntries(
          performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]),
        );
        return {
          swStart: nav.workerStart,
          htmlResponseEnd: nav.responseEnd,
          assetsResponseEnd: Math.max(0, ...scripts),
          domInteractive: nav.domInteractive,
          domContentLoaded: nav.domContentLoadedEventEnd,
          loadEventEnd: nav.loadEventEnd,
          firstPaint: paint['first-paint'] ?? -1,
          firstContentfulPaint: paint['first-contentful-paint'] ?? -1,
          ...marks,
          firstQuestion: (window as unknown as { __firstQuestion: number }).__firstQuestion,
        };
      });
    for (let i = 0; i < reloads; i++) {
      const question = page.waitForEvent('console', { predicate: (m) => m.text() === FIRST_QUESTION });
      const t0 = performance.now();
      await page.reload();
      const loaded = performance.now() - t0;
      await question;
      const seen = performance.now() - t0;
      await page.waitForTimeout(300);
      milestones.push({ ...(await readMilestones()), nodeReloadReturned: loaded, nodeQuestionSeen: seen });
    }
    // the traced reload
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    const question = page.waitForEvent('console', { predicate: (m) => m.text() === FIRST_QUESTION });
    await page.reload();
    await question;
    await page.waitForTimeout(300);
    const traced = await readMilestones();
    await cdp.send('Tracing.end');
    await done;
    await context.close();
    if (process.env.TRACE_OUT)
      (await import('node:fs')).writeFileSync(process.env.TRACE_OUT, JSON.stringify(events));

    console.log(`milestones (ms from navigation start, CPU ${process.env.RATE ?? 4}x), untraced reloads:`);
    const keys = Object.keys(milestones[0]);
    for (const k of keys) {
      const xs = milestones.map((m) => m[k]).sort((a, b) => a - b);
      console.log(
        `  ${k.padEnd(24)} median ${xs[Math.floor(xs.length / 2)].toFixed(0).padStart(6)}  runs ${xs.map((x) => x.toFixed(0)).join(' ')}`,
      );
    }
    console.log(`traced reload first question: ${traced.firstQuestion.toFixed(0)} ms`);
    console.log(JSON.stringify(traced));
    summarize(events, traced);
  } finally {
    await browser.close();
    await e2e.close();
  }
}

function summarize(events: TraceEvent[], marks: Record<string, number>) {
  // the page's renderer main thread: the thread named CrRendererMain that ran the most
  const names = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  const busy = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && e.dur) busy.set(key, (busy.get(key) ?? 0) + e.dur);
  }
  const threads = [...busy.entries()].sort((a, b) => b[1] - a[1]);
  console.log('\nbusiest threads (sum of complete events, ms, nested counted twice):');
  for (const [k, v] of threads.slice(0, 6))
    console.log(`  ${(names.get(k) ?? k).padEnd(28)} ${(v / 1000).toFixed(0)}`);
  const main = threads.find(([k]) => names.get(k) === 'CrRendererMain')?.[0];
  if (!main) return;
  const onMain = events
    .filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const nav = events.find((e) => e.name === 'navigationStart' && `${e.pid}:${e.tid}` === main);
  const t0 = nav?.ts ?? onMain[0].ts;
  // self time by event name: each event's duration minus its children's
  const self = new Map<string, number>();
  const stack: { end: number; name: string; child: number; dur: number }[] = [];
  const close = (until: number) => {
    while (stack.length && stack[stack.length - 1].end <= until) {
      const s = stack.pop();
      if (!s) break;
      self.set(s.name, (self.get(s.name) ?? 0) + s.dur - s.child);
    }
  };
  let top = 0;
  for (const e of onMain) {
    if (e.ts < t0) continue;
    close(e.ts);
    const dur = e.dur ?? 0;
    if (stack.length) stack[stack.length - 1].child += dur;
    else top += dur;
    stack.push({ end: e.ts + dur, name: e.name, child: 0, dur });
  }
  close(Number.POSITIVE_INFINITY);
  const compile = [...self.entries()].filter(([k]) => /ompile|arse|eserializ/.test(k));
  console.log(
    `main-thread compile/parse self time: ${compile.map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', ')}`,
  );
  if (process.env.TIMELINE) {
    // the main thread's tasks over 4 ms, each with its longest children
    let end = 0;
    for (const e of onMain) {
      if (e.ts < t0 || e.ts < end || (e.dur ?? 0) < 4000) continue;
      end = e.ts + (e.dur ?? 0);
      const kids = onMain
        .filter((k) => k !== e && k.ts >= e.ts && k.ts < end && (k.dur ?? 0) > 2000)
        .slice(0, 8)
        .map(
          (k) =>
            `${k.name}${k.args?.data && (k.args.data as { url?: string }).url ? `[${String((k.args.data as { url?: string }).url).replace(/^.*\//, '')}]` : ''}:${((k.dur ?? 0) / 1000).toFixed(0)}`,
        );
      console.log(
        `  @${((e.ts - t0) / 1000).toFixed(0).padStart(5)} ${((e.dur ?? 0) / 1000).toFixed(0).padStart(4)} ${e.name} ${kids.join(' ')}`,
      );
    }
    for (const e of events)
      if (/ompile|ache|eserializ|treaming|OnBackground/.test(e.name) && (e.dur ?? 0) > 1000)
        console.log(
          `  ${e.name} @${((e.ts - t0) / 1000).toFixed(0)} ${((e.dur ?? 0) / 1000).toFixed(1)}ms (thread ${((e.tdur ?? 0) / 1000).toFixed(1)}ms) ${JSON.stringify(e.args).slice(0, 300)}`,
        );
  }
  console.log(
    `\nmain thread after navigation start: ${(top / 1000).toFixed(0)} ms busy; self time by event (ms):`,
  );
  for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 22))
    console.log(`  ${k.padEnd(36)} ${(v / 1000).toFixed(1)}`);

  // JS samples (the V8 CPU profile inside the trace): self time by script and by function
  const nodes = new Map<number, ProfileNode>();
  const samples: { node: number; dt: number }[] = [];
  const mainProfile = events.find((e) => e.name === 'Profile' && `${e.pid}:${e.tid}` === main) as
    | (TraceEvent & { id?: string })
    | undefined;
  for (const e of events as (TraceEvent & { id?: string })[]) {
    if (e.name !== 'ProfileChunk' || e.pid !== Number(main.split(':')[0]) || e.id !== mainProfile?.id)
      continue;
    const data = (e.args?.data ?? {}) as {
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const s = data.cpuProfile?.samples ?? [];
    const d = data.timeDeltas ?? [];
    for (let i = 0; i < s.length; i++) samples.push({ node: s[i], dt: d[i] ?? 0 });
  }
  const start = Number((mainProfile?.args?.data as { startTime?: number } | undefined)?.startTime ?? 0);
  const label = (n: ProfileNode) => {
    const url = (n.callFrame.url ?? '').replace(/^.*\//, '') || `(${n.callFrame.functionName || 'native'})`;
    return `${n.callFrame.functionName || '(anon)'} ${url}:${n.callFrame.lineNumber ?? ''}`;
  };
  const order = [
    'morabeza:script',
    'morabeza:restored',
    'morabeza:interview-read',
    'morabeza:interview-model',
    'morabeza:interview-data',
    'firstQuestion',
  ];
  let prev = 0;
  for (const name of order) {
    const from = prev * 1000 + t0;
    const to = marks[name] * 1000 + t0;
    prev = marks[name];
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    let at = start;
    let total = 0;
    for (let i = 0; i < samples.length - 1; i++) {
      at += samples[i].dt;
      const n = nodes.get(samples[i].node);
      if (!n || at < from || at > to) continue;
      const dt = samples[i + 1].dt;
      total += dt;
      self.set(label(n), (self.get(label(n)) ?? 0) + dt);
      const seen = new Set<string>();
      for (
        let p: ProfileNode | undefined = n;
        p;
        p = p.parent === undefined ? undefined : nodes.get(p.parent)
      ) {
        const f = label(p);
        if (seen.has(f)) continue;
        seen.add(f);
        inclusive.set(f, (inclusive.get(f) ?? 0) + dt);
      }
    }
    const top = Number(process.env.TOP ?? 14);
    console.log(
      `\n== up to ${name} (${((to - from) / 1000).toFixed(0)} ms, ${(total / 1000).toFixed(0)} ms sampled)`,
    );
    console.log(
      '  self: ' +
        [...self.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 8)
          .map(([k, v]) => `${k} ${(v / 1000).toFixed(0)}`)
          .join(' | '),
    );
    for (const [k, v] of [...inclusive.entries()].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`    ${k.padEnd(60)} ${(v / 1000).toFixed(1)}`);
  }
}

await main();
