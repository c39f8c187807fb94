// @ts-check
/**
 * The README and docs/ as a reader meets them: every relative link and image points to a file
 * in the repository (and a `#section` to a heading there), nothing cites files a user does not
 * have or the project's issue numbers, and the README stays a front door (about 400 lines).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pages = ['README.md', 'CHANGELOG.md', ...readdirSync(join(root, 'docs')).filter((n) => n.endsWith('.md')).map((n) => `docs/${n}`)];

/** Markdown without its fenced code blocks, where `[x](y)` is code, not a link. */
const prose = (markdown) => markdown.replace(/^```[\s\S]*?^```/gm, '');

/** The anchors GitHub gives a page's headings, and the explicit `<a id>`s. */
function anchorsOf(markdown) {
  const anchors = new Set();
  const seen = new Map();
  for (const [, heading] of prose(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const base = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  for (const [, id] of markdown.matchAll(/<a id="([^"]+)"/g)) anchors.add(id);
  return anchors;
}

test('every relative link and image in the README and docs/ resolves', () => {
  const broken = [];
  for (const page of pages) {
    const text = readFileSync(join(root, page), 'utf8');
    for (const [, target] of prose(text).matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)) {
      if (/^(https?:|mailto:)/.test(target)) continue;
      const [file, anchor] = target.split('#');
      const path = file ? join(root, dirname(page), file) : join(root, page);
      if (!existsSync(path)) {
        broken.push(`${page}: ${target} (no such file)`);
      } else if (anchor && path.endsWith('.md') && !anchorsOf(readFileSync(path, 'utf8')).has(anchor)) {
        broken.push(`${page}: ${target} (no such heading in ${relative(root, path)})`);
      }
    }
  }
  assert.deepEqual(broken, [], `broken links:\n${broken.join('\n')}`);
});

test('the README and docs/ cite no files outside the repository and no issue numbers', () => {
  const found = [];
  for (const page of pages) {
    const text = readFileSync(join(root, page), 'utf8');
    for (const [hit] of text.matchAll(/\b(DESIGN|STYLE|COMPLIANCE|TOOLCHAIN|RULES)(\.md)?\b(?: \d+)?|\bissues? #?\d+|(?<![\w&/])#\d+\b/g)) found.push(`${page}: ${hit}`);
  }
  assert.deepEqual(found, []);
});

test('the README is a front door: at most about 400 lines, the quick start first', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const lines = readme.split('\n').length;
  assert.ok(lines <= 420, `README.md has ${lines} lines`);
  const headings = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
  assert.equal(headings[0], 'Quick start');
});
