// Reads a Chromium trace of one benchmark page view and says where the main thread's time
// went: by kind of work (trace events, self time), by script file and by function (the V8
// CPU profile recorded in the same trace), and which long tasks there were. Times are in
// the throttled page's milliseconds, counted from navigation start.

// Trace event names, by the kind of work they are. Self time is used, so a compile nested
// in a function call counts as compile, a GC inside a script as GC.
const KINDS = [
  ['compile', /^(v8\.compile|v8\.compileModule|V8\.(Compile|Parse|PreParse|FinalizeBaseline)|FlushInstructionCache)/],
  ['script', /^(EvaluateScript|FunctionCall|v8\.(run|callFunction|newInstance|evaluateModule|callModuleMethod)|V8\.(Execute|HandleInterrupts|StackGuard|BytecodeBudgetInterrupt|InvokeApiInterruptCallbacks|DeoptimizeCode)|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch|FireIdleCallback|XHRReadyStateChange)/],
  ['gc', /^(V8\.GC|MinorGC|MajorGC|BlinkGC|ThreadState::|CppGC|V8\.ExternalCallback|GCEvent)/],
  ['style', /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|ScheduleStyleRecalculation)/],
  ['layout', /^(Layout|UpdateLayout|PrePaint|IntersectionObserverController::computeIntersections)/],
  ['paint', /^(Paint|PaintImage|Layerize|Commit|UpdateLayer|RasterTask|Decode)/],
  ['html', /^(ParseHTML|ResourceReceivedData|ResourceFinish)/],
];
const kindOf = (name) => (KINDS.find(([, re]) => re.test(name)) || ['other'])[0];
const KIND_ORDER = ['script', 'compile', 'gc', 'html', 'style', 'layout', 'paint', 'other'];

/** Complete ('X') events of one thread, with B/E pairs folded into them, sorted for nesting. */
function threadEvents(events, pid, tid) {
  const out = [];
  const open = new Map();
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue;
    if (e.ph === 'X' && e.dur !== undefined) out.push({ name: e.name, ts: e.ts, dur: e.dur, args: e.args });
    else if (e.ph === 'B') (open.get(e.name) || open.set(e.name, []).get(e.name)).push(e);
    else if (e.ph === 'E') {
      const b = open.get(e.name)?.pop();
      if (b) out.push({ name: b.name, ts: b.ts, dur: e.ts - b.ts, args: b.args });
    }
  }
  return out.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
}

/** Gives every event its self time and parent, by time containment on the thread. */
function nest(events) {
  const stack = [];
  for (const e of events) {
    e.self = e.dur;
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) {
      e.parent = parent;
      parent.self -= Math.min(e.dur, parent.ts + parent.dur - e.ts);
    }
    stack.push(e);
  }
  return events;
}

const urlOf = (e) => e.args?.data?.url || e.args?.beginData?.url || e.args?.fileName || '';
const ownUrl = (e) => {
  for (let n = e; n; n = n.parent) if (urlOf(n)) return urlOf(n);
  return '';
};

/** Self time per function and per script from the V8 CPU profile samples in a window. */
function profileOf(events, pid, from, to) {
  const chunks = events.filter((e) => e.pid === pid && (e.name === 'Profile' || e.name === 'ProfileChunk'));
  const profiles = new Map();
  for (const e of chunks) {
    const p = profiles.get(e.id) || profiles.set(e.id, { start: 0, nodes: new Map(), samples: [] }).get(e.id);
    if (e.name === 'Profile') {
      p.start = e.args.data.startTime;
      p.tid = e.tid;
      continue;
    }
    const data = e.args.data;
    for (const n of data.cpuProfile?.nodes || []) p.nodes.set(n.id, n);
    const ids = data.cpuProfile?.samples || [];
    (data.timeDeltas || []).forEach((d, i) => p.samples.push({ id: ids[i], d, line: data.lines?.[i], col: data.columns?.[i] }));
  }
  // The renderer main thread's profile is the one with the most samples.
  const profile = [...profiles.values()].sort((a, b) => b.samples.length - a.samples.length)[0];
  const byFunction = new Map();
  const byUrl = new Map();
  if (!profile) return { byFunction, byUrl };
  const urlOfScript = new Map();
  for (const n of profile.nodes.values()) if (n.callFrame.url) urlOfScript.set(n.callFrame.scriptId, n.callFrame.url);
  let t = profile.start;
  profile.samples.forEach((s, i) => {
    t += s.d;
    // A sample stands for the time until the next one.
    const next = profile.samples[i + 1];
    if (!next || t < from || t > to) return;
    const cf = profile.nodes.get(s.id)?.callFrame;
    if (!cf || cf.functionName === '(idle)' || cf.functionName === '(root)') return;
    const url = cf.url || urlOfScript.get(cf.scriptId) || (cf.codeType === 'JS' ? '(no URL: bench probe, Playwright)' : `(${cf.functionName.replace(/[()]/g, '')})`);
    const fname = cf.functionName || '(anonymous)';
    const key = `${fname}\u0000${url}\u0000${cf.lineNumber}\u0000${cf.columnNumber}`;
    const f = byFunction.get(key) || byFunction.set(key, { name: fname, url, line: cf.lineNumber, column: cf.columnNumber, us: 0, native: cf.codeType !== 'JS' }).get(key);
    f.us += next.d;
    byUrl.set(url, (byUrl.get(url) || 0) + next.d);
  });
  return { byFunction, byUrl };
}

