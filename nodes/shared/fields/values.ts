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

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

/** true/false, yes/no, y/n, 1/0 in any case (as Clay and CSV exports write them); undefined otherwise. */
export function toBoolean(value: unknown): boolean | undefined {
	if (typeof value === 'boolean') return value;
	const text =
		typeof value === 'number'
			? String(value)
			: typeof value === 'string'
				? value.trim().toLowerCase()
				: '';
	if (TRUE_WORDS.has(text)) return true;
	if (FALSE_WORDS.has(text)) return false;
	return undefined;
}
