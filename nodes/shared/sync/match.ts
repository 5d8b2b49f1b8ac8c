// First-time linking: a company that already exists on both sides (the warehouse was loaded from HubSpot,
// or someone created it twice) is linked by a match key instead of being created again on each side.
import { normalizeDomain } from '../domain/normalizeDomain';
import type { CompiledConfig } from './fieldMap';
import type { CanonicalValue } from './types';

/** The match key of a record's canonical match-field value; undefined when it has none (then the record
 *  is never matched, only created). Domains match on the registrable domain, as HubSpot dedupes companies. */
export function matchKeyOf(
	match: NonNullable<CompiledConfig['match']>,
	value: CanonicalValue,
): string | undefined {
	if (value === null) return undefined;
	const text = (typeof value === 'object' ? JSON.stringify(value) : String(value)).trim();
	if (text === '') return undefined;
	if (match.normalize === 'exact') return text;
	if (match.normalize === 'lowercase') return text.toLowerCase();
	const domain = normalizeDomain(text);
	return domain.error === undefined ? domain.registrable : undefined;
}

/**
 * Pairs unlinked records of both sides that share a match key, one to one: in id order, the first source
 * record with the first target record, and so on. Ids sort as text so every run pairs the same way.
 */
export function pairByKey<S extends { id: string }, T extends { id: string }>(
	sources: S[],
	targets: T[],
	keyOf: (record: S | T) => string | undefined,
): Array<{ source: S; target: T; key: string }> {
	const waiting = new Map<string, T[]>();
	for (const target of [...targets].sort(byId)) {
		const key = keyOf(target);
		if (key === undefined) continue;
		const queue = waiting.get(key);
		if (queue) queue.push(target);
		else waiting.set(key, [target]);
	}
	const pairs: Array<{ source: S; target: T; key: string }> = [];
	for (const source of [...sources].sort(byId)) {
		const key = keyOf(source);
		const target = key === undefined ? undefined : waiting.get(key)?.shift();
		if (key !== undefined && target) pairs.push({ source, target, key });
	}
	return pairs;
}

export function byId(a: { id: string }, b: { id: string }): number {
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