/** The benchmark page's navigationStart in a trace: its renderer's pid and tid, and its ts. */
function navigationOf(events, origin) {
  const nav = events.find((e) => e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL || '').startsWith(`${origin}/pages/`));
  if (!nav) throw new Error('trace has no navigationStart of a benchmark page');
  return nav;
}

/** The main thread's top-level tasks of `longTaskMs` or more from navigation start on. */
const topTasks = (thread, zero, longTaskMs) => thread.filter((e) => e.name === 'RunTask' && !e.parent && e.dur >= longTaskMs * 1000 && e.ts >= zero);

/**
 * What a returning view's trace says about the main thread, for the benchmark's figures:
 * `script[name]`, the JavaScript run and compiled (self time of the trace's script and compile
 * events) from navigation start up to each time of `until` (ms from navigation start), and
 * `longTasks`, each top-level task of 50 ms or more up to the last of them, with the script
 * and compile time in it per script URL (`byUrl`; "" where the trace names none: microtasks,
 * animation frames, events dispatched by the browser); `byUrl`, the same for the whole view.
 */
export function mainThreadOf(trace, { origin, until, longTaskMs = 50 }) {
  const events = trace.traceEvents || trace;
  const { pid, tid, ts: zero } = navigationOf(events, origin);
  const thread = nest(threadEvents(events, pid, tid));
  const end = Math.max(...Object.values(until));
  const script = Object.fromEntries(Object.keys(until).map((k) => [k, 0]));
  const byUrl = {};
  const longTasks = topTasks(thread, zero, longTaskMs)
    .filter((task) => task.ts - zero <= end * 1000)
    .map((task) => ({ start: (task.ts - zero) / 1000, ms: task.dur / 1000, byUrl: {} }));
  for (const e of thread) {
    const kind = kindOf(e.name);
    if (kind !== 'script' && kind !== 'compile') continue;
    const at = (e.ts - zero) / 1000;
    for (const [k, ms] of Object.entries(until)) if (at >= 0 && at <= ms) script[k] += e.self / 1000;
    if (at >= 0 && at <= end) byUrl[ownUrl(e)] = (byUrl[ownUrl(e)] || 0) + e.self / 1000;
    const task = longTasks.find((t) => at >= t.start && at <= t.start + t.ms);
    if (task) {
      const url = ownUrl(e);
      task.byUrl[url] = (task.byUrl[url] || 0) + e.self / 1000;
    }
  }
  return { script, byUrl, longTasks };
}

/**
 * Summarises one trace. Returns times in ms from navigation start: the benchmark's marks,
 * main-thread self time by kind and script file (load window: navigation → banner fully
 * shown + settle; click window: click → banner gone), long tasks, hottest functions.
 */
