// The two page views the widget benchmark measures of each variant, in one fresh browser
// context: a first view (no cookie, cold cache; the banner shows and is accepted) and then a
// returning view (the cookie that accept left behind, the HTTP cache warm, a new page).
import { readFileSync, rmSync } from 'node:fs';
import { probeSource } from './probe.mjs';
import { mainThreadOf } from './trace-summary.mjs';

/** Wall time left for the page after the banner is fully shown (or after `load` on the bare page). */
export const SETTLE_MS = 500;
/** How long after `load` the returning view is watched: idle work such as the reopen button counts. */
export const AFTER_LOAD_MS = 2000;
const TIMEOUT_MS = 15000;
const LONG_TASK_MS = 50;

/** What the returning view's trace records: tasks, script and compile events, navigation start. */
const RETURNING_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.compile', 'blink.user_timing', 'loading'];

/** Total blocking time of long tasks `[start, ms]`: what each spends beyond 50 ms. */
export const blockingTime = (tasks) => tasks.reduce((sum, [, ms]) => sum + Math.max(0, ms - LONG_TASK_MS), 0);

const metricsOf = (response) => Object.fromEntries(response.metrics.map((m) => [m.name, m.value]));

/** Waits for one of the probe's promises, so a banner that never shows fails the view. */
async function pageWait(page, name, what) {
  const ok = await page.evaluate(
    ([key, ms]) => Promise.race([window.__bench[key].then(() => true), new Promise((r) => setTimeout(() => r(false), ms))]),
    [name, TIMEOUT_MS],
  );
  if (!ok) throw new Error(`${what} did not happen within ${TIMEOUT_MS} ms`);
}

/** A new page of `context` with the probe and CPU throttling, and its DevTools session. */
async function openPage(context, variant, watch, throttle) {
  const page = await context.newPage();
  await page.addInitScript({ content: probeSource(variant.find, { watch }) });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  return { page, cdp };
}

/**
 * The tool's files the page loaded (Resource Timing, so files from the HTTP cache count too),
 * each with its gzip body as served (`encodedBodySize`) and when it was requested.
 */
async function toolFiles(page, isToolFile) {
  const entries = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => ({ url: e.name, start: e.startTime, bytes: e.encodedBodySize })),
  );
  return entries.filter((e) => isToolFile(new URL(e.url).pathname)).map((e) => ({ ...e, path: new URL(e.url).pathname }));
}

const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const probeState = (page) =>
  page.evaluate(() => {
    const { find, drawnOpacity, shown, gone, ...figures } = window.__bench;
    return { ...figures, load: performance.getEntriesByType('navigation')[0].loadEventEnd };
  });

/** When the page's `load` event ended (ms from navigation start), once it has. */
async function loadEnd(page) {
  for (const until = Date.now() + TIMEOUT_MS; Date.now() < until; await page.waitForTimeout(10)) {
    const end = await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
    if (end > 0) return end;
  }
  throw new Error(`the load event did not end within ${TIMEOUT_MS} ms`);
}

