import net from 'node:net';
import { VigilError } from '@vigil/shared';

/**
 * The proxy conventions curl and most HTTP clients share, applied to the agent's one outbound
 * connection: `https_proxy`/`HTTPS_PROXY` for wss://, `http_proxy`/`HTTP_PROXY` for ws://
 * (lowercase wins when both are set), and `no_proxy`/`NO_PROXY` listing hosts to reach
 * directly. Pure: the config module hands in the environment.
 */

export interface ProxySettings {
  /** The proxy's URL, credentials included when given: a secret, so only ever log it through redactUrl. */
  readonly url: string;
  /** The variable it came from, for messages. */
  readonly source: string;
}

type Env = Readonly<Record<string, string | undefined>>;

function variable(env: Env, name: string): { name: string; value: string } | undefined {
  for (const candidate of [name.toLowerCase(), name.toUpperCase()]) {
    const value = env[candidate]?.trim();
    if (value) return { name: candidate, value };
  }
  return undefined;
}

/** Host without IPv6 brackets, lowercased. */
function bareHost(host: string): string {
  return host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

/** Splits a NO_PROXY entry into host and optional port: `example.com:8443`, `[::1]:443`, `::1`. */
function splitEntry(entry: string): { host: string; port: number | undefined } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { host: bracketed[1]!, port: bracketed[2] ? Number(bracketed[2]) : undefined };
  // More than one colon without brackets is a bare IPv6 address.
  const withPort = /^([^:]+):(\d+)$/.exec(entry);
  if (withPort) return { host: withPort[1]!, port: Number(withPort[2]) };
  return { host: entry, port: undefined };
}

/**
 * Whether `NO_PROXY`-style `list` exempts host:port: `*` exempts everything; `example.com`,
 * `.example.com` and `*.example.com` cover the domain and its subdomains; an IP or CIDR range
 * (`10.0.0.0/8`) covers addresses; `:port` narrows an entry to one port.
 */
export function bypassesProxy(host: string, port: number, list: string): boolean {
  const target = bareHost(host);
  const family = net.isIP(target);
  for (const raw of list.split(/[\s,]+/)) {
    const entry = raw.trim();
    if (!entry) continue;
    if (entry === '*') return true;
    if (entry.includes('/')) {
      const [network, bits] = entry.split('/');
      const networkFamily = net.isIP(network ?? '');
      if (family === 0 || networkFamily !== family || !/^\d+$/.test(bits ?? '')) continue;
      const range = new net.BlockList();
      const type = family === 4 ? 'ipv4' : 'ipv6';
      try {
        range.addSubnet(network!, Number(bits), type);
      } catch {
        continue;
      }
      if (range.check(target, type)) return true;
      continue;
    }
    const { host: entryHost, port: entryPort } = splitEntry(entry);
    if (entryPort !== undefined && entryPort !== port) continue;
    const domain = bareHost(entryHost).replace(/^\*?\./, '');
    if (target === domain || (family === 0 && target.endsWith(`.${domain}`))) return true;
  }
  return false;
}

/**
 * The proxy to reach `target` (the ws:// or wss:// server URL) through, or undefined for a
 * direct connection. Throws CONFIG_INVALID naming the variable (never its value) when the
 * proxy URL is unusable.
 */
export function proxyForTarget(target: URL, env: Env): ProxySettings | undefined {
  const chosen = variable(env, target.protocol === 'wss:' ? 'https_proxy' : 'http_proxy');
  if (!chosen) return undefined;
  const noProxy = variable(env, 'no_proxy');
  const port = Number(target.port) || (target.protocol === 'wss:' ? 443 : 80);
  if (noProxy && bypassesProxy(target.hostname, port, noProxy.value)) return undefined;
  // curl accepts a bare host:port; so do we, as http://.
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(chosen.value) ? chosen.value : `http://${chosen.value}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new VigilError('CONFIG_INVALID', `${chosen.name} (environment): must be a proxy URL such as http://proxy.internal:3128`);
  }
  if (url.protocol !== 'http:') {
    throw new VigilError('CONFIG_INVALID', `${chosen.name} (environment): only http:// proxies are supported (the tunnel to the server is still TLS end to end)`);
  }
  if (!url.hostname) throw new VigilError('CONFIG_INVALID', `${chosen.name} (environment): must name the proxy host`);
  return { url: url.toString(), source: chosen.name };
}
