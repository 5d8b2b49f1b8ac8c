// Single-record CRM endpoints (/crm/v3/objects/{type}[/{id}]) and the record shape every HubSpot
// read returns: {id, properties, propertiesWithHistory?, createdAt, updatedAt, archived, archivedAt?}.
import type { Ctx, Router } from '../http';
import { isPlainObject, jsonBody, sendEmpty, sendJson } from '../http';
import { addInlineAssociations, checkInlineAssociations } from './associations';
import { objectNotFound, validationError } from './errors';
import { assertRequired, normalizeValues } from './properties';
import type { ObjectType } from './schema';
import type { HubSpotState } from './state';
import type { StoredRecord, WriteSource } from './store';
import { requireScope, type TokenInfo } from './tokens';

export interface ReadOptions {
	/** undefined = the type's default properties. */
	properties?: string[];
	propertiesWithHistory?: string[];
	/** Every property that has a value (create/update responses). */
	allSet?: boolean;
	/** Values to show instead of the current ones (search sees them as of the index lag). */
	values?: Record<string, string>;
}

/** `?properties=a,b&properties=c` → [a, b, c]; undefined when absent. */
export function listParam(query: URLSearchParams, name: string): string[] | undefined {
	const raw = query.getAll(name);
	if (!raw.length) return undefined;
	return raw
		.flatMap((v) => v.split(','))
		.map((v) => v.trim())
		.filter(Boolean);
}

export function readOptions(query: URLSearchParams): ReadOptions {
	return {
		properties: listParam(query, 'properties'),
		propertiesWithHistory: listParam(query, 'propertiesWithHistory'),
	};
}

const iso = (ms: number) => new Date(ms).toISOString();

export function toPublic(
	hs: HubSpotState,
	type: ObjectType,
	record: StoredRecord,
	options: ReadOptions = {},
) {
	const values = options.values ?? record.properties;
	const properties: Record<string, string | null> = {};
	if (options.allSet) Object.assign(properties, values);
	else {
		const defs = hs.store.definitions(type.id);
		const names = options.properties
			? [
					...options.properties.filter((p) => defs.has(p)),
					'hs_object_id',
					'createdate',
					type.lastModifiedProperty,
				]
			: type.defaultProperties;
		for (const name of names) properties[name] = values[name] ?? null;
	}
	const out: Record<string, unknown> = { id: record.id, properties };
	if (options.propertiesWithHistory?.length) {
		const history: Record<string, unknown[]> = {};
		for (const name of options.propertiesWithHistory) {
			const versions = record.history[name];
			if (!versions?.length) continue;
			history[name] = versions
				.slice()
				.reverse()
				.map((v) => ({
					value: v.value,
					timestamp: iso(v.timestamp),
					sourceType: v.sourceType,
					...(v.sourceId ? { sourceId: v.sourceId } : {}),
				}));
		}
		out.propertiesWithHistory = history;
	}
	out.createdAt = iso(record.createdAt);
	out.updatedAt = iso(record.updatedAt);
	out.archived = record.archived;
	if (record.archivedAt !== undefined) out.archivedAt = iso(record.archivedAt);
	return out;
}

/** v3 `associations=` expansion on reads: {companies: {results: [{id, type}]}}. */
function withAssociations(
	hs: HubSpotState,
	type: ObjectType,
	record: StoredRecord,
	wanted: string[] | undefined,
	out: Record<string, unknown>,
) {
	if (!wanted?.length) return out;
	const associations: Record<string, { results: Array<{ id: string; type: string }> }> = {};
	for (const name of wanted) {
		const toType = hs.store.resolveType(name);
		if (!toType) continue;
		const results = hs.store.associations.list(type.id, record.id, toType.id).flatMap((row) =>
			row.typeIds.map((typeId) => ({
				id: row.toId,
				type: hs.store.associations.types.get(typeId)?.name ?? String(typeId),
			})),
		);
		if (results.length) associations[toType.name] = { results };
	}
	return Object.keys(associations).length ? { ...out, associations } : out;
}

export const writeSource = (token: TokenInfo): WriteSource => ({
	sourceType: 'INTEGRATION',
	sourceId: token.appId,
});

