import * as net from 'node:net';

/** Ports handed out by this process: the kernel may hand a just-released port out again before its user binds it. */
const handedOut = new Set<number>();

/**
 * A port the kernel just handed out on loopback; free unless someone races us for it, and never one this
 * process handed out before (a worker's health port and its task broker's port were once the same).
 */
export async function freePort(): Promise<number> {
	for (;;) {
		const port = await kernelPort();
		if (handedOut.has(port)) continue;
		handedOut.add(port);
		return port;
	}
}

async function kernelPort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/** `port` when nothing listens on it (the address a user expects, e.g. 5678), else a free one. */
export async function preferredPort(port: number): Promise<number> {
	const free = await new Promise<boolean>((resolve) => {
		const probe = net.createServer().once('error', () => resolve(false));
		probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
	});
	return free ? port : await freePort();
}
