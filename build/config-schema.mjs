// Writes samtykke.config.schema.json, the JSON Schema of the config, from the valibot schema the
// widget validates with (src/core/config/schema.ts), so the two cannot drift. An editor checks a
// site owner's config with it: `"$schema": "./node_modules/samtykke/samtykke.config.schema.json"`.
//
//   node build/config-schema.mjs [--out <file>]   (default: samtykke.config.schema.json in the package root)
import { toJsonSchema } from '@valibot/to-json-schema';
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? process.argv[outIndex + 1] : join(root, 'samtykke.config.schema.json');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// Node cannot import the TypeScript source; esbuild bundles it (and valibot) into one module.
const dir = mkdtempSync(join(tmpdir(), 'samtykke-config-schema-'));
try {
  const bundle = join(dir, 'schema.mjs');
  await build({ entryPoints: [join(root, 'src/core/config/schema.ts')], bundle: true, format: 'esm', platform: 'node', outfile: bundle, logLevel: 'warning' });
  const { ConfigSchema } = await import(pathToFileURL(bundle).href);
  // Checks that JSON Schema cannot say (a URL that stays on the site, a real date) are left to
  // the widget, which reports them at load; "ignore" drops them instead of failing.
  const schema = toJsonSchema(ConfigSchema, { errorMode: 'ignore' });
  const document = {
    $schema: schema.$schema,
    $id: `https://unpkg.com/samtykke@${version}/samtykke.config.schema.json`,
    title: 'Samtykke config',
    description: 'The config of the Samtykke cookie-consent widget: the JSON config block, window.samtykkeConfig or init(options).',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`wrote ${out}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
