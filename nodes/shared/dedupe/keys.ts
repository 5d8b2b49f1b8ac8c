import { normalizeDomain } from '../domain/normalizeDomain';
import { getField } from '../fields/getField';
import { describeType, isEmptyValue, type PlainRecord } from '../fields/values';
import { normalizeCompanyName } from '../names/normalizeCompanyName';
import { normalizeEmail, type EmailOptions } from './normalizeEmail';
import { normalizePhone, type PhoneOptions } from './normalizePhone';

export type KeyKind = 'domain' | 'email' | 'companyName' | 'phone' | 'field';

export interface KeyPart extends EmailOptions, PhoneOptions {
	kind: KeyKind;
	/** Fields to read, e.g. `['domain', 'website', 'email']`: the first with a usable value is used. */
	fields: string[];
	/** Domain keys: `true` lets gmail.com and other free-mail domains act as keys (off: they are not companies). */
	freeMailIsKey?: boolean;
	/** Field keys: compare text exactly instead of case- and whitespace-insensitively. */
	caseSensitive?: boolean;
}

/** A composite key: records match on it only when every part is present and equal. */
export type KeyRule = KeyPart[];

export interface RecordKey {
	/** Stable text identifying the duplicate group; also what the node records for cross-execution dedupe. */
	key: string;
	rule: KeyRule;
	/** Normalized value of each part of the rule. */
	values: string[];
}

export interface KeyProblem {
	field: string;
	message: string;
}

export interface RecordFacts {
	key?: RecordKey;
	/** Which rule gave the key. */
	ruleIndex?: number;
	/** Why no key could be made: the first unusable value met (undefined when all fields were empty). */
	problem?: KeyProblem;
}

type PartValue = { value: string } | { problem: KeyProblem } | { empty: true };

const KIND_LABEL: Record<KeyKind, string> = {
	domain: 'domain',
	email: 'email',
	companyName: 'company name',
	phone: 'phone',
	field: 'field',
};

function textOf(
	value: unknown,
	field: string,
	kind: KeyKind,
): { text: string } | { problem: KeyProblem } {
	if (typeof value === 'string') return { text: value };
	if (
		(kind === 'phone' || kind === 'field') &&
		(typeof value === 'number' || typeof value === 'boolean')
	) {
		return { text: String(value) };
	}
	return {
		problem: {
			field,
			message: `'${field}' is ${describeType(value)}, but a ${KIND_LABEL[kind]} key needs text: map it to a text field or pick another field`,
		},
	};
}

function normalizePart(part: KeyPart, text: string, field: string): PartValue {
	const fail = (message: string): PartValue => ({
		problem: { field, message: `'${field}': ${message}` },
	});
	switch (part.kind) {
		case 'domain': {
			const result = normalizeDomain(text);
			if (result.error !== undefined) return fail(result.error);
			if (result.isFreeMail && !part.freeMailIsKey) return { empty: true };
			return { value: result.registrable };
		}
		case 'email': {
			const result = normalizeEmail(text, part);
			return result.error !== undefined ? fail(result.error) : { value: result.email };
		}
		case 'phone': {
			const result = normalizePhone(text, part);
			return result.error !== undefined ? fail(result.error) : { value: result.phone };
		}
		case 'companyName': {
			const name = normalizeCompanyName(text);
			return name ? { value: name } : { empty: true };
		}
		case 'field': {
			const value = part.caseSensitive ? text : text.trim().replace(/\s+/g, ' ').toLowerCase();
			return value ? { value } : { empty: true };
		}
	}
}

/** First usable value among the part's fields; an unusable one is kept as the problem to report. */
function readPart(record: PlainRecord, part: KeyPart): { value?: string; problem?: KeyProblem } {
	let problem: KeyProblem | undefined;
	for (const field of part.fields) {
		const raw = getField(record, field);
		if (isEmptyValue(raw)) continue;
		const text = textOf(raw, field, part.kind);
		if ('problem' in text) {
			problem = problem ?? text.problem;
			continue;
		}
		const result = normalizePart(part, text.text, field);
		if ('problem' in result) problem = problem ?? result.problem;
		else if ('value' in result) return { value: result.value };
	}
	return { problem };
}

function partLabel(part: KeyPart): string {
	return part.kind === 'field' ? part.fields.join('|') : part.kind;
}

/** The record's key under one rule, or the problem that stopped it (undefined problem: a field was empty). */
export function ruleKey(record: PlainRecord, rule: KeyRule): RecordKey | { problem?: KeyProblem } {
	const values: string[] = [];
	for (const part of rule) {
		const read = readPart(record, part);
		if (read.value === undefined) return { problem: read.problem };
		values.push(read.value);
	}
	const key =
		rule.length === 1
			? `${partLabel(rule[0])}:${values[0]}`
			: rule.map((part, i) => `${partLabel(part)}:${values[i]}`).join('\u001f');
	return { key, rule, values };
}

/**
 * Human-readable key for match reasons, e.g. `domain acme.com`, or `eventId e-42` for a field key (built only
 * for duplicates, not per record).
 */
export function describeKey({ rule, values }: RecordKey): string {
	return rule
		.map(
			(part, i) =>
				`${part.kind === 'field' ? partLabel(part) : KIND_LABEL[part.kind]} ${values[i]}`,
		)
		.join(' + ');
}

/**
 * The key of the first rule whose parts all have a value. Rules are a fallback chain, e.g. domain first,
 * then company name for records with no company domain (free-mail or none).
 */
export function recordFacts(record: PlainRecord, rules: readonly KeyRule[]): RecordFacts {
	let problem: KeyProblem | undefined;
	for (let ruleIndex = 0; ruleIndex < rules.length; ruleIndex++) {
		const result = ruleKey(record, rules[ruleIndex]);
		if ('key' in result) return { key: result, ruleIndex };
		problem = problem ?? result.problem;
	}
	return { problem };
}

/** Fields a user would fill in to give the record a key, for the "missing key" message. */
export function keyFieldsHint(rules: readonly KeyRule[]): string {
	const fields = new Set<string>();
	rules.forEach((rule) =>
		rule.forEach((part) => part.fields.forEach((field) => fields.add(field))),
	);
	return Array.from(fields).join(', ');
}

/** Registrable domain of the first valid domain among `fields`, free-mail included: the fuzzy-matching block. */
export function domainBlock(record: PlainRecord, fields: readonly string[]): string | undefined {
	for (const field of fields) {
		const raw = getField(record, field);
		if (typeof raw !== 'string' || raw.trim() === '') continue;
		const result = normalizeDomain(raw);
		if (result.error === undefined) return result.registrable;
	}
	return undefined;
}
