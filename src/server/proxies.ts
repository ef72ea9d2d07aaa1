/**
 * The proxies the server believes about the client: a list, never "everyone", or any client
 * could name its own address (and escape the per-address limits) or claim HTTPS.
 */
import { isIP } from 'node:net';

/** The names proxy-addr (under Fastify's trustProxy) gives to the private and loopback ranges. */
const RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** The entries of a comma-separated list, or the first entry that is no address, range or range name. */
export function parseTrustedProxies(list: string): { ok: true; proxies: string[] } | { ok: false; entry: string } {
  const proxies = list.split(',').map((entry) => entry.trim()).filter(Boolean);
  const wrong = proxies.find((entry) => !isProxyEntry(entry));
  return wrong === undefined ? { ok: true, proxies } : { ok: false, entry: wrong };
}

function isProxyEntry(entry: string): boolean {
  if (RANGE_NAMES.includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}
