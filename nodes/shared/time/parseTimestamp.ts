export type TimestampResult = { ms: number; error?: undefined } | { error: string; ms?: undefined };

// Epoch numbers below this are taken as seconds (1e11 s is the year 5138; 1e11 ms is March 1973).
const SECONDS_BELOW = 1e11;

const ISO_8601 =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const EXPECTED = 'use an ISO 8601 date such as 2024-05-01T09:30:00Z, or epoch milliseconds';

function fromEpoch(value: number): TimestampResult {
	if (!Number.isFinite(value)) return { error: `${value} is not a date: ${EXPECTED}` };
	return { ms: Math.abs(value) < SECONDS_BELOW ? value * 1000 : value };
}

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// Parsed by hand instead of Date.parse, which reads an offset-less date-time in the server's local zone
// and silently rolls 2024-02-31 over to March.
function fromIso(text: string): TimestampResult {
	const match = ISO_8601.exec(text);
	if (!match) return { error: `'${text}' is not a date: ${EXPECTED}` };
	const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone = 'Z'] = match;
	const year = Number(y);
	const month = Number(mo);
	const day = Number(d);
	const hour = Number(h);
	const minute = Number(mi);
	const second = Number(s);
	if (
		month < 1 ||
		month > 12 ||
		day < 1 ||
		day > daysInMonth(year, month) ||
		hour > 23 ||
		minute > 59 ||
		second > 59
	) {
		return { error: `'${text}' is not a calendar date: ${EXPECTED}` };
	}
	let offsetMinutes = 0;
	if (zone.toUpperCase() !== 'Z') {
		const digits = zone.slice(1).replace(':', '');
		const offsetHours = Number(digits.slice(0, 2));
		const offsetMins = Number(digits.slice(2) || '0');
		if (offsetHours > 14 || offsetMins > 59)
			return { error: `'${text}' has an invalid UTC offset: ${EXPECTED}` };
		offsetMinutes = (zone[0] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
	}
	const millis = Number(`${fraction}000`.slice(0, 3));
	return {
		ms: Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60000,
	};
}

/**
 * Reads a point in time from a workflow value: an ISO 8601 string (no offset means UTC), epoch
 * milliseconds or seconds as a number or digit string, or a Date.
 */
export function parseTimestamp(value: unknown): TimestampResult {
	if (typeof value === 'number') return fromEpoch(value);
	if (value instanceof Date) return fromEpoch(value.getTime());
	if (typeof value !== 'string')
		return {
			error: `expected a date but got ${value === null ? 'null' : typeof value}: ${EXPECTED}`,
		};
	const text = value.trim();
	if (/^-?\d+(\.\d+)?$/.test(text)) return fromEpoch(Number(text));
	return fromIso(text);
}
