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
 * One CSV cell. Quotes when needed, and defuses text a spreadsheet would run as a formula
 * (a leading =, +, -, @, tab or CR gets a leading apostrophe).
 * @param {unknown} value
 */
function cell(value) {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** @param {StoredRecord} record */
export const toCsvLine = (record) => `${CSV_COLUMNS.map((c) => cell(record[c])).join(',')}\r\n`;

/** @param {StoredRecord} record */
export const toNdjsonLine = (record) => `${JSON.stringify(record)}\n`;
