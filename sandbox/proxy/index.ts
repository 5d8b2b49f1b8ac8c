// The sandbox as an HTTP(S) proxy for the real hosts of HubSpot, Clay and Slack, so clients that
// hard-code them (n8n's own Slack node calls https://slack.com/api/…) reach the sandbox unchanged:
// point HTTPS_PROXY/HTTP_PROXY at the sandbox and trust its CA (proxyEnv()). See sandbox/README.md.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { CertificateAuthority } from './ca';
import { createConnectHandler, type ProxiedHandler } from './connect';
import { forwardTarget } from './forward';

export { HOST_ROUTES, PROXIED_HOSTS, sandboxPath } from './hosts';

export interface SandboxProxyOptions {
	/** The sandbox's request handler; proxied requests arrive with their path already mapped. */
	handle: ProxiedHandler;
	refused: (method: string, target: string, status: number) => void;
}

export class SandboxProxy {
	private authority?: CertificateAuthority;
	private readonly connect;

	constructor(private readonly options: SandboxProxyOptions) {
		this.connect = createConnectHandler({
			ca: () => this.ca,
			handle: options.handle,
			refused: options.refused,
		});
	}

	/**
	 * Made on first use (proxyEnv(), the first CONNECT): two RSA keys cost a few hundred milliseconds,
	 * which the many sandboxes of the unit tests, that never proxy, should not pay.
	 */
	get ca(): CertificateAuthority {
		this.authority ??= new CertificateAuthority();
		return this.authority;
	}

	/** For the server's 'connect' event. */
	onConnect = (req: IncomingMessage, socket: Duplex, head: Buffer): void =>
		this.connect.onConnect(req, socket, head);

	/**
	 * Rewrites a plain-HTTP proxy request (absolute-form target) to its sandbox path. Returns the origin
	 * asked for ('' for an ordinary request or one for the sandbox itself), or undefined after refusing it.
	 */
	forward(
		req: IncomingMessage,
		res: ServerResponse,
		self: { host: string; port: number },
	): string | undefined {
		const target = forwardTarget(req.url ?? '/', self);
		if (!target) return '';
		if (target.kind === 'mapped') {
			req.url = target.path;
			return target.via ?? '';
		}
		this.options.refused(req.method ?? 'GET', target.target, 403);
		res
			.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' })
			.end('The sandbox proxy only answers for its emulated hosts; it has no internet.\n');
		return undefined;
	}

	/**
	 * Environment for a client process (n8n) that should reach the emulated hosts through this proxy.
	 * Lower-case twins too: proxy-from-env, which n8n uses, reads `https_proxy` before `HTTPS_PROXY`, so
	 * an inherited lower-case variable would otherwise win.
	 */
	env(proxyUrl: string): Record<string, string> {
		const noProxy = 'localhost,127.0.0.1,::1';
		return {
			HTTPS_PROXY: proxyUrl,
			HTTP_PROXY: proxyUrl,
			NO_PROXY: noProxy,
			https_proxy: proxyUrl,
			http_proxy: proxyUrl,
			no_proxy: noProxy,
			// Node reads this file once, at process start: set it before n8n starts.
			NODE_EXTRA_CA_CERTS: this.ca.certFile,
		};
	}

	/** Ends open tunnels and removes the CA's files. */
	close(): void {
		this.connect.close();
		this.authority?.dispose();
		this.authority = undefined;
	}
}
