// @ts-check
/**
 * `npm start` serves the demo pages, the built widget and the locales next to the API, so
 * the demo's banner logs to the same origin.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';

/** What the demo's routes answer on an install without the widget's build (no dist/). */
export const NOT_BUILT = 'The Samtykke widget is not built on this server (there is no dist/ folder), so the demo cannot run. ' +
  'The consent-log API works without it. To see the demo, run `npm run build:bundles` in a full checkout and restart.\n';

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {string} root the repository root
 */
export async function registerStaticRoutes(app, root) {
  // Browsers ask for one on every first visit; the demo has none to show.
  app.get('/favicon.ico', (request, reply) => reply.code(204).send());
  await app.register(fastifyStatic, { root: join(root, 'locales'), prefix: '/locales/', decorateReply: false });
  if (!existsSync(join(root, 'dist', 'samtykke.js'))) {
    // A production install of the service alone: the API runs, the demo says why it does not.
    const notBuilt = (/** @type {any} */ request, /** @type {import('fastify').FastifyReply} */ reply) =>
      reply.code(404).type('text/plain; charset=utf-8').send(NOT_BUILT);
    for (const url of ['/', '/demo', '/demo/', '/demo/*', '/dist/*']) app.get(url, notBuilt);
    return;
  }
  await app.register(fastifyStatic, { root: join(root, 'demo'), prefix: '/demo/', redirect: true });
  await app.register(fastifyStatic, { root: join(root, 'dist'), prefix: '/dist/', decorateReply: false });
  app.get('/', (request, reply) => reply.redirect('/demo/'));
  // The demo's pages link relative to /demo/; without the slash they would resolve from /.
  app.get('/demo', (request, reply) => reply.redirect('/demo/', 301));
  // The demo's stand-in analytics (demo/assets/fake-analytics.js) pings this once it is
  // allowed to run: the request that shows gating works. Answered, so the demo's console
  // shows no 404 to a visitor who accepts.
  app.get('/demo/ping', (request, reply) => reply.code(204).send());
}
