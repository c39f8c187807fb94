/**
 * Fills a policy document's fields from the config: the controller's contact details, the
 * cookie-policy link and the retention example. Produces plain segments (text, checked link,
 * or "missing") that any renderer can show without interpreting markup.
 */
import type { ControllerInfo, Language, SamtykkeConfig } from './config.js';
import type { Messages } from './i18n.js';
import { format } from './i18n.js';
import { isSafeLink, type InlineContent, type PolicyDocument, type PolicyField } from './policy.js';

/** A run to render: text (a link when `href` is set), or the notice that contact details are missing. */
export type Segment = { text: string; href?: string } | { missing: true };

/** What fields are filled from. */
export interface FillContext {
  language: Language;
  /** The document's controller with the config's values over it. */
  controller: ControllerInfo;
  financialYearEnd: string;
  cookiePolicyUrl?: string;
  messages: Messages['policy'];
}

/** The Intl locale of each language; en-GB writes "30 June", as a Danish company's English does. */
export const DATE_LOCALES: Record<Language, string> = {
  da: 'da-DK',
  en: 'en-GB',
  sv: 'sv-SE',
  nb: 'nb-NO',
  de: 'de-DE',
  fi: 'fi-FI',
  nl: 'nl-NL',
  fr: 'fr-FR',
  es: 'es-ES',
  it: 'it-IT',
  pl: 'pl-PL',
  is: 'is-IS',
};

/** Formats a UTC date in the language (e.g. `{ month: 'long', year: 'numeric' }` → "juni 2022"). */
export function formatDate(date: Date, language: Language, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(DATE_LOCALES[language], { ...options, timeZone: 'UTC' }).format(date);
}

const monthDay = (value: string) => value.split('-').map(Number) as [number, number];

/** Whether a "MM-DD" day is the last of its month (February counted as 28 days). */
export function isMonthEnd(value: string): boolean {
  const [m, d] = monthDay(value);
  return new Date(Date.UTC(2001, m, 0)).getUTCDate() === d;
}

/**
 * The earliest day records may be deleted when an agreement ended in month `from` ("YYYY-MM"):
 * `years` after the end of the financial year that month belongs to. The agreement is taken to
 * end on the month's last day, the later (safe) reading of "ended in May".
 */
export function retentionUntil(from: string, years: number, financialYearEnd: string): Date {
  const [y, m] = monthDay(from);
  const [fm, fd] = monthDay(financialYearEnd);
  const ended = Date.UTC(y, m, 0);
  const yearEnds = Date.UTC(y, fm - 1, fd) >= ended ? y : y + 1;
  return new Date(Date.UTC(yearEnds + years, fm - 1, fd));
}

/** The config's controller details over the document's own (blank config values do not erase). */
export function mergeController(own: ControllerInfo | undefined, config: ControllerInfo): ControllerInfo {
  const out: ControllerInfo = { ...own };
  for (const key of ['name', 'cvr', 'address', 'email', 'phone'] as const) {
    const value = config[key]?.trim();
    if (value) out[key] = value;
  }
  return out;
}

/** The context to fill `doc` in, from the resolved config and the document's language messages. */
export function fillContext(doc: PolicyDocument, config: SamtykkeConfig, language: Language, messages: Messages['policy']): FillContext {
  return {
    language,
    controller: mergeController(doc.controller, config.controller),
    financialYearEnd: config.financialYearEnd,
    cookiePolicyUrl: config.cookiePolicyUrl,
    messages,
  };
}

const emailLink = (email: string): Segment => (/^[^\s@<>]+@[^\s@<>]+$/.test(email) ? { text: email, href: `mailto:${email}` } : { text: email });
const phoneLink = (phone: string): Segment => {
  const digits = phone.replace(/[^\d+]/g, '');
  return /\d{3}/.test(digits) ? { text: phone, href: `tel:${digits}` } : { text: phone };
};

