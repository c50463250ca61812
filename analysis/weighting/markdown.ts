/**
 * The weighting report as a readable Markdown page (the file beside the weights, the server's report
 * download): report-document.ts's blocks written as Markdown, in English unless a language is given.
 */
import { type ReportBlock, reportDocument } from './report-document.ts';
import type { ReportLang } from './report-messages.ts';
import type { WeightingReport } from './run.ts';

/** A table cell: a `|` in a label would end the cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|');
const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;

function blockLines(b: ReportBlock): string[] {
  if (b.kind === 'heading') return [`${'#'.repeat(b.level)} ${b.text}`];
  if (b.kind === 'text') return [...b.lines, ...(b.items ?? []).map((x) => `- ${x}`)];
  return [row(b.head), `| ${b.right.map((r) => (r ? '---:' : '---')).join(' | ')} |`, ...b.rows.map(row)];
}

/** Markdown of the blocks: each block followed by a blank line. */
export function documentMarkdown(blocks: readonly ReportBlock[]): string {
  return blocks.flatMap((b) => [...blockLines(b), '']).join('\n');
}

export function reportMarkdown(report: WeightingReport, title?: string, lang: ReportLang = 'en'): string {
  return documentMarkdown(reportDocument(report, lang, title));
}
