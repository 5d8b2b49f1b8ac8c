// Custom object schemas (/crm/v3/schemas): define a `2-N` object type with its own properties,
// required and unique properties, and default associations to the standard objects.
import type { Router } from '../http';
import { isPlainObject, jsonBody, sendJson } from '../http';
import { HubSpotError, notFound, validationError } from './errors';
import { createDefinition } from './properties';
import { FIELD_TYPE, type ObjectType, type PropertyType } from './schema';
import type { HubSpotState } from './state';
import { requireScope } from './tokens';

function schemaOf(hs: HubSpotState, type: ObjectType) {
	const associations = [...hs.store.associations.types.values()]
		.filter((t) => t.fromTypeId === type.id && t.label === null)
		.map((t) => ({
			id: String(t.typeId),
			fromObjectTypeId: t.fromTypeId,
			toObjectTypeId: t.toTypeId,
			name: t.name,
		}));
	return {
		id: type.id.slice(2),
		objectTypeId: type.id,
		fullyQualifiedName: type.fullyQualifiedName,
		name: type.name,
		labels: { singular: type.label, plural: type.label },
		primaryDisplayProperty: type.primaryDisplayProperty,
		requiredProperties: type.requiredProperties,
		searchableProperties: type.searchableProperties,
		secondaryDisplayProperties: [],
		properties: [...hs.store.definitions(type.id).values()],
		associations,
		archived: false,
	};
}

// HubSpot serves schemas under both prefixes; the official SDK uses the second.
const PREFIXES = ['/crm/v3/schemas', '/crm-object-schemas/v3/schemas'];

export function registerSchemaRoutes(router: Router, hs: HubSpotState) {
	for (const prefix of PREFIXES) registerUnder(router, hs, prefix);
}

function registerUnder(router: Router, hs: HubSpotState, prefix: string) {
	const token = (ctx: { token?: string }) => hs.tokens.get(ctx.token!)!;

	router.get(prefix, (ctx) => {
		requireScope(token(ctx), 'crm.schemas.custom.read');
		const results = [...hs.store.types.values()]
			.filter((t) => t.custom)
			.map((t) => schemaOf(hs, t));
		sendJson(ctx.res, 200, { results });
	});

	router.get(`${prefix}/:objectType`, (ctx) => {
		requireScope(token(ctx), 'crm.schemas.custom.read');
		const type = hs.store.resolveType(ctx.params.objectType);
		if (!type?.custom) throw notFound(`Unable to find object type ${ctx.params.objectType}`);
		sendJson(ctx.res, 200, schemaOf(hs, type));
	});

	router.post(prefix, (ctx) => {
		requireScope(token(ctx), 'crm.schemas.custom.write');
		const body = jsonBody(ctx);
		if (
			!isPlainObject(body) ||
			typeof body.name !== 'string' ||
			!isPlainObject(body.labels) ||
			!Array.isArray(body.properties)
		) {
			throw validationError('name, labels {singular, plural} and properties are required');
		}
		if (hs.store.resolveType(body.name))
			throw new HubSpotError(
				409,
				'OBJECT_ALREADY_EXISTS',
				`Object type ${body.name} already exists.`,
			);
		const properties = body.properties.map((p) =>
			createDefinition(
				hs,
				isPlainObject(p)
					? {
							groupName: `${body.name}_information`,
							fieldType: FIELD_TYPE[String(p.type) as PropertyType],
							...p,
						}
					: p,
			),
		);
		const names = new Set(properties.map((p) => p.name));
		const strings = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
		const required = strings(body.requiredProperties);
		const unknown = [...required, ...strings(body.searchableProperties)].filter(
			(n) => !names.has(n),
		);
		if (unknown.length)
			throw validationError(`Unknown properties in schema: ${unknown.join(', ')}`);
		const type = hs.store.createCustomType({
			name: body.name,
			labels: { singular: String(body.labels.singular), plural: String(body.labels.plural) },
			primaryDisplayProperty:
				typeof body.primaryDisplayProperty === 'string' ? body.primaryDisplayProperty : undefined,
			requiredProperties: required,
			searchableProperties: strings(body.searchableProperties),
			properties,
		});
		for (const target of strings(body.associatedObjects)) {
			const to = hs.store.resolveType(target);
			if (!to) continue;
			hs.store.associations.definePair(
				type.id,
				to.id,
				null,
				`${type.name}_to_${to.singular}`,
				'HUBSPOT_DEFINED',
				`${to.singular}_to_${type.name}`,
			);
		}
		sendJson(ctx.res, 201, schemaOf(hs, type));
	});
}
