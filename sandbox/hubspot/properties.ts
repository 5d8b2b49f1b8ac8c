// Properties API (/crm/v3/properties/{objectType}) and the checks HubSpot applies to every value
// written to a record: the property must exist and be writable, and the value must fit its type.
import type { Ctx, Router } from '../http';
import { isPlainObject, jsonBody, sendEmpty, sendJson } from '../http';
import {
	HubSpotError,
	notFound,
	propertyValuesError,
	validationError,
	type PropertyProblem,
} from './errors';
import {
	propertyDefinition,
	type ObjectType,
	type PropertyDefinition,
	type PropertyType,
} from './schema';
import type { HubSpotState } from './state';
import type { Values } from './store';
import { requireScope } from './tokens';

const TYPES: PropertyType[] = [
	'string',
	'number',
	'date',
	'datetime',
	'enumeration',
	'bool',
	'phone_number',
];
const FIELD_TYPES = [
	'text',
	'textarea',
	'number',
	'date',
	'select',
	'radio',
	'checkbox',
	'booleancheckbox',
	'phonenumber',
	'calculation_equation',
	'file',
	'html',
];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_UNIQUE_PER_TYPE = 10;

function toMillis(value: string | number): number | undefined {
	if (typeof value === 'number' || /^-?\d+$/.test(value)) return Number(value);
	const parsed = Date.parse(value);
	return Number.isNaN(parsed) ? undefined : parsed;
}

/** One value in, its stored string form out, or a problem in HubSpot's words. */
function normalizeValue(
	type: ObjectType,
	def: PropertyDefinition,
	raw: unknown,
): string | PropertyProblem {
	const problem = (error: string, message: string): PropertyProblem => ({
		name: def.name,
		error,
		message,
	});
	if (raw === null || raw === undefined || raw === '') return '';
	if (typeof raw === 'object')
		return problem(
			'INVALID_PROPERTY_VALUE',
			`${JSON.stringify(raw)} is not a valid property value`,
		);
	const text = String(raw);
	switch (def.type) {
		case 'number': {
			const n = Number(text.trim());
			return text.trim() !== '' && Number.isFinite(n)
				? text.trim()
				: problem('INVALID_DECIMAL', `${text} was not a valid number.`);
		}
		case 'bool': {
			const lower = text.toLowerCase();
			return lower === 'true' || lower === 'false'
				? lower
				: problem('INVALID_BOOLEAN', `${text} was not a valid boolean.`);
		}
		case 'date': {
			const ms = toMillis(text);
			if (ms === undefined) return problem('INVALID_DATE', `${text} was not a valid date.`);
			if (ms % 86_400_000 !== 0) {
				return problem(
					'INVALID_DATE',
					`${text} is at ${new Date(ms).toISOString().slice(11, 23)} UTC, not midnight!`,
				);
			}
			return new Date(ms).toISOString().slice(0, 10);
		}
		case 'datetime': {
			const ms = toMillis(text);
			return ms === undefined
				? problem('INVALID_DATETIME', `${text} was not a valid datetime.`)
				: new Date(ms).toISOString();
		}
		case 'enumeration': {
			if (def.externalOptions) return text;
			const allowed = def.options.map((o) => o.value);
			const chosen = def.fieldType === 'checkbox' ? text.split(';') : [text];
			const bad = chosen.find((v) => !allowed.includes(v));
			return bad === undefined
				? text
				: problem(
						'INVALID_OPTION',
						`${bad} was not one of the allowed options: [${allowed.join(', ')}]`,
					);
		}
		default:
			if (type.id === '0-1' && def.name === 'email') {
				const email = text.trim().toLowerCase();
				return EMAIL.test(email)
					? email
					: problem('INVALID_EMAIL', `Email address ${text} is invalid`);
			}
			return text;
	}
}