/** The first view: load, banner, settle, accept click, banner gone. */
async function firstView(context, server, variant, options) {
  const { page, cdp } = await openPage(context, variant, variant.hasBanner, options.throttle);
  if (options.tracePath) await options.browser.startTracing(page, { path: options.tracePath, categories: options.traceCategories });
  await page.goto(`${server.origin}/pages/${variant.page}`, { waitUntil: 'load', timeout: TIMEOUT_MS });
  if (variant.hasBanner) await pageWait(page, 'shown', 'the banner showing');
  // The bare page evaluates in the page once too, so Playwright's own script counts in every variant.
  else await page.evaluate(() => window.__bench.fcp);
  await page.waitForTimeout(SETTLE_MS);
  const script = metricsOf(await cdp.send('Performance.getMetrics')).ScriptDuration * 1000;
  const loaded = await probeState(page);
  let click = { paint: NaN, gone: NaN };
  if (variant.hasBanner) {
    const point = await page.evaluate(() => {
      const r = window.__bench.find().getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await page.mouse.click(point.x, point.y); // CDP Input.dispatchMouseEvent: press, release
    await pageWait(page, 'gone', 'the banner going away after accept-all');
    click = await page.evaluate(() => {
      const b = window.__bench;
      return { paint: b.clickPaintAt - b.clickAt, gone: b.goneAt - b.clickAt };
    });
  }
  if (options.tracePath) await options.browser.stopTracing();
  if (variant.cookie && !(await context.cookies()).some((c) => c.name === variant.cookie)) {
    throw new Error(`accept-all left no "${variant.cookie}" cookie`);
  }
  const files = await toolFiles(page, variant.isToolFile);
  await page.close();
  return {
    fcp: loaded.fcp,
    lcp: loaded.lcp,
    visible: variant.hasBanner ? loaded.visibleAt : NaN,
    opaque: variant.hasBanner ? loaded.opaqueAt : NaN,
    // ScriptDuration is JavaScript only: Chromium takes style and layout that script forces out of it.
    script,
    tbt: blockingTime(loaded.longTasks),
    longTasks: loaded.longTasks.length,
    cls: loaded.cls,
    clickPaint: click.paint,
    gone: click.gone,
    bytes: sum(files.map((f) => f.bytes)),
    files: files.map((f) => f.path),
    lcpElement: loaded.lcpElement,
    polls: loaded.polls,
  };
}

/**
 * The returning view: a new page in the same context, traced, watched up to `load` + 2 s.
 * Script time and long tasks come from the trace, which can cut at `load` exactly (a
 * DevTools reading at `load` arrives tens of ms late on a throttled page, after the work
 * that follows `load`) and names the script file of each piece of work.
 */
async function returningView(context, server, variant, options) {
  const { page } = await openPage(context, variant, false, options.throttle);
  await options.browser.startTracing(page, { path: options.returningTracePath, categories: RETURNING_CATEGORIES });
  await page.goto(`${server.origin}/pages/${variant.page}`, { waitUntil: 'load', timeout: TIMEOUT_MS });
  // Nothing is evaluated in the page while it is traced: Playwright's own script would count.
  // The page's clock is the wall clock, so this wait ends after `load` + 2 s in the page too.
  await page.waitForTimeout(AFTER_LOAD_MS + 100);
  await options.browser.stopTracing();
  const load = await loadEnd(page);
  const state = await probeState(page);
  if (variant.hasBanner && (await page.evaluate(() => window.__bench.drawnOpacity() > 0))) {
    throw new Error('the banner showed on the returning view: the stored consent was not read');
  }
  const files = await toolFiles(page, variant.isToolFile);
  await page.close();
  const trace = JSON.parse(readFileSync(options.returningTracePath, 'utf8'));
  rmSync(options.returningTracePath, { force: true });
  const main = mainThreadOf(trace, { origin: server.origin, until: { load, idle: load + AFTER_LOAD_MS }, longTaskMs: LONG_TASK_MS });
  // A long task is the tool's when any of the tool's own files ran or compiled script in it.
  const own = main.longTasks.filter((t) => Object.entries(t.byUrl).some(([url, ms]) => url && variant.isToolFile(new URL(url).pathname) && ms > 0));
  return {
    fcp: state.fcp,
    lcp: state.lcp,
    scriptLoad: main.script.load,
    scriptIdle: main.script.idle,
    tbt: blockingTime(main.longTasks.map((t) => [t.start, t.ms])),
    longTasks: main.longTasks.length,
    ownLongTasks: own.length,
    bytes: sum(files.filter((f) => f.start < load).map((f) => f.bytes)),
    files: files.filter((f) => f.start < load).map((f) => f.path),
    laterFiles: files.filter((f) => f.start >= load).map((f) => f.path),
    ownLongTaskDetail: own.map((t) => `${t.start.toFixed(0)} ms, ${t.ms.toFixed(0)} ms long`),
    lcpElement: state.lcpElement,
  };
}

/**
 * Both views of one variant in one fresh context (no cookies, cold cache). Resolves to
 * `{ first, returning }`; `returning` is null for a variant measured at first view only.
 * `options`: `{ browser, throttle, returningTracePath, tracePath?, traceCategories? }` —
 * `tracePath` records the first view in a full trace (bench --trace).
 */
export async function measureVariant(browser, server, variant, options) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'da-DK' });
  try {
    const first = await firstView(context, server, variant, { ...options, browser });
    const returning = options.tracePath ? null : await returningView(context, server, variant, { ...options, browser });
    return { first, returning };
  } finally {
    await context.close();
  }
}
