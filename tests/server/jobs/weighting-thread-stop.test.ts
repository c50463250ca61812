/**
 * A weighting run stopped at shutdown (server/jobs/weighting-thread.ts, its abort signal): the run's
 * promise fails with the catalogue's `weighting.stopped` and the structured detail `run.stopped`, so the
 * failed-run banner reads whole in Portuguese, English, French and Kriolu, with no English words left.
 */
import { describe, expect, it } from 'vitest';
import { WeightingError } from '../../../analysis/weighting/errors.ts';
import { weightingFailureText } from '../../../client/analyst/weighting-failure-text.ts';
import { runErrorSchema } from '../../../server/contract/weighting.ts';
import type { WeightingInputs } from '../../../server/domain/weighting/inputs.ts';
import type { WeighSurveyOptions } from '../../../server/domain/weighting/weigh-survey.ts';
import { weighInWorker } from '../../../server/jobs/weighting-thread.ts';
import { problemCatalogue } from '../../../server/problems.ts';

describe('a weighting run stopped at shutdown', () => {
  it('fails as weighting.stopped with its detail, said in each staff language', async () => {
    const stop = new AbortController();
    const run = weighInWorker(
      { households: [], persons: [] } as unknown as WeightingInputs,
      { survey: 'x', outDir: '/nonexistent', replicates: false } as WeighSurveyOptions,
      stop.signal,
    );
    stop.abort();
    const error = await run.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WeightingError);
    const e = error as WeightingError;
    expect([e.code, e.detail, e.message]).toEqual([
      'weighting.stopped',
      { key: 'run.stopped', params: {} },
      'The run was stopped while the server was shutting down.',
    ]);
    // as the server keeps it and the banner shows it
    const wire = runErrorSchema.parse({
      code: e.code,
      message: problemCatalogue['weighting.stopped'].message,
      details: e.message,
      detail: e.detail,
    });
    expect(weightingFailureText('fr', wire)).toBe(
      "La dernière pondération a échoué. Elle a été arrêtée parce que le serveur s'éteignait : relancez-la. (La pondération a été arrêtée pendant l'extinction du serveur.)",
    );
    expect(weightingFailureText('kea', wire)).toBe(
      'Últimu ponderason falha. E para pamodi servidor sa ta fitxa: kumesa-l otu bes. (Ponderason para enkuantu servidor sa ta fitxa.)',
    );
    expect(weightingFailureText('pt', wire)).not.toContain(e.message);
  });
});
