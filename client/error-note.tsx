/**
 * A banner's text: either a plain sentence, or a failure kept as it came (a failed API result, a thrown
 * error) and told when shown, in the app language of that moment, by client/error-sentence.ts: its
 * sentence is the text, its technical details sit below in a collapsed, small line. A screen that knows
 * more than the error's kind (the analyst's screen, a refused table naming its variable) passes its own
 * sentence in the language of the moment (`say`), the details staying the same.
 */
import { ERROR_MESSAGES } from './error-messages.ts';
import { errorSentence } from './error-sentence.ts';
import { type TabletLanguage, useI18n } from './i18n.ts';

/** The screen's own sentence for a failure in `lang`, or null for the kind's sentence. */
export type SayFailure = (lang: TabletLanguage) => string | null;

export type BannerText = string | { failure: unknown; say?: SayFailure };

/** A failure for a banner (told by its kind, or by `say` when it gives a sentence). */
export const failure = (error: unknown, say?: SayFailure): BannerText => ({ failure: error, say });

/** The sentence a failure is shown with in `lang`, and its details. */
function told(value: { failure: unknown; say?: SayFailure }, lang: TabletLanguage) {
  const shown = errorSentence(value.failure, lang);
  return { ...shown, sentence: value.say?.(lang) ?? shown.sentence };
}

export function BannerContent({ value }: { value: BannerText }) {
  const { tabletLang } = useI18n();
  if (typeof value === 'string') return <>{value}</>;
  const shown = told(value, tabletLang);
  return (
    <>
      {shown.sentence}
      {shown.details && (
        <details className="error-details">
          <summary>{shown.detailsLabel}</summary>
          <small>{shown.details}</small>
        </details>
      )}
    </>
  );
}

/** A technical note alone (an outbox item's refusal, under its state), collapsed and small. */
export function ErrorDetails({ text }: { text: string }) {
  const { tabletLang } = useI18n();
  return (
    <details className="error-details">
      <summary>{ERROR_MESSAGES[tabletLang].details}</summary>
      <small>{text}</small>
    </details>
  );
}

/** The sentence alone, where only text fits (a status line). */
export const bannerSentence = (value: BannerText, lang: TabletLanguage) =>
  typeof value === 'string' ? value : told(value, lang).sentence;
