// The inline part of each variant's cost: what its consent blocks add to the host page.
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
    if (text !== shared[0]) throw new Error(`the ${ids[i]} page differs from the ${ids[0]} page outside its consent blocks`);
  });
  const base = gzipBytes(shared[0]);
  return Object.fromEntries(ids.map((id) => [id, gzipBytes(pages[id]) - base]));
}
