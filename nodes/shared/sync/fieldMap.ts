// Checks a sync configuration once, before anything is read or planned, and turns it into the compiled
// form the engine runs on. Parameters come from a workflow as loose JSON, so every name is checked at run
// time and each error names the field at fault and what to write instead. Whether the HubSpot properties
// and warehouse columns exist is the node's check against the live schemas, not this one.
import { TRANSFORMS, isTransformName, type Transform } from './transforms';
import type {
	Direction,
	FieldMap,
	FieldType,
	FilterCondition,
	FilterOperator,
	FilterSet,
	MatchNormalize,
	Side,
	Strategy,
	SyncConfig,
	TimestampPrecision,
	TransformName,
} from './types';

export class SyncConfigError extends Error {
	constructor(
		message: string,
		/** The field (or setting) the error is about. */
		readonly field?: string,
	) {
		super(message);
		this.name = 'SyncConfigError';
	}
}

export interface CompiledField {
	name: string;
	source: string;
	target: string;
	type: FieldType;
	precision: TimestampPrecision;
	toTarget: Transform[];
	toSource: Transform[];
	/** A merge field under the merge strategy: its value is a set, kept sorted. */
	merge: boolean;
	separator: string;
}

export interface CompiledConfig {
	direction: Direction;
	strategy: Strategy;
	fields: CompiledField[];
	/** Whether a side's changes are sent to the other side at all. */
	sends: Record<Side, boolean>;
	/** Keyed by the side whose records the filter is evaluated on. */
	filters: Record<Side, FilterSet>;
	match?: { field: CompiledField; normalize: MatchNormalize };
}

const DIRECTIONS: readonly Direction[] = ['bidirectional', 'source_to_target', 'target_to_source'];
const STRATEGIES: readonly Strategy[] = ['last_write_wins', 'source_wins', 'target_wins', 'merge'];
const TYPES: readonly FieldType[] = ['string', 'number', 'boolean', 'timestamp', 'json'];
const PRECISIONS: readonly TimestampPrecision[] = ['millisecond', 'second', 'day'];
const NORMALIZERS: readonly MatchNormalize[] = ['domain', 'lowercase', 'exact'];
const VALUE_OPERATORS: readonly FilterOperator[] = [
	'eq',
	'neq',
	'contains',
	'gt',
	'gte',
	'lt',
	'lte',
];
const LIST_OPERATORS: readonly FilterOperator[] = ['in', 'not_in'];
const PRESENCE_OPERATORS: readonly FilterOperator[] = ['exists', 'not_exists'];
const OPERATORS = [...VALUE_OPERATORS, ...LIST_OPERATORS, ...PRESENCE_OPERATORS];

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
	return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

function list(values: readonly string[]): string {
	return values.join(', ');
}

function isName(value: unknown): value is string {
	return typeof value === 'string' && value.trim() !== '';
}

// Domain normalization walks the Public Suffix List; a run applies it to the same values several times
// (comparing, deciding, writing), so each compiled configuration remembers its results.
function remembered(transform: Transform): Transform {
	const results = new Map<string, string>();
	return (value) => {
		let result = results.get(value);
		if (result === undefined) {
			result = transform(value);
			results.set(value, result);
		}
		return result;
	};
}

function compileTransforms(
	label: string,
	key: 'toTarget' | 'toSource',
	raw: FieldMap['toTarget'],
	type: FieldType,
): Transform[] {
	if (raw === undefined || raw === null) return [];
	const names: unknown[] = Array.isArray(raw) ? raw : [raw];
	const transforms = names.map((name) => {
		if (!isTransformName(name))
			throw new SyncConfigError(
				`Field '${label}': transform '${String(name)}' in ${key} does not exist; use ${list(Object.keys(TRANSFORMS))}.`,
				label,
			);
		return remembered(TRANSFORMS[name as TransformName]);
	});
	if (transforms.length && type !== 'string')
		throw new SyncConfigError(
			`Field '${label}': transforms work on text, but its type is ${type}; remove ${key} or make the field a string.`,
			label,
		);
	return transforms;
}

