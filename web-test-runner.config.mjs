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

/**
 * `/__log/<name>`: a scripted fake consent log for the transport tests (test/core/transport.test.ts).
 * `PUT` a JSON array of statuses to script the answers (0: fetch rejects; the last status
 * repeats); `POST` is recorded and answered; `GET` lists what came in.
 */
function fakeConsentLog() {
  const logs = new Map();
  return async (ctx, next) => {
    const name = /^\/__log\/([\w-]+)$/.exec(ctx.path)?.[1];
    if (!name) return next();
    if (!logs.has(name)) logs.set(name, { script: [201], received: [] });
    const log = logs.get(name);
    if (ctx.method === 'GET') return void (ctx.body = log.received);
    let body = '';
    for await (const chunk of ctx.req) body += chunk;
    if (ctx.method === 'PUT') return void ((log.script = JSON.parse(body)), (log.received = []), (ctx.status = 204));
    const status = log.script.length > 1 ? log.script.shift() : log.script[0];
    log.received.push({ status, type: ctx.get('content-type'), body });
    // A closed port: the browser's own connection fails, so fetch rejects (a dropped socket would be retried by Chrome).
    if (status === 0) return ctx.redirect('http://127.0.0.1:9/unreachable');
    ctx.status = status;
    ctx.body = {};
  };
}

/**
 * The script-tag entry imports the UI file beside itself (`samtykke-ui.js`); run from the
 * sources, that file is `src/ui.ts`.
 */
function uiFileBesideEntry() {
  return (ctx, next) => {
    if (ctx.path === '/src/samtykke-ui.js') ctx.path = '/src/ui.ts';
    return next();
  };
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  middleware: [fakeConsentLog(), uiFileBesideEntry()],
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
