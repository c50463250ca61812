/**
 * The tablet app: React components + survey-react-ui from client/, run on preact/compat (below), built into
 * client/dist, served by the server at `/`.
 * An installable PWA: the service worker precaches the app shell (SurveyJS makes the main chunk ~2 MB,
 * above workbox's default 2 MiB limit, so the limit is raised) and keeps questionnaire JSON for offline.
 * The staff and analyst screens' chunks are not precached (scripts/build/role-chunks.ts): a tablet puts
 * its role's chunks into their own cache after an online login, and the service worker serves them from it.
 * The candidate SurveyJS question types (server/contract/tablet-question-types.ts) that no questionnaire
 * in the survey folders (MORABEZA_QUESTIONNAIRES_DIR, else questionnaires/) uses are cut from the build
 * (scripts/build/omit-question-types.ts), which names them in dist/question-types.json. The page registers the service worker itself
 * (client/service-worker.ts). Every text asset also gets .gz and .br copies (scripts/build/precompress.ts)
 * that the server serves.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { ROLE_SCREENS_CACHE } from './client/role-screens.ts';
import { omitQuestionTypesPlugin } from './scripts/build/omit-question-types.ts';
import { precompress } from './scripts/build/precompress.ts';
import { roleChunks } from './scripts/build/role-chunks.ts';

const root = fileURLToPath(new URL('./client', import.meta.url));
const roles = roleChunks(root);

export default defineConfig({
  root,
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
    // survey-core in a chunk of its own beside the entry (same bytes, both in the first load): Chromium
    // compiles each script on its own background thread, so the first question waits for the larger
    // of the two compiles instead of one compile of the whole (README "What a tablet downloads")
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: 'survey-core', test: /[\\/]node_modules[\\/]survey-core[\\/]/ }] },
      },
    },
  },
  // The app and survey-react-ui run on preact/compat, not React: the same components (SurveyJS builds its
  // own non-React renderers from survey-react-ui's sources this way), ~60 kB gzip less for the tablet.
  // The tests' server-side renders (tests/client) still use React, which stays for them and the types.
  resolve: {
    alias: [
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
      { find: /^react(-dom)?$/, replacement: 'preact/compat' },
    ],
    // survey-react-ui's imports resolve from the project root too (one preact)
    dedupe: ['preact'],
  },
  // `npm run dev:client` proxies the API to `npm run dev` (server/env.ts: PORT defaults to 8080).
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  plugins: [
    // no Fast Refresh (React's, which preact does not speak): an edit reloads the dev page
    react({ refreshExclude: /./ }),
    // the SurveyJS question types no survey folder uses (server/contract/tablet-question-types.ts)
    omitQuestionTypesPlugin(process.env.MORABEZA_QUESTIONNAIRES_DIR ?? 'questionnaires'),
    roles.plugin,
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      manifest: {
        name: 'Morabeza',
        short_name: 'Morabeza',
        description: 'Household interviews on the tablet, offline',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#f4f6f8',
        theme_color: '#0b5d7a',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any maskable' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,webmanifest}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // an enumerator's tablet never downloads the staff and analyst screens (role-screens.json lists them)
        manifestTransforms: [(entries) => ({ manifest: entries.filter((e) => !roles.isRoleChunk(e.url)) })],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        runtimeCaching: [
          {
            // A questionnaire version is frozen once fielded: serve it from the cache, refresh in the background.
            urlPattern: ({ url }) => /^\/api\/questionnaires\/[^/]+\/versions\/\d+$/.test(url.pathname),
            handler: 'StaleWhileRevalidate',
            options: { cacheName: 'questionnaires', expiration: { maxEntries: 50 } },
          },
          {
            // the role screens' chunks (hashed, never changing) that the tablet cached after login
            // (client/offline/role-screens-cache.ts); one fetched online lands there too
            urlPattern: ({ url, sameOrigin }) => sameOrigin && /^\/assets\/.+\.(js|css)$/.test(url.pathname),
            handler: 'CacheFirst',
            options: { cacheName: ROLE_SCREENS_CACHE },
          },
        ],
      },
    }),
    precompress(),
  ],
});
