// @ts-check
/**
 * `--html`: the report as one self-contained file (inline styles, no scripts), readable in a
 * browser and printable: the findings, a table per category, and a per-page timeline of what
 * was set before and after consent.
 */

const CATEGORY_TITLE = /** @type {Record<string, string>} */ ({
  necessary: 'Necessary',
  functional: 'Functional',
  analytics: 'Analytics',
  marketing: 'Marketing',
  unclassified: 'Unclassified',
});

const PASS_TITLE = /** @type {Record<string, string>} */ ({ before: 'Before any choice', reject: 'After reject-all', accept: 'After accept-all' });

const FINDING_TITLE = /** @type {Record<string, string>} */ ({
  'before-consent': 'Before consent',
  'survives-reject': 'Survives reject-all',
  'survives-withdraw': 'Survives withdrawal',
  'missing-from-config': 'Missing from config',
  'listed-not-seen': 'Listed, never seen',
  'necessary-not-essential': 'Necessary, not essential',
  'samtykke-error': 'Samtykke error',
});

/** Escapes text for HTML content and attribute values. */
const esc = (/** @type {unknown} */ v) =>
  String(v ?? '').replace(/[&<>"']/g, (c) => /** @type {Record<string, string>} */ ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** A list of names as inline code, or a dash. */
const names = (/** @type {string[]} */ list) => (list.length ? list.map((n) => `<code>${esc(n)}</code>`).join(', ') : '<span class="none">none</span>');

/** A table in a scroll box a keyboard can reach (narrow screens scroll it sideways). */
const tableBox = (/** @type {string} */ label, /** @type {string} */ inner, className = '') =>
  `<div class="box" role="region" aria-label="${esc(label)} (table)" tabindex="0"><table${className ? ` class="${className}"` : ''}>${inner}</table></div>`;

/** @param {string} u */
const pathOf = (u) => {
  try {
    const url = new URL(u);
    return url.pathname + url.search;
  } catch {
    return u;
  }
};

const STYLE = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #4d5561; --line: #d0d7de; --bg: #ffffff; --soft: #f4f6f8; --bad: #a4161a; --bad-bg: #fdecec; --ok: #1a6b35; --ok-bg: #e8f5ec; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
header, main, footer { max-width: 1180px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 24px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 1.3rem; margin: 32px 0 8px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 1.05rem; margin: 20px 0 6px; overflow-wrap: anywhere; }
p { margin: 4px 0 8px; }
.meta { color: var(--muted); }
.tiles { display: flex; flex-wrap: wrap; gap: 10px; padding: 0; margin: 12px 0; list-style: none; }
.tiles li { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 120px; }
.tiles strong { display: block; font-size: 1.4rem; }
.tiles .bad { background: var(--bad-bg); border-color: var(--bad); color: var(--bad); }
.tiles .ok { background: var(--ok-bg); border-color: var(--ok); color: var(--ok); }
.box { overflow-x: auto; margin: 6px 0 12px; }
.box:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; min-width: 720px; font-size: 0.9rem; }
/* On a phone a wide table scrolls sideways rather than squeezing its columns to a word each. */
table.wide { min-width: 1000px; }
caption { text-align: left; font-weight: 600; padding: 4px 0; color: var(--muted); }
th, td { border: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--soft); }
tbody th { font-weight: 600; }
td { overflow-wrap: break-word; }
tbody th code { overflow-wrap: normal; }
code { overflow-wrap: anywhere; font: 0.85rem/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--soft); padding: 0 3px; border-radius: 3px; }
.tag { display: inline-block; padding: 0 6px; border-radius: 10px; font-size: 0.8rem; font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
.tag.bad { color: var(--bad); background: var(--bad-bg); }
.none { color: var(--muted); }
.error { color: var(--bad); font-weight: 600; }
footer { color: var(--muted); font-size: 0.85rem; padding-top: 24px; padding-bottom: 32px; }
@media print {
  body { font-size: 11pt; }
  header, main, footer { max-width: none; padding: 0; }
  .box { overflow: visible; }
  table, .page { break-inside: auto; }
  tr, h2, h3 { break-inside: avoid; break-after: avoid-page; }
  a { color: inherit; }
}
`;

/**
 * The HTML report.
 * @param {import('./report.js').Report} report
 * @returns {string}
 */
export function htmlReport(report) {
  const host = new URL(report.url).host;
  const s = report.summary;
  const date = new Date(report.finishedAt).toISOString().replace('T', ' ').slice(0, 16);
  const parts = [];
  parts.push(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cookie scan of ${esc(host)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Cookie scan of ${esc(report.url)}</h1>
<p class="meta">${esc(date)} UTC · ${esc(report.tool.name)} ${esc(report.tool.version)} · robots.txt ${esc(report.crawl.robots)} · sitemap ${report.crawl.sitemaps.length ? esc(report.crawl.sitemaps.map(pathOf).join(', ')) : 'none'}</p>
<p>${esc(report.samtykke.detected ? `Samtykke ${report.samtykke.version} runs on the site: every page was visited before any choice, after reject-all and after accept-all, then consent was withdrawn.` : report.samtykke.note)}</p>
</header>
<main>
<section aria-labelledby="summary">
<h2 id="summary">Summary</h2>
<ul class="tiles">
<li class="${s.findings ? 'bad' : 'ok'}"><strong>${s.findings}</strong> finding${s.findings === 1 ? '' : 's'}</li>
<li><strong>${s.pages}</strong> page${s.pages === 1 ? '' : 's'}${s.pagesFailed ? ` (${s.pagesFailed} failed)` : ''}</li>
<li><strong>${s.cookies}</strong> cookie${s.cookies === 1 ? '' : 's'}</li>
<li><strong>${s.storageKeys}</strong> storage key${s.storageKeys === 1 ? '' : 's'}</li>
<li><strong>${s.thirdPartyHosts}</strong> third-party host${s.thirdPartyHosts === 1 ? '' : 's'}</li>
</ul>
</section>`);

  parts.push(`<section aria-labelledby="findings"><h2 id="findings">Findings</h2>`);
  if (report.findings.length)
    parts.push(tableBox('Findings', `<caption>${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}, each with the page it was seen on</caption>
<thead><tr><th scope="col">Finding</th><th scope="col">Name</th><th scope="col">Category</th><th scope="col">Page</th><th scope="col">What it means</th><th scope="col">Evidence</th></tr></thead>
<tbody>${report.findings.map((f) => `<tr><td><span class="tag bad">${esc(FINDING_TITLE[f.kind] ?? f.kind)}</span></td><th scope="row"><code>${esc(f.name)}</code> <span class="none">(${esc(f.subject)})</span></th><td>${esc(f.category ?? '—')}</td><td>${f.page ? esc(pathOf(f.page)) : '—'}${f.pass ? ` <span class="none">(${esc(PASS_TITLE[f.pass].toLowerCase())})</span>` : ''}</td><td>${esc(f.message)}</td><td>${evidence(f.evidence)}</td></tr>`).join('\n')}</tbody>`, 'wide'));
  else parts.push('<p>No findings: nothing needing consent was set before the choice or kept after a refusal, and the config matches what was seen.</p>');
  parts.push('</section>');

  parts.push(`<section aria-labelledby="cookies"><h2 id="cookies">Cookies by category</h2>`);
  if (!report.cookies.length) parts.push('<p>No cookies were seen.</p>');
  for (const [id, title] of Object.entries(CATEGORY_TITLE)) {
    const list = report.cookies.filter((k) => (CATEGORY_TITLE[k.category] ? k.category : 'unclassified') === id);
    if (!list.length) continue;
    parts.push(`<h3 id="category-${id}">${esc(title)} (${list.length})</h3>`);
    parts.push(tableBox(`${title} cookies`, `<caption>${esc(title)} cookies</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Domain and path</th><th scope="col">Party</th><th scope="col">Expires</th><th scope="col">Flags</th><th scope="col">Set by</th><th scope="col">Platform</th><th scope="col">Seen</th></tr></thead>
<tbody>${list.map((k) => `<tr><th scope="row"><code>${esc(k.name)}</code></th><td>${esc(k.domain)}${esc(k.path)}</td><td>${esc(k.party)}-party</td><td>${k.expiresInDays == null ? 'session' : `${esc(Math.round(k.expiresInDays))} days`}</td><td>${esc([k.httpOnly && 'HttpOnly', k.secure && 'Secure', `SameSite=${k.sameSite}`].filter(Boolean).join(' '))}</td><td>${k.setBy ? `${esc(k.setBy.via)}<br><code>${esc(k.setBy.url)}</code>` : '<span class="none">unknown</span>'}</td><td>${esc(k.classification.platform ?? '—')}${k.classification.provider ? `<br><span class="none">${esc(k.classification.provider)}</span>` : ''}${k.classification.wildcard ? `<br><span class="none">prefix ${esc(k.classification.databaseName)}</span>` : ''}</td><td>${seen(report, k.seen)}</td></tr>`).join('\n')}</tbody>`, 'wide'));
  }
  parts.push('</section>');

  parts.push(`<section aria-labelledby="storage"><h2 id="storage">Storage keys</h2>`);
  parts.push(report.storage.length
    ? tableBox('Storage keys', `<caption>localStorage and sessionStorage keys</caption>
<thead><tr><th scope="col">Key</th><th scope="col">Storage</th><th scope="col">Category</th><th scope="col">Platform</th><th scope="col">Seen</th></tr></thead>
<tbody>${report.storage.map((k) => `<tr><th scope="row"><code>${esc(k.key)}</code></th><td>${esc(k.kind)}</td><td>${esc(k.category)}</td><td>${esc(k.classification.platform ?? '—')}</td><td>${seen(report, k.seen)}</td></tr>`).join('\n')}</tbody>`)
    : '<p>No storage keys were seen.</p>');
  parts.push('</section>');

  parts.push(`<section aria-labelledby="hosts"><h2 id="hosts">Third-party hosts</h2>`);
  parts.push(report.thirdPartyHosts.length
    ? tableBox('Third-party hosts', `<caption>Requests to other sites</caption>
<thead><tr><th scope="col">Host</th><th scope="col">Requests (first ten)</th><th scope="col">Seen</th></tr></thead>
<tbody>${report.thirdPartyHosts.map((h) => `<tr><th scope="row">${esc(h.host)}</th><td>${h.urls.map((/** @type {string} */ u) => `<code>${esc(pathOf(u))}</code>`).join('<br>')}</td><td>${seen(report, h.seen)}</td></tr>`).join('\n')}</tbody>`)
    : '<p>No requests to third-party hosts.</p>');
  parts.push('</section>');

  parts.push(`<section aria-labelledby="timeline"><h2 id="timeline">Timeline per page</h2>
<p>What each page set, in the order the passes ran. Each pass starts with an empty cookie jar; a cookie is listed on the page that first set it.</p>`);
  for (const [i, page] of report.pages.entries()) {
    parts.push(`<div class="page"><h3 id="page-${i + 1}">${esc(pathOf(page.url))}</h3>`);
    const rows = Object.entries(page.passes).map(([pass, v]) => {
      const set = v.decision
        ? `before the choice: ${names(v.cookiesSetBeforeDecision)}<br>after ${esc(v.decision)}: ${names(v.cookiesSetAfterDecision)}${v.cookiesRemovedByDecision.length ? `<br>removed: ${names(v.cookiesRemovedByDecision)}` : ''}`
        : names([...v.cookiesSetBeforeDecision, ...v.cookiesSetAfterDecision]);
      const problems = [v.error, v.decisionError].filter(Boolean).map((e) => `<span class="error">${esc(e)}</span>`).join('<br>');
      return `<tr><th scope="row">${esc(PASS_TITLE[pass])}</th><td>${set}</td><td>${names([...v.storage.local, ...v.storage.session])}</td><td>${names([...new Set(v.thirdPartyRequests.map((/** @type {string} */ u) => new URL(u).host))])}</td><td>${problems || (v.status ? `HTTP ${esc(v.status)}, ${esc(v.durationMs)} ms` : '—')}</td></tr>`;
    });
    parts.push(tableBox(`Timeline of ${pathOf(page.url)}`, `<thead><tr><th scope="col">Pass</th><th scope="col">Cookies set</th><th scope="col">Storage keys</th><th scope="col">Third-party hosts</th><th scope="col">Page</th></tr></thead><tbody>${rows.join('\n')}</tbody>`));
    parts.push('</div>');
  }
  if (report.withdrawal) {
    parts.push(`<h3 id="withdrawal">Withdrawal on ${esc(pathOf(report.withdrawal.page))}</h3>
<p>Removed: ${names(report.withdrawal.cookiesRemoved)}. Still there: ${names(report.withdrawal.cookiesLeft)}.${report.withdrawal.error ? ` <span class="error">${esc(report.withdrawal.error)}</span>` : ''}</p>`);
  }
  parts.push('</section>');
  if (report.crawl.disallowed.length || report.crawl.notes.length)
    parts.push(`<section aria-labelledby="crawl"><h2 id="crawl">Crawl notes</h2><ul>${[
      ...report.crawl.disallowed.map((u) => `<li>Skipped, robots.txt disallows it: ${esc(pathOf(u))}</li>`),
      ...report.crawl.notes.map((n) => `<li>${esc(n)}</li>`),
    ].join('')}</ul></section>`);
  parts.push(`</main>
<footer><p>Classification from the Open Cookie Database (Apache License 2.0), matched on the exact name, then on a wildcard prefix; a cookie neither it nor the site's config knows is unclassified. The site's config decides only for cookies the database does not know.</p></footer>
</body>
</html>
`);
  return parts.join('\n');
}

