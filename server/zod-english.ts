/**
 * The contract (server/contract/) is written with `zod/mini`, which loads no locale: zod's own messages
 * would read "Invalid input". The server's field errors (routes/parse.ts) and survey profile errors
 * (domain/surveys.ts) quote them to people, so the server sets zod's English messages once, here.
 * The tablet does not: it never shows zod's messages, and the locale would cost its download ~1 kB.
 */
import { z } from 'zod/mini';

z.config(z.locales.en());
