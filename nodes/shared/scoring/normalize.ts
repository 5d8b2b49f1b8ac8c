import { toBoolean } from '../fields/values';
import { parseTimestamp } from '../time/parseTimestamp';
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
			const at = parseTimestamp(value).ms;
			if (at === undefined)
				return { ok: false, message: 'is not a date (use ISO 8601 or epoch seconds)' };
			const ageDays = Math.max(0, (now - at) / DAY_MS);
			return { ok: true, value: 100 * Math.pow(0.5, ageDays / how.halfLifeDays) };
		}
	}
}
