import { isEmptyValue, type PlainRecord } from '../fields/values';

/** Which value survives when duplicates are merged into one record. */
export type SurvivorshipRule = 'mostRecent' | 'first' | 'mostComplete';

export interface Member {
	record: PlainRecord;
	index: number;
	/** Epoch ms of the record's date field, when the options name one. */
	time?: number;
}

function isPlainObject(value: unknown): value is PlainRecord {
	return (
		typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
	);
}

/** How much information a value carries: characters of text, items of a list, filled leaves of an object. */
export function valueSize(value: unknown): number {
	if (isEmptyValue(value)) return 0;
	if (typeof value === 'string') return value.trim().length;
	if (Array.isArray(value)) return value.length;
	if (isPlainObject(value)) return filledFieldCount(value);
	return 1;
}

/** Number of non-empty fields, counting inside nested objects such as HubSpot `properties`. */
export function filledFieldCount(record: PlainRecord): number {
	let count = 0;
	for (const key of Object.keys(record)) {
		const value = record[key];
		if (isPlainObject(value)) count += filledFieldCount(value);
		else if (!isEmptyValue(value)) count++;
	}
	return count;
}

/** Newest first; equal or missing dates keep input order, so the outcome never depends on sort stability. */
export function byRecency(members: readonly Member[]): Member[] {
	return members
		.slice()
		.sort((a, b) => (b.time ?? -Infinity) - (a.time ?? -Infinity) || a.index - b.index);
}

/** The member whose record survives: earliest, newest, or the one with the most filled fields. */
export function chooseSurvivor(members: readonly Member[], rule: SurvivorshipRule): Member {
	if (rule === 'mostRecent') return byRecency(members)[0];
	let best = members[0];
	if (rule === 'mostComplete') {
		let bestCount = filledFieldCount(best.record);
		for (const member of members) {
			const count = filledFieldCount(member.record);
			if (count > bestCount || (count === bestCount && member.index < best.index)) {
				best = member;
				bestCount = count;
			}
		}
	} else {
		for (const member of members) if (member.index < best.index) best = member;
	}
	return best;
}

function pickValue(candidates: readonly unknown[], rule: SurvivorshipRule): unknown {
	let best: unknown;
	let bestSize = 0;
	for (const value of candidates) {
		const size = valueSize(value);
		if (size === 0) continue;
		if (rule !== 'mostComplete') return value;
		if (size > bestSize) {
			best = value;
			bestSize = size;
		}
	}
	return best;
}

/**
 * Merges duplicates field by field: each field takes the non-empty value chosen by its rule (`fieldRules`
 * by field name or dot path, else `rule`); nested objects are merged the same way, field by field.
 * `members` must be in input order; the survivor's field order comes first.
 */
export function mergeMembers(
	members: readonly Member[],
	survivor: Member,
	rule: SurvivorshipRule,
	fieldRules: Readonly<Record<string, SurvivorshipRule>> = {},
): PlainRecord {
	const recent = byRecency(members).map((member) => member.record);
	const inOrder = members.map((member) => member.record);
	const mergeLevel = (
		path: string,
		base: PlainRecord,
		ordered: PlainRecord[],
		byTime: PlainRecord[],
	): PlainRecord => {
		const keys = new Set(Object.keys(base));
		ordered.forEach((record) => Object.keys(record).forEach((key) => keys.add(key)));
		const merged: PlainRecord = {};
		keys.forEach((key) => {
			const fieldPath = path ? `${path}.${key}` : key;
			const fieldRule = fieldRules[fieldPath] ?? fieldRules[key] ?? rule;
			const source = fieldRule === 'mostRecent' ? byTime : ordered;
			const values = source.map((record) => record[key]);
			const objects = values.filter((value) => !isEmptyValue(value));
			if (objects.length > 0 && objects.every(isPlainObject)) {
				const nested = (records: PlainRecord[]) =>
					records.map((record) => record[key]).filter(isPlainObject);
				const baseValue = base[key];
				merged[key] = mergeLevel(
					fieldPath,
					isPlainObject(baseValue) ? baseValue : {},
					nested(ordered),
					nested(byTime),
				);
				return;
			}
			const picked = pickValue(values, fieldRule);
			if (picked !== undefined) merged[key] = picked;
			else merged[key] = key in base ? base[key] : values.find((value) => value !== undefined);
		});
		return merged;
	};
	return mergeLevel('', survivor.record, inOrder, recent);
}
