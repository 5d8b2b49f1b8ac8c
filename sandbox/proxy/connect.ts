// `CONNECT host:443` for a proxied host: the proxy answers 200, then speaks TLS itself on the tunnel
// with a certificate for that host from the sandbox CA, and hands each decrypted request, its path
// mapped (slack.com/api/… → /slack/api/…), to the sandbox's own request handler. CONNECT to any other
// host, or another port, is refused with 403: the sandbox never reaches the internet.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import type { CertificateAuthority } from './ca';
import { isProxiedHost, parseAuthority, sandboxPath } from './hosts';

/** Serves one request that came through the proxy; `via` is the origin the client asked for. */
export type ProxiedHandler = (req: IncomingMessage, res: ServerResponse, via: string) => void;

export interface ConnectOptions {
	ca: () => CertificateAuthority;
	handle: ProxiedHandler;
	/** Records a refused proxy request (request log). */
	refused: (method: string, target: string, status: number) => void;
}

export interface ConnectHandler {
	onConnect(req: IncomingMessage, socket: Duplex, head: Buffer): void;
	/** Ends every open tunnel: the sandbox's server.close() waits for them otherwise. */
	close(): void;
}

/** A raw answer on a socket whose HTTP parser the server has already let go of. */
function rawResponse(status: number, reason: string, body: string): string {
	return [
		`HTTP/1.1 ${status} ${reason}`,
		'Content-Type: text/plain; charset=utf-8',
		`Content-Length: ${Buffer.byteLength(body)}`,
		'Connection: close',
		'',
		body,
	].join('\r\n');
}

export function createConnectHandler(options: ConnectOptions): ConnectHandler {
	// One HTTPS server per host, never listening: tunnels are fed into it, and its certificate is the host's.
	const servers = new Map<string, HttpsServer>();
	const tunnels = new Set<Duplex>();

	const serverFor = (host: string): HttpsServer => {
		const known = servers.get(host);
		if (known) return known;
		const server = createHttpsServer(options.ca().credentialsFor(host), (req, res) => {
			const mapped = sandboxPath(host, req.url ?? '/');
			if (!mapped) {
				options.refused(
					req.method ?? 'GET',
					`https://${host}${(req.url ?? '/').split('?')[0]}`,
					404,
				);
				res.writeHead(404, { 'content-type': 'text/plain' }).end('not_found');
				return;
			}
			req.url = mapped;
			options.handle(req, res, `https://${host}`);
		});
		// As the sandbox's own server: clients keep connections open between calls.
		server.keepAliveTimeout = 65_000;
		// A client that does not trust the CA aborts the handshake; that is its decision, not a sandbox error.
		server.on('tlsClientError', () => {});
		servers.set(host, server);
		return server;
	};

	return {
		onConnect(req, socket, head) {
			tunnels.add(socket);
			socket.once('close', () => tunnels.delete(socket));
			// A client that goes away mid-tunnel is not the sandbox's failure.
			socket.on('error', () => {});
			const authority = req.url ?? '';
			const target = parseAuthority(authority);
			if (!target || target.port !== 443 || !isProxiedHost(target.host)) {
				options.refused('CONNECT', authority, 403);
				socket.end(
					rawResponse(
						403,
						'Forbidden',
						`The sandbox proxy only answers for these hosts on port 443; it has no internet.\n`,
					),
				);
				return;
			}
			socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			// Bytes the client sent right after the CONNECT head (an eager TLS hello) belong to the tunnel.
			if (head.length > 0) socket.unshift(head);
			serverFor(target.host).emit('connection', socket);
		},
		close() {
			for (const socket of tunnels) socket.destroy();
			for (const server of servers.values()) server.closeAllConnections();
		},
	};
}
