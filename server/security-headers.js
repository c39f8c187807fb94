// @ts-check
/**
 * Response headers every answer of the service carries. Registered once on the root instance
 * (app.js), so every route — the API, the demo, the /admin dashboard, a 404 — gets them
 * without asking. A route that needs another Content-Security-Policy sets its own header; the
 * hook leaves a header already set alone.
 */

/**
 * The policy of the pages the service serves (the demo, the dashboard): everything from this
 * origin, nothing inline. The demo pages run Samtykke under it, so it also shows a site owner
 * that the widget needs neither inline script nor inline style.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  // The demo frames its own video placeholder; no other site may frame these pages.
  "frame-ancestors 'self'",
].join('; ');

/** For everything that is not a page (JSON, CSV, scripts): nothing may run or be framed. */
export const DATA_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Powerful browser features none of the service's pages use, turned off. */
export const PERMISSIONS_POLICY = 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()';

/**
 * Adds the headers to every response of `app`.
 * @param {import('fastify').FastifyInstance} app the root instance
 */
export function addSecurityHeaders(app) {
  app.addHook('onSend', async (request, reply) => {
    const page = /^text\/html\b/.test(String(reply.getHeader('content-type') ?? ''));
    // A 304 has no content type, and the browser lays its headers over the cached response's:
    // a data CSP here would take a cached page's scripts away. It keeps the page's own.
    const notModified = reply.statusCode === 304;
    /** @type {[string, string][]} */
    const headers = [
      ['x-content-type-options', 'nosniff'],
      ['referrer-policy', 'strict-origin-when-cross-origin'],
      ['permissions-policy', PERMISSIONS_POLICY],
      ...(notModified
        ? []
        : /** @type {[string, string][]} */ ([
            ['content-security-policy', page ? PAGE_CSP : DATA_CSP],
            ['x-frame-options', page ? 'SAMEORIGIN' : 'DENY'],
          ])),
    ];
    for (const [name, value] of headers) if (!reply.hasHeader(name)) reply.header(name, value);
  });
}
