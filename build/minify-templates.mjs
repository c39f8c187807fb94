// Rollup plugin: squeezes the whitespace out of Lit's css`…` and html`…` templates in our
// own sources. Terser leaves template text alone, and the styles and markup are a good part
// of both bundles. Only whitespace in the template text is touched; ${…} expressions are kept
// as they are, except that templates nested in them are squeezed too.

// A piece of CSS between two expressions keeps a space at its ends: it may separate values.
const collapseCss = (text) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}');

/** Collapses CSS whitespace: runs to one space, none around punctuation or at the ends, no comments. */
export function squeezeCss(text) {
  return collapseCss(text).trim();
}

/** Collapses markup whitespace: runs containing a newline become one space; none between tags. */
export function squeezeHtml(text) {
  return text.replace(/>\s*\n\s*</g, '><').replace(/\s*\n\s*/g, ' ');
}

/**
 * Reads a template literal whose text starts at `i` (just after the opening backtick). Returns
 * its text pieces, the source of each `${…}` between them, and the index after the closing
 * backtick; `undefined` when the code ends first (then nothing is rewritten).
 */
export function readTemplate(code, i) {
  const texts = [];
  const exprs = [];
  let start = i;
  while (i < code.length) {
    const c = code[i];
    if (c === '\\') i += 2;
    else if (c === '`') {
      texts.push(code.slice(start, i));
      return { texts, exprs, end: i + 1 };
    } else if (c === '$' && code[i + 1] === '{') {
      texts.push(code.slice(start, i));
      const end = skipExpression(code, i + 2);
      if (end === undefined) return undefined;
      exprs.push(code.slice(i + 2, end - 1));
      start = i = end;
    } else i++;
  }
  return undefined;
}

// After these, a `/` starts a regular expression rather than dividing.
const BEFORE_REGEX = /(?:[(,=:[!&|?{};+\-*%<>~^]|\b(?:return|typeof|case|do|else|in|of|void|yield|await))$/;

/**
 * Index after the `}` closing an expression that starts at `i`: counts braces, and skips
 * strings, comments, regular expressions and template literals (with their own `${…}`).
 */
function skipExpression(code, i) {
  let depth = 0;
  while (i < code.length) {
    const c = code[i];
    if (c === '{') depth++;
    else if (c === '}' && depth-- === 0) return i + 1;
    else if (c === "'" || c === '"') {
      for (i++; i < code.length && code[i] !== c; i++) if (code[i] === '\\') i++;
    } else if (c === '`') {
      const t = readTemplate(code, i + 1);
      if (!t) return undefined;
      i = t.end;
      continue;
    } else if (c === '/' && code[i + 1] === '/') i = code.indexOf('\n', i);
    else if (c === '/' && code[i + 1] === '*') i = code.indexOf('*/', i + 2) + 1 || -1;
    else if (c === '/' && BEFORE_REGEX.test(code.slice(Math.max(0, i - 64), i).trimEnd())) {
      for (let inClass = false; ++i < code.length && (inClass || code[i] !== '/'); ) {
        if (code[i] === '\\') i++;
        else if (code[i] === '[') inClass = true;
        else if (code[i] === ']') inClass = false;
      }
    }
    if (i < 0) return undefined;
    i++;
  }
  return undefined;
}

/** Squeezes every css/html/svg template in `code`, also those inside another template's expressions. */
export function squeezeTemplates(code) {
  // Its own regex on each call: the calls for nested templates must not move this one's lastIndex.
  const tag = /\b(css|html|svg)\s*`/g;
  let out = '';
  let from = 0;
  for (let m; (m = tag.exec(code)); ) {
    const t = readTemplate(code, tag.lastIndex);
    if (!t) break;
    const squeeze = m[1] === 'css' ? collapseCss : squeezeHtml;
    const last = t.texts.length - 1;
    let body = '';
    t.texts.forEach((text, k) => {
      let s = squeeze(text);
      if (m[1] === 'css') {
        if (k === 0) s = s.trimStart();
        if (k === last) s = s.trimEnd();
      }
      body += k < last ? `${s}\${${squeezeTemplates(t.exprs[k])}}` : s;
    });
    out += `${code.slice(from, m.index)}${m[1]}\`${body}\``;
    from = tag.lastIndex = t.end;
  }
  return out + code.slice(from);
}

export function minifyTemplates() {
  return {
    name: 'samtykke-minify-templates',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(css|html|svg)\s*`/.test(code)) return null;
      return { code: squeezeTemplates(code), map: null };
    },
  };
}
