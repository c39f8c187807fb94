/**
 * Where the consent record is kept. `CookieStorage` is the real one, a first-party cookie read
 * and written with js-cookie; `MemoryStorage` serves unit tests of logic that need no browser
 * cookie jar.
 */
import Cookies from 'js-cookie';
import { MAX_EXPIRY_DAYS } from './config/limits.js';
import type { CookieSettings } from './config/types.js';

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

const DAY_MS = 86_400_000;

/**
 * The first-party consent cookie. Written with js-cookie's default encoding; a value written by
 * earlier releases (the whole JSON through `encodeURIComponent`) reads back the same, since
 * js-cookie decodes every %-escape. A value whose escapes do not decode reads as no cookie.
 */
export class CookieStorage implements ConsentStorage {
  private jar?: Cookies.CookiesStatic;

  /** `protocol` defaults to the page's, read when the cookie is first used. */
  constructor(
    private readonly settings: CookieSettings,
    private readonly protocol?: string,
  ) {}

  // Made on first use: the attributes depend on the page's protocol.
  private get cookies(): Cookies.CookiesStatic {
    return (this.jar ??= Cookies.withAttributes(cookieAttributes(this.settings, this.protocol ?? location.protocol)));
  }

  read(): string | undefined {
    return this.cookies.get(this.settings.name);
  }

  write(value: string, expires: Date): void {
    // Never let a clock or config mistake keep consent beyond 13 months.
    const until = new Date(Math.min(+expires, Date.now() + MAX_EXPIRY_DAYS * DAY_MS));
    this.cookies.set(this.settings.name, value, { expires: until });
  }

  remove(): void {
    this.cookies.remove(this.settings.name);
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
