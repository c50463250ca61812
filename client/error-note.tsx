/**
 * A banner's text: either a plain sentence, or a failure kept as it came (a failed API result, a thrown
 * error) and told when shown, in the app language of that moment, by client/error-sentence.ts: its
 * sentence is the text, its technical details sit below in a collapsed, small line.
 */
import { ERROR_MESSAGES } from './error-messages.ts';
import { errorSentence } from './error-sentence.ts';
import { type TabletLanguage, useI18n } from './i18n.ts';

export type BannerText = string | { failure: unknown };

/** A failure for a banner. */
export const failure = (error: unknown): BannerText => ({ failure: error });

export function BannerContent({ value }: { value: BannerText }) {
  const { tabletLang } = useI18n();
  if (typeof value === 'string') return <>{value}</>;
  const shown = errorSentence(value.failure, tabletLang);
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
  typeof value === 'string' ? value : errorSentence(value.failure, lang).sentence;
