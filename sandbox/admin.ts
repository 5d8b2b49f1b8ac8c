// The admin API under /_sandbox: reset, seed, dump, snapshots, fault knobs, clock, request log,
// plus each system's own admin routes. Not part of any emulated API: no auth, no limits, no faults.
import { registerClayAdmin, seedClay, type ClaySeed } from './clay/admin';
import type { FaultConfig } from './faults';
import type { Ctx } from './http';
import { HttpError, isPlainObject, jsonBody, Router, sendEmpty, sendJson, sendText } from './http';
import { registerHubSpotAdmin, seedHubSpot, type HubSpotSeed } from './hubspot/admin';
import { HubSpotError } from './hubspot/errors';
import { PROXIED_HOSTS } from './proxy/hosts';
import { registerSlackAdmin, seedSlack, type SlackSeed } from './slack/admin';
import { loadSnapshot, saveSnapshot } from './snapshot';
import type { SandboxState } from './state';

export interface AdminOptions {
	snapshotFile?: string;
	/** Base URL as clients should see it, from the request's Host header. */
	baseUrl: (host?: string) => string;
	/** The proxy CA's certificate (PEM), for clients of the proxy on other machines or containers. */
	proxyCaPem: () => string;
}

export function createAdmin(state: SandboxState, options: AdminOptions) {
	const router = new Router();
	const fileFrom = (ctx: Ctx) => {
		const body = jsonBody(ctx);
		const file =
			isPlainObject(body) && typeof body.file === 'string' ? body.file : options.snapshotFile;
		if (!file)
			throw new Error(
				'No snapshot file: pass {"file": "..."} or start the sandbox with snapshotFile',
			);
		return file;
	};

	router.get('/health', (ctx) => {
		const base = options.baseUrl(ctx.req.headers.host);
		sendJson(ctx.res, 200, {
			ok: true,
			hubspot: `${base}/hubspot`,
			slack: `${base}/slack`,
			clay: `${base}/clay`,
			admin: `${base}/_sandbox`,
			proxy: { url: base, hosts: PROXIED_HOSTS, caCert: `${base}/_sandbox/proxy/ca.pem` },
		});
	});

	router.get('/proxy/ca.pem', (ctx) =>
		sendText(ctx.res, 200, options.proxyCaPem(), {}, 'application/x-pem-file'),
	);

	router.post('/reset', (ctx) => {
		state.reset();
		sendJson(ctx.res, 200, { ok: true });
	});

	/** `{hubspot?, slack?, clay?}`: see sandbox/README.md for each part's shape. */
	router.post('/seed', (ctx) => {
		const body = jsonBody(ctx);
		if (!isPlainObject(body)) throw new Error('Expected a JSON object');
		sendJson(ctx.res, 201, {
			hubspot: body.hubspot ? seedHubSpot(state.hubspot, body.hubspot as HubSpotSeed) : undefined,
			slack: body.slack ? seedSlack(state.slack, body.slack as SlackSeed) : undefined,
			clay: body.clay ? seedClay(state.clay, body.clay as ClaySeed) : undefined,
		});
	});

	router.get('/dump', (ctx) => {
		const snapshot = state.snapshot();
		const system = ctx.query.get('system');
		sendJson(
			ctx.res,
			200,
			system === 'hubspot' || system === 'slack' || system === 'clay' ? snapshot[system] : snapshot,
		);
	});

	router.post('/snapshot/save', (ctx) => {
		const file = fileFrom(ctx);
		saveSnapshot(state, file);
		sendJson(ctx.res, 200, { ok: true, file });
	});

	router.post('/snapshot/load', (ctx) => {
		const file = fileFrom(ctx);
		if (!loadSnapshot(state, file)) throw new Error(`No snapshot at ${file}`);
		sendJson(ctx.res, 200, { ok: true, file });
	});

	router.get('/faults', (ctx) => sendJson(ctx.res, 200, state.faults.config));

	/** Partial FaultConfig, merged into the current knobs. */
	router.put('/faults', (ctx) => {
		const body = jsonBody(ctx);
		if (!isPlainObject(body)) throw new Error('Expected a JSON object');
		sendJson(ctx.res, 200, state.faults.update(body as Partial<FaultConfig>));
	});

	router.delete('/faults', (ctx) => {
		state.faults.reset();
		sendJson(ctx.res, 200, state.faults.config);
	});

	router.get('/requests', (ctx) => {
		const q = ctx.query;
		const num = (name: string) => (q.get(name) === null ? undefined : Number(q.get(name)));
		const results = state.requests.list({
			system: q.get('system') ?? undefined,
			method: q.get('method') ?? undefined,
			pathContains: q.get('pathContains') ?? undefined,
			status: num('status'),
			sinceSeq: num('sinceSeq'),
			limit: num('limit'),
		});
		sendJson(ctx.res, 200, { results });
	});

	router.delete('/requests', (ctx) => {
		state.requests.clear();
		sendEmpty(ctx.res, 204);
	});

	router.get('/clock', (ctx) =>
		sendJson(ctx.res, 200, {
			now: state.clock.now(),
			iso: new Date(state.clock.now()).toISOString(),
		}),
	);

	/** `{ms}`: moves the sandbox clock forward (rate-limit windows, search lag, timestamps). */
	router.post('/clock/advance', (ctx) => {
		const body = jsonBody(ctx);
		if (!isPlainObject(body) || typeof body.ms !== 'number' || body.ms < 0)
			throw new Error('ms must be a number >= 0');
		const now = state.clock.advance(body.ms);
		sendJson(ctx.res, 200, { now, iso: new Date(now).toISOString() });
	});

	registerHubSpotAdmin(router, state.hubspot);
	registerSlackAdmin(router, state.slack, options.baseUrl);
	registerClayAdmin(router, state.clay, options.baseUrl);

	return async (ctx: Ctx) => {
		const match = router.match(ctx.method, ctx.path);
		if (!match)
			return sendJson(ctx.res, 404, { error: `No admin route ${ctx.method} ${ctx.path}` });
		if ('allowed' in match)
			return sendJson(ctx.res, 405, { error: `Use ${match.allowed.join(' or ')}` });
		ctx.params = match.params;
		try {
			await match.handler(ctx);
		} catch (error) {
			const status =
				error instanceof HttpError && !(error instanceof HubSpotError) ? error.status : 400;
			sendJson(ctx.res, status, { error: (error as Error).message });
		}
	};
}
