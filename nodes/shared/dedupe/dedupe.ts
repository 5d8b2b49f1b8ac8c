import { getField } from '../fields/getField';
import { isEmptyValue, type PlainRecord } from '../fields/values';
import { companyNameTokens } from '../names/normalizeCompanyName';
import { parseTimestamp } from '../time/parseTimestamp';
import {
	matchSimilarNames,
	nameSimilarity,
	SIMILARITY_LABEL,
	type FuzzyNameOptions,
	type NameEntry,
} from './fuzzyNames';
import {
	describeKey,
	domainBlock,
	keyFieldsHint,
	recordFacts,
	ruleKey,
	type KeyRule,
	type RecordKey,
} from './keys';
import { chooseSurvivor, mergeMembers, type Member, type SurvivorshipRule } from './survivorship';

/** Which record of a duplicate group is kept: one of them as it is, or all of them merged. */
export type KeepRule = 'first' | 'mostRecent' | 'mostComplete' | 'merge';

export interface DedupeOptions {
	/** Key rules tried in order per record (a fallback chain); each rule is a composite key. */
	keys: KeyRule[];
	keep: KeepRule;
	/** Date field for `mostRecent` (keep or survivorship); ISO 8601 or epoch. */
	dateField?: string;
	/** `merge`: which value survives, and which record's field order and index the merge takes. Default `first`. */
	survivorship?: SurvivorshipRule;
	/** `merge`: per-field rules by field name or dot path, overriding `survivorship`. */
	fieldSurvivorship?: Record<string, SurvivorshipRule>;
	/**
	 * A record keyed by a fallback rule (e.g. company name, having no company domain) also joins the record
	 * keyed by an earlier rule (its domain) with the same fallback key, when exactly one group in the input
	 * has it: "Stripe" with no website joins stripe.com, unless two domains carry that name.
	 */
	joinFallbackKeys?: boolean;
	/** Also match records whose company names are similar, only inside the same registrable domain. */
	fuzzyName?: FuzzyNameOptions;
	/** A record with no value for any key rule: reported as an error (default) or kept as unique. */
	missingKey?: 'error' | 'keep';
}

export interface KeptRecord {
	record: PlainRecord;
	/** Input index of the kept record (in `merge` mode, of the survivor whose field order was used). */
	index: number;
	/** `merge` mode: input indexes of every record merged into this one, the survivor included. */
	mergedFrom?: number[];
}

export interface DuplicateRecord {
	record: PlainRecord;
	index: number;
	keptIndex: number;
	/** Why it matched, e.g. `same domain acme.com`. */
	reason: string;
	/** 1 for an exact key, the name similarity for a fuzzy match. */
	score: number;
}

export interface RecordError {
	index: number;
	field: string;
	message: string;
}

export interface DedupeResult {
	kept: KeptRecord[];
	duplicates: DuplicateRecord[];
	errors: RecordError[];
}

interface Prepared extends Member {
	key?: RecordKey;
	ruleIndex?: number;
	/** Name entry in its domain block, when fuzzy matching runs. */
	nameEntry?: NameEntry;
	block?: string;
}

function usesMostRecent(options: DedupeOptions): boolean {
	if (options.keep === 'mostRecent') return true;
	if (options.keep !== 'merge') return false;
	const rules = [
		options.survivorship ?? 'first',
		...Object.values(options.fieldSurvivorship ?? {}),
	];
	return rules.includes('mostRecent');
}

function fieldsOfKind(
	rules: readonly KeyRule[],
	kind: 'domain' | 'companyName',
): string[] | undefined {
	for (const rule of rules) for (const part of rule) if (part.kind === kind) return part.fields;
	return undefined;
}

/** A configuration problem that applies to the whole run (the node reports it once), or undefined. */
export function checkDedupeOptions(options: DedupeOptions): string | undefined {
	if (options.keys.length === 0 || options.keys.some((rule) => rule.length === 0)) {
		return 'Add at least one key to compare records on (domain, email, company name, phone or a field)';
	}
	const emptyPart = options.keys.some((rule) => rule.some((part) => part.fields.length === 0));
	if (emptyPart) return 'Every key needs the name of the field to read it from';
	if (usesMostRecent(options) && !options.dateField) {
		return 'Keeping the most recent record needs a date field: set "Date Field" (e.g. updatedAt)';
	}
	const fuzzy = options.fuzzyName;
	if (fuzzy) {
		if (!(fuzzy.threshold > 0 && fuzzy.threshold <= 1))
			return 'The similarity threshold must be above 0 and at most 1, e.g. 0.92';
		if (!(fuzzy.domainFields ?? fieldsOfKind(options.keys, 'domain'))) {
			return 'Fuzzy name matching only compares companies with the same domain: add a domain key or domain fields';
		}
		if (!(fuzzy.nameFields ?? fieldsOfKind(options.keys, 'companyName'))) {
			return 'Fuzzy name matching needs the company name: add a company-name key or name fields';
		}
	}
	return undefined;
}

