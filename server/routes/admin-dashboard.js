// @ts-check
/**
 * The /admin dashboard's files: its page, its ES modules (server/admin/) and Lit's own module
 * files straight from node_modules, tied together by an import map. Nothing is built: the
 * service serves what `npm ci --omit=dev` installed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';

const require = createRequire(import.meta.url);

/**
 * The folder of an installed package. Node resolves an entry for Node (some of Lit's are
 * under `node/`), so this walks up to the folder whose package.json names the package.
 * @param {string} name
 */
function packageRoot(name) {
  let dir = dirname(require.resolve(name));
  for (;;) {
    try {
      if (JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')).name === name) return dir;
    } catch {}
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the folder of the package ${name}`);
    dir = parent;
  }
}

/** Where each bare specifier Lit's modules import lives on disk (its package's folder). */
const PACKAGES = {
  lit: packageRoot('lit'),
  'lit-html': packageRoot('lit-html'),
  'lit-element': packageRoot('lit-element'),
  '@lit/reactive-element': packageRoot('@lit/reactive-element'),
};

/** The package entry points, as their `exports` name them for a browser without conditions. */
const ENTRIES = {
  lit: 'index.js',
  'lit-html': 'lit-html.js',
  'lit-element': 'index.js',
  '@lit/reactive-element': 'reactive-element.js',
};

const APP_DIR = fileURLToPath(new URL('../admin/', import.meta.url));

/** The import map: `lit` and `lit/…` (and Lit's own packages) to the files served below. */
export const IMPORT_MAP = JSON.stringify({
  imports: Object.fromEntries(
    Object.keys(PACKAGES).flatMap((name) => [
      [name, `/admin/vendor/${name}/${ENTRIES[/** @type {keyof typeof ENTRIES} */ (name)]}`],
      [`${name}/`, `/admin/vendor/${name}/`],
    ]),
  ),
});

/**
 * The page's policy: the service's strict one (nothing inline), with one exception by hash —
 * the import map, which browsers accept only inline.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  `script-src 'self' 'sha256-${createHash('sha256').update(IMPORT_MAP).digest('base64')}'`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE = `<!doctype html>
<html lang="da">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="color-scheme" content="light dark">
  <meta name="referrer" content="no-referrer">
  <title>Samtykke – samtykkelog</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/admin/app/page.css">
  <script type="importmap">${IMPORT_MAP}</script>
  <script type="module" src="/admin/app/admin-app.js"></script>
</head>
<body>
  <samtykke-admin-app></samtykke-admin-app>
  <noscript>Samtykkeloggens oversigt kræver JavaScript. / The consent log's dashboard needs JavaScript.</noscript>
</body>
</html>
`;

/**
 * @param {import('fastify').FastifyInstance} admin
 */
export async function registerDashboardRoutes(admin) {
  const page = (/** @type {import('fastify').FastifyRequest} */ request, /** @type {import('fastify').FastifyReply} */ reply) =>
    reply.type('text/html; charset=utf-8').header('content-security-policy', DASHBOARD_CSP)
      .header('cache-control', 'no-store').header('x-frame-options', 'DENY').send(PAGE);
  admin.get('/admin', page);
  admin.get('/admin/', page);

  await admin.register(fastifyStatic, {
    root: APP_DIR,
    prefix: '/admin/app/',
    decorateReply: false,
    allowedPath: (path) => /^\/[\w-]+\.(js|css)$/.test(path),
  });
  for (const [name, dir] of Object.entries(PACKAGES)) {
    await admin.register(fastifyStatic, {
      root: dir,
      prefix: `/admin/vendor/${name}/`,
      decorateReply: false,
      // Only the production modules: no source maps, type files or development builds.
      allowedPath: (path) => path.endsWith('.js') && !path.startsWith('/development/') && !path.startsWith('/node/'),
    });
  }
}