/** Checks and normalizes a `properties` object; throws one 400 listing every bad value. */
export function normalizeValues(hs: HubSpotState, type: ObjectType, input: unknown): Values {
	if (input === undefined) return {};
	if (!isPlainObject(input))
		throw validationError('properties must be an object of property names to values');
	const defs = hs.store.definitions(type.id);
	const values: Values = {};
	const problems: PropertyProblem[] = [];
	for (const [name, raw] of Object.entries(input)) {
		const def = defs.get(name);
		if (!def || def.archived) {
			problems.push({
				name,
				error: 'PROPERTY_DOESNT_EXIST',
				message: `Property "${name}" does not exist`,
			});
			continue;
		}
		if (def.modificationMetadata.readOnlyValue) {
			problems.push({
				name,
				error: 'READ_ONLY_VALUE',
				message: `${name} is a read only property; its value cannot be set.`,
			});
			continue;
		}
		const result = normalizeValue(type, def, raw);
		if (typeof result === 'string') values[name] = result;
		else problems.push(result);
	}
	if (problems.length) throw propertyValuesError(problems);
	return values;
}

/** HubSpot requires the schema's required properties on create (custom objects). */
export function assertRequired(type: ObjectType, values: Values) {
	const missing = type.requiredProperties.filter((p) => !values[p]);
	if (missing.length) {
		throw propertyValuesError(
			missing.map((name) => ({
				name,
				error: 'REQUIRED_PROPERTY',
				message: `Property ${name} is required`,
			})),
		);
	}
}

/** Validates a property-create body (Properties API and custom-object schemas alike). */
export function createDefinition(hs: HubSpotState, body: unknown): PropertyDefinition {
	if (!isPlainObject(body)) throw validationError('Invalid input JSON: expected an object');
	const missing = ['name', 'label', 'type', 'fieldType', 'groupName'].filter(
		(f) => typeof body[f] !== 'string' || !body[f],
	);
	if (missing.length) {
		throw validationError(
			`Invalid input JSON on line 1: missing required fields ${missing.join(', ')}`,
			missing.map((f) => ({ message: `${f} is required`, code: 'REQUIRED_FIELD', in: f })),
		);
	}
	const name = String(body.name);
	if (!/^[a-z][a-z0-9_]*$/.test(name)) {
		throw validationError(
			`Property name ${name} is not valid: use lowercase letters, digits and underscores.`,
		);
	}
	if (!TYPES.includes(body.type as PropertyType)) {
		throw validationError(
			`${String(body.type)} is not a valid property type; one of ${TYPES.join(', ')}`,
		);
	}
	if (!FIELD_TYPES.includes(String(body.fieldType))) {
		throw validationError(
			`${String(body.fieldType)} is not a valid fieldType; one of ${FIELD_TYPES.join(', ')}`,
		);
	}
	const hasUniqueValue = body.hasUniqueValue === true;
	if (hasUniqueValue && body.type !== 'string' && body.type !== 'number') {
		throw validationError('Only single-line text and number properties can require unique values.');
	}
	const now = new Date(hs.clock.now()).toISOString();
	const options = Array.isArray(body.options) ? body.options : [];
	return propertyDefinition({
		name,
		label: String(body.label),
		type: body.type as PropertyType,
		fieldType: String(body.fieldType),
		groupName: String(body.groupName),
		description: typeof body.description === 'string' ? body.description : '',
		displayOrder: typeof body.displayOrder === 'number' ? body.displayOrder : -1,
		hidden: body.hidden === true,
		formField: body.formField === true,
		externalOptions: body.externalOptions === true,
		options: options.filter(isPlainObject).map((o, i) => ({
			label: String(o.label ?? o.value),
			value: String(o.value),
			displayOrder: typeof o.displayOrder === 'number' ? o.displayOrder : i,
			hidden: o.hidden === true,
			...(typeof o.description === 'string' ? { description: o.description } : {}),
		})),
		hasUniqueValue,
		hubspotDefined: false,
		createdAt: now,
		updatedAt: now,
	});
}

