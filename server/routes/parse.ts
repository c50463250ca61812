/**
 * Reading request bodies at the boundary: malformed JSON is 400, a key written twice in one object or a
 * field that fails its schema is 422.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod/mini';
import '../zod-english.ts';
import { Problem } from '../problems.ts';
import { firstDuplicateKey } from './duplicate-keys.ts';

export function fieldErrors(error: z.core.$ZodError): Array<{ field: string; message: string }> {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join('.') : '(body)',
    message: issue.message,
  }));
}

/**
 * The body as text. Reading it fails only when the connection does (the tablet lost its network halfway):
 * that is the client's abort, not a server or database failure, and is reported as such.
 */
export async function readText(c: Context): Promise<string> {
  try {
    return await c.req.text();
  } catch (error) {
    if (error instanceof Problem || error instanceof HTTPException) throw error;
    throw clientAborted(error);
  }
}

export function clientAborted(cause: unknown): Problem {
  const problem = new Problem('request.aborted');
  (problem as { cause?: unknown }).cause = cause;
  return problem;
}

export async function readJson(c: Context): Promise<unknown> {
  return parseJson(await readText(c));
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

export async function readBody<S extends z.core.$ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const parsed = z.safeParse(schema, await readJson(c));
  if (!parsed.success) throw new Problem('request.invalid', fieldErrors(parsed.error));
  return parsed.data;
}
