// @ts-check
/**
 * Finding and starting the system's Chromium. The scanner never downloads a browser.
 */
import { existsSync } from 'node:fs';

/** Where Chromium or Chrome usually lives, in the order tried. */
export const USUAL_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** A browser that cannot be found or started: the command exits with 2. */
export class BrowserError extends Error {}

/**
 * The browser to run: `--chromium`, else `CHROME_PATH`, else the first usual path that exists.
 * @param {string | undefined} flag
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string}
 */
export function findChromium(flag, env = process.env) {
  const given = flag || env.CHROME_PATH;
  if (given) {
    if (existsSync(given)) return given;
    throw new BrowserError(`No browser at ${given} (from ${flag ? '--chromium' : 'CHROME_PATH'}). Give the path of Chromium or Chrome with --chromium PATH.`);
  }
  const found = USUAL_PATHS.find((p) => existsSync(p));
  if (found) return found;
  throw new BrowserError(`No Chromium or Chrome found (tried ${USUAL_PATHS.slice(0, 4).join(', ')} and others). Install one, then give its path with --chromium PATH.`);
}

/**
 * Starts the browser headless, kept off the network except for the site under test.
 * @param {string} executablePath
 */
export async function launchChromium(executablePath) {
  // Loaded here, not at the top: a usage error or --help answers without it.
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch({
      executablePath,
      headless: true,
      args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'],
    });
  } catch (error) {
    const first = String(/** @type {Error} */ (error).message).split('\n')[0];
    throw new BrowserError(`Could not start the browser at ${executablePath}: ${first}. Give another with --chromium PATH.`);
  }
}
