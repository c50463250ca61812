/**
 * Spreadsheet formula injection (OWASP "CSV injection"): a text cell that starts with `=`, `+`, `-`, `@`,
 * a tab or a carriage return is run as a formula by Excel and LibreOffice when a CSV is opened, and is
 * easily typed into a free-text answer or a label. Such text gets a leading apostrophe, which the
 * spreadsheet shows as plain text; numbers are never touched (a negative estimate stays a number).
 */

const FORMULA_START = /^[=+\-@\t\r]/;
/** A number written as text (a code such as -98 "don't know" in a code column): read as that number, never run. */
const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** The text as a spreadsheet will show it, never run it; anything else (a number as text too) unchanged. */
export function formulaSafe<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) && !PLAIN_NUMBER.test(value)
    ? `'${value}`
    : value;
}