class UnionFind {
	private readonly parent: Int32Array;
	constructor(size: number) {
		this.parent = new Int32Array(size);
		for (let i = 0; i < size; i++) this.parent[i] = i;
	}
	find(i: number): number {
		let root = i;
		while (this.parent[root] !== root) root = this.parent[root];
		while (this.parent[i] !== root) {
			const next = this.parent[i];
			this.parent[i] = root;
			i = next;
		}
		return root;
	}
	union(a: number, b: number): void {
		const rootA = this.find(a);
		const rootB = this.find(b);
		// The smaller index becomes the root, so a group's root is always its first record.
		if (rootA < rootB) this.parent[rootB] = rootA;
		else if (rootB < rootA) this.parent[rootA] = rootB;
	}
}

function firstName(record: PlainRecord, fields: readonly string[]): string[] | undefined {
	for (const field of fields) {
		const value = getField(record, field);
		if (typeof value !== 'string') continue;
		const tokens = companyNameTokens(value);
		if (tokens.length > 0) return tokens;
	}
	return undefined;
}

/** Links records whose names are similar inside one domain block; returns nothing, only unions. */
function linkSimilarNames(
	prepared: Prepared[],
	records: readonly PlainRecord[],
	fuzzy: FuzzyNameOptions,
	rules: readonly KeyRule[],
	groups: UnionFind,
): void {
	const nameFields = fuzzy.nameFields ?? fieldsOfKind(rules, 'companyName') ?? [];
	const domainFields = fuzzy.domainFields ?? fieldsOfKind(rules, 'domain') ?? [];
	const blocks = new Map<string, Map<string, NameEntry>>();
	const sameFields = (fields: readonly string[]) =>
		fields.length === domainFields.length && fields.every((field, i) => field === domainFields[i]);
	for (const item of prepared) {
		// Keyed by this very domain: its block is its key, so everything it could match there already has.
		const rule = item.key?.rule;
		if (rule && rule.length === 1 && rule[0].kind === 'domain' && sameFields(rule[0].fields))
			continue;
		const block = domainBlock(records[item.index], domainFields);
		const tokens = block === undefined ? undefined : firstName(records[item.index], nameFields);
		if (block === undefined || tokens === undefined) continue;
		const name = tokens.join(' ');
		let names = blocks.get(block);
		if (!names) blocks.set(block, (names = new Map()));
		let entry = names.get(name);
		if (entry) groups.union(entry.firstIndex, item.index);
		else names.set(name, (entry = { name, tokens, firstIndex: item.index }));
		item.nameEntry = entry;
		item.block = block;
	}
	blocks.forEach((names) => {
		const entries = Array.from(names.values());
		if (entries.length < 2) return;
		const root = groups.find(entries[0].firstIndex);
		// Skip blocks already one group (every company-domain block when the domain is the key).
		if (entries.every((entry) => groups.find(entry.firstIndex) === root)) return;
		matchSimilarNames(entries, fuzzy, (a, b) => groups.union(a.firstIndex, b.firstIndex));
	});
}

const AMBIGUOUS = -1;

/** See `DedupeOptions.joinFallbackKeys`; runs on the exact groups, before fuzzy matching. */
function joinFallbackKeys(
	prepared: readonly Prepared[],
	rules: readonly KeyRule[],
	groups: UnionFind,
): void {
	// Fallback key → the one exact group (by its first record) whose records have it under a later rule.
	const owners = new Map<string, number>();
	for (const item of prepared) {
		for (let later = (item.ruleIndex ?? rules.length) + 1; later < rules.length; later++) {
			const fallback = ruleKey(item.record, rules[later]);
			if (!('key' in fallback)) continue;
			const root = groups.find(item.index);
			const owner = owners.get(fallback.key);
			if (owner === undefined) owners.set(fallback.key, root);
			else if (owner !== root) owners.set(fallback.key, AMBIGUOUS);
		}
	}
	for (const item of prepared) {
		if (!item.key || !item.ruleIndex) continue;
		const owner = owners.get(item.key.key);
		if (owner !== undefined && owner !== AMBIGUOUS) groups.union(owner, item.index);
	}
}

interface Reason {
	reason: string;
	score: number;
}

/** Why two records match on their own (without a third record between them), or undefined. */
function directReason(a: Prepared, b: Prepared, options: DedupeOptions): Reason | undefined {
	if (a.key && b.key && a.key.key === b.key.key)
		return { reason: `same ${describeKey(a.key)}`, score: 1 };
	if (options.joinFallbackKeys) {
		for (const rule of options.keys) {
			const mine = ruleKey(a.record, rule);
			const theirs = ruleKey(b.record, rule);
			if ('key' in mine && 'key' in theirs && mine.key === theirs.key) {
				return {
					reason: `same ${describeKey(mine)}, the only match for it in the input`,
					score: 1,
				};
			}
		}
	}
	const fuzzy = options.fuzzyName;
	if (!fuzzy || !a.nameEntry || !b.nameEntry || a.block !== b.block) return undefined;
	const where = `within domain ${a.block}`;
	if (a.nameEntry === b.nameEntry)
		return { reason: `same company name "${a.nameEntry.name}" ${where}`, score: 1 };
	const score = nameSimilarity(a.nameEntry, b.nameEntry, fuzzy.algorithm);
	if (score < fuzzy.threshold) return undefined;
	const label = SIMILARITY_LABEL[fuzzy.algorithm];
	return {
		reason: `company name "${a.nameEntry.name}" similar to "${b.nameEntry.name}" (${label} ${score.toFixed(3)}) ${where}`,
		score,
	};
}

