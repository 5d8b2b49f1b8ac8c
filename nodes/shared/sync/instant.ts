// Points in time for the sync engine. A sync run reads two timestamps per record and one per timestamp
// field, thousands of records at a time; luxon's general ISO parser dominated a run's cost, so the shapes
// HubSpot and PostgreSQL actually send (UTC date-times, bare dates) are read here directly and anything
// else goes to parseTimestamp, whose results these match.
import { parseTimestamp, type TimestampResult } from '../time/parseTimestamp';

// 2024-05-01, 2024-05-01T09:30:00Z, 2024-05-01 09:30:00.123456+00 (PostgreSQL), …+00:00; no offset = UTC.
const UTC_ISO =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|\+00(?::?00)?)?)?$/i;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	return month === 2 && leap ? 29 : DAYS[month - 1];
}

function fastIso(text: string): number | undefined {
	const m = UTC_ISO.exec(text);
	if (!m) return undefined;
	const year = +m[1];
	const month = +m[2];
	const day = +m[3];
	const hour = m[4] === undefined ? 0 : +m[4];
	const minute = m[5] === undefined ? 0 : +m[5];
	const second = m[6] === undefined ? 0 : +m[6];
	// Years before 1000 are left to the general parser (Date.UTC maps 0-99 to 1900-1999).
	if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month))
		return undefined;
	if (hour > 23 || minute > 59 || second > 59) return undefined;
	// Fractions are truncated to the millisecond, as luxon does.
	const ms = m[7] === undefined ? 0 : +(m[7] + '00').slice(0, 3);
	return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

/** parseTimestamp, fast for the common UTC shapes. */
export function readInstant(value: unknown): TimestampResult {
	// A Date is an instant already (node-postgres returns them); parseTimestamp would read one before
	// March 1973 as epoch seconds.
	if (value instanceof Date) {
		const ms = value.getTime();
		return Number.isNaN(ms) ? { error: 'the date is invalid' } : { ms };
	}
	if (typeof value === 'string') {
		const ms = fastIso(value.trim());
		if (ms !== undefined) return { ms };
	}
	return parseTimestamp(value);
}
