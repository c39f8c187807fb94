// @ts-check
/**
 * `npm start` serves the demo pages, the built widget and the locales next to the API, so
 * the demo's banner logs to the same origin.
 */
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {string} root the repository root
 */
export async function registerStaticRoutes(app, root) {
  await app.register(fastifyStatic, { root: join(root, 'demo'), prefix: '/demo/', redirect: true });
  await app.register(fastifyStatic, { root: join(root, 'dist'), prefix: '/dist/', decorateReply: false });
  await app.register(fastifyStatic, { root: join(root, 'locales'), prefix: '/locales/', decorateReply: false });
  app.get('/', (request, reply) => reply.redirect('/demo/'));
  // The demo's stand-in analytics (demo/assets/fake-analytics.js) pings this once it is
  // allowed to run: the request that shows gating works. Answered, so the demo's console
  // shows no 404 to a visitor who accepts.
  app.get('/demo/ping', (request, reply) => reply.code(204).send());
  // Browsers ask for one on every first visit; the demo has none to show.
  app.get('/favicon.ico', (request, reply) => reply.code(204).send());
}
