// Browser tests run in Debian's Chromium; nothing here downloads a browser.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * `getCookies` reads the browser's cookie jar through the DevTools protocol, so a test
 * can assert the attributes a cookie was really written with (document.cookie hides them).
 */
function cookieJarPlugin() {
  return {
    name: 'samtykke-cookie-jar',
    async executeCommand({ command, session }) {
      if (command !== 'getCookies') return undefined;
      const page = session.browser.getPage(session.id);
      return page.cookies();
    },
  };
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  plugins: [
    esbuildPlugin({ ts: true, json: true, tsconfig: './tsconfig.json' }),
    cookieJarPlugin(),
  ],
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args } })],
  browserStartTimeout: 60000,
  testsFinishTimeout: 300000,
  testFramework: { config: { timeout: 5000 } },
  filterBrowserLogs: ({ args: logArgs }) => !String(logArgs[0]).includes('Lit is in dev mode'),
};
