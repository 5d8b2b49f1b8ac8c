// HubSpot reports the caller's budget in X-HubSpot-RateLimit-* headers on every answer except CRM
// search. Header names arrive in any case (HTTP/1 clients lowercase them), so lookups ignore case.

export interface RateLimitSnapshot {
	/** Calls allowed per interval (`-Max`). */
	max?: number;
	/** Calls left in the current interval (`-Remaining`). */
	remaining?: number;
	intervalMs?: number;
	dailyRemaining?: number;
}

type Headers = Record<string, unknown>;

function header(headers: Headers, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== wanted) continue;
		const first = Array.isArray(value) ? value[0] : value;
		return first === undefined || first === null ? undefined : String(first);
	}
	return undefined;
}

function count(headers: Headers, name: string): number | undefined {
	const raw = header(headers, name);
	if (raw === undefined || raw.trim() === '') return undefined;
	const value = Number(raw);
	return Number.isFinite(value) && value >= 0 ? value : undefined;
}

export function readRateLimitHeaders(headers: Headers): RateLimitSnapshot {
	return {
		max: count(headers, 'X-HubSpot-RateLimit-Max'),
		remaining: count(headers, 'X-HubSpot-RateLimit-Remaining'),
		intervalMs: count(headers, 'X-HubSpot-RateLimit-Interval-Milliseconds'),
		dailyRemaining: count(headers, 'X-HubSpot-RateLimit-Daily-Remaining'),
	};
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
	const raw = header(headers, 'Retry-After')?.trim();
	if (!raw) return undefined;
	if (/^\d+(\.\d+)?$/.test(raw)) return Math.round(Number(raw) * 1000);
	const at = Date.parse(raw);
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
