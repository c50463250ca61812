/**
 * The client imports nothing of the server but its contract: every import, re-export and dynamic
 * import() of a relative path in client/ (.ts, .tsx, .js, .mjs) resolves inside client/ or
 * server/contract/. Packages (bare names) are the bundler's business and not checked here. Each
 * offending import is reported as file:line and the path it reaches.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Specifiers of `import ... from`, `export ... from`, `import '...'` and `import('...')`, with their line. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"\n]+)\1/g;

/** The relative imports of one file's text that reach outside client/ and server/contract/. */
function outsideImports(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(SPECIFIER)) {
    const spec = m[2];
    if (!spec.startsWith('.') && !spec.startsWith('/')) continue;
    const target = relative('.', normalize(join(dirname(file), spec)))
      .split(sep)
      .join('/');
    if (target.startsWith('client/') || target.startsWith('server/contract/')) continue;
    const line = text.slice(0, m.index).split('\n').length;
    out.push(`${file}:${line}: ${spec} (${target})`);
  }
  return out;
}

const sources = filesUnder('client').filter((f) => /\.(ts|tsx|js|mjs)$/.test(f));

describe('the client imports only client/ and server/contract/', () => {
  it('reads the client and its imports of the contract', () => {
    expect(sources.length).toBeGreaterThan(50);
    const contract = sources.filter((f) => readFileSync(f, 'utf8').includes('/server/contract/'));
    expect(contract.length).toBeGreaterThan(10);
  });

  it('flags an import of analysis/, of server/ outside contract/, a re-export and a dynamic import', () => {
    const text = [
      "import { MARK } from '../../analysis/tables/reliability.ts';",
      "import type { WeightingFailure } from '../../server/problems.ts';",
      "export { x } from '../../server/domain/x.ts';",
      "const m = await import('../../analysis/index.ts');",
      "import { ok } from '../../server/contract/analysis.ts';",
      "import { fine } from './result-crosstab.ts';",
      "import { h } from 'preact';",
    ].join('\n');
    expect(outsideImports('client/analyst/x.ts', text)).toEqual([
      'client/analyst/x.ts:1: ../../analysis/tables/reliability.ts (analysis/tables/reliability.ts)',
      'client/analyst/x.ts:2: ../../server/problems.ts (server/problems.ts)',
      'client/analyst/x.ts:3: ../../server/domain/x.ts (server/domain/x.ts)',
      'client/analyst/x.ts:4: ../../analysis/index.ts (analysis/index.ts)',
    ]);
  });

  it('has no client file importing anything outside client/ and server/contract/', () => {
    const hits = sources.flatMap((f) => outsideImports(f, readFileSync(f, 'utf8')));
    expect(hits).toEqual([]);
  });
});
