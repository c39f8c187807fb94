// Maps positions in the minified dist/samtykke.js back to src/ for the trace summary.
// dist/ carries no source map, so the bundle is rebuilt in memory from rollup.config.mjs
// with one; it is used only if the rebuilt code is byte-identical to the bundle measured.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes a source map's `mappings` into per-line arrays of [column, source, line, col, name]. */
export function decodeMappings(mappings) {
  const lines = [];
  const state = [0, 0, 0, 0]; // source, line, column, name: relative across the whole map
  for (const text of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const seg of text.split(',')) {
      if (!seg) continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      const out = [column];
      for (let i = 1; i < fields.length; i++) out.push((state[i - 1] += fields[i]));
      segments.push(out);
    }
    lines.push(segments);
  }
  return lines;
}

/** Rebuilds dist/samtykke.js in memory from rollup.config.mjs, with a source map: `{ code, map }`. */
export async function buildFirstLayer(root) {
  const { rollup } = await import('rollup');
  const configs = (await import(pathToFileURL(join(root, 'rollup.config.mjs')).href)).default;
  const config = (Array.isArray(configs) ? configs : [configs]).find((c) => String(c.output?.file).endsWith('samtykke.js'));
  if (!config) throw new Error('rollup.config.mjs has no samtykke.js output');
  const cwd = process.cwd();
  process.chdir(root); // the config's paths are relative to the repository
  try {
    const bundle = await rollup({ ...config, onwarn: () => {} });
    const { output } = await bundle.generate({ ...config.output, sourcemap: true });
    await bundle.close();
    return { code: output[0].code.replace(/\n\/\/# sourceMappingURL=.*\n?$/, ''), map: output[0].map };
  } finally {
    process.chdir(cwd);
  }
}

/** A source map's source path without the leading "../" rollup writes. */
export const sourceName = (map, index) => map.sources[index].replace(/^(\.\.\/)+/, '');

/**
 * Resolves to `lookup(line, column) → "src/….ts:line (name)"` (0-based input), or to a
 * string saying why no map is available.
 */
export async function bundleSourceMap(root, measuredCode) {
  try {
    const { code, map } = await buildFirstLayer(root);
    if (code.trimEnd() !== measuredCode.trimEnd()) {
      return 'src/ has changed since dist/samtykke.js was built: positions not mapped';
    }
    const lines = decodeMappings(map.mappings);
    return (line, column) => {
      const segs = lines[line] || [];
      let best = null;
      for (const s of segs) if (s[0] <= column && s.length > 1) best = s;
      if (!best) return '';
      return `${sourceName(map, best[1])}:${best[2] + 1}${best.length > 4 ? ` (${map.names[best[4]]})` : ''}`;
    };
  } catch (error) {
    return `no source map (${error.message.split('\n')[0]})`;
  }
}
