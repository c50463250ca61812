/**
 * Reading request bodies at the boundary: malformed JSON is 400, a key written twice in one object or a
 * field that fails its schema is 422.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { Problem } from '../problems.ts';
import { firstDuplicateKey } from './duplicate-keys.ts';

export function fieldErrors(error: z.ZodError): Array<{ field: string; message: string }> {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join('.') : '(body)',
    message: issue.message,
  }));
}

export async function readJson(c: Context): Promise<unknown> {
  return parseJson(await c.req.text());
}

export function parseJson(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Problem('request.malformed', { reason: (error as Error).message });
  }
  const duplicate = firstDuplicateKey(text);
  if (duplicate !== null) {
    throw new Problem('request.invalid', [
      {
        field: duplicate,
        message:
          'this key appears twice in one object: send each key once (readers disagree on which counts)',
      },
    ]);
  }
  return value;
}

export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const parsed = schema.safeParse(await readJson(c));
  if (!parsed.success) throw new Problem('request.invalid', fieldErrors(parsed.error));
  return parsed.data;
}
