/**
 * What a built tablet app weighs, read from the build folder: every JS and CSS asset (raw and gzip),
 * and the first load, the assets `index.html` names (the entry script, its preloaded static imports
 * and its stylesheets), which is what a tablet downloads before it shows the login screen. Chunks
 * loaded on demand (the staff and analyst screens) are in the total but not in the first load.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Weight {
  raw: number;
  gzip: number;
}
export interface BundleSizes {
  js: Weight;
  css: Weight;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function weigh(files: string[]): BundleSizes {
  const sizes = { js: { raw: 0, gzip: 0 }, css: { raw: 0, gzip: 0 } };
  for (const file of files) {
    const kind = file.endsWith('.js') ? 'js' : file.endsWith('.css') ? 'css' : null;
    if (!kind) continue;
    const bytes = readFileSync(file);
    sizes[kind].raw += bytes.length;
    sizes[kind].gzip += gzipSync(bytes).length;
  }
  return sizes;
}

/** Every JS and CSS asset of the build. */
export const bundleSizes = (dist: string): BundleSizes => weigh(walk(join(dist, 'assets')));

/** The asset paths (relative to dist, e.g. `assets/index-abc.js`) that index.html loads at once. */
export function firstLoadAssets(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  return [...new Set(refs)];
}

/** The weight of the first load (see firstLoadAssets). */
export const firstLoadSizes = (dist: string): BundleSizes =>
  weigh(firstLoadAssets(dist).map((a) => join(dist, a)));

/** Every JS asset of the build (relative to dist). */
export const scriptAssets = (dist: string): string[] =>
  walk(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => f.slice(dist.length + 1));

/**
 * The weight of the given assets (paths relative to dist, e.g. the ones a page requested): raw, gzip
 * (level 6, as a server compressing on the fly would send) and brotli, read from the build's `.br`
 * copies (scripts/build/precompress.ts; null when a build wrote none).
 */
export function assetsWeight(dist: string, assets: string[]): Weight & { brotli: number | null } {
  let raw = 0;
  let gzip = 0;
  let brotli: number | null = 0;
  for (const asset of assets) {
    const file = join(dist, asset);
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
    const br = `${file}.br`;
    brotli = brotli !== null && existsSync(br) ? brotli + statSync(br).size : null;
  }
  return { raw, gzip, brotli };
}
