// @ts-check
/**
 * The admin export's two formats: CSV (RFC 4180, one header line) for spreadsheets and
 * NDJSON (one JSON record per line) for programs.
 */

/** @typedef {import('./storage/index.js').StoredRecord} StoredRecord */

/** CSV columns, in order; the maps are JSON inside one cell. */
export const CSV_COLUMNS = /** @type {const} */ ([
  'receivedAt', 'eventId', 'consentId', 'action', 'categories', 'services', 'revision',
  'policyVersion', 'textHash', 'language', 'gpc', 'path', 'widgetVersion', 'clientTime',
  'origin', 'ipPrefix', 'uaFamily',
]);

/** The header line, with CRLF as RFC 4180 asks. */
export const CSV_HEADER = `${CSV_COLUMNS.join(',')}\r\n`;

/**
 * The separators an export can use: `,` (RFC 4180) or `;` (what Excel expects where the
 * decimal mark is a comma, as in Danish).
 */
export const CSV_SEPARATORS = /** @type {const} */ ({ comma: ',', semicolon: ';' });

/** The header line with a given separator. @param {',' | ';'} separator */
export const csvHeader = (separator) => `${CSV_COLUMNS.join(separator)}\r\n`;

/**
 * One CSV cell, safe in a spreadsheet that splits on `,` (RFC 4180) or on `;` (Excel in Danish
 * and other locales with a decimal comma):
 * - text a spreadsheet would run as a formula (a leading =, +, -, at sign, tab or CR) gets a leading
 *   apostrophe, as OWASP's CSV-injection guidance says;
 * - a cell holding either separator, a quote, CR or LF is quoted, so neither reading splits
 *   it and no part of it becomes a cell of its own (`/x;=1+1` stays one, quoted, cell).
 * @param {unknown} value
 */
export function csvCell(value) {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * One record as a CSV line.
 * @param {StoredRecord} record
 * @param {',' | ';'} [separator]
 */
export const toCsvLine = (record, separator = ',') => `${CSV_COLUMNS.map((c) => csvCell(record[c])).join(separator)}\r\n`;

/** @param {StoredRecord} record */
export const toNdjsonLine = (record) => `${JSON.stringify(record)}\n`;
