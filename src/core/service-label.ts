import type { ServiceConfig } from './config.js';

/**
 * How a service is named to a visitor: its name, then its provider in brackets when the
 * provider is someone other than the site itself and the name does not already say it.
 */
export function serviceLabel(service: Pick<ServiceConfig, 'name' | 'provider'>, controllerName?: string): string {
  const name = service.name.trim();
  const provider = service.provider?.trim();
  if (!provider) return name;
  const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;
  if ((controllerName && same(provider, controllerName.trim())) || name.toLowerCase().includes(provider.toLowerCase())) return name;
  return `${name} – ${provider}`;
}
