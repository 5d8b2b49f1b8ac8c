import { DateTime } from 'luxon';

export type TimestampResult = { ms: number; error?: undefined } | { error: string; ms?: undefined };

// Epoch numbers below this are taken as seconds (1e11 s is the year 5138; 1e11 ms is March 1973).
const SECONDS_BELOW = 1e11;

const EXPECTED = 'use an ISO 8601 date such as 2024-05-01T09:30:00Z, or epoch milliseconds';

function fromEpoch(value: number): TimestampResult {
	if (!Number.isFinite(value)) return { error: `${value} is not a date: ${EXPECTED}` };
	return { ms: Math.abs(value) < SECONDS_BELOW ? value * 1000 : value };
}

// Luxon (which n8n itself provides to nodes) rather than Date.parse: Date.parse reads an offset-less
// date-time in the server's local zone and silently rolls 2024-02-31 over to March.
function fromIso(text: string): TimestampResult {
	const parsed = DateTime.fromISO(text.replace(' ', 'T'), { zone: 'utc' });
	if (!parsed.isValid) return { error: `'${text}' is not a date: ${EXPECTED}` };
	return { ms: parsed.toMillis() };
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