/** The direct reason, else one hop through another member of the group (A matches B, B matches the kept C). */
function duplicateReason(
	duplicate: Prepared,
	kept: Prepared,
	group: readonly Prepared[],
	options: DedupeOptions,
): Reason {
	const direct = directReason(duplicate, kept, options);
	if (direct) return direct;
	for (const member of group) {
		if (member === duplicate || member === kept) continue;
		const first = directReason(duplicate, member, options);
		const second = first && directReason(member, kept, options);
		if (first && second) {
			return {
				reason: `${first.reason} as item ${member.index}, which has ${second.reason}`,
				score: Math.min(first.score, second.score),
			};
		}
	}
	return {
		reason: 'linked to the kept record through a chain of other duplicates',
		score: duplicate.nameEntry?.bestMatch?.score ?? 1,
	};
}

/**
 * Splits records into kept and duplicates. Exact keys group records in one pass over a hash map; optional
 * fuzzy name matching then links groups inside a domain block. Bad records go to `errors` and nowhere else.
 */
export function dedupe(records: readonly PlainRecord[], options: DedupeOptions): DedupeResult {
	const configProblem = checkDedupeOptions(options);
	if (configProblem) throw new Error(configProblem);
	const result: DedupeResult = { kept: [], duplicates: [], errors: [] };
	const needsTime = usesMostRecent(options);
	const groups = new UnionFind(records.length);
	const byKey = new Map<string, number>();
	const prepared: Prepared[] = [];

	records.forEach((record, index) => {
		const facts = recordFacts(record, options.keys);
		if (!facts.key && (facts.problem || options.missingKey !== 'keep')) {
			result.errors.push({
				index,
				field: facts.problem?.field ?? options.keys[0][0].fields[0],
				message:
					facts.problem?.message ??
					`No value to deduplicate on: fill one of ${keyFieldsHint(options.keys)}, or choose to keep records without a key`,
			});
			return;
		}
		const item: Prepared = { record, index, key: facts.key, ruleIndex: facts.ruleIndex };
		if (needsTime && options.dateField) {
			const raw = getField(record, options.dateField);
			const time = isEmptyValue(raw) ? { error: 'is empty' } : parseTimestamp(raw);
			if (time.error !== undefined) {
				const fix = 'fill it with a date, or keep the first record instead of the most recent';
				result.errors.push({
					index,
					field: options.dateField,
					message: `'${options.dateField}' ${time.error}; ${fix}`,
				});
				return;
			}
			item.time = time.ms;
		}
		if (facts.key) {
			const first = byKey.get(facts.key.key);
			if (first === undefined) byKey.set(facts.key.key, index);
			else groups.union(first, index);
		}
		prepared.push(item);
	});

	if (options.joinFallbackKeys) joinFallbackKeys(prepared, options.keys, groups);
	if (options.fuzzyName)
		linkSimilarNames(prepared, records, options.fuzzyName, options.keys, groups);

	// Groups are collected only for roots with more than one record: in most inputs nearly every record is
	// unique, and one array per record would dominate the cost. Outputs come out in input order, unsorted.
	const size = new Int32Array(records.length);
	for (const item of prepared) size[groups.find(item.index)]++;
	const members = new Map<number, Prepared[]>();
	for (const item of prepared) {
		const root = groups.find(item.index);
		if (size[root] < 2) continue;
		const list = members.get(root);
		if (list) list.push(item);
		else members.set(root, [item]);
	}
	const rule: SurvivorshipRule =
		options.keep === 'merge' ? (options.survivorship ?? 'first') : options.keep;
	const survivors = new Map<number, Prepared>();
	members.forEach((group, root) => survivors.set(root, chooseSurvivor(group, rule) as Prepared));
	for (const item of prepared) {
		const root = groups.find(item.index);
		const survivor = survivors.get(root);
		if (!survivor) {
			result.kept.push({ record: item.record, index: item.index });
		} else if (survivor === item) {
			const group = members.get(root) as Prepared[];
			result.kept.push(
				options.keep === 'merge'
					? {
							record: mergeMembers(group, survivor, rule, options.fieldSurvivorship),
							index: item.index,
							mergedFrom: group.map((member) => member.index),
						}
					: { record: item.record, index: item.index },
			);
		} else {
			const { reason, score } = duplicateReason(
				item,
				survivor,
				members.get(root) as Prepared[],
				options,
			);
			result.duplicates.push({
				record: item.record,
				index: item.index,
				keptIndex: survivor.index,
				reason,
				score,
			});
		}
	}
	return result;
}
