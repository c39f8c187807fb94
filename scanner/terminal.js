// @ts-check
/**
 * What the command writes to the terminal: progress while it runs, a summary table at the end.
 */

const PASS_TITLE = { before: 'before any choice', reject: 'after reject-all', accept: 'after accept-all' };

/**
 * A progress writer: on a TTY one bar redrawn in place (pages done, found, remaining); on
 * anything else (a CI log) one line per page.
 * @param {NodeJS.WriteStream} stream
 */
export function progressWriter(stream) {
  const tty = !!stream.isTTY;
  let drawn = false;
  return {
    /** @param {import('./scan.js').ProgressEvent} e */
    update(e) {
      const v = e.visit;
      const outcome = v?.error ? `failed: ${v.error}` : `${v?.status ?? ''} ${v?.durationMs ?? 0} ms`.trim();
      if (!tty) {
        stream.write(`[pass ${e.passIndex}/${e.passCount} ${PASS_TITLE[e.pass]}] ${e.done}/${e.done + e.remaining} ${v?.url ?? ''} ${outcome}\n`);
        return;
      }
      const total = e.done + e.remaining;
      const width = 24;
      const full = total ? Math.round((e.done / total) * width) : width;
      const bar = `${'█'.repeat(full)}${'░'.repeat(width - full)}`;
      const columns = stream.columns || 100;
      const line = `Pass ${e.passIndex}/${e.passCount} ${PASS_TITLE[e.pass]} ${bar} ${e.done} done · ${e.found} found · ${e.remaining} remaining  ${v?.url ?? ''}`;
      stream.write(`\r\x1b[2K${line.slice(0, columns - 1)}`);
      drawn = true;
    },
    /** Ends the bar's line so what follows starts on its own. */
    end() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}

/**
 * Pads a table's columns to their widest cell.
 * @param {string[][]} rows  the first row is the header
 */
export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (/** @type {string[]} */ r) => r.map((cell, i) => (cell ?? '').padEnd(widths[i])).join('  ').trimEnd();
  return [line(rows[0]), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** Cuts a cell to `n` characters. */
const cut = (/** @type {string} */ s, n = 48) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * The summary the command prints: the scan's facts, a cookie table, the findings.
 * @param {import('./report.js').Report} report
 */
export function summaryText(report) {
  const out = [];
  out.push(`Samtykke scan of ${report.url}`);
  out.push(`${report.summary.pages} page(s), ${report.summary.pagesFailed} failed · robots.txt: ${report.crawl.robots} · sitemap: ${report.crawl.sitemaps.length ? report.crawl.sitemaps.join(', ') : 'none'}`);
  out.push(report.samtykke.detected ? `Samtykke ${report.samtykke.version} found: passes before any choice, after reject-all, after accept-all.` : report.samtykke.note);
  out.push('');
  if (report.cookies.length) {
    const when = (/** @type {any} */ k) => report.samtykke.passes.filter((/** @type {'before'|'reject'|'accept'} */ p) => k.seen[p].length).join(', ');
    out.push(table([
      ['Cookie', 'Category', 'Party', 'Domain', 'Expires', 'Platform', 'Seen'],
      ...report.cookies.map((k) => [
        cut(k.name, 32), k.category, k.party, cut(k.domain, 28),
        k.expiresInDays == null ? 'session' : `${Math.round(k.expiresInDays)} d`, cut(k.classification.platform ?? '—', 24), when(k),
      ]),
    ]));
  } else out.push('No cookies seen.');
  out.push('');
  const failed = report.pages.flatMap((p) => Object.entries(p.passes).filter(([, v]) => v.error).map(([pass, v]) => `  ${p.url} (${pass}): ${v.error}`));
  if (failed.length) out.push('Pages that failed:', ...failed, '');
  if (report.findings.length) {
    out.push(`${report.findings.length} finding(s):`);
    out.push(table([
      ['Finding', 'What', 'Name', 'Category', 'Page'],
      ...report.findings.map((f) => [f.kind, f.subject, cut(f.name, 32), f.category ?? '—', f.page ? cut(f.page, 60) : '—']),
    ]));
  } else out.push('No findings.');
  return `${out.join('\n')}\n`;
}
