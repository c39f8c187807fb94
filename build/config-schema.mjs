// Writes samtykke.config.schema.json, the JSON Schema of the config, from the valibot schema the
// widget validates with (src/core/config/schema.ts), so the two cannot drift. Each key's
// description is the JSDoc of that key in `SamtykkeOptions` (src/core/config/options.ts), which
// TypeScript editors show too; a type test holds that type to the valibot schema. The
// descriptions stay out of the widget's bundle that way. An editor checks a site owner's config
// with the result: `"$schema": "./node_modules/samtykke/samtykke.config.schema.json"`.
//
//   node build/config-schema.mjs [--out <file>]   (default: samtykke.config.schema.json in the package root)
import { toJsonSchema } from '@valibot/to-json-schema';
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

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
  describe(schema, optionsType());
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

/** `SamtykkeOptions` as the TypeScript checker sees it. */
function optionsType() {
  const file = join(root, 'src/core/config/options.ts');
  const program = ts.createProgram([file], { strict: true, noEmit: true, resolveJsonModule: true, moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext });
  const checker = program.getTypeChecker();
  const symbol = checker.getSymbolAtLocation(program.getSourceFile(file)).exports.get('SamtykkeOptions');
  return { checker, type: checker.getDeclaredTypeOfSymbol(symbol) };
}

/**
 * Gives every property of the JSON Schema `node` the JSDoc of the same property of `type`,
 * down through objects, arrays and unions. A key of a language (`da`, `en`, …) has no JSDoc of
 * its own: it is described by its language.
 */
function describe(node, { checker, type }) {
  if (!node || typeof node !== 'object' || !type) return;
  // The object types a value of `type` may be: undefined dropped, unions opened, arrays' items.
  const shapes = [];
  for (const part of type.isUnion() ? type.types : [type]) {
    if (checker.isArrayType(part)) shapes.push(...objectShapes(checker, checker.getTypeArguments(part)[0]));
    else if (part.flags & ts.TypeFlags.Object) shapes.push(part);
  }
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const property = shapes.map((shape) => checker.getPropertyOfType(shape, key)).find(Boolean);
    const jsdoc = property && ts.displayPartsToString(property.getDocumentationComment(checker)).trim();
    const text = jsdoc || (/^[a-z]{2}$/.test(key) ? `In the language "${key}".` : undefined);
    // VS Code renders markdownDescription; other editors show description, without the code marks.
    if (text) Object.assign(child, { description: text.replaceAll('`', ''), markdownDescription: text });
    describe(child, { checker, type: property && checker.getTypeOfSymbol(property) });
  }
  for (const child of [node.items, ...(node.anyOf ?? [])]) describe(child, { checker, type });
}

function objectShapes(checker, type) {
  return (type.isUnion() ? type.types : [type]).filter((part) => part.flags & ts.TypeFlags.Object);
}
