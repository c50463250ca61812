import { describe, expect, it } from 'vitest';
import { translator } from '../../client/i18n.ts';
import { outboxSentence } from '../../client/sync/outbox-text.ts';

const NOW = 1_000_000;

describe('an outbox item in words', () => {
  it('says why an upload waits and when it is retried, in the app language', () => {
    const item = {
      state: 'retry_wait' as const,
      lastError: 'network: TypeError: Failed to fetch',
      nextAttemptAt: NOW + 2_100,
    };
    expect(outboxSentence(item, NOW, translator('en'))).toBe('No network; retrying in 3 s');
    expect(outboxSentence(item, NOW, translator('pt'))).toBe('Sem rede; nova tentativa dentro de 3 s');
    expect(outboxSentence({ ...item, lastError: 'timeout' }, NOW, translator('en'))).toBe(
      'The server took too long; retrying in 3 s',
    );
    expect(outboxSentence({ ...item, lastError: 'HTTP 500' }, NOW + 5_000, translator('en'))).toBe(
      'The server had an error; retrying now',
    );
  });

  it('adds nothing when the state says it all', () => {
    for (const state of ['queued', 'sending', 'conflict', 'rejected', 'auth_wait'] as const)
      expect(
        outboxSentence({ state, lastError: 'x', nextAttemptAt: null }, NOW, translator('en')),
      ).toBeNull();
  });
});
