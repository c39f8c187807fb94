/**
 * Where the consent record is kept. `CookieStorage` is the real one (js-cookie);
 * `MemoryStorage` serves unit tests of logic that need no browser cookie jar.
 */
import Cookies from 'js-cookie';
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
  private readonly name: string;
  private readonly attrs: CookieAttributes;

  constructor(settings: CookieSettings, protocol: string = location.protocol) {
    this.name = settings.name;
    this.attrs = cookieAttributes(settings, protocol);
  }

  read(): string | undefined {
    return Cookies.get(this.name);
  }

  write(value: string, expires: Date): void {
    // Never let a clock or config mistake keep consent beyond 13 months.
    Cookies.set(this.name, value, { ...this.attrs, expires: new Date(Math.min(+expires, Date.now() + MAX_EXPIRY_DAYS * 864e5)) });
  }

  remove(): void {
    Cookies.remove(this.name, this.attrs);
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
