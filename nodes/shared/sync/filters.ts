// Include/exclude filters, evaluated on a record's own raw values (a HubSpot property, a warehouse column)
// so a filter can use a field that is not synced. Comparisons are loose in the way workflow users expect:
// HubSpot sends every property as text, so `employees gt 50` must compare "120" as a number.
import { readInstant } from './instant';
import type { FilterCondition, FilterSet, JsonValue } from './types';

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const TRUE_WORDS = new Set(['true', 't', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'f', 'no', 'n', '0']);

/** Not missing, not blank text, not an empty list. */
export function isPresent(value: unknown): boolean {
	if (value === undefined || value === null) return false;
	if (typeof value === 'string') return value.trim() !== '';
	if (Array.isArray(value)) return value.length > 0;
	return true;
}

function asNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value === 'string' && DECIMAL.test(value.trim())) return Number(value.trim());
	return undefined;
}

function asBoolean(value: unknown): boolean | undefined {
	if (typeof value === 'boolean') return value;
	if (value === 1 || value === 0) return value === 1;
	if (typeof value !== 'string') return undefined;
	const text = value.trim().toLowerCase();
	return TRUE_WORDS.has(text) ? true : FALSE_WORDS.has(text) ? false : undefined;
}

function asTime(value: unknown): number | undefined {
	if (!isPresent(value)) return undefined;
	return readInstant(value).ms;
}

function asText(value: unknown): string {
	if (value instanceof Date) return value.toISOString();
	return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** eq: the filter value's type decides how the record's value is read (number, boolean, text);
 *  `value: null` means "has no value". Text compares exactly (case matters). */
export function valueEquals(value: unknown, expected: JsonValue | undefined): boolean {
	if (expected === null || expected === undefined) return !isPresent(value);
	if (typeof expected === 'number') return asNumber(value) === expected;
	if (typeof expected === 'boolean') return asBoolean(value) === expected;
	if (!isPresent(value)) return false;
	if (typeof expected === 'object') return asText(value) === JSON.stringify(expected);
	return asText(value) === expected;
}

/** gt/gte/lt/lte: as numbers when the filter value is a number (or numeric text), as instants when it
 *  is a date, else as text; a missing or unreadable record value never matches. */
function compare(value: unknown, expected: JsonValue | undefined): number | undefined {
	if (!isPresent(value) || expected === null || expected === undefined) return undefined;
	const expectedNumber = asNumber(expected);
	if (expectedNumber !== undefined) {
		const actual = asNumber(value);
		return actual === undefined ? undefined : actual - expectedNumber;
	}
	if (typeof expected !== 'string') return undefined;
	const expectedTime = readInstant(expected).ms;
	if (expectedTime !== undefined) {
		const actual = asTime(value);
		return actual === undefined ? undefined : actual - expectedTime;
	}
	const text = asText(value);
	return text < expected ? -1 : text > expected ? 1 : 0;
}

/** contains: an element of a list value, else a case-insensitive substring of the text. */
function contains(value: unknown, expected: JsonValue | undefined): boolean {
	if (Array.isArray(value)) return value.some((item) => valueEquals(item, expected));
	if (!isPresent(value) || expected === undefined || expected === null) return false;
	return asText(value).toLowerCase().includes(asText(expected).toLowerCase());
}

export function matchesCondition(
	condition: FilterCondition,
	values: Record<string, unknown>,
): boolean {
	const value = values[condition.field];
	const operand = condition.value;
	switch (condition.operator) {
		case 'eq':
			return valueEquals(value, operand);
		case 'neq':
			return !valueEquals(value, operand);
		case 'in':
			return (condition.values ?? []).some((item) => valueEquals(value, item));
		case 'not_in':
			return !(condition.values ?? []).some((item) => valueEquals(value, item));
		case 'contains':
			return contains(value, operand);
		case 'gt':
			return (compare(value, operand) ?? Number.NaN) > 0;
		case 'gte':
			return (compare(value, operand) ?? Number.NaN) >= 0;
		case 'lt':
			return (compare(value, operand) ?? Number.NaN) < 0;
		case 'lte':
			return (compare(value, operand) ?? Number.NaN) <= 0;
		case 'exists':
			return isPresent(value);
		case 'not_exists':
			return !isPresent(value);
		default:
			return false;
	}
}

/** Every include condition holds (all, like SQL AND) and no exclude condition does (any one excludes). */
export function passesFilter(filter: FilterSet, values: Record<string, unknown>): boolean {
	return (
		(filter.include ?? []).every((condition) => matchesCondition(condition, values)) &&
		!(filter.exclude ?? []).some((condition) => matchesCondition(condition, values))
	);
}