/**
 * The passes and pages a thing was seen on, in short.
 * @param {any} report
 * @param {Record<string, string[]>} seenIn
 */
function seen(report, seenIn) {
  return report.samtykke.passes
    .filter((/** @type {string} */ p) => seenIn[p]?.length)
    .map((/** @type {string} */ p) => `${esc(PASS_TITLE[p])}: ${seenIn[p].length} page${seenIn[p].length === 1 ? '' : 's'}`)
    .join('<br>') || '—';
}

/**
 * A finding's evidence, as short lines.
 * @param {Record<string, any>} e
 */
function evidence(e) {
  const lines = [];
  if (e.setBy) lines.push(`set by ${esc(e.setBy.via)} from <code>${esc(e.setBy.url)}</code>`);
  if (e.domain) lines.push(`domain ${esc(e.domain)}${e.path && e.path !== '/' ? `, path ${esc(e.path)}` : ''}, ${esc(e.party)}-party`);
  if (e.classification?.platform) lines.push(`${esc(e.classification.platform)}${e.classification.wildcard ? ` (prefix ${esc(e.classification.databaseName)})` : ''}`);
  if (e.url) lines.push(`<code>${esc(e.url)}</code>`);
  if (e.storage) lines.push(`${esc(e.storage)}${e.platform ? `, ${esc(e.platform)}` : ''}`);
  if (e.service && typeof e.service === 'string') lines.push(`service ${esc(e.service)}${e.pattern ? `, pattern <code>${esc(e.pattern)}</code>` : ''}`);
  if (e.service && typeof e.service === 'object') lines.push(`service <code>${esc(e.service.id)}</code>`);
  if (e.console) lines.push(`<code>${esc(e.console)}</code>`);
  return lines.join('<br>') || '—';
}
