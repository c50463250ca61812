/**
 * setup.py reads the CSV's special codes as missing, as setup.R does: python3 runs the generated
 * setup.py on the ipei fixture's CSV export, and e05_inps (98 = don't know in the profile) comes back
 * None exactly where the file has 98, empty where it was empty, and the example proportions have no
 * "98" level; an age of 98 would stay (c05_age is not recoded).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportMicrodata } from '../../../analysis/export/bundle.ts';
import { buildMicrodata } from '../../../analysis/export/microdata.ts';
import { readCsv } from '../../../analysis/io/csv.ts';
import { loadSurveyContext } from '../../../server/storage/survey-context.ts';
import { loadWeightedData } from '../../../server/storage/weighted-data.ts';
import { FIXTURE } from '../tables/helpers.ts';

const hasPython = spawnSync('python3', ['--version']).status === 0;
const script = `import json, setup
rows = setup.read("persons.csv")
e05 = [r["e05_inps"] for r in rows]
print(json.dumps({
  "none": sum(1 for x in e05 if x is None),
  "empty": sum(1 for x in e05 if x == ""),
  "codes": sorted({x for x in e05 if x not in (None, "")}),
  "levels": sorted(setup.proportions("individual", "e05_inps")),
  "age_special": "c05_age" in setup.SPECIAL.get("persons.csv", {}),
}))`;

describe.skipIf(!hasPython)('setup.py special codes', () => {
  it('reads the profile codes of a variable as None from the CSV export', async () => {
    const ctx = loadSurveyContext('ipei');
    const data = loadWeightedData(FIXTURE);
    const m = buildMicrodata(data, ctx.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes);
    const dir = mkdtempSync(join(tmpdir(), 'morabeza-setuppy-'));
    for (const f of await exportMicrodata(m, 'csv', { lang: 'en', survey: 'ipei' }))
      writeFileSync(join(dir, f.name), f.bytes);
    const r = spawnSync('python3', ['-c', script], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const got = JSON.parse(r.stdout);
    const e05 = Array.from(readCsv(join(FIXTURE, 'persons.csv')).e05_inps as Float64Array);
    const dk = e05.filter((x) => x === 98).length;
    expect(dk).toBeGreaterThan(0);
    expect(got.none).toBe(dk);
    expect(got.empty).toBe(e05.filter((x) => Number.isNaN(x)).length);
    expect(got.codes).not.toContain('98');
    expect(got.levels.length).toBeGreaterThan(0);
    expect(got.levels).not.toContain('98');
    expect(got.age_special).toBe(false);
  });
});
