// None of these URL tricks may make `ctx.fetch` request an undeclared origin. A fake fetch records
// every URL the scoped fetch would request; redirects are also exercised against real local servers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createScopedFetch } from '../../../src/skills/scoped-fetch.ts';
import { normalizeDeclaredOrigin } from '../../../src/skills/origins.ts';
import { PermissionError } from '../../../src/errors.ts';
import { recordingFetch, startServer } from '../../fixtures/skills/helpers.ts';

const PORT = 45_817; // only a label in the fake-fetch cases: nothing listens there
const DECLARED = ['https://api.example.com', 'https://münchen.de', `http://127.0.0.1:${PORT}`].map((o, i) =>
  normalizeDeclaredOrigin(o, `o${i}`),
);
type Expect = 'refuse' | 'allow' | 'safe';

// [input, expectation]. `safe`: either refused or sent to a declared origin, depending on URL-parser details.
const DIRECT: [unknown, Expect][] = [
  // userinfo
  ['https://api.example.com@evil.com/', 'refuse'],
  ['https://evil.com@api.example.com/', 'refuse'],
  ['https://api.example.com:443@evil.com/', 'refuse'],
  ['https://user:pass@api.example.com/', 'refuse'],
  ['https://:@api.example.com/', 'allow'],
  ['https://api.example.com%40evil.com/', 'refuse'],
  ['https://evil.com#@api.example.com', 'refuse'],
  ['https://evil.com?@api.example.com', 'refuse'],
  ['https://evil.com\\@api.example.com', 'refuse'],
  ['https://api.example.com\\@evil.com', 'allow'],
  ['https://api.example.com%2f@evil.com', 'refuse'],
  ['https://api.example.com%5c@evil.com', 'refuse'],
  // look-alike hosts
  ['https://api.example.com.evil.com/', 'refuse'],
  ['https://evil.com/api.example.com', 'refuse'],
  ['https://api.example.co/', 'refuse'],
  ['https://api-example.com/', 'refuse'],
  ['https://apiexample.com/', 'refuse'],
  ['https://sub.api.example.com/', 'refuse'],
  ['https://example.com/', 'refuse'],
  ['https://api.example.com.evil.com.', 'refuse'],
  // case and trailing dots
  ['HTTPS://API.EXAMPLE.COM/orders', 'allow'],
  ['HtTpS://Api.Example.Com', 'allow'],
  ['https://api.example.com./', 'refuse'],
  ['https://API.EXAMPLE.COM./', 'refuse'],
  ['https://api.example.com../', 'refuse'],
  // IDN homographs and Unicode mapping
  ['https://\u0430pi.example.com/', 'refuse'],
  ['https://api.ex\u0430mple.com/', 'refuse'],
  ['https://xn--pi-7kc.example.com/', 'refuse'],
  ['https://api.example.com\u3002', 'refuse'],
  ['https://api\u3002example\u3002com/', 'allow'],
  ['https://\uFF21\uFF30\uFF29.example.com/', 'allow'],
  ['https://api.example.com\u200B/', 'safe'],
  ['https://api.exam\u00ADple.com/', 'safe'],
  ['https://m\u00FCnchen.de/', 'allow'],
  ['https://xn--mnchen-3ya.de/', 'allow'],
  ['https://m\u00DCnchen.de/', 'allow'],
  ['https://mu\u0308nchen.de/', 'allow'],
  ['https://muenchen.de/', 'refuse'],
  ['https://munchen.de/', 'refuse'],
  ['https://m\u00FCnchen.de.evil.com/', 'refuse'],
  ['https://xn--mnchen-3ya.de.evil.com/', 'refuse'],
  ['https://xn--mnchen-3yb.de/', 'refuse'],
  // IP literals: the declared one in other spellings is the same origin; everything else is not
  [`http://2130706433:${PORT}/`, 'allow'],
  [`http://0x7f.0.0.1:${PORT}/`, 'allow'],
  [`http://0177.0.0.1:${PORT}/`, 'allow'],
  [`http://127.1:${PORT}/`, 'allow'],
  [`http://0x7f000001:${PORT}/`, 'allow'],
  [`http://127.0.0.1:0${PORT}/`, 'allow'],
  ['http://127.0.0.1/', 'refuse'],
  ['http://2130706433/', 'refuse'],
  [`http://017700000001:${PORT + 1}/`, 'refuse'],
  [`http://[::1]:${PORT}/`, 'refuse'],
  [`http://[::ffff:127.0.0.1]:${PORT}/`, 'refuse'],
  [`http://[0:0:0:0:0:ffff:7f00:1]:${PORT}/`, 'refuse'],
  [`http://localhost:${PORT}/`, 'refuse'],
  [`http://0.0.0.0:${PORT}/`, 'refuse'],
  [`http://0:${PORT}/`, 'refuse'],
  [`https://127.0.0.1:${PORT}/`, 'refuse'],
  [`http://127.0.0.2:${PORT}/`, 'refuse'],
  ['http://169.254.169.254/latest/meta-data/', 'refuse'],
  ['http://10.0.0.1/', 'refuse'],
  ['https://3232235521/', 'refuse'],
  ['https://0xC0A80001/', 'refuse'],
  ['https://0300.0250.0.1/', 'refuse'],
  ['http://[::]/', 'refuse'],
  ['http://[fe80::1%25eth0]/', 'refuse'],
  ['https://1.1.1.1/', 'refuse'],
  [`http://127.0.0.1.nip.io:${PORT}/`, 'refuse'],
  [`http://127.0.0.1:${PORT}.evil.com/`, 'refuse'],
  // other ports and schemes on the declared host
  ['https://api.example.com:8443/', 'refuse'],
  ['https://api.example.com:443/', 'allow'],
  ['https://api.example.com:00443/', 'allow'],
  ['https://api.example.com:/', 'allow'],
  ['https://api.example.com:80/', 'refuse'],
  ['https://api.example.com:0/', 'refuse'],
  ['https://api.example.com:65536/', 'refuse'],
  ['http://api.example.com/', 'refuse'],
  ['http://api.example.com:443/', 'refuse'],
  ['ftp://api.example.com/', 'refuse'],
  ['ws://api.example.com/', 'refuse'],
  ['wss://api.example.com/', 'refuse'],
  // non-network schemes
  ['data:text/html,<script>fetch("https://evil.com")</script>', 'refuse'],
  ['data:application/json,{"a":1}', 'refuse'],
  ['DATA:text/plain;base64,aGk=', 'refuse'],
  ['blob:https://api.example.com/0b7c8a5e-2c1d-4d6e-9f0a-1b2c3d4e5f60', 'refuse'],
  ['blob:null/0b7c8a5e-2c1d-4d6e-9f0a-1b2c3d4e5f60', 'refuse'],
  ['javascript:fetch("https://evil.com")', 'refuse'],
  ['JaVaScRiPt:alert(1)', 'refuse'],
  ['file:///etc/passwd', 'refuse'],
  ['about:blank', 'refuse'],
  ['view-source:https://api.example.com/', 'refuse'],
  ['filesystem:https://api.example.com/temporary/x', 'refuse'],
  ['chrome://settings', 'refuse'],
  // slashes and backslashes
  ['https:api.example.com/x', 'allow'],
  ['https:/api.example.com/x', 'allow'],
  ['https:///api.example.com/x', 'allow'],
  ['https:\\\\api.example.com\\x', 'allow'],
  ['https:\\\\evil.com', 'refuse'],
  ['https:evil.com', 'refuse'],
  ['https://evil.com\\.api.example.com', 'refuse'],
  // relative and protocol-relative (no base: refused)
  ['//evil.com/x', 'refuse'],
  ['//api.example.com/x', 'refuse'],
  ['\\\\evil.com\\x', 'refuse'],
  ['/orders', 'refuse'],
  ['orders', 'refuse'],
  ['?q=1', 'refuse'],
  ['', 'refuse'],
  // whitespace, control characters and percent-encoding
  [' https://evil.com', 'refuse'],
  ['https://evil.com ', 'refuse'],
  ['\thttps://evil.com', 'refuse'],
  ['https://api.example.com\t.evil.com/', 'refuse'],
  ['https://api.example.com\n/', 'allow'],
  ['https://evil\u0000.com/', 'refuse'],
  ['https://%65vil.com/', 'refuse'],
  ['https://api%2eexample.com/', 'safe'],
  ['https://api.example.com%00.evil.com/', 'refuse'],
  // not strings
  [new URL('https://evil.com/'), 'refuse'],
  [new URL('https://api.example.com/x'), 'allow'],
  [new Request('https://api.example.com/'), 'refuse'],
  [{ href: 'https://api.example.com/' }, 'refuse'],
  [{ toString: () => 'https://api.example.com/' }, 'refuse'],
  [42, 'refuse'],
  [null, 'refuse'],
];

