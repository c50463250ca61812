/**
 * `npm run translations:export -- <survey> <lang> [file.xlsx]` writes the language's catalogue
 * (questionnaires/<survey>/src/translations/<lang>.json) as a translator's workbook (default <survey>-<lang>.xlsx);
 * `npm run translations:import -- <survey> <lang> file.xlsx` reads one back into the catalogue, or prints every
 * problem (row, column, why) and exits 1 leaving the catalogue as it was. Then regenerate the questionnaire.
 * With `--interface` the same for the survey's interface catalogue (questionnaires/<survey>/interface/<lang>.json:
 * survey-core's buttons and messages), whose Portuguese source is survey-core's own Portuguese.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueDir, catalogueText, parseCatalogue } from './lib/catalogue.ts';
import { interfaceDir, interfaceSites } from './lib/interface-check.ts';
import { surveyStrings } from './lib/survey-strings.ts';
import { exportWorkbook, importWorkbook } from './lib/workbook.ts';

const dir = 'questionnaires';
const args = process.argv.slice(2);
const ui = args.includes('--interface');
const [command, survey, lang, file] = args.filter((a) => a !== '--interface');
if (!['export', 'import'].includes(command) || !survey || !lang || (command === 'import' && !file)) {
  console.error(
    'usage: npm run translations:export -- <survey> <lang> [--interface] [file.xlsx]\n       npm run translations:import -- <survey> <lang> [--interface] file.xlsx',
  );
  process.exit(2);
}
try {
  const folder = ui ? interfaceDir(dir, survey) : catalogueDir(dir, survey);
  const path = join(folder, `${lang}.json`);
  if (!/^[a-zA-Z-]+$/.test(lang) || !existsSync(path))
    throw new Error(`no catalogue ${path}: the survey's catalogues are the files in ${folder}/`);
  const catalogue = parseCatalogue(path, readFileSync(path, 'utf8'));
  const sites = ui ? interfaceSites() : await surveyStrings(dir, survey);
  if (command === 'export') {
    const out = file ?? `${survey}-${lang}${ui ? '-interface' : ''}.xlsx`;
    writeFileSync(out, await exportWorkbook(sites, catalogue, lang));
    console.log(`wrote ${out}: ${sites.length} strings of ${survey} in ${lang}`);
  } else {
    const result = await importWorkbook(readFileSync(file), sites, catalogue, lang);
    if (result.problems.length) {
      console.error(`${file}: ${result.problems.length} problem(s), nothing imported:`);
      for (const p of result.problems) console.error(`  ${p}`);
      process.exit(1);
    }
    writeFileSync(path, catalogueText(result.catalogue));
    console.log(
      `${path}: ${result.changed.length} string(s) changed${ui ? '' : `; now run npm run questionnaires:generate -- ${survey}`}`,
    );
  }
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
