// The script-tag files. npm users get unbundled ES modules from `tsc -p tsconfig.build.json`.
//
// - dist/samtykke.js: the classic script a site adds; the core every page view runs, no Lit.
// - dist/samtykke-ui.js: an ES module the core imports when a layer must show (Lit, the
//   first-layer elements, Danish and English); each further language is a chunk beside it,
//   dist/samtykke-ui.<lang>.js, imported only when that language is chosen.
// - dist/samtykke-policy.js: the policy page's elements (privacy policy, cookie declaration,
//   consent history), a classic script of its own.
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const plugins = () => [
  nodeResolve({ browser: true }),
  json({ preferConst: true, compact: true }),
  typescript({ tsconfig: './tsconfig.json', include: ['src/**/*.ts'], noEmitOnError: true, compilerOptions: { types: [] } }),
  terser({ ecma: 2021, compress: { passes: 2 }, format: { comments: false } }),
];

/** `locales/ui.sv.json` becomes `samtykke-ui.sv.js`; nothing else is split off. */
const chunkFileNames = ({ name }) => (name.startsWith('ui.') ? `samtykke-${name}.js` : `samtykke-ui-${name}.js`);

export default [
  {
    input: 'src/embed.ts',
    output: { file: 'dist/samtykke.js', format: 'iife' },
    plugins: plugins(),
  },
  {
    input: { 'samtykke-ui': 'src/ui.ts' },
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames },
    plugins: plugins(),
  },
  {
    input: 'src/policy-entry.ts',
    output: { file: 'dist/samtykke-policy.js', format: 'iife' },
    plugins: plugins(),
  },
];
