/**
 * client/analyst/latest-only.ts: the analyst's screen uses only the answer to its latest catalogue
 * request. Two requests whose answers arrive in the opposite order (the first survey's last, as under a
 * loaded server): the first resolves to STALE and the second to its own answer; a single request, or
 * one that finished before the next started, resolves to its answer.
 */
import { describe, expect, it } from 'vitest';
import { latestOnly, STALE } from '../../client/analyst/latest-only.ts';

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('latestOnly', () => {
  it('drops an earlier answer that arrives after a later request started', async () => {
    const answers = new Map([
      ['desks', deferred<string>()],
      ['ipei', deferred<string>()],
    ]);
    const fetchCatalogue = latestOnly((survey: string) => answers.get(survey)?.promise as Promise<string>);
    const first = fetchCatalogue('desks');
    const second = fetchCatalogue('ipei');
    answers.get('ipei')?.resolve('ipei catalogue');
    answers.get('desks')?.resolve('desks catalogue');
    expect(await second).toBe('ipei catalogue');
    expect(await first).toBe(STALE);
  });

  it('keeps every answer when the requests do not overlap', async () => {
    const fetchCatalogue = latestOnly(async (survey: string) => `${survey} catalogue`);
    expect(await fetchCatalogue('desks')).toBe('desks catalogue');
    expect(await fetchCatalogue('ipei')).toBe('ipei catalogue');
  });
});
