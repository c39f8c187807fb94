/**
 * Cookie name patterns, as a config gives them for a cookie with many names (`_ga_<id>`).
 *
 * Two forms, both matched by comparing strings, never by a regular expression built from
 * config text (one like `(a+)+$` can block the page for seconds):
 * - a glob, where `*` stands for any characters: `_ga_*`, `*_session`, `_pk_*.*`;
 * - a prefix written as a regular expression anchored at the start, the form earlier configs
 *   used: `^_ga_`, `^_pk_id\.` — `^`, then characters of a cookie name, those a regular
 *   expression reads specially (`. $ * + ^ |`) escaped with `\`.
 */

// The characters a cookie name may hold (an RFC 6265 token), "*" among them.
const GLOB = /^[!#$%&'+.^`|~\w-]*\*[!#$%&'*+.^`|~\w-]*$/;
const PREFIX = /^\^(?:[!#%&'`~\w-]|\\[!#$%&'*+.^`|~-])+$/;

/** What `isCookiePattern` accepts, in words for the config report. */
export const COOKIE_PATTERN_TEXT = 'a glob such as "_ga_*" or "*_session" ("*" is any characters), or a prefix such as "^_ga_"';

/** Whether `pattern` is a glob with `*` or a `^prefix`; anything else is refused, never run. */
export function isCookiePattern(pattern: unknown): pattern is string {
  return typeof pattern === 'string' && pattern.length <= 256 && (PREFIX.test(pattern) || (GLOB.test(pattern) && pattern[0] !== '^'));
}

/** Whether the cookie called `name` matches `pattern` (a pattern `isCookiePattern` refuses matches nothing). */
export function matchesCookiePattern(pattern: string, name: string): boolean {
  if (!isCookiePattern(pattern)) return false;
  if (pattern[0] === '^') return name.startsWith(pattern.slice(1).replace(/\\(.)/g, '$1'));
  const [first, ...rest] = pattern.split('*');
  const last = rest.pop()!;
  if (name.length < first.length + last.length || !name.startsWith(first) || !name.endsWith(last)) return false;
  // Each middle piece at its first place after the previous one: the leftmost fit leaves the
  // most room for the rest, so one pass decides (no backtracking).
  let at = first.length;
  for (const piece of rest) {
    const found = name.indexOf(piece, at);
    if (found < 0 || found + piece.length > name.length - last.length) return false;
    at = found + piece.length;
  }
  return true;
}
