#!/usr/bin/env node
// Where the JS heap goes: one page view of each benchmark page (floor, vanilla-cookieconsent,
// Samtykke), a full GC, then a V8 heap snapshot summed by kind of object, printed side by
// side with the largest differences first. `node bench/widget.mjs` gives the heap figure;
// this says what it is made of (the README's "Benchmarks" has what it found).
//
//   node bench/heap.mjs [--rows N]
//
// Machine code is split by what owns it: a function (Sparkplug baseline code, compiled by
// V8 for functions that ran often) or a regular expression (Irregexp native code). A last
// line measures each page again with V8's Sparkplug batches held back: V8 gives a function
// that has run about eight calls' worth of its bytecode a feedback vector
// (`--invocation-count-for-feedback-allocation`) and queues it for Sparkplug, and compiles
// the queue once its estimate (7 B of code per byte of bytecode) reaches 4,096 B, so about
// 590 B of bytecode in functions that run often; the difference is what that tier-up keeps.
// Two lines name the browser interfaces (ResizeObserver, ShadowRoot, …) one page built and the
// other did not: each costs KBs the first time a page touches it (README, Benchmarks).
// A line before them counts the functions each bundle keeps alive: a function costs heap
// whether or not it runs (its closure, SharedFunctionInfo and uncompiled data, about 100–160
// B), more once it has run (bytecode, feedback).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startStaticServer } from './lib/static-server.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({ options: { rows: { type: 'string', default: '20' } } });
const VARIANTS = ['floor', 'peer', 'samtykke'];

/** Sums a heap snapshot's self sizes by kind: node type, plus the constructor for objects. */
function summarise(snapshot) {
  const meta = snapshot.snapshot.meta;
  const width = meta.node_fields.length;
  const edgeWidth = meta.edge_fields.length;
  const [TYPE, NAME, SIZE, EDGES] = ['type', 'name', 'self_size', 'edge_count'].map((f) => meta.node_fields.indexOf(f));
  const TO = meta.edge_fields.indexOf('to_node');
  const types = meta.node_types[0];
  const { nodes, edges, strings } = snapshot;
  const name = (i) => strings[nodes[i + NAME]];

  // Who points at each node: needed to tell whose machine code an InstructionStream is.
  const holders = new Map();
  for (let i = 0, e = 0; i < nodes.length; i += width)
    for (let k = 0; k < nodes[i + EDGES]; k++, e += edgeWidth) {
      const to = edges[e + TO];
      if (!holders.has(to)) holders.set(to, []);
      holders.get(to).push(i);
    }
  const ownerOf = (stream) => {
    for (const code of holders.get(stream) ?? [])
      for (const holder of holders.get(code) ?? []) {
        if (/RegExp/.test(name(holder))) return 'regexp';
        if (/SharedFunctionInfo/.test(name(holder))) return 'function';
      }
    return 'other';
  };

  // The functions each page script keeps alive: its SharedFunctionInfos, and how many of them
  // have bytecode (ran, or were compiled with one that ran). Each costs heap called or not.
  const EDGE_NAME = meta.edge_fields.indexOf('name_or_index');
  const EDGE_TYPE = meta.edge_fields.indexOf('type');
  const numbered = new Set(['element', 'hidden'].map((t) => meta.edge_types[0].indexOf(t)));
  const functions = {};
  for (let i = 0, e = 0; i < nodes.length; i += width) {
    let script = '';
    let compiled = false;
    if (name(i).startsWith('system / SharedFunctionInfo'))
      for (let k = 0; k < nodes[i + EDGES]; k++) {
        const at = e + k * edgeWidth;
        const to = edges[at + TO];
        if (!numbered.has(edges[at + EDGE_TYPE]) && strings[edges[at + EDGE_NAME]] === 'script') script = name(to).match(/\/(dist|peer)\/[\w.-]+\.js$/)?.[0] ?? '';
        if (/Bytecode/.test(name(to))) compiled = true;
      }
    if (script) {
      const f = (functions[script] ??= { total: 0, compiled: 0 });
      f.total++;
      if (compiled) f.compiled++;
    }
    e += nodes[i + EDGES] * edgeWidth;
  }

  // The browser's interfaces the page made: a DOM interface's constructor and prototype (with
  // an accessor pair or a method for each member) are built on the first touch, a few KB each.
  const interfaces = new Set();
  for (let i = 0; i < nodes.length; i += width)
    if (types[nodes[i + TYPE]] === 'closure' && /^[A-Z][A-Za-z0-9]{3,}$/.test(name(i))) interfaces.add(name(i));

  const sums = {};
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + TYPE]];
    let kind = type;
    if (type === 'object' || type === 'native') kind = `${type}: ${name(i).slice(0, 48)}`;
    else if (type === 'code') kind = name(i) === 'system / InstructionStream' ? `machine code (${ownerOf(i)})` : 'code: bytecode and metadata';
    sums[kind] = (sums[kind] ?? 0) + nodes[i + SIZE];
  }
  return { sums, functions, interfaces };
}

