import './zod-jitless.ts';
import '@fontsource/open-sans/latin-400.css';
import '@fontsource/open-sans/latin-600.css';
import '@fontsource/open-sans/latin-ext-400.css';
import 'survey-core/survey-core.fontless.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { registerServiceWorker } from './service-worker.ts';
import { startEarly } from './startup.ts';
import { whenIdle } from './when-idle.ts';

// milestones of the first load, read by tests/e2e/tablet-profile.ts
performance.mark('morabeza:script');
startEarly();
whenIdle(() => registerServiceWorker());

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
