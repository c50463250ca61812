/**
 * The tablet app is split by role (client/app.tsx loads the staff and analyst screens on demand): a
 * fresh production build's first load (what index.html names) holds the interview app but none of the
 * staff or analyst screens (nor chart.js), those screens are built as their own chunks, and the service
 * worker precaches every script and stylesheet but theirs: role-screens.json lists them per screen (the
 * staff app's list holds the analyst's screen it opens too), for the tablet of a staff member or analyst
 * to cache after an online login (tests/e2e/role-screens-cache.test.ts). What the service worker
 * precaches runs on preact/compat (vite.config.ts), not React's renderer, and stays under a budget;
 * the build names the SurveyJS question types it left out (question-types.json and the bundle).
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_SCREENS_MANIFEST } from '../../client/role-screens.ts';
import {
  OMITTABLE_QUESTION_TYPES,
  QUESTION_TYPES_MANIFEST,
  type QuestionTypesManifest,
} from '../../server/contract/tablet-question-types.ts';
import { buildClient } from '../e2e/harness.ts';
import { assetsWeight, firstLoadAssets, scriptAssets } from '../helpers/bundle.ts';

// data-testid values that only the staff screens (review tabs, dashboard) and the analyst screen render
const STAFF_ONLY = ['tab-dashboard', 'analyst-survey'];
// and one the enumerator's own screens render (the outbox tab)
const ENUMERATOR = 'nav-outbox';
// in every production error of React's own renderer (react-dom), which preact/compat replaces
const REACT_DOM = 'react.dev/errors';
// what an enumerator's tablet may hold of JS+CSS (gzip, kB): 439.8 now (488.7 before the build left out
// the SurveyJS question types of server/contract/tablet-question-types.ts the demo's surveys do not use,
// all eleven candidates, -46.8, and workbox-window, -2.7, the tablet's refusal of such a questionnaire
// +0.6); React's renderer would add ~60, classic zod's methods ~16; a survey with a `matrix` and a
// `rating` would bring it to 450.8 (the build keeps what the survey folders use)
const ENUMERATOR_BUDGET_KB = 442;
// an error message of chart.js, which only the analyst's screen draws with (~56 kB gzip)
const CHART_JS = 'Canvas is already in use';

let dist = '';
const read = (asset: string) => readFileSync(join(dist, asset), 'utf8');
const roleScreens = () => JSON.parse(read(ROLE_SCREENS_MANIFEST)) as Record<'staff' | 'analyst', string[]>;

beforeAll(async () => {
  dist = await buildClient();
}, 120_000);
afterAll(() => {
  if (dist) rmSync(dist, { recursive: true, force: true });
});

describe('the tablet build, split by role', () => {
  it('first load: the interview app and survey-core, no staff or analyst screen', () => {
    const first = firstLoadAssets(dist);
    expect(first.some((a) => a.endsWith('.js'))).toBe(true);
    const code = first
      .filter((a) => a.endsWith('.js'))
      .map(read)
      .join('\n');
    // (booleans, not the code: a failure must not print megabytes of bundle)
    expect(code.includes(ENUMERATOR), ENUMERATOR).toBe(true);
    expect(code.includes('sd-root-modern'), "survey-core's renderer").toBe(true);
    for (const id of STAFF_ONLY) expect(code.includes(id), `${id} in the first load`).toBe(false);
    expect(code.includes(CHART_JS), 'chart.js in the first load').toBe(false);
    const later = scriptAssets(dist).filter((a) => !first.includes(a));
    expect(
      later.some((a) => read(a).includes(CHART_JS)),
      'chart.js in a chunk loaded on demand',
    ).toBe(true);
  });

  it('the service worker precaches every script and stylesheet of the build but the role screens', () => {
    const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
    const roleOnly = new Set(Object.values(roleScreens()).flat());
    const assets = readdirSync(join(dist, 'assets')).filter((f) => /\.(js|css)$/.test(f));
    // the entry, its stylesheet, the staff and analyst screens and theirs
    expect(assets.length).toBeGreaterThanOrEqual(5);
    for (const asset of assets) {
      const precached = sw.includes(`assets/${asset}`);
      expect(precached, `sw.js precaches ${asset}`).toBe(!roleOnly.has(`/assets/${asset}`));
    }
    for (const asset of firstLoadAssets(dist)) expect(roleOnly.has(`/${asset}`), asset).toBe(false);
    // and never the compressed copies the server hands out in their place
    expect(/\.(gz|br)"/.test(sw)).toBe(false);
  });

  it('the staff and analyst screens are chunks of their own, listed for their roles, not precached', () => {
    const first = new Set(firstLoadAssets(dist));
    const later = scriptAssets(dist).filter((a) => !first.has(a));
    const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
    const lists = roleScreens();
    const chunkWith = (text: string) => later.find((a) => read(a).includes(text)) as string;
    for (const id of STAFF_ONLY) {
      expect(chunkWith(id), `a chunk holding ${id}`).toBeDefined();
      expect(sw.includes(chunkWith(id)), `sw.js precaches ${chunkWith(id)}`).toBe(false);
    }
    // the staff app opens the dashboard and the analyst's screen; the analyst's screen draws with chart.js
    expect(lists.staff).toContain(`/${chunkWith('tab-dashboard')}`);
    expect(lists.staff).toContain(`/${chunkWith('analyst-survey')}`);
    expect(lists.analyst).toContain(`/${chunkWith('analyst-survey')}`);
    expect(lists.analyst).toContain(`/${chunkWith(CHART_JS)}`);
    expect(lists.analyst).not.toContain(`/${chunkWith('tab-dashboard')}`);
    // each screen's stylesheet is listed with it
    expect(lists.staff.some((a) => a.endsWith('.css'))).toBe(true);
    expect(lists.analyst.some((a) => a.endsWith('.css'))).toBe(true);
  });

  it("the enumerator's tablet runs on preact/compat and holds at most the budget of JS and CSS", () => {
    const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
    const precached = readdirSync(join(dist, 'assets'))
      .filter((f) => /\.(js|css)$/.test(f) && sw.includes(`assets/${f}`))
      .map((f) => `assets/${f}`);
    for (const asset of precached.filter((a) => a.endsWith('.js'))) {
      expect(read(asset).includes(REACT_DOM), `React's renderer in ${asset}`).toBe(false);
    }
    const { gzip } = assetsWeight(dist, precached);
    expect(gzip / 1000).toBeLessThan(ENUMERATOR_BUDGET_KB);
  });

  it("names the question types it left out, every candidate for the repository's surveys", () => {
    const manifest = JSON.parse(read(QUESTION_TYPES_MANIFEST)) as QuestionTypesManifest;
    // the demo's surveys use none of them (scripts/build/omit-question-types.ts follows the folders)
    expect(manifest.omitted).toEqual(Object.keys(OMITTABLE_QUESTION_TYPES).sort());
    // and the interview screen's copy of the list is in the first load
    // (the minifier may quote with backticks)
    const list = new RegExp(`\\[${manifest.omitted.map((t) => `["\`]${t}["\`]`).join(',')}\\]`);
    expect(firstLoadAssets(dist).some((a) => a.endsWith('.js') && list.test(read(a)))).toBe(true);
  });
});
