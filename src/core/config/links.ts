/**
 * Which links and endpoints a config may give: an absolute http(s) URL, or a relative one that
 * stays on the page's origin. Read the way the browser's URL parser reads it, so nothing it
 * strips can hide a scheme or a host.
 */

/**
 * A URL the widget may link to or send to: `https://…`, `http://…`, or relative on the page's
 * own origin (`/privatliv`, `privatliv.html`, `#cookies`, `?lang=en`). Never `javascript:` and
 * the like, and never a relative URL that names another host (`//evil.example`, `/\evil.example`).
 */
export function isSafeUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  // The URL parser removes tabs and newlines anywhere, and controls and spaces at either end:
  // "java\nscript:" is javascript:, " //evil.example" and "/\t/evil.example" are //evil.example.
  const url = value.replace(/[\t\n\r]/g, '').replace(/^[\0- ]+|[\0- ]+$/g, '');
  if (!url) return false;
  // A scheme is letters, digits, "+", "-" or "." before the first ":"; only http(s) may be one.
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(url)?.[1];
  if (scheme) return /^https?$/i.test(scheme);
  // Two slashes, either way round, start a host: the parser reads "\" as "/" in http(s) URLs.
  return !/^[/\\]{2}/.test(url);
}
