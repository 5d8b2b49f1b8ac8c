// One HTTP server for the three emulated systems, routed by prefix: /hubspot, /slack, /clay,
// and the admin API at /_sandbox. Faults are rolled here, before a system sees the request,
// and every request lands in the request log.
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
	close(): Promise<void>;
}

const PREFIXES: Array<[string, System]> = [
	['/hubspot', 'hubspot'],
	['/slack', 'slack'],
	['/clay', 'clay'],
	['/_sandbox', 'admin'],
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createSandbox(options: SandboxOptions = {}): {
	server: Server;
	state: SandboxState;
} {
	const state = new SandboxState(options.now);
	if (options.snapshotFile) loadSnapshot(state, options.snapshotFile);
	const apps: Record<Exclude<System, 'admin'>, SystemApp> = {
		hubspot: createHubSpotApp(state.hubspot),
		slack: createSlackApp(state.slack),
		clay: createClayApp(state.clay),
	};
	const admin = createAdmin(state, {
		snapshotFile: options.snapshotFile,
		baseUrl: (host) => `http://${host ?? `127.0.0.1:${options.port ?? 4010}`}`,
	});

	async function handle(req: IncomingMessage, res: ServerResponse) {
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

	const server = createServer((req, res) => {
		handle(req, res).catch((error: Error) => {
			if (!res.headersSent)
				sendJson(res, error instanceof HttpError ? error.status : 500, { error: error.message });
			else res.destroy();
		});
	});
	// Clients keep connections open between calls; do not drop them sooner than they expect.
	server.keepAliveTimeout = 65_000;
	return { server, state };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const { server, state } = createSandbox(options);
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
		close: () =>
			new Promise<void>((resolve, reject) => {
				if (options.snapshotFile) saveSnapshot(state, options.snapshotFile);
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			}),
	};
}
