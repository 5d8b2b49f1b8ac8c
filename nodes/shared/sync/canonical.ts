// One representation per field type, whichever side a value comes from, so that HubSpot's "12" and the
// warehouse's 12, "true" and true, or a timestamp at microsecond and at millisecond precision compare
// equal. Echo suppression rests on this: our own write coming back must read as exactly what we wrote.
import { readInstant } from './instant';
import type { CompiledField } from './fieldMap';
import type { CanonicalValue, JsonValue, Side } from './types';

export type Decoded =
	| { value: CanonicalValue; error?: undefined }
	| { error: string; value?: undefined };

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const TRUE_WORDS = new Set(['true', 't', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'f', 'no', 'n', '0']);
const DAY_MS = 86_400_000;
// The range of a JavaScript Date.
const MAX_MS = 8.64e15;

function describe(raw: unknown): string {
	if (typeof raw === 'string') return `'${raw}'`;
	if (Array.isArray(raw)) return 'a list';
	return typeof raw === 'object' ? 'an object' : String(raw);
}

/** Objects with sorted keys, so equal JSON serialises identically. */
function sortKeys(value: JsonValue): JsonValue {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (value !== null && typeof value === 'object') {
		const sorted: Record<string, JsonValue> = {};
		for (const key of Object.keys(value).sort()) sorted[key] = sortKeys(value[key]);
		return sorted;
	}
	return value;
}

export function sameValue(a: CanonicalValue, b: CanonicalValue): boolean {
	if (a === b) return true;
	if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
	return JSON.stringify(a) === JSON.stringify(b);
}

function decodeString(raw: unknown): Decoded {
	if (typeof raw === 'string') return { value: raw === '' ? null : raw };
	if (typeof raw === 'number' || typeof raw === 'boolean' || typeof raw === 'bigint')
		return { value: String(raw) };
	if (raw instanceof Date) return decodeTimestamp(raw, 'millisecond');
	return { error: `expected text but got ${describe(raw)}` };
}

function decodeNumber(raw: unknown): Decoded {
	if (typeof raw === 'bigint') raw = Number(raw);
	if (typeof raw === 'string') {
		const text = raw.trim();
		if (text === '') return { value: null };
		if (!DECIMAL.test(text)) return { error: `${describe(raw)} is not a number` };
		raw = Number(text);
	}
	if (typeof raw !== 'number') return { error: `expected a number but got ${describe(raw)}` };
	if (!Number.isFinite(raw)) return { error: `${raw} is not a finite number` };
	// -0 and 0 are one value (JSON cannot even tell them apart).
	return { value: raw === 0 ? 0 : raw };
}

function decodeBoolean(raw: unknown): Decoded {
	if (typeof raw === 'boolean') return { value: raw };
	if (raw === 1 || raw === 0) return { value: raw === 1 };
	if (typeof raw === 'string') {
		const text = raw.trim().toLowerCase();
		if (text === '') return { value: null };
		if (TRUE_WORDS.has(text)) return { value: true };
		if (FALSE_WORDS.has(text)) return { value: false };
	}
	return { error: `${describe(raw)} is not true or false` };
}

function decodeTimestamp(raw: unknown, precision: CompiledField['precision']): Decoded {
	if (typeof raw === 'string' && raw.trim() === '') return { value: null };
	const parsed = readInstant(raw);
	if (parsed.error !== undefined) return { error: parsed.error };
	if (Math.abs(parsed.ms) > MAX_MS) return { error: `${describe(raw)} is out of range` };
	// Truncated, not rounded: a warehouse's microseconds must land on the millisecond HubSpot keeps.
	const unit = precision === 'day' ? DAY_MS : precision === 'second' ? 1000 : 1;
	const iso = new Date(Math.floor(parsed.ms / unit) * unit).toISOString();
	return { value: precision === 'day' ? iso.slice(0, 10) : iso };
}

function decodeJson(raw: unknown): Decoded {
	let value: unknown = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') return { value: null };
		try {
			value = JSON.parse(raw);
		} catch (error) {
			return { error: `${describe(raw)} is not JSON (${(error as Error).message})` };
		}
	}
	// Through JSON once more: Dates become strings, undefined members disappear, as they would in a write.
	const text = JSON.stringify(value);
	if (text === undefined) return { error: `${describe(raw)} is not JSON` };
	return { value: sortKeys(JSON.parse(text) as JsonValue) };
}

/** The items of a merge field's value: text items, or JSON array elements serialised; undefined when the
 *  value is not a list (a JSON object or scalar), which the merge then resolves by last write. */
export function listItems(field: CompiledField, value: CanonicalValue): string[] | undefined {
	if (value === null) return [];
	if (field.type === 'string')
		return typeof value === 'string' ? value.split(field.separator) : undefined;
	return Array.isArray(value) ? value.map((item) => JSON.stringify(item)) : undefined;
}

/** A merge field's value from items: sorted and without repeats, since a merged list is a set. */
export function fromItems(field: CompiledField, items: Iterable<string>): CanonicalValue {
	const unique = [...new Set(items)].sort();
	if (field.type === 'string') return unique.length ? unique.join(field.separator) : null;
	return unique.map((item) => JSON.parse(item) as JsonValue);
}

function asSet(field: CompiledField, decoded: Decoded): Decoded {
	if (decoded.error !== undefined || decoded.value === null) return decoded;
	if (field.type === 'string') {
		const items = (decoded.value as string)
			.split(field.separator)
			.map((item) => item.trim())
			.filter((item) => item !== '');
		return { value: fromItems(field, items) };
	}
	const items = listItems(field, decoded.value);
	return items === undefined ? decoded : { value: fromItems(field, items) };
}

/** Reads a value from either side as the field's canonical value. */
export function decodeValue(field: CompiledField, raw: unknown): Decoded {
	if (raw === undefined || raw === null) return { value: null };
	let decoded: Decoded;
	switch (field.type) {
		case 'string':
			decoded = decodeString(raw);
			break;
		case 'number':
			decoded = decodeNumber(raw);
			break;
		case 'boolean':
			decoded = decodeBoolean(raw);
			break;
		case 'timestamp':
			decoded = decodeTimestamp(raw, field.precision);
			break;
		default:
			decoded = decodeJson(raw);
	}
	return field.merge ? asSet(field, decoded) : decoded;
}

/** The value as it lands on the other side: the field's transforms towards `to`, then canonical again. */
export function crossValue(field: CompiledField, value: CanonicalValue, to: Side): CanonicalValue {
	const transforms = to === 'target' ? field.toTarget : field.toSource;
	if (typeof value !== 'string' || transforms.length === 0) return value;
	const result = transforms.reduce((text, transform) => transform(text), value);
	return result === '' ? null : result;
}

/** A HubSpot property value: text, `''` clears the property. */
export function encodeForSource(field: CompiledField, value: CanonicalValue): string {
	if (value === null) return '';
	if (field.type === 'json') return JSON.stringify(value);
	return String(value);
}

/** A warehouse value: typed JSON; timestamps as ISO 8601 text, which PostgreSQL and Data Tables accept. */
export function encodeForTarget(_field: CompiledField, value: CanonicalValue): JsonValue {
	return value;
}
