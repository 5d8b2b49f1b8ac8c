import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { DedupeOptions, KeepRule } from '../shared/dedupe/dedupe';
import type { NameSimilarity } from '../shared/dedupe/fuzzyNames';
import type { KeyKind, KeyPart, KeyRule } from '../shared/dedupe/keys';
import type { SurvivorshipRule } from '../shared/dedupe/survivorship';

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

/** The node's parameters (read once, for the whole input) → the pure dedupe options. */
export function dedupeOptionsFromParameters(context: IExecuteFunctions): DedupeOptions {
	const get = <T>(name: string, fallback: T): T => context.getNodeParameter(name, 0, fallback) as T;
	const keep = get<KeepRule>('keep', 'mostRecent');
	const extra = get<IDataObject>('options', {});
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
