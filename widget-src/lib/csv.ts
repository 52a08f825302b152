/**
 * A CSV file that spreadsheets open as the user saw it (RFC 4180 quoting,
 * CRLF line ends, UTF-8 with a byte-order mark so Excel reads accents and
 * Japanese correctly).
 *
 * Two cells need care:
 * - A value a spreadsheet would run as a formula (one that starts with =, +,
 *   -, @, a tab or a carriage return) gets a leading apostrophe, so a record
 *   name such as `=HYPERLINK(…)` is shown, never executed.
 * - A Zoho id is 19 digits, beyond what a spreadsheet keeps of a number: it
 *   would show as 1.23E+18 and lose its last digits. Written as the formula
 *   ="…" it stays the exact text. Only ids we write get this form; CRM
 *   values never do (they are neutralised as above).
 */

export type CsvCell = string | { id: string };

const BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cell(value: CsvCell): string {
  if (typeof value !== "string") return quote(/^\d+$/.test(value.id) ? `="${value.id}"` : neutralise(value.id));
  return quote(neutralise(value));
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return BOM + [header, ...rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}
