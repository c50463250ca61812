/**
 * The tablet app travels compressed: the build step (scripts/build/precompress.ts) writes .gz and .br
 * copies of each text asset that decompress to the same bytes (tiny files and fonts are left alone),
 * and the server (serveClientApp in server/app.ts) answers a browser that accepts brotli or gzip with
 * that copy and its Content-Encoding, and one that accepts neither with the file itself.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../scripts/build/precompress.ts';
import { serveClientApp } from '../../server/app.ts';

let dir = '';
// compressible, and above the 1 kB below which no copy is written
const SCRIPT = `export const questions = [${Array.from({ length: 400 }, (_, i) => `"q${i}"`).join(',')}];\n`;
const TINY = 'body{margin:0}\n';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'morabeza-precompress-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'index-abc.js'), SCRIPT);
  writeFileSync(join(dir, 'assets', 'tiny.css'), TINY);
  writeFileSync(join(dir, 'assets', 'font.woff2'), Buffer.alloc(4096, 7));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
  precompressDir(dir);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('precompressed tablet assets', () => {
  it('the build writes .gz and .br copies of text assets that decompress to the same bytes', () => {
    const js = join(dir, 'assets', 'index-abc.js');
    expect(gunzipSync(readFileSync(`${js}.gz`)).toString()).toBe(SCRIPT);
    expect(brotliDecompressSync(readFileSync(`${js}.br`)).toString()).toBe(SCRIPT);
    expect(readFileSync(`${js}.gz`).length).toBeLessThan(SCRIPT.length / 2);
    expect(existsSync(join(dir, 'assets', 'tiny.css.gz')), 'a file under 1 kB').toBe(false);
    expect(existsSync(join(dir, 'assets', 'font.woff2.gz')), 'a font').toBe(false);
  });

  it('the server answers with the copy the browser accepts, brotli first', async () => {
    const app = new Hono();
    serveClientApp(app, dir);
    const get = (encoding?: string) =>
      app.request('/assets/index-abc.js', { headers: encoding ? { 'Accept-Encoding': encoding } : {} });

    const br = await get('gzip, deflate, br');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(SCRIPT);

    const gz = await get('gzip, deflate');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(SCRIPT);

    const plain = await get();
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(SCRIPT);

    // an app route (no such file) still gets index.html
    const route = await app.request('/interview/123');
    expect(await route.text()).toContain('<title>app</title>');
  });
});