// [Location header, status, expectation] for a redirect from https://api.example.com/start.
const REDIRECTS: [string, number, Expect][] = [
  ['https://evil.com/', 302, 'refuse'],
  ['//evil.com/', 302, 'refuse'],
  ['\\\\evil.com\\', 302, 'refuse'],
  ['https://api.example.com@evil.com/', 302, 'refuse'],
  ['https://evil.com@api.example.com/', 301, 'refuse'],
  ['http://api.example.com/next', 302, 'refuse'],
  ['https://api.example.com:8443/next', 307, 'refuse'],
  ['https://api.example.com./next', 308, 'refuse'],
  ['data:text/plain,hi', 302, 'refuse'],
  ['javascript:alert(1)', 303, 'refuse'],
  ['blob:https://api.example.com/x', 302, 'refuse'],
  ['https://\u0430pi.example.com/', 302, 'refuse'],
  [`http://127.0.0.1:${PORT + 1}/`, 302, 'refuse'],
  ['https://evil.com/', 303, 'refuse'],
  ['https://evil.com/', 307, 'refuse'],
  ['https://evil.com/', 308, 'refuse'],
  ['/next', 302, 'allow'],
  ['next', 301, 'allow'],
  ['https:evil.com', 302, 'safe'],
  ['https://m\u00FCnchen.de/next', 307, 'allow'],
];

