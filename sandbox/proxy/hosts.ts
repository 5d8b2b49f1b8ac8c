// The real hosts the proxy answers for, and where each host's paths live in the sandbox. n8n's own
// nodes hard-code these hosts (the Slack node calls https://slack.com/api/…), so they can only reach
// the sandbox through a proxy that maps them; every other host is refused, there is no internet.

export interface HostRoute {
	host: string;
	/** Path prefix on the real host, with its trailing slash. */
	from: string;
	/** The sandbox prefix that replaces it. */
	to: string;
}

export const HOST_ROUTES: readonly HostRoute[] = [
	{ host: 'slack.com', from: '/api/', to: '/slack/api/' },
	{ host: 'hooks.slack.com', from: '/services/', to: '/slack/services/' },
	{ host: 'api.hubapi.com', from: '/', to: '/hubspot/' },
	{ host: 'api.clay.com', from: '/', to: '/clay/' },
];

export const PROXIED_HOSTS: readonly string[] = HOST_ROUTES.map((r) => r.host);

/** Lower case, without a trailing dot or IPv6 brackets: how hosts are compared. */
export function normalizeHost(host: string): string {
	return host
		.toLowerCase()
		.replace(/\.$/, '')
		.replace(/^\[(.*)\]$/, '$1');
}

export function isProxiedHost(host: string): boolean {
	return PROXIED_HOSTS.includes(normalizeHost(host));
}

/**
 * The sandbox path (with the query) for `pathAndQuery` on a proxied host; undefined when the host is
 * not proxied or the path is outside what the sandbox emulates there (slack.com outside /api/).
 */
export function sandboxPath(host: string, pathAndQuery: string): string | undefined {
	const name = normalizeHost(host);
	const path = pathAndQuery.startsWith('/') ? pathAndQuery : `/${pathAndQuery}`;
	const route = HOST_ROUTES.find((r) => r.host === name && path.startsWith(r.from));
	return route ? route.to + path.slice(route.from.length) : undefined;
}

/** `host:port` of a CONNECT request, IPv6 in brackets allowed; undefined when malformed. */
export function parseAuthority(authority: string): { host: string; port: number } | undefined {
	const match = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(authority);
	if (!match) return undefined;
	const port = Number(match[2]);
	return port > 0 && port < 65536 ? { host: normalizeHost(match[1]), port } : undefined;
}
