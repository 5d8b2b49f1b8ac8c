import type { DeduplicationScope, IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { DedupeOptions, KeepRule } from '../shared/dedupe/dedupe';
import type { NameSimilarity } from '../shared/dedupe/fuzzyNames';
import type { KeyKind, KeyPart, KeyRule } from '../shared/dedupe/keys';
import type { SurvivorshipRule } from '../shared/dedupe/survivorship';
import type { HistorySettings } from './history';

export interface DedupeParameters {
	/** What the pure dedupe takes. */
	dedupe: DedupeOptions;
	/** Set when duplicates of records kept by earlier executions are looked for. */
	history?: HistorySettings;
	/** Field of a duplicate that says which item it matched and why. */
	duplicateField: string;
}

/** "domain, website , email" → ['domain', 'website', 'email']. */
export function fieldList(text: unknown): string[] {
	return String(text ?? '')
		.split(',')
		.map((field) => field.trim())
		.filter(Boolean);
}

function keyPart(entry: IDataObject): KeyPart {
	const kind = (entry.kind as KeyKind) ?? 'domain';
	const part: KeyPart = { kind, fields: fieldList(entry.fields) };
	if (kind === 'domain') part.freeMailIsKey = entry.freeMailIsKey === true;
	if (kind === 'email') {
		part.stripPlusTag = entry.stripPlusTag === true;
		part.ignoreGmailDots = entry.ignoreGmailDots === true;
	}
	if (kind === 'phone' && entry.defaultCountryCode)
		part.defaultCountryCode = String(entry.defaultCountryCode);
	if (kind === 'field') part.caseSensitive = entry.caseSensitive === true;
	return part;
}

/** Key entries in order; "combine with next" chains entries into one composite key, otherwise each is a fallback. */
export function keyRules(entries: readonly IDataObject[]): KeyRule[] {
	const rules: KeyRule[] = [];
	let rule: KeyRule = [];
	for (const entry of entries) {
		rule.push(keyPart(entry));
		if (entry.combineWithNext !== true) {
			rules.push(rule);
			rule = [];
		}
	}
	if (rule.length) rules.push(rule);
	return rules;
}

function fieldSurvivorship(entries: readonly IDataObject[]): Record<string, SurvivorshipRule> {
	const rules: Record<string, SurvivorshipRule> = {};
	for (const entry of entries) {
		const field = String(entry.field ?? '').trim();
		if (field) rules[field] = (entry.survivorship as SurvivorshipRule) ?? 'first';
	}
	return rules;
}

/** The node's parameters (read once, for the whole input) → the pure dedupe options and the node's own. */
export function readParameters(context: IExecuteFunctions): DedupeParameters {
	const get = <T>(name: string, fallback: T): T => context.getNodeParameter(name, 0, fallback) as T;
	const extra = get<IDataObject>('options', {});
	return {
		dedupe: dedupeOptions(get, extra),
		history: get('acrossExecutions', false)
			? {
					scope: get<DeduplicationScope>('scope', 'node'),
					size: Number(get('historySize', 10000)),
				}
			: undefined,
		duplicateField: (extra.duplicateField as string) || 'duplicateOf',
	};
}

/** Keys, which record to keep, merging and fuzzy names: what the pure dedupe takes. */
function dedupeOptions(
	get: <T>(name: string, fallback: T) => T,
	extra: IDataObject,
): DedupeOptions {
	const keep = get<KeepRule>('keep', 'mostRecent');
	const options: DedupeOptions = {
		keys: keyRules((get<IDataObject>('keys', {}).key as IDataObject[]) ?? []),
		keep,
		dateField: get('dateField', '').trim() || undefined,
		missingKey: (extra.missingKey as DedupeOptions['missingKey']) ?? 'keep',
		joinFallbackKeys: extra.joinFallbackKeys !== false,
	};
	if (keep === 'merge') {
		options.survivorship = get<SurvivorshipRule>('survivorship', 'mostRecent');
		options.fieldSurvivorship = fieldSurvivorship(
			(get<IDataObject>('fieldRules', {}).rule as IDataObject[]) ?? [],
		);
	}
	if (get('fuzzyNames', false)) {
		options.fuzzyName = {
			algorithm: get<NameSimilarity>('similarity', 'jaroWinkler'),
			threshold: Number(get('threshold', 0.95)),
			nameFields: fieldList(get('nameFields', 'name, company')),
			domainFields: fieldList(get('domainFields', 'domain, website, email')),
		};
	}
	return options;
}
