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
export function cookieAttributes(settings: CookieSettings, protocol: string): CookieAttributes {
  const attrs: CookieAttributes = {
    path: settings.path,
    sameSite: settings.sameSite,
    secure: protocol === 'https:' || settings.sameSite === 'None',
  };
  if (settings.domain) attrs.domain = settings.domain;
  return attrs;
}

/** The first-party consent cookie. */
export class CookieStorage implements ConsentStorage {
  private readonly attrs: CookieAttributes;

  constructor(private readonly settings: CookieSettings, protocol: string = location.protocol) {
    this.attrs = cookieAttributes(settings, protocol);
  }

  read(): string | undefined {
    return Cookies.get(this.settings.name);
  }

  write(value: string, expires: Date): void {
    // Never let a clock or config mistake keep consent beyond 13 months.
    const latest = Date.now() + MAX_EXPIRY_DAYS * 86_400_000;
    Cookies.set(this.settings.name, value, { ...this.attrs, expires: new Date(Math.min(expires.getTime(), latest)) });
  }

  remove(): void {
    Cookies.remove(this.settings.name, this.attrs);
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
