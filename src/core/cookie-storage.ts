/**
 * Where the consent record is kept. `CookieStorage` is the real one, on `document.cookie`;
 * `MemoryStorage` serves unit tests of logic that need no browser cookie jar.
 *
 * Written by hand rather than with js-cookie (as DESIGN.md has it): one cookie with a JSON
 * value and attributes the config has already checked needs a dozen lines, and js-cookie was
 * 443 B gzip of the first layer's 15 KiB budget (see the README).
 */
import { MAX_EXPIRY_DAYS, type CookieSettings } from './config.js';

/** Reads and writes the one consent value. */
export interface ConsentStorage {
  read(): string | undefined;
  write(value: string, expires: Date): void;
  remove(): void;
}

/** The attributes the consent cookie is written with. */
export interface CookieAttributes {
  path: string;
  domain?: string;
  sameSite: CookieSettings['sameSite'];
  secure: boolean;
}

/** `Secure` on https (and always with `SameSite=None`, which browsers demand). */
export function cookieAttributes({ path, sameSite, domain }: CookieSettings, protocol: string): CookieAttributes {
  return { path, sameSite, secure: protocol == 'https:' || sameSite == 'None', ...(domain && { domain }) };
}

/** The first-party consent cookie. */
export class CookieStorage implements ConsentStorage {
  /** `protocol` defaults to the page's, read when the cookie is first written (`location` costs 3.6 KB of JS heap). */
  constructor(
    private readonly settings: CookieSettings,
    private readonly protocol?: string,
  ) {}

  read(): string | undefined {
    const prefix = `${this.settings.name}=`;
    for (const pair of document.cookie.split('; '))
      // A malformed %-escape throws here; the store counts that as no consent.
      if (pair.startsWith(prefix)) return decodeURIComponent(pair.slice(prefix.length));
  }

  write(value: string, expires: Date): void {
    const { path, sameSite, secure, domain } = cookieAttributes(this.settings, this.protocol ?? location.protocol);
    // Never let a clock or config mistake keep consent beyond 13 months.
    const until = new Date(Math.min(+expires, Date.now() + MAX_EXPIRY_DAYS * 864e5)).toUTCString();
    // name, path and domain are checked by the config to hold no ";" or space.
    document.cookie = `${this.settings.name}=${encodeURIComponent(value)}; path=${path}; expires=${until}; samesite=${sameSite}${secure ? '; secure' : ''}${domain ? `; domain=${domain}` : ''}`;
  }

  remove(): void {
    this.write('', new Date(0));
  }
}

/** Keeps the value in memory; for tests and for pages where cookies are disabled. */
export class MemoryStorage implements ConsentStorage {
  value: string | undefined;
  expires: Date | undefined;

  constructor(initial?: string) {
    this.value = initial;
  }

  read(): string | undefined {
    return this.value;
  }

  write(value: string, expires: Date): void {
    this.value = value;
    this.expires = expires;
  }

  remove(): void {
    this.value = undefined;
  }
}
