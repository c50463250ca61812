/**
 * A failed weighting run in the staff's language (client/analyst/weighting-failure-text.ts): every
 * failure code of the one error catalogue (server/problems.ts WEIGHTING_FAILURES) has a sentence in
 * Portuguese, English, French and Kriolu, translated rather than copied from English; the banner's text
 * for a failed run is that sentence followed by the pipeline's own words, in the same language when the
 * error carries their structured detail, else as the pipeline wrote them.
 */
import { describe, expect, it } from 'vitest';
import { detailText } from '../../analysis/weighting/failure-text.ts';
import { WEIGHTING_FAILURE_TEXT, weightingFailureText } from '../../client/analyst/weighting-failure-text.ts';
import { APP_LANGUAGES } from '../../client/i18n.ts';
import { runErrorSchema } from '../../server/contract/weighting.ts';
import { problemCatalogue, WEIGHTING_FAILURES, weightingFailure } from '../../server/problems.ts';

describe('weighting failures in the staff languages', () => {
  it('has a sentence for exactly the catalogue failure codes in every language', () => {
    for (const code of WEIGHTING_FAILURES) expect(problemCatalogue[code].message, code).toBeTruthy();
    for (const lang of APP_LANGUAGES) {
      const texts = WEIGHTING_FAILURE_TEXT[lang];
      expect(Object.keys(texts).sort(), lang).toEqual(['intro', ...WEIGHTING_FAILURES].sort());
      for (const [k, v] of Object.entries(texts)) expect(v.trim(), `${lang} ${k}`).not.toBe('');
    }
  });

  it('translates Portuguese, French and Kriolu rather than copying English', () => {
    for (const lang of ['pt', 'fr', 'kea'] as const) {
      const same = Object.keys(WEIGHTING_FAILURE_TEXT.en).filter(
        (k) =>
          WEIGHTING_FAILURE_TEXT[lang][k as keyof typeof WEIGHTING_FAILURE_TEXT.en] ===
          WEIGHTING_FAILURE_TEXT.en[k as keyof typeof WEIGHTING_FAILURE_TEXT.en],
      );
      expect(same, lang).toEqual([]);
    }
  });

  it("shows a failed run's code in the chosen language with the pipeline's words", () => {
    const details = "No selected unit of survey 'x' has a listing.";
    const error = runErrorSchema.parse({
      code: 'weighting.input',
      message: problemCatalogue['weighting.input'].message,
      details,
    });
    expect(weightingFailureText('pt', error)).toBe(
      `A última ponderação falhou. ${WEIGHTING_FAILURE_TEXT.pt['weighting.input']} (${details})`,
    );
    expect(weightingFailureText('fr', error)).toContain('La dernière pondération a échoué.');
    expect(weightingFailureText('kea', error)).toContain(WEIGHTING_FAILURE_TEXT.kea['weighting.input']);
    expect(weightingFailureText('en', error)).not.toContain('ponderação');
  });

  it("says the pipeline's words in the chosen language when the error carries their detail", () => {
    const detail = { key: 'input.pi2_lost', params: { units: ['EA7-003-1'], clusters: ['EA7'] } };
    const error = runErrorSchema.parse({
      code: 'weighting.input',
      message: problemCatalogue['weighting.input'].message,
      details: 'Drawn in the sample by their cluster’s listing but without pi2: EA7-003-1 (English words)',
      detail,
    });
    const pt = weightingFailureText('pt', error);
    expect(pt).toBe(
      `A última ponderação falhou. ${WEIGHTING_FAILURE_TEXT.pt['weighting.input']} (${detailText('pt', error.detail as never)})`,
    );
    expect(pt).toContain('EA7-003-1');
    expect(pt).not.toContain('English words');
    expect(weightingFailureText('fr', error)).toContain("Tirées dans l'échantillon");
    expect(weightingFailureText('kea', error)).toContain('Sorteadu na amostra');
    expect(weightingFailureText('en', error)).toContain('(cluster EA7)');
    // a detail the wire does not know is refused; a detail this code cannot say falls back to the words
    expect(runErrorSchema.safeParse({ ...error, detail: { key: 'nope', params: {} } }).success).toBe(false);
    const odd = { ...error, detail: { key: 'input.pi2_lost', params: {} } } as typeof error;
    expect(weightingFailureText('pt', odd)).toContain('English words');
  });

  it('names any code outside the catalogue weighting.failed, and the wire refuses one', () => {
    expect(weightingFailure('weighting.margin')).toBe('weighting.margin');
    expect(weightingFailure('weighting.something_new')).toBe('weighting.failed');
    expect(weightingFailure(undefined)).toBe('weighting.failed');
    expect(runErrorSchema.safeParse({ code: 'weighting.nope', message: 'm', details: 'd' }).success).toBe(
      false,
    );
  });
});
