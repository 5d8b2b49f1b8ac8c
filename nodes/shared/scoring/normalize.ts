import type { Normalization } from './types';

export type Normalized = { ok: true; value: number } | { ok: false; message: string };

const clamp = (n: number) => (n < 0 ? 0 : n > 100 ? 100 : n);
const DAY_MS = 86400000;

/** Accepts numbers and numeric strings ("87", " 87.5 "), since Clay sends both. */
export function toNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value === 'string' && value.trim() !== '') {
		const n = Number(value.trim());
		return Number.isFinite(n) ? n : undefined;
	}
	return undefined;
}

const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);

export function toBoolean(value: unknown): boolean | undefined {
	if (typeof value === 'boolean') return value;
	if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
	if (typeof value === 'string') {
		const t = value.trim().toLowerCase();
		if (TRUE.has(t)) return true;
		if (FALSE.has(t)) return false;
	}
	return undefined;
}

/** Epoch ms from an ISO string, a Date, or epoch seconds/milliseconds. */
export function toTimestamp(value: unknown): number | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
	if (typeof value === 'number' && Number.isFinite(value))
		return value < 1e11 ? value * 1000 : value;
	if (typeof value === 'string') {
		const t = value.trim();
		if (/^\d+(\.\d+)?$/.test(t)) return toTimestamp(Number(t));
		const ms = Date.parse(t);
		return Number.isNaN(ms) ? undefined : ms;
	}
	return undefined;
}

/** Maps a raw value onto 0–100 as the component's normalization says. */
export function normalize(value: unknown, how: Normalization, now: number): Normalized {
	switch (how.kind) {
		case 'percent': {
			const n = toNumber(value);
			return n === undefined
				? { ok: false, message: 'is not a number' }
				: { ok: true, value: clamp(n) };
		}
		case 'minMax': {
			const n = toNumber(value);
			if (n === undefined) return { ok: false, message: 'is not a number' };
			return { ok: true, value: clamp(((n - how.min) / (how.max - how.min)) * 100) };
		}
		case 'boolean': {
			const b = toBoolean(value);
			return b === undefined
				? { ok: false, message: 'is not a boolean (use true/false, yes/no or 1/0)' }
				: { ok: true, value: b ? 100 : 0 };
		}
		case 'lookup': {
			const key = String(value).trim().toLowerCase();
			const hit = how.map[key];
			if (hit !== undefined) return { ok: true, value: clamp(hit) };
			if (how.fallback !== undefined) return { ok: true, value: clamp(how.fallback) };
			return {
				ok: false,
				message: `value "${String(value).slice(0, 60)}" is not in the lookup map (add it or set a default)`,
			};
		}
		case 'recency': {
			const at = toTimestamp(value);
			if (at === undefined)
				return { ok: false, message: 'is not a date (use ISO 8601 or epoch seconds)' };
			const ageDays = Math.max(0, (now - at) / DAY_MS);
			return { ok: true, value: 100 * Math.pow(0.5, ageDays / how.halfLifeDays) };
		}
	}
}
