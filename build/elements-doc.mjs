// Writes docs/elements.md from custom-elements.json (`npm run analyze`), so the element
// reference says what the sources' JSDoc says and cannot drift from it.
// `node build/elements-doc.mjs` writes the page; `--check` exits 1 when it is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = new URL('../', import.meta.url);
const MANIFEST = new URL('custom-elements.json', ROOT);
const PAGE = new URL('docs/elements.md', ROOT);

/** The order a reader meets the elements in; any element not named here follows, by tag. */
const ORDER = [
  'samtykke-banner',
  'samtykke-preferences',
  'samtykke-reopen',
  'samtykke-embed',
  'samtykke-privacy-policy',
  'samtykke-cookie-declaration',
  'samtykke-consent-history',
];

const INTRO = `# Elements

Samtykke's elements are Lit web components with open shadow roots. \`dist/samtykke.js\` puts
the first four in \`<body>\` itself (from \`samtykke-ui.js\`, loaded when a layer must show) and
sets their properties from the config; the policy page's elements come from
\`samtykke-policy.js\` and are placed by you. A page or framework that uses an element alone
(\`import 'samtykke/define.js'\` or \`import 'samtykke/policy.js'\`) sets the same properties.

The elements only show and ask. A button sends an *intent* event (\`accept-all\`, \`save\`, …);
the running widget turns it into a decision, and only events from Samtykke's own elements
count. Decisions reach the page as \`samtykke-change\` on \`document\`
([events and API](events-and-api.md)).

Style them with the \`--samtykke-*\` custom properties (set on the element or any ancestor:
they inherit into the shadow root) and with \`::part()\`. Keep the accept and reject buttons
alike when you style parts: an accept button that stands out is deceptive design. Keep text
at 4.5:1 against its background, and focus rings and switches at 3:1
([accessibility](accessibility.md)).

\`\`\`css
/* A shop's colours, in both themes */
samtykke-banner, samtykke-preferences, samtykke-reopen, samtykke-embed {
  --samtykke-accent: light-dark(#7a3e12, #f0b27a);
  --samtykke-on-accent: light-dark(#fff, #1d1d1f);
  --samtykke-radius: 4px;
  --samtykke-font-family: "Source Sans 3", system-ui, sans-serif;
}
samtykke-banner::part(title) { font-family: Georgia, serif; }
\`\`\`

This page is generated from \`custom-elements.json\`, which the package ships for editors and
tools (\`npm run analyze\`, then \`node build/elements-doc.mjs\`).
`;

/**
 * The sources' JSDoc cites the numbered requirements their tests cover, e.g. "(COMPLIANCE 38)";
 * those numbers mean nothing to a reader of the package, so the page leaves them out.
 * @param {unknown} text
 */
const prose = (text) => String(text ?? '').replace(/\s*\(COMPLIANCE [^)]*\)/g, '');

/** Table cell text: one line, pipes escaped. */
const cell = (text) => prose(text).replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text) => (text ? `\`${String(text).replace(/\s*\n\s*/g, ' ')}\`` : '');

/** @param {string[]} head @param {string[][]} rows */
const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');

/**
 * The page for a manifest.
 * @param {any} manifest the parsed custom-elements.json
 * @returns {string}
 */
export function elementsPage(manifest) {
  const elements = manifest.modules
    .flatMap((/** @type {any} */ mod) => (mod.declarations ?? []).map((d) => ({ ...d, modulePath: mod.path })))
    .filter((/** @type {any} */ d) => d.customElement && d.tagName);
  const rank = (tag) => (ORDER.includes(tag) ? ORDER.indexOf(tag) : ORDER.length);
  elements.sort((a, b) => rank(a.tagName) - rank(b.tagName) || a.tagName.localeCompare(b.tagName));

  const parts = [INTRO];
  parts.push(elements.map((e) => `- [\`<${e.tagName}>\`](#${e.tagName})`).join('\n'));
  for (const el of elements) {
    const out = [`## \`<${el.tagName}>\``, prose(el.description ?? el.summary).trim()];
    const attributes = el.attributes ?? [];
    if (attributes.length)
      out.push('### Attributes', table(['attribute', 'property', 'type', 'default', 'meaning'], attributes.map((a) => [code(a.name), code(a.fieldName), code(a.type?.text), code(a.default), a.description])));
    const properties = (el.members ?? []).filter(
      (m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public' && !m.name.startsWith('_') && !m.name.startsWith('#'),
    );
    if (properties.length)
      out.push(
        '### Properties',
        table(['property', 'attribute', 'type', 'default', 'meaning'], properties.map((p) => [code(p.name), code(p.attribute), code(p.type?.text), code(p.default), `${p.readonly ? 'read-only. ' : ''}${p.description ?? ''}`])),
      );
    const methods = (el.members ?? []).filter((m) => m.kind === 'method' && !m.static && (m.privacy ?? 'public') === 'public' && !m.name.startsWith('_'));
    if (methods.length)
      out.push('### Methods', table(['method', 'meaning'], methods.map((m) => [code(`${m.name}(${(m.parameters ?? []).map((p) => p.name).join(', ')})`), m.description])));
    if (el.events?.length) out.push('### Events', table(['event', 'detail', 'meaning'], el.events.map((e) => [code(e.name), code(e.type?.text), e.description])));
    if (el.slots?.length) out.push('### Slots', table(['slot', 'meaning'], el.slots.map((s) => [s.name ? code(s.name) : '(default)', s.description])));
    if (el.cssParts?.length) out.push('### CSS parts', table(['part', 'meaning'], el.cssParts.map((p) => [code(p.name), p.description])));
    if (el.cssProperties?.length)
      out.push('### CSS custom properties', table(['property', 'default', 'meaning'], el.cssProperties.map((p) => [code(p.name), code(p.default), p.description])));
    parts.push(out.filter((line) => line !== '').join('\n\n'));
  }
  return `${parts.join('\n\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const page = elementsPage(JSON.parse(readFileSync(MANIFEST, 'utf8')));
  if (process.argv.includes('--check')) {
    if (readFileSync(PAGE, 'utf8') !== page) {
      console.error('docs/elements.md is out of date: run `node build/elements-doc.mjs`');
      process.exit(1);
    }
  } else {
    writeFileSync(PAGE, page);
  }
}
