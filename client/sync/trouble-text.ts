/**
 * The tablet's background troubles (client/sync/sync-trouble.ts) as the banner says them in the app
 * language: what failed (the login that unlocked without the server, the renewal of the session that
 * did not reach the server or that it refused (client/sync/renewal.ts), the
 * automatic upload, the automatic
 * download or only a survey's profile), the failure's own sentence (client/error-sentence.ts), and since
 * when, the technical text under "Details". One banner per step, updated in place at each retry.
 */

import { FAILURE_CONTEXT, type FailureContext } from '../error-messages.ts';
import { type BannerText, failure } from '../error-note.tsx';
import { sentenceIn } from '../error-sentence.ts';
import type { TabletLanguage } from '../i18n.ts';
import { renewalContext } from './renewal.ts';
import type { SyncTrouble } from './sync-trouble.ts';

/** What the banner says failed. */
export function troubleContext(trouble: SyncTrouble): FailureContext {
  if (trouble.step === 'login') return 'loginOffline';
  if (trouble.step === 'renew') return renewalContext(trouble.failure);
  if (trouble.step === 'upload') return 'autoUpload';
  const step = (trouble.failure as { step?: string } | null)?.step;
  return step === 'profile' ? 'profileStale' : 'autoRefresh';
}

/** The whole sentence in `lang`: what failed, then why and what to do. */
export const troubleSentence = (trouble: SyncTrouble, lang: TabletLanguage): string =>
  sentenceIn(troubleContext(trouble), trouble.failure, lang);

/** "Since 15:20." in `lang`. */
export const troubleSince = (trouble: SyncTrouble, lang: TabletLanguage): string =>
  FAILURE_CONTEXT[lang].since.replace(
    '{time}',
    new Date(trouble.since).toLocaleTimeString(lang === 'kea' ? 'pt' : lang, {
      hour: '2-digit',
      minute: '2-digit',
    }),
  );

/** The banner's text: the sentence in the language of the moment, the details collapsed. */
export const troubleBanner = (trouble: SyncTrouble): BannerText =>
  failure(trouble.failure, (lang) => troubleSentence(trouble, lang));
