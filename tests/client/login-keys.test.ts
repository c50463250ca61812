/**
 * The login's messages in the tablet catalogue (client/i18n.ts and its fr/kea copies) are all said
 * somewhere: each `login.*` key is either a word of the login screen (client/screens/login-screen.tsx)
 * or the sentence the login screen shows for a failure without a server problem
 * (client/sync/login-text.ts). A 429 or an answer that is not the server's is told by the failure's own
 * sentence (client/error-sentence.ts), so no key of its own is left behind in the catalogues.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_LANGUAGES, MESSAGES } from '../../client/i18n.ts';
import { loginFailureText } from '../../client/sync/login-text.ts';

const screen = readFileSync(new URL('../../client/screens/login-screen.tsx', import.meta.url), 'utf8');
const REASONS = ['failed', 'offlineUnknown', 'otherUser', 'passwordChanged'] as const;

describe("the login's messages", () => {
  it('are each a word of the login screen or the sentence of a failure reason', () => {
    const said = new Set<string>(
      REASONS.map((reason) => loginFailureText({ ok: false, reason }).message ?? ''),
    );
    for (const lang of APP_LANGUAGES) {
      const keys = Object.keys(MESSAGES[lang]).filter((k) => k.startsWith('login.'));
      const unused = keys.filter((k) => !said.has(k) && !screen.includes(`'${k}'`));
      expect(unused, lang).toEqual([]);
    }
  });

  it('a 429 is said by its own sentence, not a login key', () => {
    const problem = { kind: 'transient', status: 429, message: 'HTTP 429' } as const;
    expect(loginFailureText({ ok: false, reason: 'throttled', problem }).message).toBeNull();
    expect(loginFailureText({ ok: false, reason: 'server', problem }).message).toBeNull();
  });
});
