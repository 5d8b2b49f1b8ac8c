import { isMissing } from './getField';

export type PlainRecord = Record<string, unknown>;

/** Missing, an empty list or an empty object: nothing a person would call a value. */
export function isEmptyValue(value: unknown): boolean {
	if (isMissing(value)) return true;
	if (Array.isArray(value)) return value.length === 0;
	if (typeof value === 'object' && !(value instanceof Date))
		return Object.keys(value as object).length === 0;
	return false;
}

/** Names the JavaScript type of a value in an error message, telling lists and null apart from objects. */
export function describeType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
