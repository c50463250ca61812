/**
 * The generic generator (scripts/questionnaires/lib/generate.ts) on the IPEI sources in
 * questionnaires/ipei/src/: every generated file is byte for byte the committed one; a locked file that
 * would change is refused and left as it was; a survey without sources is refused with the ones there are.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileText, loadGenerators, writeSurveyFiles } from '../../scripts/questionnaires/lib/generate.ts';
import { sha256 } from '../../scripts/questionnaires/lib/locks.ts';

const repo = new URL('../..', import.meta.url).pathname;
const dir = join(repo, 'questionnaires');
const tmp = mkdtempSync(join(tmpdir(), 'morabeza-generate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('questionnaires:generate and frame:generate', () => {
  it('regenerate every committed IPEI file byte for byte from questionnaires/ipei/src', async () => {
    const generators = await loadGenerators(dir, 'ipei');
    const files = { ...generators.questionnaires?.(), ...generators.frame?.() };
    expect(Object.keys(files).sort()).toEqual([
      'design.json',
      'frame.csv',
      'household.v3.json',
      'listing.v2.json',
      'translations-status.json',
    ]);
    for (const [name, content] of Object.entries(files))
      expect(fileText(content), name).toBe(readFileSync(join(dir, 'ipei', name), 'utf8'));
  });

  it('refuses to change a locked file and writes the others', () => {
    mkdirSync(join(tmp, 'demo'));
    writeFileSync(join(tmp, 'demo', 'form.v1.json'), '{"pages":[]}\n');
    writeFileSync(
      join(tmp, 'locks.json'),
      JSON.stringify({ files: { 'demo/form.v1.json': sha256('{"pages":[]}\n') } }),
    );
    const result = writeSurveyFiles(tmp, 'demo', {
      'form.v1.json': { pages: [1] },
      'form.v2.json': { pages: [1] },
    });
    expect(result).toEqual({ written: ['demo/form.v2.json'], refused: ['demo/form.v1.json'] });
    expect(readFileSync(join(tmp, 'demo', 'form.v1.json'), 'utf8')).toBe('{"pages":[]}\n');
    expect(JSON.parse(readFileSync(join(tmp, 'demo', 'form.v2.json'), 'utf8'))).toEqual({ pages: [1] });
  });

  it('refuses a survey without sources, naming the surveys that have them', async () => {
    await expect(loadGenerators(dir, 'nope')).rejects.toThrow(
      /no survey "nope".*surveys with sources: .*ipei/,
    );
    await expect(loadGenerators(dir, '../server')).rejects.toThrow(/no survey/);
  });
});
