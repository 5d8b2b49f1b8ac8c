// One HTTP server for the three emulated systems, routed by prefix: /hubspot, /slack, /clay,
// and the admin API at /_sandbox. Faults are rolled here, before a system sees the request,
// and every request lands in the request log. The same server is an HTTP(S) proxy for the systems'
// real hosts (proxy/): proxied requests take the same path through here as direct ones.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createAdmin } from './admin';
import { createClayApp } from './clay/router';
import type { Ctx } from './http';
import { bearerToken, HttpError, readBody, sendJson } from './http';
import { createHubSpotApp } from './hubspot/router';
import type { System } from './requestlog';
import { createSlackApp } from './slack/router';
import { SandboxProxy } from './proxy';
import { loadSnapshot, saveSnapshot } from './snapshot';
import { SandboxState } from './state';
import type { SystemApp } from './system';

export interface SandboxOptions {
	/** 0 = any free port. Default 4010. */
	port?: number;
	host?: string;
	/** Loaded at start when it exists, written at close. */
	snapshotFile?: string;
	/** Clock source for every time rule (rate limits, search lag); default Date.now. */
	now?: () => number;
}

export interface Sandbox {
	url: string;
	port: number;
	hubspotUrl: string;
	slackUrl: string;
	clayUrl: string;
	adminUrl: string;
	state: SandboxState;
	server: Server;
	proxy: SandboxProxy;
	/**
	 * Environment for a process that should reach the real hosts (slack.com, hooks.slack.com,
	 * api.hubapi.com, api.clay.com) through this sandbox: HTTPS_PROXY, HTTP_PROXY, NO_PROXY (loopback
	 * stays direct) and NODE_EXTRA_CA_CERTS (the sandbox CA's certificate file, read at process start).
	 */
	proxyEnv(): Record<string, string>;
	close(): Promise<void>;
}

const PREFIXES: Array<[string, Exclude<System, 'proxy'>]> = [
	['/hubspot', 'hubspot'],
	['/slack', 'slack'],
	['/clay', 'clay'],
	['/_sandbox', 'admin'],
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createSandbox(options: SandboxOptions = {}): {
	server: Server;
	state: SandboxState;
	proxy: SandboxProxy;
} {
	const state = new SandboxState(options.now);
	if (options.snapshotFile) loadSnapshot(state, options.snapshotFile);
	const apps: Record<Exclude<System, 'admin' | 'proxy'>, SystemApp> = {
		hubspot: createHubSpotApp(state.hubspot),
		slack: createSlackApp(state.slack),
		clay: createClayApp(state.clay),
	};
	const admin = createAdmin(state, {
		snapshotFile: options.snapshotFile,
		baseUrl: (host) => `http://${host ?? `127.0.0.1:${options.port ?? 4010}`}`,
		// `proxy` is made below (it serves through handle()); the admin asks for the CA only on a request.
		proxyCaPem: () => proxy.ca.certPem,
	});

	/** `via`: the real origin a proxied request was meant for ('' for a direct request). */
	async function handle(req: IncomingMessage, res: ServerResponse, via = '') {
		const started = performance.now();
		const url = req.url ?? '/';
		const q = url.indexOf('?');
		const fullPath = q === -1 ? url : url.slice(0, q);
		const entry = PREFIXES.find(
			([prefix]) => fullPath === prefix || fullPath.startsWith(`${prefix}/`),
		);
		if (!entry) {
			return sendJson(res, 404, {
				error: 'not_found',
				message: 'The sandbox serves /hubspot, /slack, /clay and /_sandbox',
			});
		}
		const [prefix, system] = entry;
		const ctx: Ctx = {
			req,
			res,
			method: req.method ?? 'GET',
			path: fullPath.slice(prefix.length) || '/',
			query: new URLSearchParams(q === -1 ? '' : url.slice(q + 1)),
			params: {},
			rawBody: Buffer.alloc(0),
		};
		let fault: string | undefined;
		res.on('close', () => {
			state.requests.add({
				at: new Date(state.clock.now()).toISOString(),
				system,
				method: ctx.method,
				path: fullPath,
				status: res.headersSent ? res.statusCode : 0,
				durationMs: Math.round((performance.now() - started) * 100) / 100,
				token: ctx.token ?? bearerToken(req),
				...(via ? { via } : {}),
				...(fault ? { fault } : {}),
			});
		});
		ctx.rawBody = await readBody(req);
		if (system === 'admin') return admin(ctx);
		const decision = state.faults.decide(system, ctx.path);
		if (decision.delayMs > 0) {
			fault = `slow ${Math.round(decision.delayMs)}ms`;
			await sleep(decision.delayMs);
		}
		if (decision.outcome?.kind === 'reset') {
			fault = 'connection reset';
			req.socket.destroy();
			return;
		}
		if (decision.outcome?.kind === 'status') {
			fault = `injected ${decision.outcome.status}`;
			return apps[system].fault(ctx, decision.outcome.status);
		}
		await apps[system].handle(ctx);
	}

	const serve = (req: IncomingMessage, res: ServerResponse, via = '') => {
		handle(req, res, via).catch((error: Error) => {
			if (!res.headersSent)
				sendJson(res, error instanceof HttpError ? error.status : 500, { error: error.message });
			else res.destroy();
		});
	};
	const proxy = new SandboxProxy({
		handle: serve,
		refused: (method, target, status) =>
			state.requests.add({
				at: new Date(state.clock.now()).toISOString(),
				system: 'proxy',
				method,
				path: target,
				status,
				durationMs: 0,
			}),
	});
	const server = createServer((req, res) => {
		const address = server.address() as AddressInfo | null;
		const self = { host: address?.address ?? '127.0.0.1', port: address?.port ?? 0 };
		const via = proxy.forward(req, res, self);
		if (via !== undefined) serve(req, res, via);
	});
	server.on('connect', proxy.onConnect);
	// Clients keep connections open between calls; do not drop them sooner than they expect.
	server.keepAliveTimeout = 65_000;
	return { server, state, proxy };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const { server, state, proxy } = createSandbox(options);
	const host = options.host ?? '127.0.0.1';
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 4010, host, () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	const url = `http://${host}:${port}`;
	return {
		url,
		port,
		hubspotUrl: `${url}/hubspot`,
		slackUrl: `${url}/slack`,
		clayUrl: `${url}/clay`,
		adminUrl: `${url}/_sandbox`,
		state,
		server,
		proxy,
		proxyEnv: () => proxy.env(url),
		close: () =>
			new Promise<void>((resolve, reject) => {
				if (options.snapshotFile) saveSnapshot(state, options.snapshotFile);
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
				proxy.close();
			}),
	};
}
