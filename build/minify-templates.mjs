// Rollup plugin: squeezes the whitespace out of Lit's css`…` and html`…` templates in our
// own sources. Terser leaves template text alone, and the styles and markup are a good part
// of the first-layer bundle. Only whitespace is touched; ${…} expressions are kept as they are.

/** Collapses CSS whitespace: runs to one space, none around punctuation, no comments. */
export function squeezeCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();
}

/** Collapses markup whitespace: runs containing a newline become one space; none between tags. */
export function squeezeHtml(text) {
  return text.replace(/>\s*\n\s*</g, '><').replace(/\s*\n\s*/g, ' ');
}

const TEMPLATE = /\b(css|html|svg)\s*`((?:[^`\\$]|\\[\s\S]|\$(?!\{)|\$\{(?:[^{}]|\{[^{}]*\})*\})*)`/g;

export function minifyTemplates() {
  return {
    name: 'samtykke-minify-templates',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(css|html)\s*`/.test(code)) return null;
      const out = code.replace(TEMPLATE, (whole, tag, body) => {
        // Split around ${…} so expressions are never rewritten.
        const parts = body.split(/(\$\{(?:[^{}]|\{[^{}]*\})*\})/);
        const squeeze = tag === 'css' ? squeezeCss : squeezeHtml;
        return `${tag}\`${parts.map((p, i) => (i % 2 ? p : squeeze(p))).join('')}\``;
      });
      return { code: out, map: null };
    },
  };
}
