// CRM search (POST /crm/v3/objects/{type}/search): filter groups (OR of ANDs), the thirteen
// operators, one sort, free-text `query`, offset paging capped at 10,000 and an optional
// index lag during which fresh writes are not yet searchable, as in HubSpot.
import type { Router } from '../http';
import { isPlainObject, jsonBody, sendJson } from '../http';
import { validationError } from './errors';
import { objectTypeFor, toPublic } from './objects';
import type { ObjectType, PropertyDefinition } from './schema';
import type { HubSpotState } from './state';
import type { StoredRecord } from './store';

export const OPERATORS = [
	'EQ',
	'NEQ',
	'LT',
	'LTE',
	'GT',
	'GTE',
	'BETWEEN',
	'IN',
	'NOT_IN',
	'HAS_PROPERTY',
	'NOT_HAS_PROPERTY',
	'CONTAINS_TOKEN',
	'NOT_CONTAINS_TOKEN',
] as const;
type Operator = (typeof OPERATORS)[number];

interface Filter {
	propertyName: string;
	operator: Operator;
	value?: string;
	highValue?: string;
	values?: string[];
}

type Values = Record<string, string>;

const asString = (v: unknown) => (v === undefined || v === null ? undefined : String(v));

/** Numbers, dates and datetimes compare as numbers; everything else as lowercase text. */
function comparable(def: PropertyDefinition | undefined, raw: string): number | string {
	if (def?.type === 'number') return Number(raw);
	if (def?.type === 'date' || def?.type === 'datetime') {
		return /^-?\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
	}
	return raw.toLowerCase();
}

const tokens = (text: string) =>
	text
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);

function containsToken(actual: string, wanted: string): boolean {
	const lower = actual.toLowerCase();
	if (wanted.includes('*')) {
		const pattern = wanted
			.toLowerCase()
			.split('*')
			.map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
			.join('.*');
		return (
			new RegExp(`^${pattern}$`).test(lower) ||
			tokens(actual).some((t) => new RegExp(`^${pattern}$`).test(t))
		);
	}
	const have = tokens(actual);
	const need = tokens(wanted);
	if (!need.length) return false;
	for (let i = 0; i + need.length <= have.length; i++) {
		if (need.every((t, j) => have[i + j] === t)) return true;
	}
	return false;
}

function matches(filter: Filter, def: PropertyDefinition | undefined, values: Values): boolean {
	const actual = values[filter.propertyName];
	const has = actual !== undefined && actual !== '';
	const cmp = (raw: string) => comparable(def, raw);
	switch (filter.operator) {
		case 'HAS_PROPERTY':
			return has;
		case 'NOT_HAS_PROPERTY':
			return !has;
		case 'EQ':
			return has && cmp(actual) === cmp(filter.value!);
		case 'NEQ':
			return !has || cmp(actual) !== cmp(filter.value!);
		case 'LT':
			return has && cmp(actual) < cmp(filter.value!);
		case 'LTE':
			return has && cmp(actual) <= cmp(filter.value!);
		case 'GT':
			return has && cmp(actual) > cmp(filter.value!);
		case 'GTE':
			return has && cmp(actual) >= cmp(filter.value!);
		case 'BETWEEN':
			return has && cmp(actual) >= cmp(filter.value!) && cmp(actual) <= cmp(filter.highValue!);
		case 'IN':
			return has && filter.values!.some((v) => cmp(v) === cmp(actual));
		case 'NOT_IN':
			return !has || !filter.values!.some((v) => cmp(v) === cmp(actual));
		case 'CONTAINS_TOKEN':
			return has && containsToken(actual, filter.value!);
		case 'NOT_CONTAINS_TOKEN':
			return !has || !containsToken(actual, filter.value!);
	}
}

function parseFilter(raw: unknown): Filter {
	if (!isPlainObject(raw) || typeof raw.propertyName !== 'string') {
		throw validationError('Each filter needs a propertyName and an operator');
	}
	const operator = String(raw.operator ?? 'EQ') as Operator;
	if (!OPERATORS.includes(operator)) {
		throw validationError(`Invalid operator ${operator}; one of ${OPERATORS.join(', ')}`, [
			{ message: `${operator} is not a valid operator`, code: 'INVALID_OPERATOR', in: 'operator' },
		]);
	}
	const filter: Filter = { propertyName: raw.propertyName, operator };
	if (operator === 'IN' || operator === 'NOT_IN') {
		if (!Array.isArray(raw.values) || !raw.values.length)
			throw validationError(`${operator} filters need a non-empty values array`);
		filter.values = raw.values.map((v) => String(v));
	} else if (operator !== 'HAS_PROPERTY' && operator !== 'NOT_HAS_PROPERTY') {
		filter.value = asString(raw.value);
		if (filter.value === undefined) throw validationError(`${operator} filters need a value`);
		if (operator === 'BETWEEN') {
			filter.highValue = asString(raw.highValue);
			if (filter.highValue === undefined)
				throw validationError('BETWEEN filters need a value and a highValue');
		}
	}
	return filter;
}

