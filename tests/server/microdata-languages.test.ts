/**
 * The microdata files in French and Kriolu (issue 17): the export route takes `lang=fr|kea`; the .dta's
 * variable and value labels are the questionnaire's own French and Kriolu (c03_sex: Sexe/Féminin,
 * Séxu/Ómi/Mudjer, read back by R haven) and the engine's (a final weight), codebook.md's headings,
 * notes and table heads are the words of analysis/export/codebook-words.ts in that language with no
 * English heading left, and the public file's control (risk, top-codes, suppressions, the check) is
 * reported in it, and so are the public file's contents line and guarantees; codebook.csv carries the four languages' labels; an unknown language is a 422 naming
 * `lang`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CODEBOOK_WORDS } from '../../analysis/export/codebook-words.ts';
import { treatmentText } from '../../analysis/export/disclosure-control.ts';
import { type DisclosureRisk, disclosureRiskText } from '../../analysis/export/disclosure-risk.ts';
import { kindContents } from '../../analysis/export/kind-contents.ts';
import { suppressionText } from '../../analysis/export/local-suppression.ts';
import type { Microdata } from '../../analysis/export/microdata.ts';
import { publicGuarantees } from '../../analysis/export/public-guarantees.ts';
import { recoveryText } from '../../analysis/export/recoverable-values.ts';
import { analysisSuite } from '../helpers/analysis-app.ts';

const suite = analysisSuite();
const dir = mkdtempSync(join(tmpdir(), 'microdata-lang-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function get(path: string) {
  const headers = await suite.auth('analyst');
  return suite.app.request(`/api/analysis/ipei/microdata/${path}`, { headers });
}

interface DtaVar {
  name: string;
  label: string;
  labels: Record<string, number | string> | null;
}

async function dtaBack(lang: string): Promise<(name: string) => DtaVar> {
  const res = await get(`dta/persons.dta?lang=${lang}`);
  expect(res.status).toBe(200);
  const path = join(dir, `persons-${lang}.dta`);
  writeFileSync(path, new Uint8Array(await res.arrayBuffer()));
  const r = spawnSync('Rscript', ['tests/fixtures/tables/read-dta.R', path], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  const back = JSON.parse(r.stdout) as { vars: DtaVar[] };
  return (name) => {
    const v = back.vars.find((x) => x.name === name);
    if (!v) throw new Error(`no ${name}`);
    return v;
  };
}

const hasR = spawnSync('Rscript', ['--version']).status === 0;

describe.skipIf(!hasR)('the .dta in Kriolu and French (R haven reads it back)', () => {
  it("kea: the questionnaire's Kriolu variable and value labels, the engine's Kriolu weight label", async () => {
    const v = await dtaBack('kea');
    expect(v('c03_sex').label).toBe('Séxu');
    expect(v('c03_sex').labels).toEqual({ Ómi: 1, Mudjer: 2 });
    expect(v('w_person_final').label).toBe('Pezu final individual (kalibradu)');
    expect(v('in_individual').label).toBe('Na unidadi individual (ten pezu individual)');
    expect(v('in_individual').labels?.Sin).toBe(1);
  });
  it("fr: the questionnaire's French", async () => {
    const v = await dtaBack('fr');
    expect(v('c03_sex').label).toBe('Sexe');
    expect(v('c03_sex').labels?.Féminin).toBe(2);
  });
});

describe('codebook.md and codebook.csv in French and Kriolu', () => {
  it('kea: the Kriolu headings, notes and columns, the questionnaire’s Kriolu labels, no English heading', async () => {
    const md = await (await get('csv/codebook.md?lang=kea')).text();
    const words = CODEBOOK_WORDS.kea;
    const w = words.microdata;
    expect(md.startsWith(`# ${words.heading('ipei')}\n`)).toBe(true);
    expect(md.startsWith('# Livru di kódigus: ipei')).toBe(true);
    for (const line of [
      `## ${w.internalFile}`,
      w.report.internalContents,
      w.filesLine,
      `## ${w.howToAnalyse}`,
      `| ${w.designHead.join(' | ')} |`,
      `## ${w.variables}`,
      w.specialCodes,
      '| fixeru | variavel | papel | tipu | rótulu | valoris | na falta |',
    ])
      expect(md, line).toContain(line);
    expect(md).toMatch(/\| persons \| c03_sex \| variable \| numeric \| Séxu \| 1 = Ómi; 2 = Mudjer \|/);
    expect(md).toContain('| w_person_final | weight | numeric | Pezu final individual (kalibradu) |');
    for (const en of ['## How to analyse', '## Variables', '## Internal file', 'Files: households'])
      expect(md).not.toContain(en);
  });
  it("fr: the French headings and the questionnaire's French labels", async () => {
    const md = await (await get('dta/codebook.md?lang=fr')).text();
    const w = CODEBOOK_WORDS.fr.microdata;
    expect(md.startsWith('# Dictionnaire des codes : ipei')).toBe(true);
    expect(md).toContain(`## ${w.howToAnalyse}`);
    expect(md).toContain(`## ${w.internalFile}`);
    expect(md).toMatch(/\| c03_sex \| variable \| numeric \| Sexe \| 1 = [^;]+; 2 = Féminin \|/);
  });
  it('codebook.csv gives every label in pt, en, fr and kea', async () => {
    const csv = await (await get('csv/codebook.csv?lang=kea')).text();
    const [head, ...rows] = csv.replace(/^\uFEFF/, '').split('\n');
    expect(head).toBe(
      'file,variable,role,type,label_pt,label_en,label_fr,label_kea,values_pt,values_en,values_fr,values_kea,missing_pt,missing_en,missing_fr,missing_kea',
    );
    const sex = rows.find((r) => r.startsWith('persons,c03_sex,'));
    expect(sex).toContain(',Sexo,Sex,Sexe,Séxu,');
    expect(sex).toContain('1=Ómi; 2=Mudjer');
    // the engine's own labels: in_individual's reason
    const why = rows.find((r) => r.startsWith('persons,in_individual_why,'));
    expect(why).toContain(',Pamodi na unidadi individual o nãu (in_individual),');
    expect(why).toContain('5=Entrevistadu pesoalmenti');
  });
  it("kea: the public file's control reported in Kriolu (risk, top-code, suppression, check)", () => {
    const risk: DisclosureRisk = {
      unit: 'persons',
      keyVariables: ['island', 'age_group'],
      k: 3,
      records: 200,
      cells: 40,
      sampleUniques: 5,
      recordsBelowK: 9,
      cellsBelowK: 6,
      recordsBySize: [5, 4],
      weight: 'w_roster_final',
      smallestFk: 41.6,
    };
    expect(disclosureRiskText(risk, 'kea')).toBe(
      'Risku di divulgason na variavel-xavi island, age_group (k = 3): 200 pesoas na 40 kombinason; 5 úniku na amostra (2.5%); 9 na 6 kombinason ku ménus di 3 pesoas (4.5%). Kombinason más raru ta representa más o ménus 42 pesoas na populason (Fk más pikenu, soma di w_roster_final).',
    );
    const top = { file: 'persons' as const, variable: 'age', method: 'topCode' as const, groups: null };
    expect(treatmentText([{ ...top, cap: 80, percentile: 99, changed: 4 }], 'kea')).toEqual([
      'age (persons): kodifikadu na topu na 80 (persentil 99); 4 rijistu mudadu.',
    ]);
    expect(
      suppressionText([{ variable: 'nat', suppressed: 7, with: ['birth'] }], 3, 'kea', 'household'),
    ).toEqual(['nat: 7 valor suprimidu (ku birth) pa kada agregadu ten pelu ménus 3 na se kombinason.']);
    expect(recoveryText([{ key: 'nat', variable: 'lang', records: 2 }], 'blank', 'fr')).toEqual([
      'lang : redonnait nat supprimé sur 2 enregistrements ; mise à manquant sur ces enregistrements.',
    ]);
    expect(recoveryText([], 'blank', 'kea')).toEqual([CODEBOOK_WORDS.kea.microdata.report.noRecovery]);
    // the public file's contents line and guarantees
    const pub = {
      kind: 'public',
      publicUse: {
        pseudonymised: ['household_id'],
        geographyKept: ['island'],
        geographyDropped: ['ea'],
        dropped: ['w1_base'],
        householdPsuStrata: 1,
      },
      disclosureRisk: risk,
      householdDisclosureRisk: null,
      disclosureControl: { recovered: { action: 'blank', recoveries: [] }, households: null },
    } as unknown as Microdata;
    const contents = kindContents(pub, 'kea');
    expect(contents).toMatch(/^Fixeru di uzu públiku\. Kódigus aleatóriu .*: household_id; /);
    expect(contents).toContain('Jiografia mantidu: island; tiradu: ea. Tanbe tiradu: w1_base');
    expect(contents).toContain(' Atenson: 1 stratu di variansa ten agregadus suma UPA');
    expect(publicGuarantees(pub, 'kea')).toMatch(
      /^Garantidu: kada pesoa ta partilha se kombinason di island, age_group ku pelu ménus 2 otu .*, fora 9 ki ka ten .*kes ki ta fazeba-l sta na falta na es rijistus\)\. Ka garantidu: /,
    );
    expect(publicGuarantees(pub, 'fr')).toMatch(
      /^Garanti : chaque personne partage sa combinaison de island, age_group/,
    );
  });
  it('an unknown language is a 422 naming lang', async () => {
    const res = await get('csv/codebook.md?lang=de');
    expect(res.status).toBe(422);
    expect((await res.json()).details[0].field).toBe('lang');
  });
});
