// The link policy, table-driven: what becomes a clickable link in a reply and what stays text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkLink,
  createLinkPolicy,
  DEFAULT_LINK_POLICY,
  linkHref,
  type LinkRefusal,
} from '../../../src/entries/links.ts';
import { specialHostKind } from '../../../src/links/special-hosts.ts';

// [url, expected href or refusal] under the default policy, no base.
const DEFAULT_CASES: [string, string | LinkRefusal][] = [
  ['https://example.com/', 'https://example.com/'],
  ['http://example.com/a b', 'http://example.com/a%20b'],
  ['HTTPS://EXAMPLE.COM/x', 'https://example.com/x'],
  ['https://münchen.de/', 'https://xn--mnchen-3ya.de/'],
  ['mailto:someone@example.com', 'mailto:someone@example.com'],
  ['tel:+441234567', 'protocol'],
  ['javascript:alert(1)', 'protocol'],
  [' javascript:alert(1)', 'protocol'],
  ['java\tscript:alert(1)', 'protocol'],
  ['JaVaScRiPt:alert(1)', 'protocol'],
  ['data:text/html,<script>alert(1)</script>', 'protocol'],
  ['vbscript:x', 'protocol'],
  ['file:///etc/passwd', 'protocol'],
  ['ftp://example.com/', 'protocol'],
  ['blob:https://example.com/uuid', 'protocol'],
  ['/relative/path', 'unparsable'],
  ['', 'unparsable'],
  ['https://', 'unparsable'],
  // credentials that make a URL read as another host
  ['https://bank.example@evil.example/', 'credentials'],
  ['https://user:pass@example.com/', 'credentials'],
  // loopback in every spelling the URL parser canonicalizes
  ['http://localhost/', 'loopback'],
  ['http://LOCALHOST.:8080/', 'loopback'],
  ['http://app.localhost/', 'loopback'],
  ['http://127.0.0.1/', 'loopback'],
  ['http://127.1/', 'loopback'],
  ['http://0x7f.1/', 'loopback'],
  ['http://2130706433/', 'loopback'],
  ['http://017700000001/', 'loopback'],
  ['http://[::1]/', 'loopback'],
  ['http://[0:0:0:0:0:0:0:1]/', 'loopback'],
  ['http://[::ffff:127.0.0.1]/', 'loopback'],
  ['http://0.0.0.0/', 'reserved'],
  ['http://0/', 'reserved'],
  ['http://[::]/', 'reserved'],
  // private networks
  ['http://10.0.0.1/', 'private'],
  ['http://172.16.5.4/', 'private'],
  ['http://172.31.255.255/', 'private'],
  ['http://192.168.1.1/admin', 'private'],
  ['http://100.64.0.1/', 'private'],
  ['http://[fd00::1]/', 'private'],
  ['http://[::ffff:192.168.0.1]/', 'private'],
  ['http://[64:ff9b::10.0.0.1]/', 'private'],
  ['http://[2002:c0a8:101::1]/', 'private'],
  ['http://router/', 'private'],
  ['http://nas.home.arpa/', 'private'],
  ['http://db.internal/', 'private'],
  // link-local
  ['http://169.254.169.254/latest/meta-data/', 'link-local'],
  ['http://[fe80::1]/', 'link-local'],
  ['http://printer.local/', 'link-local'],
  // other reserved ranges
  ['http://224.0.0.1/', 'reserved'],
  ['http://255.255.255.255/', 'reserved'],
  ['http://[ff02::1]/', 'reserved'],
  ['http://example.test/', 'reserved'],
  // public addresses next to the private ranges stay linkable
  ['http://172.32.0.1/', 'http://172.32.0.1/'],
  ['http://11.0.0.1/', 'http://11.0.0.1/'],
  ['http://[2606:4700::1111]/', 'http://[2606:4700::1111]/'],
  ['http://[::ffff:8.8.8.8]/', 'http://[::ffff:808:808]/'],
];

test('the default policy links public http(s) and mailto only', () => {
  for (const [url, expected] of DEFAULT_CASES) {
    const verdict = checkLink(url);
    const got = verdict.ok ? verdict.href : verdict.reason;
    assert.equal(got, expected, url);
    assert.equal(linkHref(url), verdict.ok ? verdict.href : null, url);
  }
});

