// The HubSpot property values each item carries, either mapped from the item's fields (only
// fields that are properties of the object type: Clay rows hold many other columns) or set in the
// node: version 1 one by one (Property Values, a fixed collection), version 2 in a resource mapper
// loaded from the portal's properties.
import type { IDataObject } from 'n8n-workflow';
import { parseTimestamp } from '../../../shared/time/parseTimestamp';
import { listPropertyNames } from '../../api/properties';
import { itemParameter, nodeVersion, runParameter, storedParameter } from './parameters';
import type { Run } from './run';

export type PropertyReader = (index: number) => Record<string, unknown>;

/** Version 1: each Property Values entry's name and value. */
function fixedCollectionReaders(run: Run) {
	const entries =
		(storedParameter(run, 'propertyValues.values') as IDataObject[] | undefined) ?? [];
	return entries.map((_, k) => ({
		name: itemParameter(run, `propertyValues.values[${k}].name`),
		value: itemParameter(run, `propertyValues.values[${k}].value`),
	}));
}

/** Version 2: the resource mapper's value, one entry per property (its internal name). */
function resourceMapperReaders(run: Run) {
	const values = (storedParameter(run, 'propertyMapping.value') as IDataObject | null) ?? {};
	return Object.keys(values).map((name) => ({
		name: () => name,
		value: itemParameter(run, `propertyMapping.value.${name}`, null),
	}));
}

export async function propertyReader(run: Run): Promise<PropertyReader> {
	const mode = runParameter<string>(run, 'propertiesMode', 'mapInput');
	if (mode === 'define') {
		const readers =
			nodeVersion(run) >= 2 ? resourceMapperReaders(run) : fixedCollectionReaders(run);
		return (index) => {
			const values: Record<string, unknown> = {};
			for (const reader of readers) {
				const name = String(reader.name(index) ?? '');
				if (name) values[name] = reader.value(index);
			}
			return values;
		};
	}
	const known = await listPropertyNames(run.client, run.objectType, true);
	const excluded = new Set(
		String(run.rawOptions.excludeFields ?? '')
			.split(',')
			.map((f) => f.trim())
			.filter(Boolean),
	);
	const field = String(run.rawOptions.propertiesField ?? '').trim();
	return (index) => {
		const values: Record<string, unknown> = {};
		const json = run.items[index].json;
		const source = field ? json[field] : json;
		if (field && (typeof source !== 'object' || source === null || Array.isArray(source)))
			throw new Error(
				`Properties Field: the item has no object in "${field}"; point it at the field holding the property values, or clear it to map the item's own fields`,
			);
		for (const [name, value] of Object.entries(source as IDataObject)) {
			if (known.has(name) && !excluded.has(name)) values[name] = value;
		}
		return values;
	};
}

/** lastWriteWins: when each item's data was produced (epoch ms); undefined for other policies. */
export function rowTimestampReader(run: Run): (index: number) => number | undefined {
	if (runParameter<string>(run, 'updatePolicy', 'overwrite') !== 'lastWriteWins')
		return () => undefined;
	const read = itemParameter(run, 'rowTimestamp');
	return (index) => {
		const parsed = parseTimestamp(read(index));
		if (parsed.error !== undefined) throw new Error(`Row Timestamp: ${parsed.error}`);
		return parsed.ms;
	};
}
