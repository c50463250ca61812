/**
 * A Vite plugin that writes a gzip (`.gz`) and a brotli (`.br`) copy beside every text asset of the
 * built tablet app (JS, CSS, HTML, SVG, web manifest), once the service worker is generated too.
 * The server hands them out as they are (server/app.ts: serveStatic `precompressed`), so a tablet
 * downloads the app compressed without the server compressing on each request: ~2.4 MB of script
 * and style become ~550 kB gzip or ~440 kB brotli. Brotli at its best quality costs ~5 s of CPU per
 * build, so builds inside the test runner (VITEST set) write the gzip copies only.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const TEXT = /\.(js|css|html|svg|webmanifest)$/;
// below this a compressed copy saves less than a request header weighs
const MIN_BYTES = 1024;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Writes `<file>.gz` and (unless `brotli` is false) `<file>.br` for each text file of `dir`. */
export function precompressDir(dir: string, brotli = true): void {
  for (const file of walk(dir)) {
    if (!TEXT.test(file)) continue;
    const bytes = readFileSync(file);
    if (bytes.length < MIN_BYTES) continue;
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
    if (brotli) {
      const params = {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      };
      writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params }));
    }
  }
}

export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'morabeza-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    // after vite-plugin-pwa has written sw.js and its workbox script
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        precompressDir(outDir, !process.env.VITEST);
      },
    },
  };
}
