/**
 * The policy document: its schema and validation.
 *
 * A policy is structured data, never markup: sections with stable ids and headings, holding
 * paragraphs, lists and contact blocks of inline text, links and fields (blanks the config
 * fills). Validation is total like the config's: any value in, a usable document (or `null`
 * when nothing usable is left) out, and every problem named by its path. Links with a scheme
 * other than http(s), mailto or tel (or an in-page `#anchor`) are kept but reported; the
 * renderer shows them as text.
 */
import { describeValue, type ControllerInfo, type Language } from './config.js';

/** The blanks a document may leave for the config to fill. */
export const POLICY_FIELDS = [
  'controller.name',
  'controller.cvr',
  'controller.address',
  'controller.email',
  'controller.phone',
  /** Name, address, e-mail and phone as a phrase, for "kontakt …" sentences. */
  'controller.contact',
  /** A link to `cookiePolicyUrl` with the given `text` (plain text without that URL). */
  'cookiePolicy',
  /** The day the financial year ends, from `financialYearEnd`. */
  'financialYearEnd',
  /** How long records of an agreement that ended in month `from` are kept: `years` after its financial year ends. */
  'retentionUntil',
] as const;

/** A blank the config fills. */
export type PolicyFieldName = (typeof POLICY_FIELDS)[number];

/** A link; `href` must be http(s):, mailto:, tel: or `#anchor`, or it is shown as text. */
export interface PolicyLink {
  text: string;
  href: string;
}

/** A field: `text` for `cookiePolicy`; `from` ("YYYY-MM") and `years` for `retentionUntil`. */
export interface PolicyField {
  field: PolicyFieldName;
  text?: string;
  from?: string;
  years?: number;
}

/** One run of inline content. */
export type Inline = string | PolicyLink | PolicyField;

/** A piece of text: a plain string or a sequence of inline runs. */
export type InlineContent = string | Inline[];

/** A block of a section. `controller` renders the data controller's identity and contact details. */
export type PolicyBlock =
  | { type: 'paragraph'; text: InlineContent }
  | { type: 'list'; items: InlineContent[]; ordered?: boolean }
  | { type: 'contact'; lines: InlineContent[] }
  | { type: 'controller' };

/** A section: a stable `id` (its anchor), a heading, blocks and optional subsections. */
export interface PolicySection {
  id: string;
  heading: string;
  /** Added to the source text to meet GDPR Art. 13; rendered with a visible marker. */
  supplement?: boolean;
  blocks: PolicyBlock[];
  sections?: PolicySection[];
}

/** A whole policy document, the shape of `locales/policy.*.json`. */
export interface PolicyDocument {
  /** Stored with each consent (at most 64 characters). */
  version: string;
  /** "Senest opdateret", as `YYYY-MM-DD`. */
  updated: string;
  /** This version changes the policy materially: earlier consent no longer counts. */
  material?: boolean;
  language?: Language;
  title: string;
  /** The controller the document names; the config's `controller` fills in or overrides. */
  controller?: ControllerInfo;
  sections: PolicySection[];
}

/** One thing wrong with a policy document. */
export interface PolicyProblem {
  path: string;
  found: string;
  expected: string;
}

/** Subsections nest at most this deep (headings h2–h4 under the title). */
export const MAX_SECTION_DEPTH = 3;