function compileField(raw: FieldMap, index: number, separator: string): CompiledField {
	const label =
		(isName(raw?.name) && raw.name) || (isName(raw?.source) && raw.source) || `#${index + 1}`;
	if (!raw || typeof raw !== 'object')
		throw new SyncConfigError(
			`Field ${label}: a field map is an object with source, target and type.`,
		);
	if (!isName(raw.source))
		throw new SyncConfigError(
			`Field '${label}': give the HubSpot property in source, e.g. source: 'domain'.`,
			label,
		);
	if (!isName(raw.target))
		throw new SyncConfigError(
			`Field '${label}': give the warehouse column in target, e.g. target: 'domain'.`,
			label,
		);
	if (raw.name !== undefined && !isName(raw.name))
		throw new SyncConfigError(`Field '${label}': name must be non-empty text, or left out.`, label);
	const name = raw.name ?? raw.source;
	// `$deleted` names the delete conflict; keeping `$` out of field names keeps them apart.
	if (name.startsWith('$'))
		throw new SyncConfigError(`Field '${label}': a name cannot start with $; rename it.`, label);
	if (!oneOf(raw.type, TYPES))
		throw new SyncConfigError(
			`Field '${label}': type '${String(raw.type)}' is not a sync type; use ${list(TYPES)}.`,
			label,
		);
	if (raw.precision !== undefined && raw.type !== 'timestamp')
		throw new SyncConfigError(
			`Field '${label}': precision applies to timestamps only; remove it or make the field a timestamp.`,
			label,
		);
	if (raw.precision !== undefined && !oneOf(raw.precision, PRECISIONS))
		throw new SyncConfigError(
			`Field '${label}': precision '${String(raw.precision)}' is not one of ${list(PRECISIONS)}.`,
			label,
		);
	return {
		name,
		source: raw.source,
		target: raw.target,
		type: raw.type,
		precision: raw.precision ?? 'millisecond',
		toTarget: compileTransforms(label, 'toTarget', raw.toTarget, raw.type),
		toSource: compileTransforms(label, 'toSource', raw.toSource, raw.type),
		merge: false,
		separator,
	};
}

function rejectDuplicates(fields: CompiledField[], key: 'name' | 'source' | 'target', fix: string) {
	const seen = new Set<string>();
	for (const field of fields) {
		if (seen.has(field[key]))
			throw new SyncConfigError(
				`Field '${field.name}': ${key} '${field[key]}' is mapped twice; ${fix}.`,
				field.name,
			);
		seen.add(field[key]);
	}
}

function checkCondition(raw: FilterCondition, where: string): void {
	if (!raw || typeof raw !== 'object' || !isName(raw.field))
		throw new SyncConfigError(
			`${where}: each condition needs a field, e.g. { field: 'lifecyclestage', operator: 'eq', value: 'customer' }.`,
		);
	const label = `${where} on '${raw.field}'`;
	if (!oneOf(raw.operator, OPERATORS))
		throw new SyncConfigError(
			`${label}: operator '${String(raw.operator)}' is not one of ${list(OPERATORS)}.`,
			raw.field,
		);
	if (LIST_OPERATORS.includes(raw.operator) && !Array.isArray(raw.values))
		throw new SyncConfigError(
			`${label}: ${raw.operator} compares with a list; give values: [...].`,
			raw.field,
		);
	if (VALUE_OPERATORS.includes(raw.operator) && raw.value === undefined)
		throw new SyncConfigError(`${label}: ${raw.operator} needs a value.`, raw.field);
}

function compileFilterSet(raw: FilterSet | undefined, name: string): FilterSet {
	if (raw === undefined || raw === null) return {};
	for (const part of ['include', 'exclude'] as const) {
		const conditions = raw[part];
		if (conditions === undefined) continue;
		if (!Array.isArray(conditions))
			throw new SyncConfigError(`Filter ${name}.${part} must be a list of conditions.`);
		conditions.forEach((condition) => checkCondition(condition, `Filter ${name}.${part}`));
	}
	return { include: raw.include ?? [], exclude: raw.exclude ?? [] };
}

