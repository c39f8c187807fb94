// Rollup plugin: in the modules it is given, a JSON value read inside a function through a
// namespace import (`import * as en from '…/ui.en.json'`, then `en.banner` in a getter) is
// written there as a literal. @rollup/plugin-json makes every value a top-level constant,
// which the browser builds when the script runs; a literal inside a function is built when
// the function runs, and until then costs nothing: V8 makes a function's strings and objects
// when it first compiles it. So a Danish page never builds the English strings, nor the
// Danish ones of layers it has not shown (3.5 KB of JS heap; README, Benchmarks). Values read
// at the top level are left to the JSON plugin.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/** Calls `visit(node, inFunction)` on every node of an ESTree tree. */
function walk(node, visit, inFunction = false) {
  if (!node || typeof node.type != 'string') return;
  visit(node, inFunction);
  const inside = inFunction || FUNCTIONS.has(node.type);
  for (const key in node) {
    const child = node[key];
    if (Array.isArray(child)) for (const c of child) walk(c, visit, inside);
    else if (child && typeof child == 'object' && key != 'loc') walk(child, visit, inside);
  }
}

/** `include`: the ids (absolute paths) of the modules to rewrite. */
export function inlineJson({ include }) {
  return {
    name: 'inline-json',
    transform(code, id) {
      if (!include.test(id)) return null;
      const ast = this.parse(code);
      /** Local name of each JSON namespace import → the file's value. */
      const files = new Map();
      for (const node of ast.body)
        if (node.type == 'ImportDeclaration' && node.source.value.endsWith('.json'))
          for (const s of node.specifiers)
            if (s.type == 'ImportNamespaceSpecifier') files.set(s.local.name, JSON.parse(readFileSync(resolve(dirname(id), node.source.value), 'utf8')));
      const edits = [];
      walk(ast, (node, inFunction) => {
        if (inFunction && node.type == 'MemberExpression' && !node.computed && files.has(node.object.name)) {
          const value = files.get(node.object.name)[node.property.name];
          if (value === undefined) this.error(`${node.object.name}.${node.property.name}: no such key in the JSON file`);
          edits.push([node.start, node.end, `(${JSON.stringify(value)})`]);
        }
      });
      if (!edits.length) return null;
      let out = code;
      for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
      return { code: out, map: null };
    },
  };
}
