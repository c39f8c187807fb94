// @ts-check
/**
 * What the log keeps about the request itself: a network prefix instead of the IP address
 * and a browser family instead of the user-agent string (COMPLIANCE 24, GDPR 5(1)(c)).
 */
import { isIP } from 'node:net';

/**
 * Truncates an IP address to its network: IPv4 to /24 ("203.0.113.0/24"), IPv6 to /48
 * ("2001:db8:abcd::/48"). IPv4-mapped IPv6 counts as IPv4. Anything else gives `null`.
 * Truncation (rather than a keyed hash) needs no secret, and an auditor can check it by eye.
 * @param {string | undefined | null} ip
 * @returns {string | null}
 */
export function truncateIp(ip) {
  if (typeof ip !== 'string') return null;
  const address = ip.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const v4 = mapped ? mapped[1] : address;
  if (isIP(v4) === 4) return `${v4.split('.').slice(0, 3).join('.')}.0/24`;
  if (isIP(address) !== 6) return null;
  const network = ipv6Groups(address).slice(0, 3);
  while (network.length && network[network.length - 1] === 0) network.pop(); // "2001:db8::/48", not "2001:db8:0::/48"
  return `${network.map((g) => g.toString(16)).join(':')}::/48`;
}

/**
 * The eight 16-bit groups of a valid IPv6 address (handles "::" and a dotted IPv4 tail).
 * @param {string} address
 * @returns {number[]}
 */
function ipv6Groups(address) {
  /** @param {string} part */
  const parse = (part) => {
    if (!part) return [];
    return part.split(':').flatMap((g) => {
      if (!g.includes('.')) return [parseInt(g, 16)];
      const [a, b, c, d] = g.split('.').map(Number);
      return [(a << 8) | b, (c << 8) | d];
    });
  };
  const [head, tail] = address.split('::');
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
}

/** Checked in order: Chromium-based browsers name Chrome and Safari too, so they come first. */
const FAMILIES = /** @type {const} */ ([
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\b(?:OPR|Opera)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(?:Firefox|FxiOS)\//, 'Firefox'],
  [/\b(?:Chrome|Chromium|CriOS|HeadlessChrome)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
]);

/**
 * The browser family of a user-agent string ("Chrome", "Firefox", …), never the string itself.
 * @param {string | undefined} userAgent
 * @returns {string} a family name, `"Other"`, or `"Unknown"` when the header is missing
 */
export function userAgentFamily(userAgent) {
  if (typeof userAgent !== 'string' || userAgent === '') return 'Unknown';
  for (const [pattern, family] of FAMILIES) if (pattern.test(userAgent)) return family;
  return 'Other';
}
