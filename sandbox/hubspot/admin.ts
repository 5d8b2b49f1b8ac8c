// Admin routes for the HubSpot emulator (/_sandbox/hubspot/...): tokens, rate limits, behaviour
// settings, a rate-limit-free view of records, and seeding.
import type { Router } from '../http';
import { isPlainObject, jsonBody, sendEmpty, sendJson } from '../http';
import { normalizeValues, createDefinition } from './properties';
import { defaultLimits, TIERS, type RateLimitConfig } from './ratelimit';
import type { HubSpotSettings, HubSpotState } from './state';
import type { TokenInfo } from './tokens';

const SEED_SOURCE = { sourceType: 'IMPORT' };

/** Picks the known numeric/boolean keys of `body`, refusing anything else by name. */
function pick<T extends object>(body: unknown, template: T): Partial<T> {
	if (!isPlainObject(body)) throw new Error('Expected a JSON object');
	const out: Partial<T> = {};
	for (const [key, value] of Object.entries(body)) {
		if (!(key in template)) continue;
		const expected = typeof template[key as keyof T];
		if (typeof value !== expected) throw new Error(`${key} must be a ${expected}`);
		out[key as keyof T] = value as T[keyof T];
	}
	return out;
}

function limitsFrom(body: Record<string, unknown>): Partial<RateLimitConfig> {
	const tier = typeof body.tier === 'string' ? TIERS[body.tier] : undefined;
	if (body.tier !== undefined && !tier)
		throw new Error(`tier must be one of ${Object.keys(TIERS).join(', ')}`);
	return { ...(tier ?? {}), ...pick(body, defaultLimits()) };
}

interface RecordRef {
	type: string;
	index?: number;
	id?: string;
}

/** A write made in the past: `values` set on `record` at `at` (ISO 8601 or epoch ms). */
export interface HistorySeed {
	record: RecordRef;
	at: string | number;
	values: Record<string, unknown>;
	/** Default IMPORT, like seeded records; e.g. FORM for a form submission. */
	sourceType?: string;
	sourceId?: string;
}

export interface HubSpotSeed {
	properties?: Record<string, unknown[]>;
	records?: Record<string, Array<Record<string, unknown>>>;
	associations?: Array<{ from: RecordRef; to: RecordRef; typeId?: number }>;
	/** Property history of seeded or existing records, e.g. a contact's earlier touchpoints. */
	history?: HistorySeed[];
}

function seedTime(at: unknown): number {
	const ms = typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) : NaN;
	if (!Number.isFinite(ms))
		throw new Error(`history "at" must be an ISO date or epoch ms, not ${JSON.stringify(at)}`);
	return ms;
}

/** Creates properties, records and associations without touching rate limits or the request log. */
export function seedHubSpot(hs: HubSpotState, seed: HubSpotSeed) {
	for (const [typeName, defs] of Object.entries(seed.properties ?? {})) {
		const type = hs.store.requireType(typeName);
		for (const raw of defs) hs.store.addProperty(type.id, createDefinition(hs, raw));
	}
	const created: Record<string, string[]> = {};
	for (const [typeName, rows] of Object.entries(seed.records ?? {})) {
		const type = hs.store.requireType(typeName);
		created[type.name] = rows.map(
			(props) => hs.store.create(type.id, normalizeValues(hs, type, props), SEED_SOURCE).id,
		);
	}
	const resolve = (ref: RecordRef) => {
		const type = hs.store.requireType(ref.type);
		const id = ref.id ?? created[type.name]?.[ref.index ?? -1];
		if (!id || !hs.store.find(type.id, id))
			throw new Error(`No seeded ${ref.type} record for ${JSON.stringify(ref)}`);
		return { type, id };
	};
	for (const link of seed.associations ?? []) {
		const from = resolve(link.from);
		const to = resolve(link.to);
		const type =
			link.typeId === undefined
				? hs.store.associations.defaultType(from.type.id, to.type.id)
				: hs.store.associations.types.get(link.typeId);
		if (!type || type.fromTypeId !== from.type.id || type.toTypeId !== to.type.id) {
			throw new Error(
				`No association type ${String(link.typeId ?? 'default')} from ${from.type.name} to ${to.type.name}`,
			);
		}
		hs.store.associations.add(type, from.id, to.id);
	}
	for (const write of seed.history ?? []) {
		const { type, id } = resolve(write.record);
		hs.store.backfill(
			hs.store.find(type.id, id)!,
			normalizeValues(hs, type, write.values),
			{
				sourceType: write.sourceType ?? SEED_SOURCE.sourceType,
				...(write.sourceId ? { sourceId: write.sourceId } : {}),
			},
			seedTime(write.at),
		);
	}
	return created;
}