/** Whether a link may be rendered as a link: http(s), mailto, tel or an in-page anchor. */
export function isSafeLink(href: unknown): href is string {
  return typeof href === 'string' && /^(https?:|mailto:|tel:|#)/i.test(href.trim());
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isDate = (v: unknown) =>
  typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const SECTION_ID = /^[A-Za-z][\w-]{0,63}$/;

class Checker {
  readonly problems: PolicyProblem[] = [];
  private readonly ids = new Set<string>();

  report(path: string, found: unknown, expected: string): null {
    this.problems.push({ path, found: describeValue(found), expected });
    return null;
  }

  /** Reports keys a reader did not mean (a typo such as "suplement" would otherwise pass silently). */
  keys(o: Obj, path: string, allowed: string[]): void {
    for (const key of Object.keys(o)) if (!allowed.includes(key)) this.report(`${path}.${key}`, o[key], 'no such key (a typo?)');
  }

  inline(v: unknown, path: string): Inline | null {
    if (typeof v === 'string') return v;
    if (!isObject(v)) return this.report(path, v, 'a string, { text, href } or { field }');
    if ('field' in v) return this.field(v, path);
    this.keys(v, path, ['text', 'href']);
    if (!isText(v.text)) return this.report(`${path}.text`, v.text, 'the link text');
    if (typeof v.href !== 'string') return this.report(`${path}.href`, v.href, 'a URL');
    // Kept, so the text still reads; the renderer shows it as plain text.
    if (!isSafeLink(v.href)) this.report(`${path}.href`, v.href, 'an http(s):, mailto: or tel: URL or a #anchor (shown as plain text)');
    return { text: v.text, href: v.href };
  }

  field(v: Obj, path: string): PolicyField | null {
    const name = v.field as PolicyFieldName;
    if (!POLICY_FIELDS.includes(name)) return this.report(`${path}.field`, name, POLICY_FIELDS.join(' | '));
    const out: PolicyField = { field: name };
    if (name === 'cookiePolicy') {
      this.keys(v, path, ['field', 'text']);
      if (!isText(v.text)) return this.report(`${path}.text`, v.text, 'the link text');
      out.text = v.text;
    } else if (name === 'retentionUntil') {
      this.keys(v, path, ['field', 'from', 'years']);
      if (typeof v.from !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(v.from)) return this.report(`${path}.from`, v.from, 'a "YYYY-MM" month');
      if (!Number.isInteger(v.years) || (v.years as number) < 1 || (v.years as number) > 100) return this.report(`${path}.years`, v.years, 'a whole number of years, 1 to 100');
      Object.assign(out, { from: v.from, years: v.years });
    } else this.keys(v, path, ['field']);
    return out;
  }

  content(v: unknown, path: string): InlineContent | null {
    if (typeof v === 'string') return v;
    if (isObject(v)) {
      // A lone link or field stands for a one-run sequence.
      const run = this.inline(v, path);
      return run === null ? null : [run];
    }
    if (!Array.isArray(v) || v.length === 0) return this.report(path, v, 'a string or a non-empty array of inline runs');
    const out = v.map((item, i) => this.inline(item, `${path}[${i}]`)).filter((x): x is Inline => x !== null);
    return out.length ? out : null;
  }

  contents(v: unknown, path: string): InlineContent[] | null {
    if (!Array.isArray(v) || v.length === 0) return this.report(path, v, 'a non-empty array');
    const out = v.map((item, i) => this.content(item, `${path}[${i}]`)).filter((x): x is InlineContent => x !== null);
    return out.length ? out : null;
  }

  block(v: unknown, path: string): PolicyBlock | null {
    if (!isObject(v)) return this.report(path, v, 'a block object');
    switch (v.type) {
      case 'paragraph': {
        this.keys(v, path, ['type', 'text']);
        const text = this.content(v.text, `${path}.text`);
        return text === null ? null : { type: 'paragraph', text };
      }
      case 'list': {
        this.keys(v, path, ['type', 'items', 'ordered']);
        const items = this.contents(v.items, `${path}.items`);
        if (v.ordered !== undefined && typeof v.ordered !== 'boolean') this.report(`${path}.ordered`, v.ordered, 'true or false');
        return items && { type: 'list', items, ordered: v.ordered === true };
      }
      case 'contact': {
        this.keys(v, path, ['type', 'lines']);
        const lines = this.contents(v.lines, `${path}.lines`);
        return lines && { type: 'contact', lines };
      }
      case 'controller':
        this.keys(v, path, ['type']);
        return { type: 'controller' };
      default:
        return this.report(`${path}.type`, v.type, '"paragraph" | "list" | "contact" | "controller"');
    }
  }

  section(v: unknown, path: string, depth: number): PolicySection | null {
    if (!isObject(v)) return this.report(path, v, 'a section object');
    this.keys(v, path, ['id', 'heading', 'supplement', 'blocks', 'sections']);
    if (typeof v.id !== 'string' || !SECTION_ID.test(v.id) || this.ids.has(v.id))
      return this.report(`${path}.id`, v.id, 'a unique id: a letter, then letters, digits, "-" or "_"');
    this.ids.add(v.id);
    if (!isText(v.heading)) return this.report(`${path}.heading`, v.heading, 'the heading text');
    if (v.supplement !== undefined && typeof v.supplement !== 'boolean') this.report(`${path}.supplement`, v.supplement, 'true or false');
    const out: PolicySection = { id: v.id, heading: v.heading, blocks: [] };
    if (v.supplement === true) out.supplement = true;
    if (v.blocks !== undefined) {
      if (!Array.isArray(v.blocks)) this.report(`${path}.blocks`, v.blocks, 'an array of blocks');
      else out.blocks = v.blocks.map((b, i) => this.block(b, `${path}.blocks[${i}]`)).filter((b): b is PolicyBlock => b !== null);
    }
    if (v.sections !== undefined) {
      if (depth >= MAX_SECTION_DEPTH) this.report(`${path}.sections`, v.sections, `at most ${MAX_SECTION_DEPTH} levels of sections`);
      else {
        const subs = this.sections(v.sections, `${path}.sections`, depth + 1);
        if (subs.length) out.sections = subs;
      }
    }
    if (!out.blocks.length && !out.sections) return this.report(path, v, 'a section with at least one valid block or subsection');
    return out;
  }

  sections(v: unknown, path: string, depth: number): PolicySection[] {
    if (!Array.isArray(v)) return this.report(path, v, 'an array of sections') ?? [];
    return v.map((s, i) => this.section(s, `${path}[${i}]`, depth)).filter((s): s is PolicySection => s !== null);
  }
}

/**
 * Validates a policy document. Never throws. Returns the usable part of the document, or
 * `null` when the metadata (version, updated, title) is unusable or no valid section is left;
 * `problems` names every path that was wrong.
 */
export function validatePolicy(input: unknown): { document: PolicyDocument | null; problems: PolicyProblem[] } {
  const c = new Checker();
  try {
    if (!isObject(input)) return { document: null, problems: [{ path: '(policy)', found: describeValue(input), expected: 'a policy document object' }] };
    c.keys(input, '(policy)', ['version', 'updated', 'material', 'language', 'title', 'controller', 'sections']);
    const { version, updated, material, language, title, controller } = input;
    // Without these the policy cannot say which version it is or when it was updated (COMPLIANCE 33).
    const fatal = [
      typeof version !== 'string' || !version.trim() || version.length > 64 ? c.report('version', version, '1 to 64 characters') : 1,
      isDate(updated) ? 1 : c.report('updated', updated, 'a "YYYY-MM-DD" date'),
      isText(title) ? 1 : c.report('title', title, 'the document title'),
    ].includes(null);
    if (material !== undefined && typeof material !== 'boolean') c.report('material', material, 'true or false');
    if (language !== undefined && language !== 'da' && language !== 'en') c.report('language', language, '"da" | "en"');
    const doc: PolicyDocument = {
      version: version as string,
      updated: updated as string,
      material: material === true,
      title: title as string,
      sections: c.sections(input.sections, 'sections', 1),
    };
    if (language === 'da' || language === 'en') doc.language = language;
    if (controller !== undefined) {
      if (!isObject(controller)) c.report('controller', controller, 'an object { name, cvr, address, email, phone }');
      else {
        c.keys(controller, 'controller', ['name', 'cvr', 'address', 'email', 'phone']);
        doc.controller = {};
        for (const key of ['name', 'cvr', 'address', 'email', 'phone'] as const) {
          const value = controller[key];
          if (value === undefined) continue;
          if (typeof value === 'string') doc.controller[key] = value;
          else c.report(`controller.${key}`, value, 'a string');
        }
      }
    }
    if (!doc.sections.length && Array.isArray(input.sections)) c.report('sections', input.sections, 'at least one valid section');
    return { document: !fatal && doc.sections.length ? doc : null, problems: c.problems };
  } catch (error) {
    // Only a hostile object (a throwing getter, a Proxy) gets here; JSON never does.
    return { document: null, problems: [...c.problems, { path: '(policy)', found: String(error), expected: 'plain JSON data' }] };
  }
}

/** Logs a document's problems in one console message, the way a site owner reads it. */
export function reportPolicyProblems(problems: readonly PolicyProblem[], source: string): void {
  if (problems.length)
    console.warn(`Samtykke: problems in the policy document (${source}):\n${problems.map((p) => `  ${p.path}: got ${p.found}, expected ${p.expected}`).join('\n')}`);
}
