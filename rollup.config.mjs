// Two IIFE bundles for script-tag users; npm users get unbundled ES modules from `tsc -p tsconfig.build.json`.
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { inlineJson } from './build/inline-json.mjs';
import { minifyTemplates } from './build/minify-templates.mjs';

const plugins = () => [
  nodeResolve({ browser: true }),
  // preferConst + named exports let a bundle import one field of a JSON file without the rest.
  json({ preferConst: true, compact: true }),
  typescript({ tsconfig: './tsconfig.json', include: ['src/**/*.ts'], noEmitOnError: true, compilerOptions: { types: [] } }),
  // After typescript(): that plugin compiles from disk and would drop an earlier transform.
  minifyTemplates(),
  // The English strings of the first layer inside the getter that returns them (src/core/i18n.ts).
  inlineJson({ include: /src[\\/]core[\\/]i18n\.ts$/ }),
  terser({
    ecma: 2021,
    compress: { passes: 2 },
    // Members named `_$…` are private to a bundle: the first layer's template renderer names
    // its own so, and lit-html (in the policy bundle) keeps its unmangled only so that several
    // Lit copies on one page work together. Nothing outside an IIFE bundle can reach them, so
    // here they are shortened like any private name. Production lit-html reads none by string.
    mangle: { properties: { regex: /^_\$/ } },
    // No `wrap_iife`: parentheses around the functions terser inlines as calls made V8 compile
    // them with their caller, which two 25-round runs read as -6% and -7% of script time, but
    // an 80-round paired run did not confirm (1.03× [0.97–1.13] with it), and it kept 3 KB more
    // JS heap in every view (README, Benchmarks).
    format: { comments: false },
  }),
];

export default [
  {
    input: 'src/embed.ts',
    output: { file: 'dist/samtykke.js', format: 'iife' },
    plugins: plugins(),
  },
  {
    input: 'src/policy-entry.ts',
    output: { file: 'dist/samtykke-policy.js', format: 'iife' },
    plugins: plugins(),
  },
];
