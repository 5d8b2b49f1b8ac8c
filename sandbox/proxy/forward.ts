// Plain-HTTP proxying: a client with HTTP_PROXY sends `GET http://api.hubapi.com/crm/… HTTP/1.1` (an
// absolute-form target) to the proxy. Proxied hosts map to sandbox paths as through CONNECT; the
// sandbox's own address passes through (a client that proxies everything still reaches it); other
// hosts are refused.
import { isIP } from 'node:net';
import { normalizeHost, sandboxPath } from './hosts';

export type ForwardTarget =
	/** `path` replaces the request's target; `via` is the origin asked for (undefined: the sandbox itself). */
	{ kind: 'mapped'; path: string; via?: string } | { kind: 'refused'; target: string };

function isLoopback(host: string): boolean {
	const name = normalizeHost(host);
	return name === 'localhost' || name === '::1' || (isIP(name) === 4 && name.startsWith('127.'));
}

/** undefined when `url` is an ordinary origin-form target (`/hubspot/…`). */
export function forwardTarget(
	url: string,
	self: { host: string; port: number },
): ForwardTarget | undefined {
	if (!/^https?:\/\//i.test(url)) return undefined;
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return { kind: 'refused', target: url };
	}
	const pathAndQuery = `${parsed.pathname}${parsed.search}`;
	const port = Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
	const host = normalizeHost(parsed.hostname);
	if (port === self.port && (isLoopback(host) || host === normalizeHost(self.host)))
		return { kind: 'mapped', path: pathAndQuery };
	const mapped = parsed.port ? undefined : sandboxPath(host, pathAndQuery);
	if (mapped) return { kind: 'mapped', path: mapped, via: `${parsed.protocol}//${host}` };
	return { kind: 'refused', target: `${parsed.protocol}//${parsed.host}${parsed.pathname}` };
}
