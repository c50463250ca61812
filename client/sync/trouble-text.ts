/**
 * The tablet's background troubles (client/sync/sync-trouble.ts) as the banner says them in the app
 * language: what failed (the login that unlocked without the server, the renewal of the session that
 * did not reach the server or that it refused (client/sync/renewal.ts), the
 * automatic upload, the automatic
 * download or only a survey's profile), the failure's own sentence (client/error-sentence.ts), and since
 * when, the technical text under "Details". One banner per step, updated in place at each retry.
 */

import { FAILURE_CONTEXT, type FailureContext, RENEWAL_REFUSAL } from '../error-messages.ts';
import { type BannerText, failure } from '../error-note.tsx';
import { sentenceIn } from '../error-sentence.ts';
import type { TabletLanguage } from '../i18n.ts';
import { refusalFollowUp, renewalContext } from './renewal.ts';
import type { SyncTrouble } from './sync-trouble.ts';

/** What the banner says failed. */
export function troubleContext(trouble: SyncTrouble): FailureContext {
  if (trouble.step === 'login') return 'loginOffline';
  if (trouble.step === 'renew') return renewalContext(trouble.failure);
  if (trouble.step === 'upload') return 'autoUpload';
  const step = (trouble.failure as { step?: string } | null)?.step;
  return step === 'profile' ? 'profileStale' : 'autoRefresh';
}

/**
 * The whole sentence in `lang`: what failed, then why and what to do; a renewal's refusal follows with
 * its own words or none where the generic sentence does not fit (REFUSAL_FOLLOW_UP, client/sync/renewal.ts).
 */
export function troubleSentence(trouble: SyncTrouble, lang: TabletLanguage): string {
  const context = troubleContext(trouble);
  const followUp = trouble.step === 'renew' ? refusalFollowUp(trouble.failure) : 'generic';
  if (followUp === 'generic') return sentenceIn(context, trouble.failure, lang);
  const head = (FAILURE_CONTEXT[lang] ?? FAILURE_CONTEXT.en)[context];
  return followUp === 'none' ? head : `${head} ${(RENEWAL_REFUSAL[lang] ?? RENEWAL_REFUSAL.en)[followUp]}`;
}

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