const publicToken = (t: TokenInfo) => ({
	token: t.token,
	scopes: t.scopes,
	appId: t.appId,
	expired: t.expired,
	limits: t.limits,
});

export function registerHubSpotAdmin(router: Router, hs: HubSpotState) {
	router.get('/hubspot/tokens', (ctx) =>
		sendJson(ctx.res, 200, { results: hs.tokens.list().map(publicToken) }),
	);

	router.post('/hubspot/tokens', (ctx) => {
		const body = jsonBody(ctx);
		if (!isPlainObject(body) || typeof body.token !== 'string' || !body.token)
			throw new Error('token is required');
		if (
			body.scopes !== undefined &&
			!(Array.isArray(body.scopes) && body.scopes.every((s) => typeof s === 'string'))
		) {
			throw new Error('scopes must be an array of strings');
		}
		const info = hs.tokens.register({
			token: body.token,
			...(body.scopes ? { scopes: body.scopes as string[] } : {}),
			expired: body.expired === true,
			limits: isPlainObject(body.limits) ? limitsFrom(body.limits) : {},
		});
		sendJson(ctx.res, 201, publicToken(info));
	});

	router.delete('/hubspot/tokens/:token', (ctx) => {
		hs.tokens.remove(ctx.params.token);
		sendEmpty(ctx.res, 204);
	});

	router.get('/hubspot/limits', (ctx) => {
		const perToken = Object.fromEntries(
			hs.tokens.list().map((t) => [t.token, hs.rateLimits.effective(t)]),
		);
		sendJson(ctx.res, 200, { defaults: hs.rateLimits.defaults, tiers: TIERS, perToken });
	});

	/** `{tenSecondly?, daily?, searchPerSecond?, enabled?, tier?, token?}`; with `token` only that token changes. */
	router.put('/hubspot/limits', (ctx) => {
		const body = jsonBody(ctx);
		if (!isPlainObject(body)) throw new Error('Expected a JSON object');
		const limits = limitsFrom(body);
		if (typeof body.token === 'string') {
			const token = hs.tokens.get(body.token);
			if (!token) throw new Error(`Unknown token ${body.token}`);
			token.limits = { ...token.limits, ...limits };
			return sendJson(ctx.res, 200, hs.rateLimits.effective(token));
		}
		hs.rateLimits.defaults = { ...hs.rateLimits.defaults, ...limits };
		sendJson(ctx.res, 200, hs.rateLimits.defaults);
	});

	router.get('/hubspot/settings', (ctx) => sendJson(ctx.res, 200, hs.settings));

	router.put('/hubspot/settings', (ctx) => {
		hs.settings = { ...hs.settings, ...pick<HubSpotSettings>(jsonBody(ctx), hs.settings) };
		sendJson(ctx.res, 200, hs.settings);
	});

	/** Every record of a type with all its properties: for assertions, outside auth and limits. */
	router.get('/hubspot/objects/:objectType', (ctx) => {
		const type = hs.store.requireType(ctx.params.objectType);
		const results = [...hs.store.all(type.id)].map((r) => ({
			id: r.id,
			properties: r.properties,
			archived: r.archived,
			associations: Object.fromEntries(
				[...hs.store.types.values()]
					.map((to) => [to.name, hs.store.associations.list(type.id, r.id, to.id)] as const)
					.filter(([, rows]) => rows.length),
			),
		}));
		sendJson(ctx.res, 200, { results });
	});
}
