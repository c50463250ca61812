/** The synthetic WeightedData fixture (tests/fixtures/tables) with a small plan file and labels. */
import { labelsFrom } from '../../../analysis/tables/labels.ts';
import { parseTablesFile, type TablesFile } from '../../../analysis/tables/plan.ts';
import { loadWeightedData } from '../../../server/storage/weighted-data.ts';

export const FIXTURE = 'tests/fixtures/tables';
export const data = () => loadWeightedData(FIXTURE);
export const rules = { cvFlag: 0.3, minN: 30 };

const yesNo = [
  { code: 1, pt: 'Sim', en: 'Yes' },
  { code: 2, pt: 'Não', en: 'No' },
];
const T = (s: string) => ({ pt: s, en: s });

export function plans(tables: unknown[]): TablesFile {
  return parseTablesFile({
    survey: 'ipei',
    questionnaire: 'ipei/household.v1',
    derived: {
      age_group: {
        from: 'c05_age',
        label: { pt: 'Grupo etário', en: 'Age group' },
        cut: [0, 15, 35],
        values: [
          { code: 1, pt: '0-14', en: '0-14' },
          { code: 2, pt: '15-34', en: '15-34' },
          { code: 3, pt: '35 e mais', en: '35+' },
        ],
      },
    },
    tables,
  });
}

export const labels = () =>
  labelsFrom(
    [
      {
        name: 'j01_remit',
        label_pt: 'Envia remessas',
        label_en: 'Sends remittances',
        type: 'single',
        values: yesNo,
      },
      {
        name: 'c03_sex',
        label_pt: 'Sexo',
        label_en: 'Sex',
        type: 'single',
        values: [
          { code: 1, pt: 'Masculino', en: 'Male' },
          { code: 2, pt: 'Feminino', en: 'Female' },
        ],
      },
      {
        name: 'e05_inps',
        label_pt: 'Inscrito no INPS',
        label_en: 'Registered with INPS',
        type: 'single',
        values: [...yesNo, { code: 98, pt: 'Não sabe', en: "Don't know" }],
      },
      { name: 'j04_remit_amount', label_pt: 'Montante', label_en: 'Amount', type: 'int', values: [] },
      { name: 'b01_residents', label_pt: 'Residentes', label_en: 'Residents', type: 'int', values: [] },
      { name: 'c05_age', label_pt: 'Idade', label_en: 'Age', type: 'int', values: [] },
      { name: 'c01_name', label_pt: 'Nome', label_en: 'Name', type: 'text', values: [] },
    ],
    plans([{}]).derived,
  );

export const table = (id: string, rest: Record<string, unknown>) => ({ id, title: T(id), ...rest });
