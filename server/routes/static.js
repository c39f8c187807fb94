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
}