function parseFilterGroups(hs: HubSpotState, raw: unknown): Filter[][] {
	if (raw === undefined) return [];
	if (!Array.isArray(raw)) throw validationError('filterGroups must be an array');
	const { searchMaxFilterGroups, searchMaxFiltersPerGroup, searchMaxFilters } = hs.settings;
	if (raw.length > searchMaxFilterGroups)
		throw validationError(`Too many filter groups: at most ${searchMaxFilterGroups} are allowed`);
	const groups = raw.map((group) => {
		const filters = isPlainObject(group) && Array.isArray(group.filters) ? group.filters : [];
		if (filters.length > searchMaxFiltersPerGroup) {
			throw validationError(
				`Too many filters in a group: at most ${searchMaxFiltersPerGroup} are allowed`,
			);
		}
		return filters.map(parseFilter);
	});
	if (groups.flat().length > searchMaxFilters)
		throw validationError(`Too many filters: at most ${searchMaxFilters} in total`);
	return groups.filter((g) => g.length);
}

function parseSort(raw: unknown): { propertyName: string; descending: boolean } | undefined {
	if (!Array.isArray(raw) || !raw.length) return undefined;
	const first = raw[0];
	if (typeof first === 'string') {
		return first.startsWith('-')
			? { propertyName: first.slice(1), descending: true }
			: { propertyName: first, descending: false };
	}
	if (isPlainObject(first) && typeof first.propertyName === 'string') {
		return {
			propertyName: first.propertyName,
			descending: String(first.direction ?? 'ASCENDING').toUpperCase() === 'DESCENDING',
		};
	}
	throw validationError('sorts must hold {propertyName, direction} objects');
}

/** The record as the search index sees it at `asOf`: undefined when not indexed yet or archived. */
function indexedValues(record: StoredRecord, asOf: number | undefined): Values | undefined {
	if (asOf === undefined) return record.archived ? undefined : record.properties;
	if (record.createdAt > asOf) return undefined;
	if (record.archived && record.archivedAt! <= asOf) return undefined;
	const values: Values = {};
	for (const [name, versions] of Object.entries(record.history)) {
		for (let i = versions.length - 1; i >= 0; i--) {
			if (versions[i].timestamp > asOf) continue;
			if (versions[i].value !== '') values[name] = versions[i].value;
			break;
		}
	}
	return values;
}

function matchesQuery(type: ObjectType, values: Values, query: string): boolean {
	const q = query.toLowerCase();
	return type.searchableProperties.some((p) => values[p]?.toLowerCase().includes(q));
}

export function registerSearchRoutes(router: Router, hs: HubSpotState) {
	router.post('/crm/v3/objects/:objectType/search', (ctx) => {
		const type = objectTypeFor(hs, ctx, 'read');
		const body = jsonBody(ctx) ?? {};
		if (!isPlainObject(body)) throw validationError('Invalid input JSON: expected an object');
		const limit = body.limit === undefined ? 10 : Number(body.limit);
		if (!Number.isInteger(limit) || limit < 0 || limit > 200) {
			throw validationError(
				`limit must be an integer between 0 and 200; got ${String(body.limit)}`,
				[{ message: 'limit must be <= 200', code: 'INVALID_LIMIT', in: 'limit' }],
			);
		}
		const offset =
			body.after === undefined || body.after === null || body.after === '' ? 0 : Number(body.after);
		if (!Number.isInteger(offset) || offset < 0)
			throw validationError(`after must be a paging cursor; got ${String(body.after)}`);
		if (offset >= hs.settings.searchMaxResults) {
			throw validationError(
				`Paging past ${hs.settings.searchMaxResults} results is not supported; narrow the filters instead.`,
			);
		}
		const groups = parseFilterGroups(hs, body.filterGroups);
		const sort = parseSort(body.sorts);
		const query =
			typeof body.query === 'string' && body.query.trim() ? body.query.trim() : undefined;
		const properties = Array.isArray(body.properties) ? body.properties.map(String) : undefined;
		const defs = hs.store.definitions(type.id);
		const lag = hs.settings.searchIndexLagMs;
		const asOf = lag > 0 ? hs.clock.now() - lag : undefined;

		const hits: Array<{ record: StoredRecord; values: Values }> = [];
		for (const record of hs.store.all(type.id)) {
			const values = indexedValues(record, asOf);
			if (!values) continue;
			if (
				groups.length &&
				!groups.some((g) => g.every((f) => matches(f, defs.get(f.propertyName), values)))
			)
				continue;
			if (query && !matchesQuery(type, values, query)) continue;
			hits.push({ record, values });
		}
		if (sort) {
			const def = defs.get(sort.propertyName);
			const key = (v: Values) =>
				v[sort.propertyName] === undefined ? undefined : comparable(def, v[sort.propertyName]);
			hits.sort((a, b) => {
				const ka = key(a.values);
				const kb = key(b.values);
				if (ka === kb) return Number(a.record.id) - Number(b.record.id);
				if (ka === undefined) return 1;
				if (kb === undefined) return -1;
				return (ka < kb ? -1 : 1) * (sort.descending ? -1 : 1);
			});
		}
		const page = hits.slice(offset, offset + limit);
		const result: Record<string, unknown> = {
			total: hits.length,
			results: page.map(({ record, values }) => toPublic(hs, type, record, { properties, values })),
		};
		const next = offset + limit;
		if (limit > 0 && next < hits.length && next < hs.settings.searchMaxResults)
			result.paging = { next: { after: String(next) } };
		sendJson(ctx.res, 200, result);
	});
}
