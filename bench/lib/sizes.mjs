// Byte accounting of the widget benchmark: what each variant costs over the shared host page.
import { gzipSync } from 'node:zlib';

/** gzip -9 size of a buffer or string, the measure used for every byte figure. */
export function gzipBytes(data) {
  return gzipSync(data, { level: 9 }).length;
}

// Each host page wraps its consent tool in <!-- consent --> … <!-- /consent --> blocks.
const CONSENT_BLOCK = /<!-- consent -->[\s\S]*?<!-- \/consent -->\n?/g;

/** The host page with its consent blocks taken out: must be the same for every variant. */
export function sharedPart(html) {
  return html.replace(CONSENT_BLOCK, '');
}

/**
 * Checks that the pages differ only inside their consent blocks (the benchmark's premise),
 * and returns each page's inline cost: gzip(page) − gzip(page without its consent blocks).
 */
export function inlineCosts(pages) {
  const shared = Object.values(pages).map(sharedPart);
  const ids = Object.keys(pages);
  shared.forEach((text, i) => {
    if (text !== shared[0]) throw new Error(`host-${ids[i]}.html differs from host-${ids[0]}.html outside its consent blocks`);
  });
  const base = gzipBytes(shared[0]);
  return Object.fromEntries(ids.map((id) => [id, gzipBytes(pages[id]) - base]));
}

/** Memoised gzip size of a served file, by URL path; `read` resolves a path to its bytes or null. */
export function fileSizer(read) {
  const cache = new Map();
  return async (path) => {
    if (!cache.has(path)) cache.set(path, read(path).then((body) => (body ? gzipBytes(body) : 0)));
    return cache.get(path);
  };
}
