// Prints the Subresource Integrity value of each script in dist/ and writes them to
// dist/sri.json, so a site that loads Samtykke from a CDN can pin the exact bytes it tested.
// Run at the end of `npm run build`, after every bundle is written.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The `integrity` value (`sha384-…`) of each `.js` file directly in `dir`, by file name.
 * @param {string} dir
 * @returns {Record<string, string>}
 */
export function integrityOf(dir) {
  /** @type {Record<string, string>} */
  const values = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.js')).sort()) {
    const digest = createHash('sha384').update(readFileSync(join(dir, name))).digest('base64');
    values[name] = `sha384-${digest}`;
  }
  return values;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = fileURLToPath(new URL('../dist/', import.meta.url));
  const values = integrityOf(dist);
  if (Object.keys(values).length === 0) {
    console.error('sri: no .js files in dist/; run the bundles first (npm run build:bundles)');
    process.exit(1);
  }
  writeFileSync(join(dist, 'sri.json'), `${JSON.stringify(values, null, 2)}\n`);
  for (const [name, value] of Object.entries(values)) console.log(`${name.padEnd(24)} ${value}`);
}
