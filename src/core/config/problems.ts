/**
 * Config problems as a site owner reads them: the key path, what was found, what was expected,
 * all in one console message.
 */
import type * as v from 'valibot';
import type { ConfigProblem } from './types.js';

const shorten = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}...` : text);

/** A short, safe description of a found value for an error message. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(shorten(value));
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return value && typeof value === 'object' ? 'an object' : String(value);
}

/** The key path of a valibot issue, written as in the config: `categories[2].services[0].id`. */
export function pathOf(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    if (typeof key === 'number') path += `[${key}]`;
    else path += `${path ? '.' : ''}${shorten(String(key))}`;
  }
  return path || '(config)';
}

/** A valibot issue as a config problem; every schema in schema.ts names what it expects as its message. */
export function problemFromIssue(issue: v.BaseIssue<unknown>): ConfigProblem {
  return { path: pathOf(issue), found: describeValue(issue.input), expected: issue.message };
}

/** Logs every problem in one `console.error`, the way a site owner reads it in the console. */
export function reportConfigProblems(problems: readonly ConfigProblem[]): void {
  if (problems.length)
    console.error(`Samtykke: config problems (defaults used):\n${problems.map((p) => `  ${p.path}: got ${p.found}, expected ${p.expected}`).join('\n')}`);
}