function assertDeclared(requested: readonly string[], label: string): void {
  for (const url of requested)
    assert.ok(DECLARED.includes(new URL(url).origin), `${label}: requested undeclared ${url}`);
}

const isRefusal = (e: unknown) => e instanceof PermissionError || e instanceof TypeError;

test(`${DIRECT.length + REDIRECTS.length} URL tricks never reach an undeclared origin`, async () => {
  assert.ok(DIRECT.length + REDIRECTS.length >= 100);
  for (const [input, expected] of DIRECT) {
    const label = JSON.stringify(String(input instanceof Request ? `Request(${input.url})` : input));
    const rec = recordingFetch();
    const f = createScopedFetch({ skillId: 'tricks', origins: DECLARED, fetch: rec.fetch });
    const outcome = await f(input as string).then(
      () => 'allow' as const,
      (e: unknown) => (isRefusal(e) ? ('refuse' as const) : e),
    );
    if (outcome !== 'allow' && outcome !== 'refuse') throw outcome;
    assertDeclared(rec.requested, label);
    if (expected !== 'safe') assert.equal(outcome, expected, label);
    if (outcome === 'refuse') assert.equal(rec.requested.length, 0, `${label}: nothing may be sent before a refusal`);
  }
  for (const [location, status, expected] of REDIRECTS) {
    const rec = recordingFetch((url) =>
      url === 'https://api.example.com/start'
        ? new Response(null, { status, headers: { location } })
        : new Response('final'),
    );
    const f = createScopedFetch({ skillId: 'tricks', origins: DECLARED, fetch: rec.fetch });
    const outcome = await f('https://api.example.com/start', { headers: { authorization: 'Bearer t' } }).then(
      () => 'allow' as const,
      (e: unknown) => (isRefusal(e) ? ('refuse' as const) : e),
    );
    assertDeclared(rec.requested, `redirect to ${location}`);
    if (expected !== 'safe') assert.equal(outcome, expected, `redirect ${status} to ${location}`);
    if (outcome === 'refuse') assert.deepEqual(rec.requested, ['https://api.example.com/start']);
  }
});

test('an opaque redirect (how browsers report redirect: manual) is refused, never followed blind', async () => {
  const opaque = Object.defineProperty(new Response(null, { status: 200 }), 'type', { value: 'opaqueredirect' });
  const f = createScopedFetch({ skillId: 's', origins: DECLARED, fetch: (async () => opaque) as typeof fetch });
  await assert.rejects(
    f('https://api.example.com/'),
    (e: unknown) => e instanceof PermissionError && e.code === 'redirect',
  );
});

test('requests go out without credentials or referrer, and Authorization does not follow a cross-origin redirect', async () => {
  const seen: RequestInit[] = [];
  const rec = recordingFetch((url, init) => {
    seen.push(init!);
    return url.endsWith('/start')
      ? new Response(null, { status: 307, headers: { location: 'https://münchen.de/x' } })
      : new Response('ok');
  });
  const f = createScopedFetch({ skillId: 's', origins: DECLARED, fetch: rec.fetch });
  await f('https://api.example.com/start', { credentials: 'include', headers: { authorization: 'Bearer t' } });
  assert.equal(seen[0]!.credentials, 'omit');
  assert.equal(seen[0]!.redirect, 'manual');
  assert.equal(seen[0]!.referrerPolicy, 'no-referrer');
  assert.equal(new Headers(seen[0]!.headers).get('authorization'), 'Bearer t');
  assert.equal(new Headers(seen[1]!.headers).get('authorization'), null);
});

test('real redirects from a local server stop before an undeclared origin', async () => {
  const other = await startServer((_req, res) => res.end('reached'));
  const server = await startServer((req, res) => {
    const target: Record<string, string> = {
      '/to-other-port': `${other.origin}/`,
      '/to-localhost-name': `http://localhost:${other.port}/`,
      '/to-decimal-ip': `http://2130706433:${other.port}/`,
      '/to-ipv6': `http://[::1]:${other.port}/`,
      '/to-userinfo': `http://127.0.0.1:${other.port}@127.0.0.1:${other.port}/`,
      '/to-protocol-relative': `//127.0.0.1:${other.port}/`,
      '/to-self': '/final',
      '/loop': '/loop',
    };
    const location = target[req.url ?? ''];
    if (location !== undefined) res.writeHead(302, { location }).end();
    else res.end('final');
  });
  try {
    const f = createScopedFetch({ skillId: 's', origins: [server.origin] });
    for (const path of [
      '/to-other-port',
      '/to-localhost-name',
      '/to-decimal-ip',
      '/to-ipv6',
      '/to-userinfo',
      '/to-protocol-relative',
      '/loop',
    ]) {
      await assert.rejects(f(`${server.origin}${path}`), PermissionError, path);
    }
    const ok = await f(`${server.origin}/to-self`);
    assert.equal(await ok.text(), 'final');
    assert.equal(other.requests.length, 0, 'the undeclared server was never contacted');
  } finally {
    await Promise.all([server.close(), other.close()]);
  }
});
