// @ts-check
/**
 * The dashboard's sign-in and the admin routes' guard, through the real app on SQLite (and
 * PostgreSQL when TEST_DATABASE_URL is set): sessions in the database, the cookie's
 * attributes, CSRF, cross-site requests, expiry, sign-out, brute force, and no stack traces.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { buildApp } from '../../server/app.js';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, SIGN_IN_ATTEMPTS, SIGN_IN_WINDOW_MS } from '../../server/routes/session.js';
import { DASHBOARD_CSP, IMPORT_MAP } from '../../server/routes/admin-dashboard.js';
import { backends, sampleEvent } from './backends.js';

const TOKEN = 'session-admin-token-0123456789';
const SELF = 'http://localhost:80';
const SESSION_MINUTES = 30;
const ID = sampleEvent().consentId;

/** Every admin route a session or token opens (method, url). */
const GUARDED = /** @type {const} */ ([
  ['GET', '/api/admin/consents?format=csv'],
  ['GET', '/api/admin/stats'],
  ['GET', '/api/admin/overview?from=2025-03-01&to=2025-03-31'],
  ['GET', `/api/admin/history/${ID}`],
]);

/** A stack frame as V8 prints it. */
const STACK = /\bat .+:\d+:\d+|node:internal|\/server\//;

