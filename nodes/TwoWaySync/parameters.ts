// The Plan operation's parameters as the engine's SyncConfig and the warehouse's column names.
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type {
	FieldMap,
	FilterCondition,
	FilterOperator,
	FilterSet,
	MatchNormalize,
	SyncConfig,
	TransformName,
} from '../shared/sync';
import type { WarehouseColumns } from './records';

export interface PlanParameters {
	config: SyncConfig;
	columns: WarehouseColumns;
	checkFields: boolean;
}

const LIST_OPERATORS: FilterOperator[] = ['in', 'not_in'];
const NO_VALUE: FilterOperator[] = ['exists', 'not_exists'];

function filterSet(raw: IDataObject): FilterSet {
	const set: Required<FilterSet> = { include: [], exclude: [] };
	for (const c of (raw.condition as IDataObject[] | undefined) ?? []) {
		const operator = String(c.operator ?? 'eq') as FilterOperator;
		const text = String(c.value ?? '');
		const condition: FilterCondition = { field: String(c.field ?? '').trim(), operator };
		if (LIST_OPERATORS.includes(operator)) condition.values = text.split(',').map((v) => v.trim());
		else if (!NO_VALUE.includes(operator)) condition.value = text;
		set[c.mode === 'exclude' ? 'exclude' : 'include'].push(condition);
	}
	return set;
}

const transform = (value: unknown): TransformName | undefined =>
	value ? (String(value) as TransformName) : undefined;

export function readPlanParameters(context: IExecuteFunctions): PlanParameters {
	const get = <T>(name: string, fallback: T) => context.getNodeParameter(name, 0, fallback) as T;
	const fields: FieldMap[] = ((get<IDataObject>('fields', {}).field as IDataObject[]) ?? []).map(
		(f) => ({
			source: String(f.source ?? '').trim(),
			target: String(f.target ?? '').trim(),
			type: (f.type ?? 'string') as FieldMap['type'],
			...(transform(f.toTarget) ? { toTarget: transform(f.toTarget) } : {}),
			...(transform(f.toSource) ? { toSource: transform(f.toSource) } : {}),
			...(f.type === 'timestamp' && f.precision
				? { precision: f.precision as FieldMap['precision'] }
				: {}),
		}),
	);
	const strategy = get<SyncConfig['strategy']>('strategy', 'last_write_wins');
	const options = get<IDataObject>('options', {});
	const matchField = get<string>('matchField', '').trim();
	const config: SyncConfig = {
		direction: get<SyncConfig['direction']>('direction', 'bidirectional'),
		strategy,
		fields,
		filters: {
			sourceToTarget: filterSet(get<IDataObject>('hubspotFilters', {})),
			targetToSource: filterSet(get<IDataObject>('warehouseFilters', {})),
		},
		...(options.listSeparator ? { listSeparator: String(options.listSeparator) } : {}),
		...(strategy === 'merge'
			? {
					mergeFields: get<string>('mergeFields', '')
						.split(',')
						.map((name) => name.trim())
						.filter(Boolean),
				}
			: {}),
		...(matchField
			? {
					match: {
						field: matchField,
						normalize: get<MatchNormalize>('matchNormalize', 'domain'),
					},
				}
			: {}),
	};
	return {
		config,
		columns: {
			id: get<string>('idColumn', 'id').trim() || 'id',
			updatedAt: get<string>('updatedAtColumn', 'updated_at').trim() || 'updated_at',
			deleted: get<string>('deletedColumn', '').trim(),
		},
		checkFields: options.checkFields !== false,
	};
}
