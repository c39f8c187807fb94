#!/usr/bin/env node
// Widget benchmark: what a consent tool costs the host page. The same Danish shop page three
// ways in headless Chromium — bare (no consent tool), Samtykke through dist/samtykke.js, and
// vanilla-cookieconsent (the peer) — each measured in a first view (no cookie, cold cache,
// the banner accepted) and then a returning view (the consent just stored, cache warm, a
// new page), with CPU throttling and the variants interleaved round by round. Prints medians,
// the difference of each tool from the bare page, Samtykke paired with the peer per round,
// and PASS/FAIL per target. The method is written up in docs/benchmarks.md.
//
//   node bench/widget.mjs [--rounds N] [--throttle RATE] [--trace] [--candidate DIR] [--max-seconds S]
//
// --rounds (or BENCH_ROUNDS) rounds, default 12. --throttle the CPU throttling rate, default 4.
// --trace records one extra first view per variant into bench/results/trace-*.json and prints
// where the time goes. --candidate DIR adds a fourth, interleaved variant: the Samtykke page
// loading DIR/samtykke.js (and whatever it loads beside it) instead of dist/, to try a build
// change without touching dist/. Progress goes to stderr, the report to stdout, raw figures
// to bench/results/widget-*.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { bundleSourceMap } from './lib/bundle-map.mjs';
import { printReport } from './lib/report.mjs';
import { inlineCosts } from './lib/sizes.mjs';
import { startStaticServer } from './lib/static-server.mjs';
import { printTraceSummary, summariseTrace } from './lib/trace-summary.mjs';
import { SETTLE_MS, measureVariant } from './lib/views.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PEER_DIR = join(ROOT, 'node_modules/vanilla-cookieconsent');
const RESULTS = join(ROOT, 'bench/results');

const { values: opts } = parseArgs({
  options: {
    rounds: { type: 'string', default: process.env.BENCH_ROUNDS || '12' },
    trace: { type: 'boolean', default: false },
    candidate: { type: 'string' },
    throttle: { type: 'string', default: '4' },
    'max-seconds': { type: 'string', default: '330' },
    chromium: { type: 'string', default: process.env.CHROME_PATH || '/usr/bin/chromium' },
  },
});
const ROUNDS = positiveInt(opts.rounds, '--rounds');
const THROTTLE = Number(opts.throttle);
if (!(THROTTLE >= 1)) {
  console.error(`--throttle must be a number ≥ 1, got ${JSON.stringify(opts.throttle)}`);
  process.exit(2);
}
const MAX_SECONDS = positiveInt(opts['max-seconds'], '--max-seconds');

const peerVersion = JSON.parse(readFileSync(join(PEER_DIR, 'package.json'), 'utf8')).version;
const FIND_SAMTYKKE = `() => document.querySelector('samtykke-banner')?.shadowRoot?.querySelector('[data-action="accept-all"]') ?? null`;
/** Every file Samtykke's page fetches from its folder is Samtykke's: the core and whatever it loads beside it. */
const samtykkeFile = (prefix) => (path) => path.startsWith(prefix);
/**
 * The variants. `find` is evaluated in the page and returns the accept-all button; `cookie`
 * is the cookie an accept-all click must leave behind; `isToolFile` tells the tool's files
 * from the host page's own (its HTML and shop.css).
 */
const VARIANTS = [
  { id: 'bare', label: 'bare', page: 'host-bare.html', hasBanner: false, cookie: null, find: '() => null', isToolFile: () => false },
  { id: 'samtykke', label: 'Samtykke', page: 'host-samtykke.html', hasBanner: true, cookie: 'samtykke', find: FIND_SAMTYKKE, isToolFile: samtykkeFile('/dist/') },
  { id: 'peer', label: `vanilla-cc ${peerVersion}`, page: 'host-peer.html', hasBanner: true, cookie: 'cc_cookie', find: `() => document.querySelector('#cc-main .cm [data-role="all"]')`, isToolFile: (path) => path.startsWith('/peer/') },
];
if (opts.candidate) {
  VARIANTS.push({ ...VARIANTS[1], id: 'candidate', label: 'candidate', page: 'host-candidate.html', isToolFile: samtykkeFile('/candidate/') });
}

const MOUNTS = {
  '/pages/': join(ROOT, 'bench/pages'),
  '/dist/': join(ROOT, 'dist'),
  '/peer/': join(PEER_DIR, 'dist'),
  ...(opts.candidate ? { '/candidate/': resolve(opts.candidate) } : {}),
};

/** The full trace of `--trace`: the main thread's events and V8's sampled CPU profile. */
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.compile',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
  'loading',
  'toplevel',
];

function positiveInt(text, name) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`${name} must be a positive integer, got ${JSON.stringify(text)}`);
    process.exit(2);
  }
  return n;
}

