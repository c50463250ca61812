/** A table with a "Download CSV" button: the CSV holds exactly the rows and columns shown. */
import { type Column, downloadCsv, toCsv } from '../review/csv.ts';
import { useStaffT } from '../review/messages.ts';

export function CsvTable<T>({
  rows,
  columns,
  filename,
  testId,
  dense = false,
}: {
  rows: T[];
  columns: Column<T>[];
  filename: string;
  testId: string;
  /** cells closer together, for a table with a column per outcome code (client/review/review.css) */
  dense?: boolean;
}) {
  const { t } = useStaffT();
  return (
    <div className={dense ? 'csv-table dense' : 'csv-table'} data-testid={testId}>
      <button
        type="button"
        className="secondary small"
        data-testid={`${testId}-csv`}
        onClick={() => downloadCsv(filename, toCsv(rows, columns))}
      >
        {t('csv.download')}
      </button>
      <div className="scroll">
        <table className="data">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.header}>{c.header}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; the order is the data's
              <tr key={i}>
                {columns.map((c) => (
                  <td key={c.header}>{format(c.value(r))}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Numbers as the columns rounded them (the CSV holds the same), so 12.3 shows as 12.3, not 12.300. */
function format(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '–';
  return String(v);
}
