// @ts-check
/**
 * The `samtykke` command: parses the arguments, runs the scan, writes the outputs and
 * returns the exit code (0 no findings, 1 findings, 2 usage or browser error).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BrowserError } from './browser.js';
import { buildConfigSkeleton } from './config-skeleton.js';
import { htmlReport } from './html-report.js';
import { ScanError, scan } from './scan.js';
import { progressWriter, summaryText } from './terminal.js';

export const USAGE = `Usage: samtykke scan <url> [options]

Finds every cookie, storage key and third-party request a site sets, before any choice,
after reject-all and after accept-all (where the site runs Samtykke), in the system's Chromium.

Options:
  --pages N             visit at most N pages (default 20)
  --timeout MS          each page's time limit in milliseconds (default 15000)
  --json FILE           write the report as JSON (schemaVersion 1)
  --html FILE           write a self-contained HTML report
  --config-out FILE     write a Samtykke config skeleton for what was found
  --chromium PATH       the Chromium or Chrome to run (default: $CHROME_PATH, then the usual paths)
  --ignore-robots       visit pages robots.txt disallows
  --allow-host HOST     a third-party host pages may contact before consent (repeatable)
  --quiet               no progress, only the summary
  -h, --help            this text

Exit code: 0 without findings, 1 with findings, 2 on a usage or browser error
(or when no page could be loaded).
`;

/** A wrong command line: the command prints it with the usage and exits with 2. */
class UsageError extends Error {}

/**
 * Reads the command line (without `node` and the script).
 * @param {string[]} argv
 */
export function parseCommandLine(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        pages: { type: 'string', default: '20' },
        timeout: { type: 'string', default: '15000' },
        json: { type: 'string' },
        html: { type: 'string' },
        'config-out': { type: 'string' },
        chromium: { type: 'string' },
        'ignore-robots': { type: 'boolean', default: false },
        'allow-host': { type: 'string', multiple: true, default: [] },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(/** @type {Error} */ (error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  const [command, url, ...rest] = positionals;
  if (command !== 'scan') throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.');
  if (!url) throw new UsageError('No URL given.');
  if (rest.length) throw new UsageError(`Unexpected argument "${rest[0]}".`);
  if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) throw new UsageError(`Not an http(s) URL: ${url}`);
  const whole = (/** @type {string} */ flag, /** @type {string} */ v, min = 1) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`--${flag} wants a whole number of at least ${min}, got "${v}".`);
    return n;
  };
  return {
    help: false,
    url,
    pages: whole('pages', /** @type {string} */ (values.pages)),
    timeoutMs: whole('timeout', /** @type {string} */ (values.timeout), 100),
    json: values.json,
    html: values.html,
    configOut: values['config-out'],
    chromium: values.chromium,
    ignoreRobots: !!values['ignore-robots'],
    allowHosts: /** @type {string[]} */ (values['allow-host']),
    quiet: !!values.quiet,
  };
}

/**
 * Writes a file, making its folder.
 * @param {string} path
 * @param {string} text
 */
async function write(path, text) {
  const full = resolve(path);
  await mkdir(dirname(full), { recursive: true });
  await writeFile(full, text);
}

/**
 * Runs the command.
 * @param {string[]} argv
 * @param {{ stdout?: NodeJS.WriteStream, stderr?: NodeJS.WriteStream }} [streams]
 * @returns {Promise<0 | 1 | 2>}
 */
export async function main(argv, { stdout = process.stdout, stderr = process.stderr } = {}) {
  let args;
  try {
    args = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    stderr.write(`samtykke: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help || !args.url) {
    stdout.write(USAGE);
    return 0;
  }
  const progress = progressWriter(stderr);
  let report;
  try {
    report = await scan({
      url: args.url,
      pages: /** @type {number} */ (args.pages),
      timeoutMs: /** @type {number} */ (args.timeoutMs),
      ignoreRobots: !!args.ignoreRobots,
      chromium: args.chromium,
      allowHosts: args.allowHosts,
      onProgress: args.quiet ? undefined : (e) => progress.update(e),
    });
  } catch (error) {
    progress.end();
    if (error instanceof BrowserError || error instanceof ScanError) {
      stderr.write(`samtykke: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  progress.end();
  stdout.write(summaryText(report));
  try {
    if (args.json) await write(args.json, `${JSON.stringify(report, null, 2)}\n`);
    if (args.html) await write(args.html, htmlReport(report));
    if (args.configOut) await write(args.configOut, `${JSON.stringify(buildConfigSkeleton(report), null, 2)}\n`);
  } catch (error) {
    stderr.write(`samtykke: could not write a report: ${/** @type {Error} */ (error).message}\n`);
    return 2;
  }
  for (const [flag, path] of [['JSON', args.json], ['HTML', args.html], ['Config', args.configOut]])
    if (path) stdout.write(`${flag} written to ${path}\n`);
  // A site that never answered has no findings, but a CI job must not read that as a pass.
  if (report.pages.every((p) => p.passes.before?.error)) {
    stderr.write(`samtykke: no page of ${report.url} could be loaded; is the site up?\n`);
    return 2;
  }
  return report.findings.length ? 1 : 0;
}
