// @ts-check
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { truncateIp, userAgentFamily } from '../../server/privacy.js';

describe('what the log keeps of a request', () => {
  it('truncates IPv4 to /24 and IPv6 to /48 (COMPLIANCE 24)', () => {
    /** @type {[string | undefined, string | null][]} */
    const table = [
      ['203.0.113.77', '203.0.113.0/24'],
      ['10.1.2.3', '10.1.2.0/24'],
      ['::ffff:198.51.100.200', '198.51.100.0/24'],
      ['::FFFF:192.0.2.1', '192.0.2.0/24'],
      ['2001:db8:abcd:12:34:56:78:9a', '2001:db8:abcd::/48'],
      ['2001:0db8:00ab:ffff::1', '2001:db8:ab::/48'],
      ['2001:db8::1', '2001:db8::/48'],
      ['::1', '::/48'],
      ['fe80::1%eth0', 'fe80::/48'],
      ['64:ff9b::192.0.2.33', '64:ff9b::/48'],
      ['2001:db8:0:1::1', '2001:db8::/48'],
      ['0:0:1::1', '0:0:1::/48'],
      ['1:2:3:4:5:6:1.2.3.4', '1:2:3::/48'],
      ['not an ip', null],
      ['300.1.1.1', null],
      ['', null],
      [undefined, null],
    ];
    for (const [ip, prefix] of table) assert.equal(truncateIp(ip), prefix, String(ip));
  });

  it('keeps a browser family, never the user-agent string (COMPLIANCE 24)', () => {
    /** @type {[string | undefined, string][]} */
    const table = [
      ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Chrome'],
      ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86', 'Edge'],
      ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0', 'Opera'],
      ['Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36', 'Samsung Internet'],
      ['Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox'],
      ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/131.0 Mobile/15E148 Safari/605.1.15', 'Firefox'],
      ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1', 'Chrome'],
      ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15', 'Safari'],
      ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36', 'Chrome'],
      ['curl/8.5.0', 'Other'],
      ['', 'Unknown'],
      [undefined, 'Unknown'],
    ];
    for (const [ua, family] of table) assert.equal(userAgentFamily(ua), family, String(ua));
  });
});