function git(...args) {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

function progress(text, final = false) {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${text}${final ? '\n' : ''}`);
  else process.stderr.write(`${text}\n`);
}

/** A run's row: the round, then every figure of both views as `first.<key>` and `returning.<key>`. */
function flatten(round, { first, returning }) {
  const row = { round };
  for (const [view, figures] of Object.entries({ first, returning })) for (const [k, v] of Object.entries(figures ?? {})) row[`${view}.${k}`] = v;
  return row;
}

/** One traced first view per variant, then the summary of where the time went. */
async function traceAll(browser, server, viewOptions) {
  const summaries = [];
  for (const v of VARIANTS) {
    const tracePath = join(RESULTS, `trace-${v.id}.json`);
    progress(`[widget bench] tracing ${v.label}`);
    await measureVariant(browser, server, v, { ...viewOptions, tracePath, traceCategories: TRACE_CATEGORIES });
    const summary = summariseTrace(JSON.parse(readFileSync(tracePath, 'utf8')), { origin: server.origin, settleMs: SETTLE_MS });
    summaries.push({ variant: v, summary, tracePath: tracePath.slice(ROOT.length + 1) });
  }
  const bundle = String(await server.read('/dist/samtykke.js'));
  // The exact bundle the traces ran, to read them against.
  writeFileSync(join(RESULTS, 'trace-samtykke.bundle.js'), bundle);
  progress('[widget bench] mapping dist/samtykke.js back to src/ (rebuilds it in memory)');
  const lookup = await bundleSourceMap(ROOT, bundle);
  progress('[widget bench] traces written', true);
  const bundleUrl = `${server.origin}/dist/samtykke.js`;
  const lines = bundle.split('\n');
  printTraceSummary(summaries, {
    origin: server.origin,
    snippet: (url, line, column) => {
      if (url !== bundleUrl) return '';
      const text = (lines[line] || '').slice(column, column + 40).replace(/\s+/g, ' ');
      return `${typeof lookup === 'function' ? lookup(line, column) || '?' : ''}  \`${text}…\``;
    },
  });
  if (typeof lookup === 'string') console.log(`  (${lookup})`);
}

async function main() {
  const started = Date.now();
  // Taken before anything runs: the figures belong to this commit (others commit meanwhile).
  const commit = git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain', '--', 'src', 'locales', 'build', 'rollup.config.mjs') ? '+uncommitted' : '');
  const loadBefore = loadavg()[0];
  const extra = {};
  if (opts.candidate) {
    const samtykkePage = readFileSync(join(MOUNTS['/pages/'], 'host-samtykke.html'), 'utf8');
    extra['/pages/host-candidate.html'] = Buffer.from(samtykkePage.replace('/dist/samtykke.js', '/candidate/samtykke.js'));
  }
  const server = await startStaticServer(MOUNTS, extra);
  const browser = await chromium.launch({ executablePath: opts.chromium, args: ['--disable-background-networking', '--disable-component-update'] });
  try {
    // Pages and bundles are read once, here; every view is served these same bytes.
    const pages = {};
    for (const v of VARIANTS) pages[v.id] = String(await server.read(`/pages/${v.page}`));
    const inline = inlineCosts(pages);
    if (!(await server.read('/dist/samtykke.js'))) throw new Error('dist/samtykke.js is missing: run `npm run build:bundles` first');
    if (opts.candidate && !(await server.read('/candidate/samtykke.js'))) throw new Error(`no samtykke.js in --candidate ${opts.candidate}`);
    mkdirSync(RESULTS, { recursive: true });
    const viewOptions = { throttle: THROTTLE, returningTracePath: join(RESULTS, `returning-view-${process.pid}.trace.json`) };

    const runs = Object.fromEntries(VARIANTS.map((v) => [v.id, []]));
    const errors = [];
    let rounds = 0;
    // One untimed round first, so the browser's own first-use costs land nowhere.
    for (const v of VARIANTS) await measureVariant(browser, server, v, viewOptions).catch(() => {});
    for (let round = 0; round < ROUNDS; round++) {
      if ((Date.now() - started) / 1000 > MAX_SECONDS) {
        progress(`[widget bench] time budget of ${MAX_SECONDS} s reached after ${round} rounds`, true);
        break;
      }
      // Rotate the order each round, so no variant always follows the same one.
      const order = VARIANTS.map((_, i) => VARIANTS[(i + round) % VARIANTS.length]);
      for (const v of order) {
        progress(`[widget bench] round ${round + 1}/${ROUNDS}: ${v.label}`);
        try {
          // The round goes with the figures: the report pairs each view with the same round's.
          runs[v.id].push(flatten(round, await measureVariant(browser, server, v, viewOptions)));
        } catch (error) {
          errors.push(`${v.id} round ${round + 1}: ${error.message.split('\n')[0]}`);
        }
      }
      rounds = round + 1;
    }
    progress(`[widget bench] ${rounds} rounds in ${((Date.now() - started) / 1000).toFixed(0)} s`, true);

    const meta = {
      date: new Date().toISOString(),
      commit,
      chromium: browser.version(),
      throttle: THROTTLE,
      rounds,
      load: [loadBefore, loadavg()[0]],
      cpus: cpus().length,
      inline,
    };
    const own = VARIANTS.flatMap((v) => runs[v.id].flatMap((r) => (r['returning.ownLongTaskDetail'] ?? []).map((d) => `${v.label} round ${r.round + 1}: ${d}`)));
    const notes = [
      `inline consent markup in the page (gzip, not counted above): ${VARIANTS.filter((v) => v.id !== 'bare').map((v) => `${v.label} ${inline[v.id]} B`).join(', ')}`,
      ...(own.length ? [`the tools' own long tasks on the returning view: ${own.slice(0, 6).join('; ')}`] : []),
    ];
    const file = join(RESULTS, `widget-${meta.date.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify({ meta, runs, errors, misses: server.misses }, null, 2));
    const ok = printReport({ meta, variants: VARIANTS, runs, errors, misses: server.misses, notes });
    console.log(`raw figures: ${file.slice(ROOT.length + 1)}`);

    if (opts.trace) await traceAll(browser, server, viewOptions);
    // Targets that fail are reported, not fatal: the bench measures; only a broken bench fails.
    process.exitCode = ok ? 0 : 1;
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
