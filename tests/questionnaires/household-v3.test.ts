/**
 * ipei/household.v3 wired into the IPEI survey folder: it is the latest interview version the server
 * publishes and checks the profile against (new assignments get it), v1 and v2 stay as fielded (their
 * locks unchanged).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../scripts/questionnaires/lib/locks.ts';
import { findQuestionnaireFiles } from '../../server/domain/questionnaire-files.ts';
import { loadSurveyFolder } from '../../server/domain/surveys.ts';

const repo = new URL('../..', import.meta.url).pathname;
const root = join(repo, 'questionnaires');

describe('ipei/household.v3 in the survey folder', () => {
  it('is the latest published ipei-household version and the profile checks against it', () => {
    const versions = findQuestionnaireFiles(root)
      .filter((f) => f.id === 'ipei-household')
      .map((f) => f.version);
    expect(versions).toEqual([1, 2, 3]);
    expect(() => loadSurveyFolder(root, 'ipei')).not.toThrow();
  });

  it('leaves v1 and v2 byte for byte as fielded (their locks)', () => {
    const locks = JSON.parse(readFileSync(join(root, 'locks.json'), 'utf8')).files as Record<string, string>;
    for (const f of ['ipei/household.v1.json', 'ipei/household.v2.json', 'ipei/listing.v1.json'])
      expect(sha256(readFileSync(join(root, f), 'utf8')), f).toBe(locks[f]);
    expect(locks['ipei/household.v3.json']).toBeUndefined();
  });
});
