// A Clay row checked against the fields a trigger declares. Clay sends whatever its cells hold:
// numbers as text, "N/A" or "" for an empty cell, URLs with stray spaces. The schema coerces what a
// person would call the same value and names every field it cannot accept, so Clay can show it.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { isMissing } from '../fields/getField';
import { toBoolean } from '../fields/values';

export const FIELD_TYPES = [
	'string',
	'number',
	'boolean',
	'email',
	'url',
	'domain',
	'date',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface RowField {
	name: string;
	type: FieldType;
	required: boolean;
}

export interface FieldProblem {
	field: string;
	reason: string;
}

export type RowCheck =
	| { ok: true; row: Record<string, unknown> }
	| { ok: false; errors: FieldProblem[] };

// Labels of letters, digits and inner hyphens, at least one dot, a TLD of letters (IDN in punycode).
const DOMAIN =
	/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

const DATE_HINT = 'expected an ISO 8601 date, e.g. 2024-05-01';
const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

function toNumber(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	// Thousands separators as Clay formats them ("12,500"); anything else non-numeric stays text and fails.
	const text = value.trim().replace(/,(?=\d{3}(\D|$))/g, '');
	return text !== '' && Number.isFinite(Number(text)) ? Number(text) : value;
}

/** Booleans as text become booleans; anything else is left for zod to refuse. */
function asBoolean(value: unknown): unknown {
	const bool = toBoolean(value);
	return bool === undefined ? value : bool;
}

function toIsoDate(value: string, ctx: z.RefinementCtx): string {
	const parsed = DateTime.fromISO(value, { setZone: true });
	if (!parsed.isValid) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: DATE_HINT });
		return z.NEVER;
	}
	return parsed.toISO() as string;
}

const trimmedText = () => z.preprocess(trimmed, z.string({ invalid_type_error: 'expected text' }));

/** One zod type per field type: coercion first (preprocess), then the check with a message a person can act on. */
const TYPE_SCHEMAS: Record<FieldType, () => z.ZodTypeAny> = {
	string: () =>
		z.preprocess(
			(v) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v),
			z.string({ invalid_type_error: 'expected text' }),
		),
	number: () => z.preprocess(toNumber, z.number({ invalid_type_error: 'expected a number' })),
	boolean: () =>
		z.preprocess(asBoolean, z.boolean({ invalid_type_error: 'expected true or false' })),
	email: () =>
		trimmedText()
			.pipe(z.string().email('expected an email address'))
			.transform((v) => v.toLowerCase()),
	url: () =>
		trimmedText().pipe(
			z
				.string()
				.url('expected a URL')
				.refine((v) => /^https?:\/\//i.test(v), 'expected an http(s) URL'),
		),
	domain: () =>
		trimmedText()
			.transform((v) => v.toLowerCase().replace(/\.$/, ''))
			.pipe(z.string().regex(DOMAIN, 'expected a domain such as acme.com (no scheme or path)')),
	date: () =>
		z.preprocess(trimmed, z.string({ invalid_type_error: DATE_HINT }).transform(toIsoDate)),
};

/** Missing values ("", "N/A", "null", null…) become absent, so only `required` decides whether they fail. */
function fieldSchema(field: RowField): z.ZodTypeAny {
	const base = TYPE_SCHEMAS[field.type]();
	return z.preprocess(
		(v) => (isMissing(v) ? undefined : v),
		field.required ? base : base.optional(),
	);
}

/** Declared fields are checked and coerced; any other column passes through untouched. */
export function buildRowSchema(fields: readonly RowField[]) {
	const shape: Record<string, z.ZodTypeAny> = {};
	for (const field of fields) shape[field.name] = fieldSchema(field);
	return z.object(shape).passthrough();
}

/** The first problem per field, in the order the fields were declared. */
function problemsOf(error: z.ZodError, fields: readonly RowField[]): FieldProblem[] {
	const byField = new Map<string, string>();
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? '');
		if (byField.has(field)) continue;
		byField.set(
			field,
			issue.code === 'invalid_type' && issue.received === 'undefined' ? 'required' : issue.message,
		);
	}
	const order = fields.map((f) => f.name);
	return [...byField]
		.map(([field, reason]) => ({ field, reason }))
		.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
}

export function checkRow(row: Record<string, unknown>, fields: readonly RowField[]): RowCheck {
	const result = buildRowSchema(fields).safeParse(row);
	if (result.success) {
		// A missing optional field is dropped by zod only when absent; a placeholder ("N/A") is removed here too.
		const clean = result.data as Record<string, unknown>;
		for (const field of fields) if (clean[field.name] === undefined) delete clean[field.name];
		return { ok: true, row: clean };
	}
	return { ok: false, errors: problemsOf(result.error, fields) };
}

/** Field declarations a user typed: names must be unique and non-empty, types known. */
export function fieldDeclarationProblems(fields: readonly RowField[]): string[] {
	const problems: string[] = [];
	const seen = new Set<string>();
	fields.forEach((field, index) => {
		if (!field.name.trim()) problems.push(`Field ${index + 1} has no name`);
		else if (seen.has(field.name)) problems.push(`Field "${field.name}" is declared twice`);
		seen.add(field.name);
		if (!FIELD_TYPES.includes(field.type))
			problems.push(`Field "${field.name}" has unknown type "${String(field.type)}"`);
	});
	return problems;
}