test('relative links resolve against the page, whose own origin is linkable even on localhost', () => {
  const base = 'http://127.0.0.1:8000/shop/index.html';
  assert.deepEqual(checkLink('/orders/42', DEFAULT_LINK_POLICY, base), {
    ok: true,
    href: 'http://127.0.0.1:8000/orders/42',
  });
  assert.deepEqual(checkLink('http://127.0.0.1:9999/', DEFAULT_LINK_POLICY, base), { ok: false, reason: 'loopback' });
  assert.deepEqual(checkLink('javascript:alert(1)', DEFAULT_LINK_POLICY, base), { ok: false, reason: 'protocol' });
  assert.deepEqual(checkLink('//evil.example/x', DEFAULT_LINK_POLICY, 'https://shop.example/'), {
    ok: true,
    href: 'https://evil.example/x',
  });
});

test('an allowlist narrows links to its hosts and the page, never re-admitting a local host', () => {
  const policy = createLinkPolicy({ allowedHosts: ['shop.example', '*.cdn.example', 'MÜNCHEN.de'] });
  const base = 'https://www.shop.example/';
  const cases: [string, string | LinkRefusal][] = [
    ['https://shop.example/a', 'https://shop.example/a'],
    ['https://evil.example/a', 'not-allowed'],
    ['https://shop.example.evil.example/', 'not-allowed'],
    ['https://img.cdn.example/x.png', 'https://img.cdn.example/x.png'],
    ['https://a.b.cdn.example/', 'https://a.b.cdn.example/'],
    ['https://cdn.example/', 'not-allowed'],
    ['https://evilcdn.example/', 'not-allowed'],
    ['https://xn--mnchen-3ya.de/', 'https://xn--mnchen-3ya.de/'],
    ['https://www.shop.example/cart', 'https://www.shop.example/cart'],
    ['mailto:help@shop.example', 'mailto:help@shop.example'],
    ['http://192.168.0.1/', 'private'],
  ];
  for (const [url, expected] of cases) {
    const verdict = checkLink(url, policy, base);
    assert.equal(verdict.ok ? verdict.href : verdict.reason, expected, url);
  }
});

test('protocols can be narrowed or widened to tel:', () => {
  const withTel = createLinkPolicy({ protocols: ['https:', 'tel:'] });
  assert.equal(linkHref('tel:+441234567', withTel), 'tel:+441234567');
  assert.equal(linkHref('http://example.com/', withTel), null);
  assert.equal(linkHref('mailto:a@example.com', withTel), null);
});

test('bad policy options throw TypeError or RangeError synchronously', () => {
  assert.throws(() => createLinkPolicy({ protocols: ['javascript:'] as never }), RangeError);
  assert.throws(() => createLinkPolicy({ protocols: 'https:' as never }), TypeError);
  assert.throws(() => createLinkPolicy({ allowedHosts: ['https://example.com'] }), RangeError);
  assert.throws(() => createLinkPolicy({ allowedHosts: ['*'] }), RangeError);
  assert.throws(() => createLinkPolicy({ allowedHosts: ['ex ample.com'] }), RangeError);
  assert.throws(() => createLinkPolicy({ allowedHosts: [42] as never }), TypeError);
  assert.throws(() => createLinkPolicy(null as never), TypeError);
  assert.ok(Object.isFrozen(createLinkPolicy({ allowedHosts: ['example.com'] })));
});

test('specialHostKind reads the URL parser serialization of every address family', () => {
  const kinds: [string, string | null][] = [
    [new URL('http://0x7f.0.0.1/').hostname, 'loopback'],
    [new URL('http://[::ffff:a9fe:a9fe]/').hostname, 'link-local'],
    [new URL('http://[fec0::1]/').hostname, 'private'],
    [new URL('http://[2001:db8::1]/').hostname, 'reserved'],
    [new URL('http://example.com./').hostname, null],
    ['[not:an:address]', 'reserved'],
  ];
  for (const [host, kind] of kinds) assert.equal(specialHostKind(host), kind, host);
});
