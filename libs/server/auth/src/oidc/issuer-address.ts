import { lookup as dnsLookup, promises as dns, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Where a company's OpenID Connect issuer may send NEXO's requests. An administrator types the
 * issuer's URL, and NEXO then fetches its discovery document, keys and tokens from the server:
 * without a check, that is a way to make the server call its own loopback, the cloud's metadata
 * service (169.254.169.254) or anything else on the private network (SSRF). So every address a
 * call would reach must be public, unless `NEXO_OIDC_ALLOW_PRIVATE_ISSUERS` (a provider on this
 * machine or the local network); and plain http is accepted only for such a private provider,
 * never across the internet.
 */

/** Not public: nobody's identity provider on the internet lives here. */
const PRIVATE_V4: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // RFC 1918
  ['100.64.0.0', 10], // carrier-grade NAT (RFC 6598)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12], // RFC 1918
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // RFC 1918
  ['198.18.0.0', 15], // benchmarking (RFC 2544), often used inside networks
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255
];
const PRIVATE_V6: [string, number][] = [
  ['::', 96], // unspecified, loopback, IPv4-compatible (their IPv4 is checked too)
  ['64:ff9b:1::', 48], // local-use NAT64 (RFC 8215)
  ['100::', 64], // discard
  ['2001::', 32], // Teredo
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];

const notPublic = new BlockList();
for (const [network, bits] of PRIVATE_V4) notPublic.addSubnet(network, bits, 'ipv4');
for (const [network, bits] of PRIVATE_V6) notPublic.addSubnet(network, bits, 'ipv6');

/** The eight 16-bit words of an IPv6 address that `isIP` accepted (zone id removed). */
function ipv6Words(address: string): number[] {
  let text = address;
  let tail: number[] = [];
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    tail = [(a << 8) | b, (c << 8) | d];
    text = text.slice(0, dotted.index);
    if (text.endsWith(':') && !text.endsWith('::')) text = text.slice(0, -1);
  }
  const words = (part: string): number[] =>
    part ? part.split(':').map((word) => parseInt(word, 16)) : [];
  const gap = text.indexOf('::');
  if (gap < 0) return [...words(text), ...tail];
  const left = words(text.slice(0, gap));
  const right = [...words(text.slice(gap + 2)), ...tail];
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

const v4 = (high: number, low: number): string =>
  `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;

/** The IPv4 address an IPv6 one carries (mapped, compatible, NAT64, 6to4), if any. */
function embeddedIpv4(address: string): string | undefined {
  const w = ipv6Words(address);
  const zeros = (from: number, to: number): boolean => w.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && (w[5] === 0xffff || w[5] === 0)) return v4(w[6] ?? 0, w[7] ?? 0);
  if (w[0] === 0x64 && w[1] === 0xff9b && zeros(2, 6)) return v4(w[6] ?? 0, w[7] ?? 0);
  if (w[0] === 0x2002) return v4(w[1] ?? 0, w[2] ?? 0);
  return undefined;
}

/** False for loopback, private, link-local, CGNAT, multicast, reserved and the like, and for non-addresses. */
export function isPublicAddress(address: string): boolean {
  const ip = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  const family = isIP(ip);
  if (family === 4) return !notPublic.check(ip, 'ipv4');
  if (family !== 6) return false;
  const embedded = embeddedIpv4(ip);
  if (embedded !== undefined && notPublic.check(embedded, 'ipv4')) return false;
  return !notPublic.check(ip, 'ipv6');
}

export interface IssuerAddressPolicy {
  /** `NEXO_OIDC_ALLOW_PRIVATE_ISSUERS`: loopback and private networks are allowed too. */
  allowPrivate: boolean;
}

export interface AddressRefusal {
  /** Safe to show the company's administrator: names no address. */
  reason: string;
  /** The address that decided it, for the log. */
  address?: string;
}

/** Why a call to these addresses over this protocol is refused, or undefined when it is not. */
export function addressRefusal(
  policy: IssuerAddressPolicy,
  protocol: string,
  addresses: readonly string[],
): AddressRefusal | undefined {
  if (protocol !== 'https:' && protocol !== 'http:')
    return { reason: 'only http and https are allowed' };
  if (addresses.length === 0) return { reason: 'the host has no address' };
  const closed = addresses.find((a) => !isPublicAddress(a));
  if (closed !== undefined && !policy.allowPrivate)
    return {
      reason: 'the host is a loopback, private, link-local or otherwise non-public address',
      address: closed,
    };
  const open = addresses.find((a) => isPublicAddress(a));
  if (protocol === 'http:' && open !== undefined)
    return {
      reason: 'plain http is allowed only within a private network; use https',
      address: open,
    };
  return undefined;
}

/** A call to the issuer refused before any connection was made. */
export class IssuerAddressRefusedError extends Error {
  readonly code = 'NEXO_ISSUER_ADDRESS_REFUSED';
  readonly reason: string;
  readonly address: string | undefined;
  constructor(
    readonly host: string,
    refusal: AddressRefusal,
  ) {
    super(`The sign-in provider at ${host} is not allowed: ${refusal.reason}`);
    this.name = 'IssuerAddressRefusedError';
    this.reason = refusal.reason;
    this.address = refusal.address;
  }
}

/** The refusal somewhere in an error's causes (openid-client wraps what its fetch throws). */
export function findIssuerRefusal(error: unknown): IssuerAddressRefusedError | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++)
    if (e instanceof IssuerAddressRefusedError) return e;
  return undefined;
}

const bare = (hostname: string): string => hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * Checks the URL's host as it resolves now: every address (a host with one private address among
 * public ones is refused). Throws `IssuerAddressRefusedError`, also when the name does not resolve.
 */
export async function assertIssuerUrlAllowed(policy: IssuerAddressPolicy, url: URL): Promise<void> {
  const host = bare(url.hostname);
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await dns.lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      throw new IssuerAddressRefusedError(host, { reason: 'the host name does not resolve' });
    }
  }
  const refusal = addressRefusal(policy, url.protocol, addresses);
  if (refusal) throw new IssuerAddressRefusedError(host, refusal);
}

/**
 * A `dns.lookup` for `http.request` that refuses the connection when any address of the name is
 * not allowed. The check and the connection use the same answer, so a name that resolves to a
 * public address when checked and to a private one a moment later (DNS rebinding) cannot slip
 * between them: the socket connects only to the addresses checked here.
 */
export function guardedLookup(policy: IssuerAddressPolicy, protocol: string): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, found: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refusal = addressRefusal(
        policy,
        protocol,
        found.map((a) => a.address),
      );
      if (refusal) return callback(new IssuerAddressRefusedError(hostname, refusal), '', 0);
      if (options.all) return callback(null, found);
      const [first] = found;
      return callback(null, first?.address ?? '', first?.family ?? 0);
    });
  };
}
