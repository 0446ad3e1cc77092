/**
 * Classifies a URL's host as public or as one a link must not point to: loopback, private
 * networks, link-local, and the other special-purpose ranges no public page lives on. Works on
 * the WHATWG URL parser's serialization of the host (`URL.hostname`), so every spelling of an
 * address (`0x7f.1`, `2130706433`, `[::ffff:127.0.0.1]`) has already been canonicalized to the
 * form checked here.
 *
 * Names are classified by the special-use domains of RFC 6761 / RFC 6762 / RFC 8375 and by
 * single-label names (intranet hosts such as `http://router/`); what a public name resolves to
 * cannot be known without DNS, which a link check must not do.
 *
 * @module
 */

/** Why a host is not public. */
export type SpecialHostKind = 'loopback' | 'private' | 'link-local' | 'reserved';

/** IPv4 ranges by kind (IANA IPv4 Special-Purpose Address Registry, RFC 6890 and updates). */
const IPV4_RANGES: readonly (readonly [number, number, SpecialHostKind])[] = [
  [0x00000000, 8, 'reserved'], // 0.0.0.0/8 "this network" (Chromium connects 0.0.0.0 to the local host)
  [0x0a000000, 8, 'private'], // 10.0.0.0/8
  [0x64400000, 10, 'private'], // 100.64.0.0/10 carrier-grade NAT
  [0x7f000000, 8, 'loopback'], // 127.0.0.0/8
  [0xa9fe0000, 16, 'link-local'], // 169.254.0.0/16
  [0xac100000, 12, 'private'], // 172.16.0.0/12
  [0xc0000000, 24, 'reserved'], // 192.0.0.0/24 IETF protocol assignments
  [0xc0000200, 24, 'reserved'], // 192.0.2.0/24 TEST-NET-1
  [0xc0a80000, 16, 'private'], // 192.168.0.0/16
  [0xc6120000, 15, 'private'], // 198.18.0.0/15 benchmarking
  [0xc6336400, 24, 'reserved'], // 198.51.100.0/24 TEST-NET-2
  [0xcb007100, 24, 'reserved'], // 203.0.113.0/24 TEST-NET-3
  [0xe0000000, 4, 'reserved'], // 224.0.0.0/4 multicast
  [0xf0000000, 4, 'reserved'], // 240.0.0.0/4 reserved, and the broadcast address
];

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4Value(host: string): number | undefined {
  const m = IPV4.exec(host);
  if (m === null) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

function classifyIpv4(value: number): SpecialHostKind | null {
  for (const [base, bits, kind] of IPV4_RANGES) {
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    if ((value & mask) >>> 0 === base) return kind;
  }
  return null;
}

/** The eight 16-bit groups of an IPv6 address as the URL parser serializes it (hex groups, `::` once), or undefined. */
function ipv6Groups(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (s: string) =>
    s === '' ? [] : s.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN));
  const left = parse(halves[0]!);
  if (halves.length === 1) return left.length === 8 && !left.some(Number.isNaN) ? left : undefined;
  const right = parse(halves[1]!);
  const fill = 8 - left.length - right.length;
  const groups = [...left, ...new Array<number>(Math.max(fill, 0)).fill(0), ...right];
  return fill < 1 || groups.some(Number.isNaN) ? undefined : groups;
}

function classifyIpv6(g: number[]): SpecialHostKind | null {
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(7) && g[7] === 1) return 'loopback'; // ::1
  if (zeroUpTo(8)) return 'reserved'; // :: unspecified
  const embedded = () => ((g[6]! << 16) | g[7]!) >>> 0;
  // IPv4-mapped ::ffff:0:0/96, IPv4-compatible ::/96, NAT64 64:ff9b::/96: the IPv4 address decides.
  if (zeroUpTo(5) && g[5] === 0xffff) return classifyIpv4(embedded());
  if (zeroUpTo(6)) return classifyIpv4(embedded());
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return classifyIpv4(embedded());
  const first = g[0]!;
  if ((first & 0xfe00) === 0xfc00) return 'private'; // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80) return 'link-local'; // fe80::/10
  if ((first & 0xffc0) === 0xfec0) return 'private'; // fec0::/10 site-local (deprecated)
  if ((first & 0xff00) === 0xff00) return 'reserved'; // ff00::/8 multicast
  if (first === 0x2001 && g[1] === 0x0db8) return 'reserved'; // 2001:db8::/32 documentation
  if (first === 0x2002) {
    // 6to4 2002::/16 carries an IPv4 address in its next 32 bits.
    const kind = classifyIpv4(((g[1]! << 16) | g[2]!) >>> 0);
    if (kind !== null) return kind;
  }
  return null;
}

/** Special-use names (RFC 6761 `localhost`, `invalid`, `test`, `example`; RFC 6762 `local`; RFC 8375 `home.arpa`; `internal`). */
const NAME_SUFFIXES: readonly (readonly [string, SpecialHostKind])[] = [
  ['localhost', 'loopback'],
  ['local', 'link-local'],
  ['home.arpa', 'private'],
  ['internal', 'private'],
  ['intranet', 'private'],
  ['lan', 'private'],
  ['corp', 'private'],
  ['invalid', 'reserved'],
  ['test', 'reserved'],
];

/**
 * What kind of special host `hostname` is, or `null` for a public one.
 *
 * @param hostname `URL.hostname` (IPv6 in brackets, names in lowercase punycode)
 * @returns the kind, or `null` when nothing marks the host as local or reserved
 * @example
 * ```ts
 * specialHostKind(new URL('http://0x7f.1/').hostname);  // 'loopback'
 * specialHostKind('[fe80::1]');                         // 'link-local'
 * specialHostKind('example.com');                       // null
 * ```
 */
export function specialHostKind(hostname: string): SpecialHostKind | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[') && host.endsWith(']')) {
    const groups = ipv6Groups(host.slice(1, -1).replace(/%.*$/, ''));
    return groups === undefined ? 'reserved' : classifyIpv6(groups);
  }
  const v4 = ipv4Value(host);
  if (v4 !== undefined) return classifyIpv4(v4);
  if (host === '') return 'reserved';
  // A single label (`router`, `nas`) is an intranet name: public hosts have a dot.
  if (!host.includes('.')) return host === 'localhost' ? 'loopback' : 'private';
  for (const [suffix, kind] of NAME_SUFFIXES) if (host === suffix || host.endsWith(`.${suffix}`)) return kind;
  return null;
}
