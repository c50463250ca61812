/**
 * The tablet's background troubles under the header (client/sync/sync-trouble.ts): a login that unlocked
 * the tablet without the server, the automatic upload stopped by a failure it retries. One banner per
 * step, updated in place at every retry (a polite status, not an alert each time), saying what failed,
 * why and what to do in the app language, since when, and the technical text under a collapsed "Details".
 */
import { BannerContent } from './error-note.tsx';
import { useI18n } from './i18n.ts';
import type { SyncTrouble } from './sync/sync-trouble.ts';
import { troubleBanner, troubleSince } from './sync/trouble-text.ts';

export function SyncTroubleBanners({ troubles }: { troubles: SyncTrouble[] }) {
  const { tabletLang } = useI18n();
  return (
    <>
      {troubles.map((trouble) => (
        <div
          key={trouble.step}
          className="banner warn"
          role="status"
          data-testid="sync-trouble"
          data-step={trouble.step}
          data-tries={trouble.tries}
        >
          <BannerContent value={troubleBanner(trouble)} />{' '}
          <small className="since">{troubleSince(trouble, tabletLang)}</small>
        </div>
      ))}
    </>
  );
}