/** One view of a page, a full GC, then its JSHeapUsedSize and (with `snapshot`) the sums by kind. */
async function snapshotOf(browser, origin, variant, snapshot = true) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'da-DK' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${origin}/pages/host-${variant}.html`, { waitUntil: 'load' });
    await page.waitForTimeout(1500);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    if (!snapshot) return { used: metrics.JSHeapUsedSize };
    const chunks = [];
    cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    return { used: metrics.JSHeapUsedSize, ...summarise(JSON.parse(chunks.join(''))) };
  } finally {
    await context.close();
  }
}

const server = await startStaticServer({
  '/pages/': join(ROOT, 'bench/pages'),
  '/dist/': join(ROOT, 'dist'),
  '/peer/': join(ROOT, 'node_modules/vanilla-cookieconsent/dist'),
});
const launch = (...args) =>
  chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--disable-background-networking', '--disable-component-update', ...args],
  });
const browser = await launch();
try {
  const results = {};
  for (const variant of VARIANTS) {
    process.stderr.write(`[heap] ${variant}\n`);
    results[variant] = await snapshotOf(browser, server.origin, variant);
  }
  const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(10);
  console.log(`JS heap after GC (JSHeapUsedSize, no throttling), KB:${VARIANTS.map((v) => `  ${v} ${(results[v].used / 1024).toFixed(1)}`).join('')}`);
  console.log(`\n${'kind of object (heap snapshot self size, KB)'.padEnd(60)}${VARIANTS.map((v) => v.padStart(10)).join('')}`);
  const kinds = new Set(VARIANTS.flatMap((v) => Object.keys(results[v].sums)));
  const of = (v, k) => results[v].sums[k] ?? 0;
  const rows = [...kinds].sort((a, b) => Math.abs(of('samtykke', b) - of('peer', b)) - Math.abs(of('samtykke', a) - of('peer', a)));
  for (const kind of rows.slice(0, Number(opts.rows))) console.log(`${kind.padEnd(60)}${VARIANTS.map((v) => kb(of(v, kind))).join('')}`);
  const total = (v) => Object.values(results[v].sums).reduce((a, b) => a + b, 0);
  console.log(`${'snapshot total'.padEnd(60)}${VARIANTS.map((v) => kb(total(v))).join('')}`);
  const fns = Object.entries(Object.assign({}, ...VARIANTS.map((v) => results[v].functions)));
  console.log(`\nfunctions each bundle keeps alive (SharedFunctionInfos, of them compiled):${fns.map(([script, f]) => `  ${script} ${f.total} (${f.compiled})`).join('')}`);

  const only = (a, b) => [...results[a].interfaces].filter((n) => !results[b].interfaces.has(n)).sort().join(' ') || '–';
  console.log(`\ninterfaces only Samtykke's page built: ${only('samtykke', 'peer')}`);
  console.log(`interfaces only the peer's page built: ${only('peer', 'samtykke')}`);

  process.stderr.write('[heap] again, with Sparkplug batches held back\n');
  const held = await launch('--js-flags=--baseline-batch-compilation-threshold=1000000000');
  try {
    const used = [];
    for (const variant of VARIANTS) used.push((await snapshotOf(held, server.origin, variant, false)).used);
    console.log(`\nJSHeapUsedSize without Sparkplug's batch compiles, KB:${VARIANTS.map((v, i) => `  ${v} ${(used[i] / 1024).toFixed(0)} (${((used[i] - results[v].used) / 1024).toFixed(0)})`).join('')}`);
  } finally {
    await held.close();
  }
} finally {
  await browser.close();
  server.close();
}
