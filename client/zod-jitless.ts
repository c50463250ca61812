/**
 * Imported first by the tablet app: zod's object schemas otherwise probe `new Function('')` (for their
 * compiled fast path) when they are built, which the Content-Security-Policy forbids (no eval; see
 * server/app.ts) and which shows as a policy violation. Jitless parsing needs no eval; our envelopes
 * are small, so the fast path gains nothing that matters here.
 */
import { z } from 'zod/mini';

z.config({ jitless: true });