export function tokenOf(hs: HubSpotState, ctx: Ctx): TokenInfo {
	return hs.tokens.get(ctx.token!)!;
}

/** Resolves the path's object type and checks the token may read or write it. */
export function objectTypeFor(hs: HubSpotState, ctx: Ctx, access: 'read' | 'write'): ObjectType {
	const type = hs.store.requireType(ctx.params.objectType);
	requireScope(tokenOf(hs, ctx), `crm.objects.${type.scope}.${access}`);
	return type;
}

export function registerObjectRoutes(router: Router, hs: HubSpotState) {
	router.post('/crm/v3/objects/:objectType', (ctx) => {
		const type = objectTypeFor(hs, ctx, 'write');
		const body = jsonBody(ctx);
		if (!isPlainObject(body))
			throw validationError('Invalid input JSON: expected an object with properties');
		const values = normalizeValues(hs, type, body.properties ?? {});
		assertRequired(type, values);
		const links = checkInlineAssociations(hs, type, body.associations);
		const record = hs.store.create(type.id, values, writeSource(tokenOf(hs, ctx)));
		addInlineAssociations(hs, record.id, links);
		sendJson(ctx.res, 201, toPublic(hs, type, record, { allSet: true }));
	});

	router.get('/crm/v3/objects/:objectType/:objectId', (ctx) => {
		const type = objectTypeFor(hs, ctx, 'read');
		const archived = ctx.query.get('archived') === 'true';
		const record = hs.store.find(
			type.id,
			ctx.params.objectId,
			ctx.query.get('idProperty') ?? undefined,
			archived,
		);
		if (!record) throw objectNotFound(ctx.params.objectId);
		const out = toPublic(hs, type, record, readOptions(ctx.query));
		sendJson(
			ctx.res,
			200,
			withAssociations(hs, type, record, listParam(ctx.query, 'associations'), out),
		);
	});

	router.patch('/crm/v3/objects/:objectType/:objectId', (ctx) => {
		const type = objectTypeFor(hs, ctx, 'write');
		const record = hs.store.require(
			type.id,
			ctx.params.objectId,
			ctx.query.get('idProperty') ?? undefined,
		);
		const body = jsonBody(ctx);
		if (!isPlainObject(body))
			throw validationError('Invalid input JSON: expected an object with properties');
		const values = normalizeValues(hs, type, body.properties ?? {});
		hs.store.update(record, values, writeSource(tokenOf(hs, ctx)));
		sendJson(ctx.res, 200, toPublic(hs, type, record, { allSet: true }));
	});

	router.delete('/crm/v3/objects/:objectType/:objectId', (ctx) => {
		const type = objectTypeFor(hs, ctx, 'write');
		const record = hs.store.find(type.id, ctx.params.objectId);
		if (record) hs.store.archive(record);
		sendEmpty(ctx.res, 204);
	});

	router.get('/crm/v3/objects/:objectType', (ctx) => {
		const type = objectTypeFor(hs, ctx, 'read');
		const options = readOptions(ctx.query);
		// HubSpot lowers the page size cap when history is requested.
		const cap = options.propertiesWithHistory ? 50 : 100;
		const limit = Math.min(Math.max(Number(ctx.query.get('limit') ?? 10) || 10, 1), cap);
		const archived = ctx.query.get('archived') === 'true';
		const after = ctx.query.get('after');
		const wanted = listParam(ctx.query, 'associations');
		const page: StoredRecord[] = [];
		let more = false;
		for (const record of hs.store.all(type.id)) {
			if (record.archived !== archived) continue;
			if (after && Number(record.id) <= Number(after)) continue;
			if (page.length === limit) {
				more = true;
				break;
			}
			page.push(record);
		}
		const results = page.map((r) =>
			withAssociations(hs, type, r, wanted, toPublic(hs, type, r, options)),
		);
		const body: Record<string, unknown> = { results };
		if (more) {
			const next = page[page.length - 1].id;
			const link = `http://${ctx.req.headers.host ?? 'localhost'}/hubspot/crm/v3/objects/${ctx.params.objectType}?after=${next}`;
			body.paging = { next: { after: next, link } };
		}
		sendJson(ctx.res, 200, body);
	});
}
