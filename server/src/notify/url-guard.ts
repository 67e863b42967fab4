import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { VigilError } from '@vigil/shared';

/**
 * Addresses a webhook must not reach (SSRF): loopback, private, carrier-grade NAT, link-local
 * (169.254.169.254 and fd00:ec2::254 are cloud metadata), unspecified, multicast and reserved, and
 * IPv4-mapped IPv6 so none of those hides behind ::ffff:.
 */
const REFUSED_V4 = new BlockList();
// A list of its own: Node matches IPv4 addresses against IPv6 rules as ::ffff:a.b.c.d, so ::ffff:0:0/96 in one list would refuse every IPv4.
const REFUSED_V6 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  REFUSED_V4.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  REFUSED_V6.addSubnet(net, prefix, 'ipv6');
}

/** True when `address` (an IP literal) is one a webhook may not reach. */
export function isRefusedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return family === 4 ? REFUSED_V4.check(address, 'ipv4') : REFUSED_V6.check(address, 'ipv6');
}

export interface UrlGuardOptions {
  /** VIGIL_ALLOW_PRIVATE_WEBHOOKS: plain http and private addresses allowed (self-hosted, tests). */
  readonly allowPrivate: boolean;
  /** DNS resolution, every address of the name (tests may swap it; the default is the system resolver). */
  readonly resolve?: (host: string) => Promise<string[]>;
}

async function systemResolve(host: string): Promise<string[]> {
  return (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
}

function refuse(field: string, why: string): VigilError {
  // The URL itself is never echoed: its path is the secret.
  return new VigilError('WEBHOOK_URL_REFUSED', `${field}: ${why}`, { details: { body_field: field } });
}

/**
 * Checks a webhook URL before it is stored and before each delivery: https, and every address its
 * host resolves to public (a name with one private address among public ones is refused, since the
 * client may pick it). Throws WEBHOOK_URL_REFUSED naming `field`. Only resolves: never connects.
 */
export async function checkWebhookUrl(field: string, text: string, options: UrlGuardOptions): Promise<URL> {
  if (!URL.canParse(text)) throw refuse(field, 'must be a URL such as https://hooks.slack.com/services/…');
  const url = new URL(text);
  const allowed = options.allowPrivate ? ['https:', 'http:'] : ['https:'];
  if (!allowed.includes(url.protocol)) throw refuse(field, options.allowPrivate ? 'must start with https:// or http://' : 'must start with https://');
  if (url.username || url.password) throw refuse(field, 'must not contain credentials');
  if (options.allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await (options.resolve ?? systemResolve)(host);
  } catch {
    throw refuse(field, 'its host name does not resolve');
  }
  if (addresses.length === 0) throw refuse(field, 'its host name does not resolve');
  if (addresses.some(isRefusedAddress)) {
    throw refuse(field, 'resolves to a loopback, private, link-local or metadata address; only public addresses are allowed (a self-hosted server may set VIGIL_ALLOW_PRIVATE_WEBHOOKS=true)');
  }
  return url;
}
