import "server-only";
// CSV cells as spreadsheets read them safely (RFC 4180 quoting), and with formula injection
// defused: a provider-supplied text starting with = + - @, their full-width forms ＝ ＋ － ＠
// (spreadsheets in East Asian locales read those as operators too) or a tab, carriage return
// or line feed (which some spreadsheets skip before reading a formula) gets a leading
// apostrophe, so Excel or Sheets shows it as text instead of running it.
export type CsvValue = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r\n]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (value instanceof Date) return value.toISOString();
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** Excel opens UTF-8 CSV correctly only with a byte-order mark. */
export const CSV_BOM = "\uFEFF";
