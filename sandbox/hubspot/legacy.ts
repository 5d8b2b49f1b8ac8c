// The legacy v1/v2 endpoints n8n's built-in HubSpot node (V2) calls for the "company by domain, then
// contact with its company" recipe, over the same store, auth and rate limits as the v3 API, so the
// built-in node can be benchmarked against the sandbox unmodified. Legacy shapes: properties as
// `[{name|property, value}]` in, `{name: {value}}` out; companies by `companyId`, contacts by `vid`.
import type { Ctx, Router } from '../http';
import { isPlainObject, jsonBody, sendEmpty, sendJson } from '../http';
import { notFound, validationError } from './errors';
import { tokenOf, writeSource } from './objects';
import { normalizeValues } from './properties';
import type { HubSpotState } from './state';
import type { StoredRecord } from './store';

/** `[{name: 'x', value: 1}]` (companies) or `[{property: 'x', value: 1}]` (contacts) → `{x: 1}`. */
function propertyList(body: unknown): Record<string, unknown> {
	const list = isPlainObject(body) && Array.isArray(body.properties) ? body.properties : null;
	if (!list) throw validationError('properties must be a list of {name, value}');
	const values: Record<string, unknown> = {};
	for (const entry of list) {
		if (!isPlainObject(entry)) continue;
		const name = entry.name ?? entry.property;
		if (typeof name === 'string') values[name] = entry.value;
	}
	return values;
}

function legacyProperties(record: StoredRecord) {
	return Object.fromEntries(
		Object.entries(record.properties).map(([name, value]) => [
			name,
			{ value, timestamp: record.updatedAt },
		]),
	);
}

const company = (record: StoredRecord) => ({
	companyId: Number(record.id),
	isDeleted: false,
	properties: legacyProperties(record),
});

export function registerLegacyRoutes(router: Router, hs: HubSpotState) {
	const companies = () => hs.store.requireType('companies');
	const contacts = () => hs.store.requireType('contacts');
	const source = (ctx: Ctx) => writeSource(tokenOf(hs, ctx));

	router.post('/companies/v2/domains/:domain/companies', (ctx) => {
		const domain = decodeURIComponent(ctx.params.domain).toLowerCase();
		const results = [...hs.store.all(companies().id)]
			.filter((r) => !r.archived && (r.properties.domain ?? '').toLowerCase() === domain)
			.map(company);
		sendJson(ctx.res, 200, { results, hasMore: false, offset: { companyId: 0, isPrimary: true } });
	});

	router.post('/companies/v2/companies', (ctx) => {
		const type = companies();
		const record = hs.store.create(
			type.id,
			normalizeValues(hs, type, propertyList(jsonBody(ctx))),
			source(ctx),
		);
		sendJson(ctx.res, 200, company(record));
	});

	router.put('/companies/v2/companies/:companyId', (ctx) => {
		const type = companies();
		const record = hs.store.find(type.id, ctx.params.companyId);
		if (!record) throw notFound(`No company with id ${ctx.params.companyId}`);
		hs.store.update(record, normalizeValues(hs, type, propertyList(jsonBody(ctx))), source(ctx));
		sendJson(ctx.res, 200, company(record));
	});

	router.post('/contacts/v1/contact/createOrUpdate/email/:email', (ctx) => {
		const type = contacts();
		const email = decodeURIComponent(ctx.params.email).toLowerCase();
		const values = normalizeValues(hs, type, { ...propertyList(jsonBody(ctx)), email });
		const existing = hs.store.find(type.id, email, 'email');
		if (existing) hs.store.update(existing, values, source(ctx));
		const record = existing ?? hs.store.create(type.id, values, source(ctx));
		sendJson(ctx.res, 200, { vid: Number(record.id), isNew: !existing });
	});

	router.get('/contacts/v1/contact/vid/:vid/profile', (ctx) => {
		const record = hs.store.find(contacts().id, ctx.params.vid);
		if (!record) throw notFound('contact does not exist');
		sendJson(ctx.res, 200, {
			vid: Number(record.id),
			'canonical-vid': Number(record.id),
			properties: legacyProperties(record),
		});
	});

	// v1 associations: definitionId 1 = a contact's primary company (the v4 type id 1).
	router.put('/crm-associations/v1/associations/create-batch', (ctx) => {
		const body = jsonBody(ctx);
		if (!Array.isArray(body)) throw validationError('Body must be a list of associations');
		for (const link of body) {
			if (!isPlainObject(link)) continue;
			const type = hs.store.associations.types.get(Number(link.definitionId));
			if (!type)
				throw validationError(`Unknown association definition ${String(link.definitionId)}`);
			hs.store.associations.add(type, String(link.fromObjectId), String(link.toObjectId));
		}
		sendEmpty(ctx.res, 204);
	});
}