/** Whether the controller can be reached: an e-mail address or a phone number. */
export const canContact = (c: ControllerInfo) => !!(c.email || c.phone);

/** "JMA A/S, Vej 1, e-mail info@…, telefon …" — or the missing notice when neither e-mail nor phone is known. */
export function contactPhrase(ctx: FillContext): Segment[] {
  const { controller: c, messages: m } = ctx;
  if (!canContact(c)) return [{ missing: true }];
  const parts: Segment[][] = [];
  if (c.name) parts.push([{ text: c.name }]);
  if (c.address) parts.push([{ text: c.address }]);
  if (c.email) parts.push([{ text: `${m.email.toLocaleLowerCase(DATE_LOCALES[ctx.language])} ` }, emailLink(c.email)]);
  if (c.phone) parts.push([{ text: `${m.phone.toLocaleLowerCase(DATE_LOCALES[ctx.language])} ` }, phoneLink(c.phone)]);
  return parts.flatMap((p, i) => (i ? [{ text: ', ' }, ...p] : p));
}

/** The controller block's lines: name, CVR, address, e-mail, phone; a missing-notice line when incomplete. */
export function controllerLines(ctx: FillContext): Segment[][] {
  const { controller: c, messages: m } = ctx;
  const lines: Segment[][] = [];
  if (c.name) lines.push([{ text: c.name }]);
  if (c.cvr) lines.push([{ text: `${m.cvr}: ${c.cvr}` }]);
  if (c.address) lines.push([{ text: c.address }]);
  if (c.email) lines.push([{ text: `${m.email}: ` }, emailLink(c.email)]);
  if (c.phone) lines.push([{ text: `${m.phone}: ` }, phoneLink(c.phone)]);
  // COMPLIANCE 27 needs the name, the address and a way to reach the controller.
  if (!c.name || !c.address || !canContact(c)) lines.push([{ missing: true }]);
  return lines;
}

function fillField(f: PolicyField, ctx: FillContext): Segment[] {
  const { controller: c, language, messages: m } = ctx;
  switch (f.field) {
    case 'controller.contact':
      return contactPhrase(ctx);
    case 'controller.email':
      return c.email ? [emailLink(c.email)] : [{ missing: true }];
    case 'controller.phone':
      return c.phone ? [phoneLink(c.phone)] : [{ missing: true }];
    case 'controller.name':
    case 'controller.cvr':
    case 'controller.address': {
      const value = c[f.field.slice(11) as 'name' | 'cvr' | 'address'];
      return value ? [{ text: value }] : [{ missing: true }];
    }
    case 'cookiePolicy':
      return [ctx.cookiePolicyUrl ? { text: f.text!, href: ctx.cookiePolicyUrl } : { text: f.text! }];
    case 'financialYearEnd': {
      const [fm, fd] = monthDay(ctx.financialYearEnd);
      return [{ text: formatDate(new Date(Date.UTC(2001, fm - 1, fd)), language, { day: 'numeric', month: 'long' }) }];
    }
    case 'retentionUntil': {
      const until = retentionUntil(f.from!, f.years!, ctx.financialYearEnd);
      const text = isMonthEnd(ctx.financialYearEnd)
        ? format(m.endOf, { date: formatDate(until, language, { month: 'long', year: 'numeric' }) })
        : formatDate(until, language, { day: 'numeric', month: 'long', year: 'numeric' });
      return [{ text }];
    }
  }
}

/** Inline content as segments: fields filled, links checked (an unsafe link becomes its text). */
export function fillInline(content: InlineContent, ctx: FillContext): Segment[] {
  if (typeof content === 'string') return [{ text: content }];
  return content.flatMap((run): Segment[] => {
    if (typeof run === 'string') return [{ text: run }];
    if ('field' in run) return fillField(run, ctx);
    return [isSafeLink(run.href) ? { text: run.text, href: run.href.trim() } : { text: run.text }];
  });
}