for (const backend of backends) {
  describe(`dashboard sessions on ${backend.name} (COMPLIANCE 25)`, () => {
    /** @type {import('./backends.js').TestDatabase} */
    let db;
    /** @type {import('../../server/storage/index.js').ConsentLogStorage} */
    let storage;
    /** @type {import('fastify').FastifyInstance} */
    let app;
    let clock = new Date('2025-03-10T12:00:00.000Z');

    before(async () => {
      db = await backend.create();
      storage = await db.open();
      app = await buildApp({ storage, adminToken: TOKEN, rateLimit: false, now: () => clock, trustProxy: true, dashboard: { sessionMinutes: SESSION_MINUTES, controllerName: 'Nordlys Kaffe ApS' } });
      assert.equal((await app.inject({ method: 'POST', url: '/api/consents', payload: sampleEvent({ consentId: ID }) })).statusCode, 201);
    });
    after(async () => {
      await app.close();
      await storage.close();
      await db.drop();
    });

    /**
     * Signs in from the dashboard's own origin; returns the cookies as a header value and the CSRF token.
     * @param {Record<string, string>} [headers]
     * @param {string} [remoteAddress]
     */
    async function signIn(headers = {}, remoteAddress = '127.0.0.1') {
      const res = await app.inject({ method: 'POST', url: '/api/admin/session', headers: { origin: SELF, ...headers }, payload: { token: TOKEN }, remoteAddress });
      assert.equal(res.statusCode, 201, res.body);
      const jar = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
      return { res, cookie: `${SESSION_COOKIE}=${jar[SESSION_COOKIE]}; ${CSRF_COOKIE}=${jar[CSRF_COOKIE]}`, csrf: jar[CSRF_COOKIE], id: jar[SESSION_COOKIE] };
    }

    it('signs in with the token: an HttpOnly, SameSite=Strict session cookie with an expiry, and a readable CSRF cookie', async () => {
      const { res, id, csrf } = await signIn();
      const session = res.cookies.find((c) => c.name === SESSION_COOKIE);
      const token = res.cookies.find((c) => c.name === CSRF_COOKIE);
      assert.deepEqual({ ...session, value: '' }, { name: SESSION_COOKIE, value: '', path: '/', httpOnly: true, sameSite: 'Strict', maxAge: SESSION_MINUTES * 60 });
      assert.deepEqual({ ...token, value: '' }, { name: CSRF_COOKIE, value: '', path: '/', sameSite: 'Strict', maxAge: SESSION_MINUTES * 60 });
      assert.match(id, /^[\w-]{43}$/);
      assert.notEqual(id, csrf);
      assert.equal(res.json().expiresAt, new Date(clock.getTime() + SESSION_MINUTES * 60_000).toISOString());
      // The database keeps hashes only: a copy of it signs no one in.
      const dump = JSON.stringify(await db.raw('SELECT * FROM admin_sessions'));
      assert.ok(!dump.includes(id) && !dump.includes(csrf) && !dump.includes(TOKEN));
      assert.ok(dump.includes(createHash('sha256').update(id).digest('hex')));
    });

    it('marks the cookies Secure on https, also behind a proxy that says so', async () => {
      const { res } = await signIn({ 'x-forwarded-proto': 'https', origin: 'https://localhost:80' });
      assert.ok(res.cookies.every((c) => c.secure === true));
      const plain = await signIn();
      assert.ok(plain.res.cookies.every((c) => c.secure === undefined));
    });

    it('opens every admin route with the session and its CSRF header; bearer tokens keep working', async () => {
      const { cookie, csrf } = await signIn();
      for (const [method, url] of GUARDED) {
        const withSession = await app.inject({ method, url, headers: { cookie, [CSRF_HEADER]: csrf } });
        assert.equal(withSession.statusCode, 200, `${url}: ${withSession.body}`);
        const withBearer = await app.inject({ method, url, headers: { authorization: `Bearer ${TOKEN}` } });
        assert.equal(withBearer.statusCode, 200, url);
      }
      const status = await app.inject({ url: '/api/admin/session', headers: { cookie } });
      assert.deepEqual(status.json(), { signedIn: true, expiresAt: new Date(clock.getTime() + SESSION_MINUTES * 60_000).toISOString(), controllerName: 'Nordlys Kaffe ApS', retentionDays: 1825 });
    });

    it('refuses every admin route without a session or token (401), and with a session but no or a wrong CSRF token (403)', async () => {
      const { cookie, csrf } = await signIn();
      const other = await signIn();
      for (const [method, url] of GUARDED) {
        const none = await app.inject({ method, url });
        assert.equal(none.statusCode, 401, url);
        assert.match(String(none.headers['www-authenticate']), /^Bearer/);
        assert.equal((await app.inject({ method, url, headers: { cookie } })).statusCode, 403, `${url} without CSRF`);
        assert.equal((await app.inject({ method, url, headers: { cookie, [CSRF_HEADER]: `${csrf}x` } })).statusCode, 403, `${url} wrong CSRF`);
        assert.equal((await app.inject({ method, url, headers: { cookie, [CSRF_HEADER]: other.csrf } })).statusCode, 403, `${url} another session's CSRF`);
        assert.equal((await app.inject({ method, url, headers: { cookie: `${SESSION_COOKIE}=forged`, [CSRF_HEADER]: csrf } })).statusCode, 401, `${url} forged session`);
      }
    });

    it('refuses every admin route, sign-in and sign-out to a cross-site Origin or Sec-Fetch-Site, whatever they carry', async () => {
      const { cookie, csrf } = await signIn();
      for (const cross of [{ origin: 'https://evil.example' }, { origin: 'http://localhost:8080' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }]) {
        for (const [method, url] of GUARDED) {
          assert.equal((await app.inject({ method, url, headers: { ...cross, cookie, [CSRF_HEADER]: csrf } })).statusCode, 403, `${url} ${JSON.stringify(cross)}`);
          assert.equal((await app.inject({ method, url, headers: { ...cross, authorization: `Bearer ${TOKEN}` } })).statusCode, 403, `${url} bearer ${JSON.stringify(cross)}`);
        }
        const signInFrom = await app.inject({ method: 'POST', url: '/api/admin/session', headers: { origin: SELF, ...cross }, payload: { token: TOKEN } });
        assert.equal(signInFrom.statusCode, 403, JSON.stringify(cross));
        assert.equal(signInFrom.cookies.length, 0);
        assert.equal((await app.inject({ method: 'DELETE', url: '/api/admin/session', headers: { ...cross, cookie, [CSRF_HEADER]: csrf } })).statusCode, 403);
        assert.equal((await app.inject({ url: '/api/admin/session', headers: { ...cross, cookie } })).statusCode, 403);
      }
      // A form or script without Origin cannot sign in either (browsers send one on every POST).
      assert.equal((await app.inject({ method: 'POST', url: '/api/admin/session', payload: { token: TOKEN } })).statusCode, 403);
      // The session survived all of it.
      assert.equal((await app.inject({ url: '/api/admin/stats', headers: { cookie, [CSRF_HEADER]: csrf } })).statusCode, 200);
    });

    it('signing out ends the session on the server: the old cookie no longer opens anything', async () => {
      const { cookie, csrf, id } = await signIn();
      const idHash = createHash('sha256').update(id).digest('hex');
      assert.equal((await db.raw(`SELECT id_hash FROM admin_sessions WHERE id_hash = '${idHash}'`)).length, 1);
      const out = await app.inject({ method: 'DELETE', url: '/api/admin/session', headers: { origin: SELF, cookie, [CSRF_HEADER]: csrf } });
      assert.equal(out.statusCode, 204);
      assert.ok(out.cookies.every((c) => c.value === '' && c.maxAge === 0));
      assert.equal((await db.raw(`SELECT id_hash FROM admin_sessions WHERE id_hash = '${idHash}'`)).length, 0);
      const replay = await app.inject({ url: '/api/admin/stats', headers: { cookie, [CSRF_HEADER]: csrf } });
      assert.equal(replay.statusCode, 401);
      assert.equal(replay.json().reason, 'session-expired');
    });

    it('ends a session at its expiry: the routes answer 401 "session-expired" and the status says expired', async () => {
      const { cookie, csrf } = await signIn();
      const start = clock;
      try {
        clock = new Date(start.getTime() + SESSION_MINUTES * 60_000 - 1000);
        assert.equal((await app.inject({ url: '/api/admin/stats', headers: { cookie, [CSRF_HEADER]: csrf } })).statusCode, 200);
        clock = new Date(start.getTime() + SESSION_MINUTES * 60_000);
        const expired = await app.inject({ url: '/api/admin/stats', headers: { cookie, [CSRF_HEADER]: csrf } });
        assert.equal(expired.statusCode, 401);
        assert.deepEqual(expired.json(), { statusCode: 401, error: 'Unauthorized', message: 'Your dashboard session has expired. Sign in again.', reason: 'session-expired' });
        assert.deepEqual((await app.inject({ url: '/api/admin/session', headers: { cookie } })).json(), { signedIn: false, expired: true });
        assert.deepEqual((await app.inject({ url: '/api/admin/session' })).json(), { signedIn: false, expired: false });
      } finally {
        clock = start;
      }
    });

    it(`slows brute force: after ${SIGN_IN_ATTEMPTS} wrong tokens a client waits (429 with Retry-After), even with the right one`, async () => {
      const attacker = '203.0.113.9';
      const wrong = () => app.inject({ method: 'POST', url: '/api/admin/session', headers: { origin: SELF }, payload: { token: `${TOKEN}?` }, remoteAddress: attacker });
      for (let i = 0; i < SIGN_IN_ATTEMPTS; i++) assert.equal((await wrong()).statusCode, 401);
      const blocked = await wrong();
      assert.equal(blocked.statusCode, 429);
      assert.equal(Number(blocked.headers['retry-after']), SIGN_IN_WINDOW_MS / 1000);
      const right = await app.inject({ method: 'POST', url: '/api/admin/session', headers: { origin: SELF }, payload: { token: TOKEN }, remoteAddress: attacker });
      assert.equal(right.statusCode, 429);
      assert.equal(right.cookies.length, 0);
      // Another client is not held up, and the attacker may try again once the window has passed.
      await signIn({}, '198.51.100.7');
      const start = clock;
      try {
        clock = new Date(start.getTime() + SIGN_IN_WINDOW_MS);
        await signIn({}, attacker);
      } finally {
        clock = start;
      }
    });

    it('answers bad input and a lost database with a message and never a stack trace', async () => {
      const { cookie, csrf } = await signIn();
      const bad = [
        await app.inject({ method: 'POST', url: '/api/admin/session', headers: { origin: SELF, 'content-type': 'application/json' }, payload: '{"token":' }),
        await app.inject({ method: 'POST', url: '/api/admin/session', headers: { origin: SELF }, payload: { token: 5 } }),
        await app.inject({ method: 'POST', url: '/api/admin/session', headers: { origin: SELF }, payload: { token: TOKEN, extra: 1 } }),
        await app.inject({ url: '/api/admin/overview?from=2025-03-31&to=2025-03-01', headers: { cookie, [CSRF_HEADER]: csrf } }),
        await app.inject({ url: '/api/admin/overview?from=soon&to=2025-03-01', headers: { cookie, [CSRF_HEADER]: csrf } }),
        await app.inject({ url: '/api/admin/history/not-an-id', headers: { cookie, [CSRF_HEADER]: csrf } }),
      ];
      for (const res of bad) {
        assert.equal(res.statusCode, 400, res.body);
        assert.doesNotMatch(res.body, STACK);
        assert.equal(typeof res.json().message, 'string');
      }
      await storage.close();
      try {
        for (const res of [
          await app.inject({ url: '/api/admin/overview?from=2025-03-01&to=2025-03-31', headers: { authorization: `Bearer ${TOKEN}` } }),
          await app.inject({ url: `/api/admin/history/${ID}`, headers: { authorization: `Bearer ${TOKEN}` } }),
          await app.inject({ url: '/api/admin/stats', headers: { cookie, [CSRF_HEADER]: csrf } }),
          await app.inject({ method: 'POST', url: '/api/admin/session', headers: { origin: SELF }, payload: { token: TOKEN } }),
        ]) {
          assert.equal(res.statusCode, 500);
          assert.deepEqual(res.json(), { statusCode: 500, error: 'Internal Server Error', message: 'The server could not complete this request.' });
        }
      } finally {
        storage = await db.open();
        await app.close();
        app = await buildApp({ storage, adminToken: TOKEN, rateLimit: false, now: () => clock, trustProxy: true, dashboard: { sessionMinutes: SESSION_MINUTES } });
      }
    });

    it('serves the dashboard page under a strict CSP whose one hash is the import map, and only Lit\'s production modules', async () => {
      const page = await app.inject({ url: '/admin' });
      assert.equal(page.statusCode, 200);
      const csp = String(page.headers['content-security-policy']);
      assert.equal(csp, DASHBOARD_CSP);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.match(csp, /default-src 'self'/);
      const hash = createHash('sha256').update(IMPORT_MAP).digest('base64');
      assert.ok(csp.includes(`'sha256-${hash}'`));
      assert.ok(page.body.includes(`<script type="importmap">${IMPORT_MAP}</script>`));
      assert.doesNotMatch(page.body, /<script>|style=|<style/);
      assert.equal((await app.inject({ url: '/admin/vendor/lit/index.js' })).statusCode, 200);
      assert.equal((await app.inject({ url: '/admin/vendor/@lit/reactive-element/reactive-element.js' })).statusCode, 200);
      for (const url of ['/admin/vendor/lit/package.json', '/admin/vendor/lit/index.js.map', '/admin/vendor/lit-html/development/lit-html.js', '/admin/vendor/lit/../../package.json', '/admin/app/../routes/session.js']) {
        assert.equal((await app.inject({ url })).statusCode, 404, url);
      }
    });
  });
}