/** Name clashes and the per-type cap on unique properties. */
function assertCanAdd(hs: HubSpotState, type: ObjectType, def: PropertyDefinition) {
	const existing = hs.store.definitions(type.id).get(def.name);
	if (existing && !existing.archived) {
		throw new HubSpotError(
			409,
			'OBJECT_ALREADY_EXISTS',
			`Property named '${def.name}' already exists.`,
		);
	}
	const uniqueCount = hs.store.uniqueProperties(type.id).length - type.builtinUnique.length;
	if (def.hasUniqueValue && uniqueCount >= MAX_UNIQUE_PER_TYPE) {
		throw validationError(
			`An object type can have at most ${MAX_UNIQUE_PER_TYPE} unique properties.`,
		);
	}
}

const EDITABLE = [
	'label',
	'description',
	'groupName',
	'options',
	'displayOrder',
	'hidden',
	'formField',
	'fieldType',
] as const;

export function registerPropertyRoutes(router: Router, hs: HubSpotState) {
	const typeOf = (ctx: Ctx) => hs.store.requireType(ctx.params.objectType);
	const read = (ctx: Ctx, type: ObjectType) =>
		requireScope(
			hs.tokens.get(ctx.token!)!,
			`crm.schemas.${type.scope}.read`,
			`crm.objects.${type.scope}.read`,
		);
	const write = (ctx: Ctx, type: ObjectType) =>
		requireScope(hs.tokens.get(ctx.token!)!, `crm.schemas.${type.scope}.write`);
	const find = (type: ObjectType, name: string) => {
		const def = hs.store.definitions(type.id).get(name);
		if (!def || def.archived) throw notFound(`Unable to find property with name: ${name}`);
		return def;
	};

	router.get('/crm/v3/properties/:objectType', (ctx) => {
		const type = typeOf(ctx);
		read(ctx, type);
		const archived = ctx.query.get('archived') === 'true';
		const results = [...hs.store.definitions(type.id).values()].filter(
			(p) => p.archived === archived,
		);
		sendJson(ctx.res, 200, { results });
	});

	router.get('/crm/v3/properties/:objectType/:propertyName', (ctx) => {
		const type = typeOf(ctx);
		read(ctx, type);
		sendJson(ctx.res, 200, find(type, ctx.params.propertyName));
	});

	router.post('/crm/v3/properties/:objectType', (ctx) => {
		const type = typeOf(ctx);
		write(ctx, type);
		const def = createDefinition(hs, jsonBody(ctx));
		assertCanAdd(hs, type, def);
		hs.store.addProperty(type.id, def);
		sendJson(ctx.res, 201, def);
	});

	router.patch('/crm/v3/properties/:objectType/:propertyName', (ctx) => {
		const type = typeOf(ctx);
		write(ctx, type);
		const def = find(type, ctx.params.propertyName);
		const body = jsonBody(ctx);
		if (!isPlainObject(body)) throw validationError('Invalid input JSON: expected an object');
		if (def.hubspotDefined)
			throw validationError(`Property ${def.name} is HubSpot-defined and cannot be changed.`);
		if ('hasUniqueValue' in body && body.hasUniqueValue !== def.hasUniqueValue) {
			throw validationError('hasUniqueValue can only be set when a property is created.');
		}
		const patch = Object.fromEntries(EDITABLE.filter((k) => k in body).map((k) => [k, body[k]]));
		const updated: PropertyDefinition = {
			...def,
			...patch,
			updatedAt: new Date(hs.clock.now()).toISOString(),
		};
		hs.store.definitions(type.id).set(def.name, updated);
		sendJson(ctx.res, 200, updated);
	});

	router.delete('/crm/v3/properties/:objectType/:propertyName', (ctx) => {
		const type = typeOf(ctx);
		write(ctx, type);
		const def = find(type, ctx.params.propertyName);
		if (def.hubspotDefined)
			throw validationError(`Property ${def.name} is HubSpot-defined and cannot be archived.`);
		hs.store.archiveProperty(type.id, def.name);
		sendEmpty(ctx.res, 204);
	});
}
