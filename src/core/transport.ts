/**
 * Delivers consent events to the consent log (`config.endpoint`) so the controller can prove
 * consent (GDPR 7(1)). Every event goes into a small outbox in localStorage first, oldest
 * first, and leaves it only when the log acknowledged it (2xx) or refused it for good (4xx
 * other than 408/429). Anything else is retried with backoff: on the next page load, when
 * the browser comes back `online`, and by timer. On `pagehide` what is still undelivered goes
 * out by `sendBeacon` too; the log stores an eventId once, so sending again is harmless.
 *
 * Delivery never touches the visitor's choice: the cookie and the page have it already, and
 * nothing here throws into the page (localStorage may be missing, blocked or full; the outbox
 * then lives in memory for this page view).
 */
import { MAX_PATH_LENGTH } from './config/limits.js';
import type { ChangeDetail, ConsentEvent, ConsentStore } from './store.js';

/** The localStorage key of the outbox. Keeping it is strictly necessary for the proof of consent. */
export const OUTBOX_KEY = 'samtykke-outbox';

/** Most undelivered events kept; when the outbox is full the oldest is dropped. */
export const OUTBOX_LIMIT = 20;

/**
 * A page path as the consent log stores it: starting with "/", control characters %-escaped,
 * and cut to the log's limit, never inside a %-escape or between the halves of a surrogate pair.
 * The log refuses anything else, and a refused event would be dropped.
 */
export function logPath(path: string): string {
  let out = path.replace(/[\0-\x1f\x7f]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`);
  if (!out.startsWith('/')) out = `/${out}`;
  if (out.length <= MAX_PATH_LENGTH) return out;
  out = out.slice(0, MAX_PATH_LENGTH);
  // A "%" in the last two places starts an escape the cut broke.
  const percent = out.lastIndexOf('%');
  if (percent > MAX_PATH_LENGTH - 3) out = out.slice(0, percent);
  return /[\ud800-\udbff]$/.test(out) ? out.slice(0, -1) : out;
}

/**
 * Starts delivering the store's consent events to `endpoint` and returns a stop function.
 * `retryMs` is the first retry delay; it doubles with each failure, up to five minutes.
 */
export function startTransport(store: ConsentStore, endpoint: string, retryMs = 2000): () => void {
  let memory: ConsentEvent[] = [];
  let persist = true;
  let busy = false;
  let live = true;
  let failures = 0;
  let sending = '';
  let timer: ReturnType<typeof setTimeout> | undefined;

  // Read before every change, so two tabs sharing the outbox do not drop each other's events.
  const read = (): ConsentEvent[] => {
    if (persist)
      try {
        // Damaged JSON throws; anything else that is not a list of events filters down to one.
        return ([] as ConsentEvent[]).concat(JSON.parse(localStorage.getItem(OUTBOX_KEY)!)).filter((e) => typeof e?.eventId == 'string');
      } catch {}
    return memory;
  };
  const write = (box: ConsentEvent[]): void => {
    memory = box.slice(-OUTBOX_LIMIT);
    try {
      localStorage.setItem(OUTBOX_KEY, JSON.stringify(memory));
    } catch {
      persist = false;
    }
  };

  const flush = async (): Promise<void> => {
    if (busy || !live) return;
    busy = true;
    clearTimeout(timer);
    for (let event: ConsentEvent | undefined; live && (event = read()[0]); ) {
      const id = (sending = event.eventId);
      let status = 0;
      try {
        status = (await fetch(endpoint, { method: 'POST', keepalive: true, credentials: 'omit', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) })).status;
      } catch {}
      sending = '';
      const kind = (status / 100) | 0;
      // Delivered (2xx) or refused for good (4xx but 408/429) leaves the outbox; the rest waits.
      if (kind != 2 && (kind != 4 || status == 408 || status == 429)) {
        timer = setTimeout(flush, Math.min(retryMs * 2 ** failures++, 3e5));
        break;
      }
      if (kind == 4) console.warn(`Samtykke: the consent log refused ${id} (HTTP ${status}); dropped`);
      failures = 0;
      write(read().filter((e) => e.eventId != id));
    }
    busy = false;
  };

  const onChange = (e: Event): void => {
    const { event } = (e as CustomEvent<ChangeDetail>).detail;
    write([...read(), { ...event, path: logPath(event.path) }]);
    void flush();
  };
  const onHide = (): void => {
    for (const event of read())
      if (event.eventId != sending)
        try {
          navigator.sendBeacon(endpoint, JSON.stringify(event));
        } catch {}
  };

  store.addEventListener('change', onChange);
  addEventListener('online', flush);
  addEventListener('pagehide', onHide);
  void flush();
  return () => {
    live = false;
    clearTimeout(timer);
    store.removeEventListener('change', onChange);
    removeEventListener('online', flush);
    removeEventListener('pagehide', onHide);
  };
}
