/**
 * The Parquet files' `morabeza.labels` metadata gives every label in pt, en, fr and kea: a variable's
 * label, its value labels and its special codes that the questionnaire lacks in French or Kriolu are
 * in the survey's source language (Portuguese by default, English when the export says so), as
 * codebook.json gives them; the languages the survey has are kept. Read back with hyparquet.
 */
import { parquetMetadata } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { exportMicrodata } from '../../../analysis/export/bundle.ts';
import { buildMicrodata, type ExportFile } from '../../../analysis/export/microdata.ts';
import { fileParquet } from '../../../analysis/export/microdata-files.ts';
import { loadSurveyContext } from '../../../server/storage/survey-context.ts';
import { data } from '../tables/helpers.ts';

const labelsOf = (buf: ArrayBuffer) =>
  JSON.parse(
    parquetMetadata(buf).key_value_metadata?.find((k) => k.key === 'morabeza.labels')?.value ?? '{}',
  );

const file: ExportFile = {
  name: 'households',
  rows: 2,
  variables: [
    {
      name: 'owns',
      label: { pt: 'Possui', en: 'Owns', fr: 'Possède' },
      kind: 'numeric',
      values: [{ code: 1, pt: 'Sim', en: 'Yes', kea: 'Sin' }],
      missing: [{ code: 98, kind: 'dontKnow', tag: 'a', pt: 'Não sabe', en: "Don't know" }],
      role: 'variable',
    },
  ],
  columns: { owns: Float64Array.of(1, 98) },
};

describe('Parquet label metadata', () => {
  it('fills a language the survey lacks with its source language (pt), keeping those it has', () => {
    const owns = labelsOf(fileParquet(file)).owns;
    expect(owns.label).toEqual({ pt: 'Possui', en: 'Owns', fr: 'Possède', kea: 'Possui' });
    expect(owns.values).toEqual([{ code: 1, pt: 'Sim', en: 'Yes', fr: 'Sim', kea: 'Sin' }]);
    expect(owns.missing).toEqual([
      {
        code: 98,
        kind: 'dontKnow',
        tag: 'a',
        pt: 'Não sabe',
        en: "Don't know",
        fr: 'Não sabe',
        kea: 'Não sabe',
      },
    ]);
  });

  it('fills them with English when that is the source language', () => {
    const owns = labelsOf(fileParquet(file, 'en')).owns;
    expect(owns.label.kea).toBe('Owns');
    expect(owns.values[0].fr).toBe('Yes');
    expect(owns.missing[0].fr).toBe("Don't know");
  });

  it("in the export, every variable's labels are in the four languages, as codebook.json's", async () => {
    const ctx = loadSurveyContext('ipei');
    const m = buildMicrodata(data(), ctx.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes);
    const v = m.persons.variables.find((x) => x.name === 'c03_sex');
    if (!v) throw new Error('no c03_sex');
    v.label = { pt: v.label.pt, en: v.label.en };
    const files = await exportMicrodata(m, 'parquet', { lang: 'kea', survey: 'ipei', source: 'en' });
    const pq = files.find((f) => f.name === 'persons.parquet')?.bytes as Uint8Array;
    const labels = labelsOf(pq.buffer.slice(pq.byteOffset, pq.byteOffset + pq.byteLength) as ArrayBuffer);
    const codebook = JSON.parse(
      new TextDecoder().decode(files.find((f) => f.name === 'codebook.json')?.bytes),
    );
    for (const row of codebook.variables.filter((r: { file: string }) => r.file === 'persons')) {
      const l = labels[row.variable];
      expect(l.label, row.variable).toEqual({
        pt: row.label_pt,
        en: row.label_en,
        fr: row.label_fr,
        kea: row.label_kea,
      });
      for (const lang of ['pt', 'en', 'fr', 'kea']) {
        expect(
          l.values.map((x: Record<string, unknown>) => x[lang]),
          row.variable,
        ).toEqual(row.values.map((x: Record<string, unknown>) => x[lang]));
        expect(
          l.missing.map((x: Record<string, unknown>) => x[lang]),
          row.variable,
        ).toEqual(row.missing.map((x: Record<string, unknown>) => x[lang]));
      }
    }
    expect(labels.c03_sex.label).toEqual({ pt: 'Sexo', en: 'Sex', fr: 'Sex', kea: 'Sex' });
  });
});
