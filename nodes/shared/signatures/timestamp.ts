import { readHeader } from './headers';
import { badTimestamp, isFailure, outsideTolerance } from './reasons';
import type { Failure, HeaderValue, TimestampUnit } from './types';

export const DEFAULT_TOLERANCE_SECONDS = 300;

/** A decimal integer timestamp, returned in seconds. */
export function parseTimestamp(raw: string, unit: TimestampUnit, where: string): number | Failure {
	if (!/^\d{1,16}$/.test(raw)) return badTimestamp(where.toLowerCase());
	const value = Number(raw);
	return unit === 'ms' ? value / 1000 : value;
}

/** A required timestamp header: the text as sent (it is part of what is signed) and its value in seconds. */
export function readTimestamp(
	headers: Record<string, HeaderValue>,
	name: string,
	unit: TimestampUnit,
): { raw: string; seconds: number } | Failure {
	const raw = readHeader(headers, name);
	if (isFailure(raw)) return raw;
	const seconds = parseTimestamp(raw, unit, name);
	return isFailure(seconds) ? seconds : { raw, seconds };
}

/** Refuses a timestamp further than the tolerance from now, in the past or in the future. */
export function checkTolerance(
	timestampSeconds: number,
	nowMs: number,
	toleranceSeconds: number,
): Failure | undefined {
	return Math.abs(nowMs / 1000 - timestampSeconds) > toleranceSeconds
		? outsideTolerance(toleranceSeconds)
		: undefined;
}
