/**
 * The weighting report on the analyst screen: the server's report blocks (headings, lines of text,
 * tables, a list; analysis/weighting/report-document.ts) rendered as HTML elements in the screen's
 * language. React writes every label as text, so a survey label holding markup shows as typed and is
 * never run; the wide tables scroll inside their box instead of widening the page.
 */
import type { WeightingReportBlock as ReportBlock } from '../../server/contract/weighting.ts';

function Block({ block }: { block: ReportBlock }) {
  if (block.kind === 'heading') return block.level === 1 ? <h3>{block.text}</h3> : <h4>{block.text}</h4>;
  if (block.kind === 'text')
    return (
      <>
        {block.lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the lines never move
          <p key={i}>{line}</p>
        ))}
        {block.items?.length ? (
          <ul>
            {block.items.map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the items never move
              <li key={i}>{item}</li>
            ))}
          </ul>
        ) : null}
      </>
    );
  return (
    <div className="table-scroll">
      <table className="data">
        <thead>
          <tr>
            {block.head.map((h, i) => (
              <th key={h} className={block.right[i] ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {block.rows.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the rows never move
            <tr key={r}>
              {row.map((cell, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells are its columns
                <td key={i} className={block.right[i] ? 'num' : undefined}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function WeightingReportView({ blocks }: { blocks: readonly ReportBlock[] }) {
  return (
    <article className="weighting-report" data-testid="weighting-report-body">
      {blocks.map((b, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the blocks never move
        <Block key={i} block={b} />
      ))}
    </article>
  );
}