/** Validates a configuration and compiles it; throws SyncConfigError naming the field and the fix. */
export function compileSyncConfig(config: SyncConfig): CompiledConfig {
	if (!config || typeof config !== 'object')
		throw new SyncConfigError('The sync configuration must be an object.');
	if (!oneOf(config.direction, DIRECTIONS))
		throw new SyncConfigError(
			`Direction '${String(config.direction)}' is not one of ${list(DIRECTIONS)}.`,
		);
	if (!oneOf(config.strategy, STRATEGIES))
		throw new SyncConfigError(
			`Conflict strategy '${String(config.strategy)}' is not one of ${list(STRATEGIES)}.`,
		);
	const separator = config.listSeparator ?? ';';
	if (typeof separator !== 'string' || separator === '')
		throw new SyncConfigError('listSeparator must be non-empty text, e.g. ";".');
	if (!Array.isArray(config.fields) || config.fields.length === 0)
		throw new SyncConfigError('Map at least one field: fields is empty.');

	const fields = config.fields.map((raw, index) => compileField(raw, index, separator));
	rejectDuplicates(fields, 'name', 'give each field map its own name');
	rejectDuplicates(fields, 'source', 'map each HubSpot property once');
	rejectDuplicates(fields, 'target', 'map each warehouse column once');

	const mergeFields = config.mergeFields ?? [];
	if (!Array.isArray(mergeFields))
		throw new SyncConfigError('mergeFields must be a list of field names.');
	if (mergeFields.length && config.strategy !== 'merge')
		throw new SyncConfigError(
			`mergeFields apply only to the merge strategy: set strategy to merge, or remove mergeFields.`,
		);
	if (config.strategy === 'merge' && mergeFields.length === 0)
		throw new SyncConfigError(
			'The merge strategy needs mergeFields: name the list fields to merge, or use last_write_wins.',
		);
	for (const name of mergeFields) {
		const field = fields.find((f) => f.name === name);
		if (!field)
			throw new SyncConfigError(
				`Merge field '${String(name)}' is not a mapped field; use one of ${list(fields.map((f) => f.name))}.`,
				String(name),
			);
		if (field.type !== 'string' && field.type !== 'json')
			throw new SyncConfigError(
				`Merge field '${name}': only lists merge (string items split on '${separator}', or JSON arrays), but its type is ${field.type}; remove it from mergeFields.`,
				name,
			);
		// A merged set is written identically to both sides; a transform would make the sides differ.
		if (field.toTarget.length || field.toSource.length)
			throw new SyncConfigError(
				`Merge field '${name}': a merged list is written as is to both sides; remove its transforms.`,
				name,
			);
		field.merge = true;
	}

	const filters = config.filters ?? {};
	let match: CompiledConfig['match'];
	if (config.match !== undefined && config.match !== null) {
		const field = fields.find((f) => f.name === config.match?.field);
		if (!field)
			throw new SyncConfigError(
				`Match field '${String(config.match.field)}' is not a mapped field; use one of ${list(fields.map((f) => f.name))}.`,
				String(config.match.field),
			);
		const normalize = config.match.normalize ?? 'exact';
		if (!oneOf(normalize, NORMALIZERS))
			throw new SyncConfigError(
				`Match normalize '${String(normalize)}' is not one of ${list(NORMALIZERS)}.`,
				field.name,
			);
		match = { field, normalize };
	}

	return {
		direction: config.direction,
		strategy: config.strategy,
		fields,
		sends: {
			source: config.direction !== 'target_to_source',
			target: config.direction !== 'source_to_target',
		},
		filters: {
			source: compileFilterSet(filters.sourceToTarget, 'sourceToTarget'),
			target: compileFilterSet(filters.targetToSource, 'targetToSource'),
		},
		match,
	};
}