export function summariseTrace(trace, { origin, settleMs = 500, longTaskMs = 50 }) {
  const events = trace.traceEvents || trace;
  const { pid, tid, ts: zero } = navigationOf(events, origin);
  const ms = (us) => us / 1000;
  const marks = {};
  for (const e of events) if (e.pid === pid && e.name.startsWith('bench:')) marks[e.name.slice(6)] = ms(e.ts - zero);

  const thread = nest(threadEvents(events, pid, tid));
  // On a page without a banner (the bare page), the window ends `settleMs` after `load`.
  const loadEventEnd = events.find((e) => e.pid === pid && e.name === 'loadEventEnd' && e.ts >= zero);
  const shownAt = marks.opaque ?? (loadEventEnd ? ms(loadEventEnd.ts - zero) : 0);
  const loadEnd = zero + (shownAt + settleMs) * 1000;
  const windows = {
    load: [zero, loadEnd],
    click: [zero + (marks.click ?? Infinity) * 1000, zero + (marks.gone ?? -Infinity) * 1000],
  };
  const tally = ([from, to]) => {
    const kinds = Object.fromEntries(KIND_ORDER.map((k) => [k, 0]));
    const urls = new Map();
    const names = new Map();
    for (const e of thread) {
      if (e.ts < from || e.ts > to) continue;
      const kind = kindOf(e.name);
      kinds[kind] += e.self;
      const n = names.get(e.name) || names.set(e.name, { name: e.name, kind, us: 0, count: 0 }).get(e.name);
      n.us += e.self;
      n.count++;
      if (kind === 'script' || kind === 'compile') {
        const url = ownUrl(e) || '(no URL: microtasks, rAF, events)';
        urls.set(url, (urls.get(url) || 0) + e.self);
      }
    }
    return {
      kinds: Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, ms(v)])),
      urls: [...urls].map(([url, us]) => ({ url, ms: ms(us) })).sort((a, b) => b.ms - a.ms),
      // Task wrappers and IPC plumbing ("other") are left out: they are not anybody's code.
      events: [...names.values()].filter((n) => n.kind !== 'other').map((n) => ({ ...n, ms: ms(n.us) })).sort((a, b) => b.ms - a.ms).slice(0, 8),
    };
  };

  // Up to the banner gone after the click, or to the end of the load window on a page without one.
  const lastTask = Math.max(windows.click[1], windows.load[1]);
  const longTasks = topTasks(thread, zero, longTaskMs)
    .filter((task) => task.ts <= lastTask)
    .map((task) => {
      const inside = tally([task.ts, task.ts + task.dur]);
      return { start: ms(task.ts - zero), ms: ms(task.dur), kinds: inside.kinds, urls: inside.urls };
    });

  const hottest = ([from, to]) => {
    const profile = profileOf(events, pid, from, to);
    return {
      functions: [...profile.byFunction.values()].filter((f) => !f.native).sort((a, b) => b.us - a.us).slice(0, 8).map((f) => ({ ...f, ms: ms(f.us) })),
      urls: [...profile.byUrl].map(([url, us]) => ({ url, ms: ms(us) })).sort((a, b) => b.ms - a.ms),
    };
  };
  const load = { ...tally(windows.load), profile: hottest(windows.load) };
  const click = { ...tally(windows.click), profile: hottest(windows.click) };
  return { marks, load, click, longTasks };
}

const short = (url, origin) => (url.startsWith(origin) ? url.slice(origin.length) : url);
const f1 = (x) => x.toFixed(1).padStart(6);

/** Prints the summaries of all variants; `snippet(url, line, column)` may show source text. */
export function printTraceSummary(items, { origin, snippet = () => '' }) {
  const out = [];
  const line = (s = '') => out.push(s);
  line();
  line('Where the time goes (one traced page view each; tracing slows the page, so compare within this section only)');
  for (const { variant, summary: s, tracePath } of items) {
    line();
    line(`${variant.label} — ${tracePath}`);
    const m = s.marks;
    const mark = (name) => m[name]?.toFixed(0) ?? '–';
    line(`  marks (ms from navigation): visible ${mark('visible')}, fully opaque ${mark('opaque')}, click ${mark('click')}, gone ${mark('gone')}`);
    line(`  long tasks (≥ 50 ms): ${s.longTasks.length ? '' : 'none'}`);
    for (const t of s.longTasks) {
      line(`    at ${t.start.toFixed(0)} ms, ${t.ms.toFixed(1)} ms: ` + KIND_ORDER.filter((k) => t.kinds[k] >= 1).map((k) => `${k} ${t.kinds[k].toFixed(1)}`).join(', '));
      if (t.urls.length) line(`      script + compile by file: ` + t.urls.slice(0, 4).map((u) => `${short(u.url, origin)} ${u.ms.toFixed(1)}`).join(', '));
    }
    for (const [name, w] of [['navigation → fully shown + 500 ms', s.load], ['accept click → banner gone', s.click]]) {
      line(`  ${name}, main thread (self ms): ` + KIND_ORDER.filter((k) => w.kinds[k] >= 0.05).map((k) => `${k} ${w.kinds[k].toFixed(1)}`).join(', '));
      if (w.urls.length) line(`    script + compile by file: ` + w.urls.slice(0, 5).map((u) => `${short(u.url, origin)} ${u.ms.toFixed(1)}`).join(', '));
      if (w.events.length) line(`    top trace events: ` + w.events.map((e) => `${e.name} ${e.ms.toFixed(1)} (×${e.count})`).join(', '));
      const p = w.profile;
      if (p.urls.length) line(`    CPU profile (sampled) by script: ` + p.urls.slice(0, 5).map((u) => `${short(u.url, origin)} ${u.ms.toFixed(1)}`).join(', '));
      for (const f of p.functions.slice(0, 6)) {
        const where = `${short(f.url, origin)}:${f.line + 1}:${f.column + 1}`;
        const hint = snippet(f.url, f.line, f.column);
        line(`      ${f1(f.ms)}  ${f.name.slice(0, 24).padEnd(24)} ${where}${hint ? `  ${hint}` : ''}`);
      }
    }
  }
  console.log(out.join('\n'));
}
