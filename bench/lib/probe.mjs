// The in-page probe of the widget benchmark, added with page.addInitScript so it runs in
// every variant before any of the page's own scripts. It records, in the page's own clock
// (performance.now(), 0 = navigation start):
//   fcp, lcp     the page's first contentful paint and its largest contentful paint (the last
//                candidate before the first input, as Chromium reports it), with the LCP
//                element described as `tag#id.class` (`(in a shadow root)` when the browser
//                does not expose it);
//   longTasks    every task of 50 ms or more (PerformanceObserver "longtask"): [start, ms];
//   cls          the page's cumulative layout shift (shifts after input excluded, as CLS does);
// and, when it watches the banner (`watch`), what the banner does:
//   visibleAt    the first frame in which the accept button is drawn at all,
//   opaqueAt     the first frame in which it is drawn fully opaque (fade-ins end),
//   clickAt      the accept click (the event's own timestamp),
//   clickPaintAt the first frame painted after the click was handled (what INP waits for),
//   goneAt       the first frame in which the button is no longer drawn,
//   polls        how many frames were polled before the banner was fully shown.
// "A frame" is detected in requestAnimationFrame, and its time is taken by a message posted
// from there: that message is delivered once the main thread has finished the frame.
// The polling's own JavaScript counts in the tools' script time (not the bare page's, which
// has no banner to watch): about 0.1 ms per polled frame at 4× throttling.

/**
 * The init script for one view. `findAccept` is the source of a function returning the accept
 * button (or null); `watch` says whether to follow the banner (a first view with a banner).
 */
export function probeSource(findAccept, { watch }) {
  return `(${probe})(${findAccept}, ${Boolean(watch)});`;
}

function probe(findAccept, watch) {
  if (window !== window.top) return;
  let resolveShown;
  let resolveGone;
  const b = (window.__bench = {
    find: findAccept,
    fcp: null,
    lcp: null,
    lcpElement: null,
    longTasks: [],
    cls: 0,
    visibleAt: null,
    opaqueAt: null,
    clickAt: null,
    clickPaintAt: null,
    goneAt: null,
    polls: 0,
    shown: new Promise((r) => (resolveShown = r)),
    gone: new Promise((r) => (resolveGone = r)),
  });
  const observe = (type, fn) => new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({ type, buffered: true });
  observe('paint', (e) => {
    if (e.name === 'first-contentful-paint') b.fcp = e.startTime;
  });
  observe('largest-contentful-paint', (e) => {
    if (e.startTime >= (b.clickAt ?? Infinity)) return;
    b.lcp = e.startTime;
    const el = e.element;
    b.lcpElement = el ? el.localName + (el.id ? `#${el.id}` : '') + (el.classList.length ? `.${[...el.classList].join('.')}` : '') : '(in a shadow root)';
  });
  observe('longtask', (e) => b.longTasks.push([e.startTime, e.duration]));
  observe('layout-shift', (e) => {
    if (!e.hadRecentInput) b.cls += e.value;
  });
  // How opaque the button is as drawn: 0 when absent, hidden, off-screen or without size.
  const drawnOpacity = (el) => {
    if (!el || !el.isConnected) return 0;
    if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return 0;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return 0;
    if (r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth) return 0;
    let opacity = 1;
    // Up through shadow roots to the document, multiplying each level's opacity.
    for (let n = el; n; n = n.parentElement || n.getRootNode().host) opacity *= Number(getComputedStyle(n).opacity);
    return opacity;
  };
  b.drawnOpacity = () => drawnOpacity(findAccept());
  if (!watch) return;

  const afterPaint = (fn) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => fn(performance.now());
    channel.port2.postMessage(null);
  };


  let seen = false;
  const watchShow = () => {
    b.polls++;
    const opacity = drawnOpacity(findAccept());
    if (opacity > 0 && !seen) {
      seen = true;
      afterPaint((t) => {
        b.visibleAt = t;
        performance.mark('bench:visible');
      });
    }
    if (opacity >= 0.99) {
      afterPaint((t) => {
        b.opaqueAt = t;
        performance.mark('bench:opaque');
        resolveShown();
      });
    } else requestAnimationFrame(watchShow);
  };
  requestAnimationFrame(watchShow);

  const watchHide = () => {
    if (drawnOpacity(findAccept()) === 0) {
      afterPaint((t) => {
        b.goneAt = t;
        performance.mark('bench:gone');
        resolveGone();
      });
    } else requestAnimationFrame(watchHide);
  };
  // Capturing on window, added before any page script: runs before the banner's own handler.
  addEventListener(
    'click',
    (event) => {
      if (b.clickAt !== null || !event.isTrusted) return;
      b.clickAt = event.timeStamp;
      performance.mark('bench:click', { startTime: event.timeStamp });
      requestAnimationFrame(() => afterPaint((t) => (b.clickPaintAt = t)));
      requestAnimationFrame(watchHide);
    },
    true,
  );
}
